from datetime import date

import pytest

from levers.scope import Period, Scope, add_months, sql_params


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2026-10", "maand", date(2026, 10, 1), date(2026, 10, 31), "2026-10"),
        ("2024-02", "maand", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2026-K3", "kwartaal", date(2026, 7, 1), date(2026, 9, 30), "2026-K3"),
        ("2026-q1", "kwartaal", date(2026, 1, 1), date(2026, 3, 31), "2026-K1"),
        ("2025", "jaar", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ],
)
def test_period_parses_month_quarter_and_year(text, kind, start, end, label):
    period = Period.parse(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-K5", "26-10", "oktober"])
def test_period_refuses_what_is_no_period(text):
    with pytest.raises(ValueError, match="geen geldige"):
        Period.parse(text)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 2, 29), -12, date(2023, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -24, date(2024, 1, 15)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_last_day_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_year_earlier_of_leap_february_is_the_whole_february_before():
    earlier = Period.parse("2024-02").year_earlier()
    assert (earlier.start, earlier.end) == (date(2023, 2, 1), date(2023, 2, 28))


def test_scope_drops_municipalities_outside_its_region(empty_db):
    # Haarlem (GM0392) is Zuid-Kennemerland, Velsen (GM0453) is IJmond.
    scope = Scope(regions="IJmond", municipalities=("GM0453", "GM0392"))
    params = sql_params(empty_db, scope, Period.parse("2026-10"))
    assert params["municipalities"] == ["GM0453"]


def test_scope_without_municipalities_means_the_whole_region(empty_db):
    params = sql_params(empty_db, Scope(regions="IJmond"), Period.parse("2026-10"))
    assert params["municipalities"] == ["GM0375", "GM0396", "GM0453"]
