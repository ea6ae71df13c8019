"""The year-end forecast's backtest and fan chart (ahead.md §1): figures the budget family's forecast implies.

The forecast itself is the budget family's one query (levers/sql/budget.sql); this module reads what it
learned (the backtest in `cost_backtest`) and the fan of one period, for the command line and the charts.
Pure functions over a DuckDB connection and a scope; nothing here formats for a reader.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.chart_model import FanModel
from levers.families.budget import FAMILY
from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql, period_rows


@dataclass(frozen=True)
class BacktestMonth:
    month_of_year: int  # the month of p_end the forecast was made at
    cases: int  # (perceel, year) pairs of the region
    old_mae_pct: float  # mean absolute error of Σ so far / m × 12, in % of the outcome
    new_mae_pct: float  # the same of the corrected forecast
    coverage_pct: float  # how often the 80% band (from the other years) held the outcome


def backtest(con: duckdb.DuckDBPyConnection, region: str) -> list[BacktestMonth]:
    """Per month of the year, the old and the new forecast's errors for `region` and the band's coverage;
    empty when no past year is complete yet."""
    rows = con.execute(load_sql("backtest.sql"), {"region": region}).fetchall()
    return [BacktestMonth(*row) for row in rows]


def fan(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> FanModel | None:
    """The fan of the year of p_end: the budget family's own query for the month of p_end, read for its
    paths (one computation of the forecast, so the fan and `budgetuitputting` cannot differ)."""
    month = Period.month(period.end.year, period.end.month)
    rows = period_rows(con, FAMILY.sql, sql_params(con, scope, month))
    if not rows:
        return None
    row = rows[0]
    if not any(value for value in row["path_corrected"] or ()):
        return None

    def path(name: str) -> tuple[float | None, ...]:
        return tuple(row[name] or (None,) * 12)

    return FanModel(year=month.end.year, months=row["months"], realised=path("path_realised"),
                    corrected=path("path_corrected"), median=path("path_median"), low=path("path_low"),
                    high=path("path_high"), budget=row["budget"], overspend_pct=row["overspend_pct"],
                    budget_month=row["budget_month"], pooled=row["pooled_factors"])
