"""Under 18 and persons (indicators.md, version 3): per-1.000 numerators count persons under 18 — a
person's class is that of their latest trajectory started by p_end, empty counts as under 18 — and
residentieel_per_1000 and jongvolwassenen count persons. Every value is worked out by hand below.
"""

from datetime import date

import pytest

from levers import suppression
from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import add_population, add_trajectory

IJMOND = Scope("IJmond")


@pytest.fixture
def ages_db(empty_db, monkeypatch):
    monkeypatch.setattr(suppression, "SMALL_COUNT_LIMIT", 0)
    monkeypatch.setattr(suppression, "MIN_DENOMINATOR", 0)
    con = empty_db
    add_population(con, year=2024, youths=1000)
    add_trajectory(con, client="a", start=date(2024, 1, 1), age_group="12-17")
    add_trajectory(con, client="b", start=date(2023, 1, 1), age_group="12-17")
    add_trajectory(con, client="b", start=date(2024, 2, 10), age_group="18-22")  # b turned 19: latest class
    add_trajectory(con, client="c", start=date(2023, 1, 1), end=date(2023, 6, 30), age_group="18-22")
    add_trajectory(con, client="c", start=date(2024, 1, 5))  # latest class empty: under 18
    add_trajectory(con, client="d", start=date(2024, 1, 1), age_group="12-17")
    add_trajectory(con, client="d", start=date(2024, 3, 5), age_group="18-22")  # after February
    add_trajectory(con, client="e", start=date(2024, 2, 3), category=46, age_group="18-22")  # crisis, adult
    add_trajectory(con, client="f", start=date(2023, 9, 1), category=37, age_group="4-11")  # residential
    add_trajectory(con, client="g", start=date(2023, 9, 1), category=43, age_group="18-22")  # residential, adult
    add_trajectory(con, client="h", start=date(2024, 2, 20), category=46, age_group="12-17")  # crisis
    return con


# persons active in both periods: a, b, c, d, e, f, g, h = 8
# February: young adults b, e, g = 3, under 18 a, c, d, f, h = 5
# first quarter: d's latest trajectory by 31 March is 18-22: young adults b, d, e, g = 4, under 18 = 4
@pytest.mark.parametrize(("code", "period", "expected"), [
    ("unieke_jeugdigen", "2024-02", 8),  # b, 19, is in care
    ("jeugdhulp_per_1000", "2024-02", 5 / 1000 * 1000),  # but not in the rate over the 0–17 population
    ("jeugdhulp_per_1000", "2024-K1", 4 / 1000 * 1000),
    ("crisis_per_1000", "2024-02", 1 / 1000 * 1000),  # h; e is a young adult
    ("residentieel_per_1000", "2024-02", 1 / 1000 * 1000),  # f; g is a young adult
    ("residentieel_per_1000", "2024-K1", 1 / 1000 * 1000),
    ("jongvolwassenen", "2024-02", 3 / 8 * 100),
    ("jongvolwassenen", "2024-K1", 4 / 8 * 100),
    ("zonder_verblijf", "2024-02", 6 / 8 * 100),  # all but f and g
])
def test_rates_per_1000_count_persons_under_18_by_their_latest_class(ages_db, code, period, expected):
    assert indicator(ages_db, code, IJMOND, Period.parse(period)).value == pytest.approx(expected)


def test_residentieel_per_1000_is_not_shown_with_a_provider_filter(ages_db):
    result = indicator(ages_db, "residentieel_per_1000", Scope("IJmond", providers=("P1",)), Period.parse("2024-02"))
    assert result.value is None and result.status == "grijs"
