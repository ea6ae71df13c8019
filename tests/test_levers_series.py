from datetime import date

import pytest

from levers.catalogue import of_lever
from levers.scope import Period, Scope
from levers.series import outlier_flags, series, series_of_lever, series_periods
from tests.builders import add_trajectory

OCTOBER = Period.parse("2026-10")

# Twelve values alternating 10 and 12: mean 11; every deviation is ±1, so the sample variance is
# 12 / 11 = 1.0909 and the sample sd 1.0445; mean ± 2 sd = [8.911, 13.089].
# (The population sd would be 1, giving [9, 13].)
ALTERNATING = [10.0, 12.0] * 6


@pytest.mark.parametrize(
    ("latest", "is_outlier"),
    [
        (13.0, False),
        (13.05, False),  # outside [9, 13] but inside [8.911, 13.089]: the sd is the sample sd
        (13.1, True),
        (9.0, False),
        (8.9, True),
    ],
)
def test_the_latest_value_is_an_outlier_outside_two_sample_sds(latest, is_outlier):
    assert outlier_flags([*ALTERNATING, latest])[-1] is is_outlier


def test_points_with_fewer_than_twelve_values_before_them_are_never_flagged():
    # 1 … 11 then 1000: only 11 values precede 1000.
    assert outlier_flags([*range(1, 12), 1000.0]) == (False,) * 12


def test_missing_values_are_skipped_and_not_counted():
    # The Nones are no values: 1000 still has only 11 values before it, so it is not flagged ...
    values = [None, *ALTERNATING[:6], None, *ALTERNATING[6:11], 1000.0, None]
    flags = outlier_flags(values)
    assert flags == (False,) * len(values)
    # ... and with the twelfth value in place, 1000 is compared with the 12 values (mean 11).
    flags = outlier_flags([None, *ALTERNATING[:6], None, *ALTERNATING[6:], 1000.0, None])
    assert flags[-2:] == (True, False)


def test_every_point_is_compared_with_its_own_twelve_predecessors():
    # 13.1 is an outlier against the alternating twelve; the next point 12 is compared with
    # 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 13.1: mean (6 × 12 + 5 × 10 + 13.1) / 12 = 11.258;
    # squared deviations 6 × 0.742² + 5 × 1.258² + 1.842² = 14.61, / 11 → sd 1.152;
    # 12 lies inside [8.95, 13.56].
    assert outlier_flags([*ALTERNATING, 13.1, 12.0])[-2:] == (True, False)


def test_a_flat_series_flags_any_change_and_never_itself():
    # sd 0: mean ± 0 holds only the mean itself.
    flat = [100 / 3] * 12
    assert outlier_flags([*flat, 100 / 3])[-1] is False
    assert outlier_flags([*flat, 34.0])[-1] is True
    # 0.57 * 100 is 56.99999999999999 in floating point: the same 57% computed another way.
    assert outlier_flags([0.57 * 100] * 12 + [57.0])[-1] is False


def test_a_monthly_series_has_the_24_months_up_to_p_end():
    periods = series_periods("instroom", Period.parse("2026-10"))
    assert len(periods) == 24
    assert (periods[0].label, periods[-1].label) == ("2024-11", "2026-10")
    assert (periods[0].start, periods[-1].end) == (date(2024, 11, 1), date(2026, 10, 31))


def test_the_series_of_a_year_ends_with_its_december():
    periods = series_periods("uitval", Period.parse("2024"))
    assert [p.label for p in periods[:2]] + [periods[-1].label] == ["2023-01", "2023-02", "2024-12"]
    assert periods[13].end == date(2024, 2, 29)  # the leap day is the last day of 2024-02


@pytest.mark.parametrize("code", ["doelrealisatie", "tevredenheid", "weigeringen", "aanlevering"])
def test_an_uitkomsten_series_has_the_8_quarters_up_to_the_quarter_of_p_end(code):
    periods = series_periods(code, Period.parse("2026-11"))
    assert [p.label for p in periods] == [
        "2025-K1", "2025-K2", "2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3", "2026-K4",
    ]
    assert (periods[0].start, periods[-1].end) == (date(2025, 1, 1), date(2026, 12, 31))


def _starts(con, month: Period, count: int) -> None:
    for i in range(count):
        add_trajectory(con, client=f"{month.label}-{i}", start=month.start)


def test_the_series_of_an_indicator_flags_its_latest_outlier(empty_db):
    # instroom from 2024-11: alternately 10 and 12 starts a month for 23 months, then 20 in 2026-10.
    # Before 2026-10 the 12 values are six 10s and six 12s: mean 11, sample sd 1.0445, so 20 lies
    # outside [8.91, 13.09]. No earlier point is flagged: every one of them lies inside that range.
    periods = series_periods("instroom", OCTOBER)
    for index, month in enumerate(periods[:-1]):
        _starts(empty_db, month, 10 if index % 2 == 0 else 12)
    _starts(empty_db, periods[-1], 20)
    result = series(empty_db, "instroom", Scope(region="IJmond"), OCTOBER)
    assert [point.value for point in result.points] == [10.0, 12.0] * 11 + [10.0, 20.0]
    assert [point.period_label for point in result.points][:2] == ["2024-11", "2024-12"]
    assert [point.is_outlier for point in result.points] == [False] * 23 + [True]
    assert result.latest_is_outlier


def test_suppressed_points_have_no_value_and_no_flag(empty_db):
    # Three starts in 2026-10 are shown as <5: no value to compare.
    _starts(empty_db, OCTOBER, 3)
    latest = series(empty_db, "instroom", Scope(region="IJmond"), OCTOBER).points[-1]
    assert (latest.value, latest.value_label, latest.is_outlier) == (None, "<5", False)


def test_a_lever_series_is_monthly_except_for_uitkomsten_indicators(empty_db):
    all_series = series_of_lever(empty_db, "diagnostics", Scope(region="IJmond"), OCTOBER)
    assert [s.code for s in all_series] == [entry.code for entry in of_lever("diagnostics")]
    lengths = {s.code: len(s.points) for s in all_series}
    assert lengths["doelrealisatie"] == 8 and lengths["instroom"] == 24
    assert {s.code for s in all_series if len(s.points) == 8} == {"doelrealisatie"}
    doelrealisatie = next(s for s in all_series if s.code == "doelrealisatie")
    assert doelrealisatie.points[-1].period_label == "2026-K4"
