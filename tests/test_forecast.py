"""The year-end forecast that knows claims arrive late (ahead.md §1), on small hand-made databases.

Every expected figure is worked out by hand in the test from the rows it inserts: the completion factors
from hand-made vintages, the forecast from the months and factors, and the no-lag case against Σ / budget.
"""

from datetime import date
from statistics import median

import pytest

from data.store import db, forecast_basis
from data.ingest.load import load_file
from figures.figures import of_connection
from levers.families.budget import FAMILY
from levers.scope import Period, Scope, sql_params
from levers.sql_files import period_rows

BEVERWIJK, HEEMSKERK = "GM0375", "GM0396"  # both in IJmond (the reference list)


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "forecast.duckdb")
    yield connection
    connection.close()


def _cost(con, month: date, amount: float, *, municipality=BEVERWIJK, lot="complex", kind="declaratie",
          provider="P1"):
    con.execute("insert into costs values ($month, $municipality, $provider, $lot, 45, $kind, $amount, 1)",
                {"month": month, "municipality": municipality, "provider": provider, "lot": lot, "kind": kind,
                 "amount": amount})


def _version(con, month: date, amount: float, replaced_on: date, *, municipality=BEVERWIJK, lot="complex"):
    con.execute("insert into cost_versions values ($month, $municipality, $lot, 'P1', 'declaratie', $amount, 1, $on)",
                {"month": month, "municipality": municipality, "lot": lot, "amount": amount, "on": replaced_on})


def _budget(con, year: int, amount: float, *, municipality=BEVERWIJK, lot="complex"):
    con.execute("insert into budgets values ($year, $municipality, $lot, null, $amount, 1)",
                {"year": year, "municipality": municipality, "lot": lot, "amount": amount})


def _forecast_row(con, period: Period, scope: Scope = Scope(regions="IJmond")) -> dict:
    return period_rows(con, FAMILY.sql, sql_params(con, scope, period))[0]


def _six_months_known_late(con) -> list[float]:
    """January–June 2024 in Beverwijk: first upload (5th of the next month) 50, 60, … 100; the second upload
    (5th a month later) brought each to 100, as stored now. The newest month (December 2025) makes them
    mature. Returns the totals known at lag 0."""
    first = [50.0, 60.0, 70.0, 80.0, 90.0, 100.0]
    for index, known in enumerate(first):
        month = date(2024, index + 1, 1)
        _version(con, month, 0, date(2024, index + 2, 5))  # the first upload replaced nothing
        _version(con, month, known, date(2024, index + 3, 5))  # the second replaced the first's total
        _cost(con, month, 100)
    _cost(con, date(2025, 12, 1), 1, municipality=HEEMSKERK)
    forecast_basis.refresh(con)
    return first


def test_completion_factors_are_the_median_of_total_now_over_total_known_at_each_lag(con):
    first = _six_months_known_late(con)
    factors = dict(con.execute("select lag, factor from cost_completion where region = 'IJmond' and lot = 'complex'")
                   .fetchall())
    assert factors[0] == pytest.approx(median(100 / known for known in first))  # (100/70 + 100/80) / 2
    assert factors[0] == pytest.approx((100 / 70 + 100 / 80) / 2)
    assert factors[1] == 1.0  # the second upload brought every month to its final total
    assert factors[11] == 1.0


def test_with_fewer_than_six_mature_months_a_region_takes_the_factors_of_all_regions(con):
    _six_months_known_late(con)
    pooled = con.execute("select factor, pooled from cost_completion where region = 'Zuid-Kennemerland' "
                         "and lot = 'complex' and lag = 0").fetchone()
    assert pooled == (pytest.approx((100 / 70 + 100 / 80) / 2), True)


def test_without_any_lag_in_the_data_the_forecast_is_the_sum_over_the_budget_to_the_cent(con):
    amounts = [1234.56, 2345.67, 3456.78, 4567.89, 5678.91, 6789.12, 7891.23, 8912.34, 9123.45, 1357.91,
               2468.02, 3579.13]
    for month, amount in enumerate(amounts, start=1):
        _cost(con, date(2025, month, 1), amount)
    _budget(con, 2025, 60_000)
    forecast_basis.refresh(con)
    row = _forecast_row(con, Period.month(2025, 12))
    spent = 57_405.01  # the twelve amounts added by hand
    assert round(row["forecast"], 2) == spent
    assert round(row["spent"], 2) == spent
    assert row["forecast_pct"] == pytest.approx(spent / 60_000 * 100, abs=1e-9)
    value = of_connection(con).indicators(Scope(regions="IJmond"), Period.month(2025, 12), "boundaries")[0]
    assert value.code == "budgetuitputting" and round(value.value, 2) == round(spent / 60_000 * 100, 2)


