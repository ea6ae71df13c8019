"""Family budget: the forecast of the year's spending against its budget.

budgetuitputting: m = months from January through the month of p_end; forecast = (Σ bedrag of those
months of that year) / m × 12 / budget × 100. Also shown: realised so far (Σ/budget × 100) and pro
rata (m/12 × 100). Budget: without a provider filter the perceel-level rows (empty aanbieder) of the
scope, or, where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider
filter only those providers' rows (none → grijs)

Spending follows the same scope (municipalities, perceel, providers). Months without spending add
nothing: a budget with no costs yet forecasts 0%. The budget is the denominator.

The forecast's band (the details its catalogue entry names in `band_fields`, drawn on its chart): the 12 − m
months still to come are taken as independent months spending like the m months so far, so their sum
varies by s · √(12 − m), s the sample standard deviation of the m monthly totals (January through the
month of p_end, a month without spending counting as 0). Band = (spent / m × 12 ± 2 · s · √(12 − m)) /
budget × 100, about 95% of the outcomes if months vary around their mean as they did so far. No band
in January (one month has no spread); in December it closes on the forecast.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.catalogue import definition
from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class Budget:
    months: int  # m
    spent: float  # Σ bedrag of those months
    budget: float | None  # None: no budget in scope
    forecast_pct: float | None
    realised_pct: float | None
    pro_rata_pct: float
    forecast_low_pct: float | None  # the band (see the module note); None without a budget or in January
    forecast_high_pct: float | None


def build(row: Budget, ctx: Context) -> dict:
    no_budget = Reason.NO_PROVIDER_BUDGET if ctx.scope.providers else Reason.NO_BUDGET
    low, high = definition("budgetuitputting").band_fields  # the detail keys the charts draw the band from
    details = (("gerealiseerd", row.realised_pct), ("pro_rata", row.pro_rata_pct),
               (low, row.forecast_low_pct), (high, row.forecast_high_pct))
    return {"budgetuitputting": ctx.result("budgetuitputting", row.forecast_pct, row.budget,
                                           reason=None if row.budget else no_budget, details=details)}


FAMILY = Family("budget", "budget.sql", Budget, build, row_sets=("costs_year",))
