"""Family budget: the year-end forecast of spending against the budget, knowing claims arrive late.

budgetuitputting: ahead.md §1: forecast = Σ over the months of the year so far of (known total × c_L of that
month) + Σ over the remaining months of the expected month total (the same month a year earlier × the growth
of the completed months this year against the same months last year); c_L = the median over months at least 12
months old of (total now / total known at lag L) per region and perceel (fewer than 6: all regions); value =
forecast / budget × 100. Also shown: realised so far (Σ/budget × 100), pro rata (m/12 × 100), the 80% band
from a backtest (prognose_laag/prognose_hoog) and kans_overschrijding (%). With no lag in the data it equals Σ
/ budget × 100. Budget: without a provider filter the perceel-level rows (empty aanbieder) of the scope, or,
where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider filter only those
providers' rows (none → grijs).

c_L, the completion factor at lag L, is the median over mature months of
(total now / total known at lag L) (the schema's completion_factors, from `cost_versions`). With no lag in
the data (every c_L = 1, no remaining months) it is Σ / budget × 100 exactly.

The details: realised so far (Σ/budget × 100), corrected so far, pro rata (m/12 × 100), the 80% band
(`prognose_laag`/`prognose_hoog`: the 10th and 90th percentiles of the backtest's relative errors at the
same month of the year, forecast_backtest), the median outcome, `kans_overschrijding` (the share of those
errors that would put the year over budget, %) and the month the budget is reached at the median.

Budget: without a provider filter the perceel-level rows (empty aanbieder) of the scope, or, where a
(jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider filter only those
providers' rows (none → grijs). A budget with no costs yet forecasts 0%.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.catalogue import definition
from levers.family import Context, Family
from levers.reasons import Reason

# Detail keys besides the band's (the catalogue's band_fields): what the report and the fan chart show.
REALISED, CORRECTED, PRO_RATA = "gerealiseerd", "gecorrigeerd", "pro_rata"
MEDIAN, OVERSPEND, BUDGET_MONTH = "prognose_mediaan", "kans_overschrijding", "maand_budget_bereikt"
POOLED = "factoren_alle_regios"  # 1: the completion factors came from all regions of the database


@dataclass(frozen=True)
class Budget:
    months: int  # m
    spent: float  # Σ bedrag of those months as known now
    corrected: float  # Σ of known × c_L
    forecast: float  # corrected + expected remaining months
    budget: float | None  # None: no budget in scope
    forecast_pct: float | None
    realised_pct: float | None
    corrected_pct: float | None
    pro_rata_pct: float
    forecast_low_pct: float | None  # the 80% band; None without a budget or without a backtest
    forecast_median_pct: float | None
    forecast_high_pct: float | None
    overspend_pct: float | None  # kans op overschrijding
    budget_month: int | None  # the month of the year the budget is reached at the median; None: not this year
    pooled_factors: bool
    # cumulative euros per month of the year 1 … 12 (None where a path does not run): the fan chart's lines
    path_realised: list
    path_corrected: list
    path_median: list
    path_low: list
    path_high: list


def build(row: Budget, ctx: Context) -> dict:
    no_budget = Reason.NO_PROVIDER_BUDGET if ctx.scope.providers else Reason.NO_BUDGET
    low, high = definition("budgetuitputting").band_fields  # the detail keys the charts draw the band from
    details = ((REALISED, row.realised_pct), (CORRECTED, row.corrected_pct), (PRO_RATA, row.pro_rata_pct),
               (low, row.forecast_low_pct), (high, row.forecast_high_pct), (MEDIAN, row.forecast_median_pct),
               (OVERSPEND, row.overspend_pct),
               (BUDGET_MONTH, float(row.budget_month) if row.budget_month is not None else None),
               (POOLED, 1.0 if row.pooled_factors else 0.0))
    return {"budgetuitputting": ctx.result("budgetuitputting", row.forecast_pct, row.budget,
                                           reason=None if row.budget else no_budget, details=details)}


FAMILY = Family("budget", "budget.sql", Budget, build, row_sets=("costs_year",))
