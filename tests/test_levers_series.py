from datetime import date

import pytest

from levers.catalogue import of_lever
from levers.scope import Period, Scope
from levers.series import series, series_of_lever, series_periods
from tests.builders import add_trajectory

OCTOBER = Period.parse("2026-10")

def test_a_monthly_series_has_the_24_months_up_to_p_end():
    periods = series_periods("instroom", Period.parse("2026-10"))
    assert len(periods) == 24
    assert (periods[0].label, periods[-1].label) == ("2024-11", "2026-10")
    assert (periods[0].start, periods[-1].end) == (date(2024, 11, 1), date(2026, 10, 31))


def test_a_quarter_has_the_12_quarters_up_to_it():
    periods = series_periods("instroom", Period.parse("2026-K3"))
    assert [p.label for p in periods[:2]] + [periods[-1].label] == ["2023-K4", "2024-K1", "2026-K3"]
    assert len(periods) == 12 and periods[-1].end == date(2026, 9, 30)


def test_a_year_has_the_5_years_up_to_it():
    periods = series_periods("uitval", Period.parse("2024"))
    assert [p.label for p in periods] == ["2020", "2021", "2022", "2023", "2024"]
    assert (periods[0].start, periods[-1].end) == (date(2020, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize("code", ["doelrealisatie", "tevredenheid", "weigeringen", "aanlevering"])
@pytest.mark.parametrize(
    ("period", "last_quarter", "first", "last"),
    [
        ("2026-11", Period.parse("2026-K3"), "2023-K4", "2026-K3"),  # ends at the quarter the value comes from
        ("2026-K4", Period.parse("2026-K3"), "2023-K4", "2026-K3"),  # a quarter that falls back, too
        ("2026-11", None, "2023-K4", "2026-K3"),  # none reportable: the last quarter ended by 11-30
        ("2026-09", None, "2023-K4", "2026-K3"),  # K3 ends on p_end
    ],
)
def test_an_uitkomsten_series_has_12_quarters_ending_at_the_quarter_its_value_comes_from(
    code, period, last_quarter, first, last
):
    periods = series_periods(code, Period.parse(period), last_quarter)
    assert (len(periods), periods[0].label, periods[-1].label) == (12, first, last)


def test_an_uitkomsten_series_of_a_year_has_5_years():
    assert [p.label for p in series_periods("tevredenheid", Period.parse("2026"))] == [
        "2022", "2023", "2024", "2025", "2026",
    ]


def _starts(con, month: Period, count: int) -> None:
    for i in range(count):
        add_trajectory(con, client=f"{month.label}-{i}", start=month.start)


def test_the_series_of_an_indicator_marks_a_special_cause_in_its_last_point(empty_db):
    # instroom from 2024-11: alternately 10 and 12 starts a month for 23 months, then 20 in 2026-10.
    # CL = (12 × 10 + 11 × 12 + 20) / 24 = 11.33; mR̄ = (22 × 2 + 10) / 23 = 2.348; UPL = 11.33 + 6.25
    # = 17.58 < 20. The others alternate around CL inside the 2σ band [7.17, 15.50]: not special.
    # instroom has no better direction and no norm: variatie bijzonder, no zekerheid.
    periods = series_periods("instroom", OCTOBER)
    for index, month in enumerate(periods[:-1]):
        _starts(empty_db, month, 10 if index % 2 == 0 else 12)
    _starts(empty_db, periods[-1], 20)
    result = series(empty_db, "instroom", Scope(regions="IJmond"), OCTOBER)
    assert [point.value for point in result.points] == [10.0, 12.0] * 11 + [10.0, 20.0]
    assert [point.period_label for point in result.points][:2] == ["2024-11", "2024-12"]
    assert [point.is_special for point in result.points] == [False] * 23 + [True]
    assert (result.variation.variatie, result.variation.zekerheid) == ("bijzonder", "")


def test_suppressed_points_have_no_value_and_no_mark(empty_db):
    # Three starts in 2026-10 are shown as <5: no value, so the last point gives no variatie.
    _starts(empty_db, OCTOBER, 3)
    result = series(empty_db, "instroom", Scope(regions="IJmond"), OCTOBER)
    latest = result.points[-1]
    assert (latest.value, latest.value_label, latest.is_special) == (None, "<5", False)
    assert result.variation.variatie == ""


def test_a_lever_series_is_monthly_except_for_uitkomsten_indicators(empty_db):
    # No uitkomsten at all: the quarters end at the last quarter ended by 2026-10-31, K3.
    all_series = series_of_lever(empty_db, "diagnostics", Scope(regions="IJmond"), OCTOBER)
    assert [s.code for s in all_series] == [entry.code for entry in of_lever("diagnostics")]
    lengths = {s.code: len(s.points) for s in all_series}
    assert lengths["doelrealisatie"] == 12 and lengths["instroom"] == 24
    assert {s.code for s in all_series if len(s.points) == 12} == {"doelrealisatie"}
    doelrealisatie = next(s for s in all_series if s.code == "doelrealisatie")
    assert doelrealisatie.points[-1].period_label == "2026-K3"