def test_the_remaining_months_are_last_year_times_this_years_growth_and_late_months_are_corrected(con):
    first = _six_months_known_late(con)  # c_0 = (100/70 + 100/80) / 2 for IJmond complex
    c0 = (100 / 70 + 100 / 80) / 2
    for month in range(1, 13):  # last year, loaded at once in January 2025 (teaches no lags): 100, December 160
        _cost(con, date(2024, month, 1), 160 if month == 12 else 100, municipality=HEEMSKERK)
        _version(con, date(2024, month, 1), 0, date(2025, 1, 5), municipality=HEEMSKERK)
    for month in range(1, 12):  # this year: 110 a month; November (the newest, lag 0) only 66 so far
        _cost(con, date(2025, month, 1), 66 if month == 11 else 110, municipality=HEEMSKERK)
    con.execute("delete from costs where month = '2025-12-01'")
    _budget(con, 2025, 1_000, municipality=HEEMSKERK)
    forecast_basis.refresh(con)
    row = _forecast_row(con, Period.month(2025, 11), Scope(regions="IJmond", municipalities=(HEEMSKERK,)))
    corrected = 10 * 110 + 66 * c0  # only November is at lag 0
    growth = corrected / (11 * 100)  # against January–November last year
    assert first  # the six months that taught the factors
    assert row["spent"] == pytest.approx(10 * 110 + 66)
    assert row["corrected"] == pytest.approx(corrected)
    assert row["forecast"] == pytest.approx(corrected + 160 * growth)
    assert row["forecast_pct"] == pytest.approx((corrected + 160 * growth) / 1_000 * 100)


def test_a_kosten_upload_keeps_what_it_replaced_as_totals(con):
    header = "periode;gemeente;aanbieder;perceel;productcategorie;soort;bedrag\n"
    first = header + "2025-10;GM0375;P1;complex;45;declaratie;600,00\n2025-10;GM0375;P2;complex;45;declaratie;50,00\n"
    second = header + "2025-10;GM0375;P1;complex;45;declaratie;900,00\n2025-10;GM0375;P3;complex;45;declaratie;10,00\n"
    for code in ("P1", "P2", "P3"):
        con.execute("insert into providers (provider, name, lot, role, regions) "
                    "values ($code, $code, 'complex', 'regulier', 'IJmond')", {"code": code})
    for text in (first, second):
        assert load_file(con, text.encode(), "kosten.csv", kind="kosten", uploader="test").errors == ()
    kept = con.execute("select provider, amount::double, upload_id from cost_versions order by upload_id, provider")\
        .fetchall()
    first_id, second_id = sorted({upload for *_, upload in kept})
    assert [(p, a) for p, a, u in kept if u == first_id] == [("P1", 0.0), ("P2", 0.0)]  # nothing before
    assert [(p, a) for p, a, u in kept if u == second_id] == [("P1", 600.0), ("P2", 50.0), ("P3", 0.0)]
    assert con.execute("select sum(amount)::double from costs").fetchone()[0] == 910.0


def test_the_band_and_the_chance_of_overspending_come_from_the_backtest_errors_at_the_same_month(con):
    for month in range(1, 13):  # this year 100 a month through June: forecast 1200 with no last year
        _cost(con, date(2025, month, 1), 100) if month <= 6 else None
    _budget(con, 2025, 1_150)
    forecast_basis.refresh(con)
    errors = [-0.10, -0.05, 0.0, 0.02, 0.05, 0.08, 0.10, 0.20, -0.02, 0.04, 0.06]  # forecast / outcome − 1
    con.execute("delete from cost_backtest")
    for index, error in enumerate(errors):
        con.execute("insert into cost_backtest values ('IJmond', 'complex', $year, 6, null, 1 + $error, 1)",
                    {"year": 2000 + index, "error": error})
    con.execute("insert into cost_backtest values ('IJmond', 'complex', 1999, 5, null, 9, 1)")  # another month
    row = _forecast_row(con, Period.month(2025, 6))
    ordered = sorted(errors)  # 11 errors: the 10th percentile lies at position 1.0, the 90th at 9.0
    q10, q90 = ordered[1], ordered[9]
    assert row["forecast"] == pytest.approx(1200)
    assert row["forecast_low_pct"] == pytest.approx(1200 / (1 + q90) / 1150 * 100)  # outcome = forecast / (1 + e)
    assert row["forecast_high_pct"] == pytest.approx(1200 / (1 + q10) / 1150 * 100)
    over = sum(1200 / (1 + error) > 1150 for error in errors)  # e < 1200/1150 − 1 = 4.3%: -0.10, -0.05, -0.02, 0, 0.02, 0.04
    assert over == 6
    assert row["overspend_pct"] == pytest.approx(over / len(errors) * 100)
