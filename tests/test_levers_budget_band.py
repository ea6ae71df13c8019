"""The band around the budget forecast (issue 13 §3): forecast ± 2 · s · √(12 − m), worked out by hand."""

from datetime import date
from math import sqrt

import pytest

from levers.runner import compute
from levers.scope import Period, Scope
from tests.builders import add_budget, add_cost

IJMOND = Scope(regions="IJmond")


def _forecast(con, period):
    [[result]] = compute(con, IJMOND, [Period.parse(period)], ["budgetuitputting"])
    return result


def test_the_band_widens_the_forecast_by_twice_the_monthly_spread_over_the_months_to_come(empty_db):
    add_budget(empty_db, year=2024, budget=1_200)
    for month, amount in ((1, 100), (2, 200), (3, 300)):
        add_cost(empty_db, month=date(2024, month, 1), amount=amount)
    result = _forecast(empty_db, "2024-03")
    # spent 600 in m = 3 months: forecast 600 / 3 × 12 = 2.400 = 200 % of 1.200.
    # monthly 100, 200, 300: mean 200, s = √((100² + 0 + 100²) / 2) = 100; 9 months to come:
    # 2.400 ± 2 × 100 × 3 = 1.800 .. 3.000 -> 150 % .. 250 %
    assert result.value == pytest.approx(200)
    assert (result.detail["prognose_laag"], result.detail["prognose_hoog"]) == (pytest.approx(150), pytest.approx(250))


def test_a_month_without_spending_counts_as_zero_in_the_spread(empty_db):
    add_budget(empty_db, year=2024, budget=1_000)
    add_cost(empty_db, month=date(2024, 1, 1), amount=200)  # February: nothing
    result = _forecast(empty_db, "2024-02")
    # spent 200 in 2 months: forecast 1.200 = 120 %; monthly 200, 0: s = √((100² + 100²) / 1) = 141.42;
    # 10 months to come: 1.200 ± 2 × 141.42 × √10 = 1.200 ± 894.43 -> 30.56 % .. 209.44 %
    spread = 2 * sqrt(20_000) * sqrt(10)
    assert result.detail["prognose_laag"] == pytest.approx((1_200 - spread) / 10)
    assert result.detail["prognose_hoog"] == pytest.approx((1_200 + spread) / 10)


def test_january_has_no_band_and_december_closes_it_on_the_forecast(empty_db):
    add_budget(empty_db, year=2024, budget=1_200)
    for month in range(1, 13):
        add_cost(empty_db, month=date(2024, month, 1), amount=50 * month)
    january, december = _forecast(empty_db, "2024-01"), _forecast(empty_db, "2024-12")
    assert (january.detail["prognose_laag"], january.detail["prognose_hoog"]) == (None, None)
    # December: Σ 50 × (1 + … + 12) = 3.900 = 325 % of 1.200, nothing left to vary
    assert december.detail["prognose_laag"] == pytest.approx(325) == december.detail["prognose_hoog"]
