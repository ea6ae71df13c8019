"""Family budget: the forecast of the year's spending against its budget.

budgetuitputting: m = months from January through the month of p_end; forecast = (Σ bedrag of those
months of that year) / m × 12 / budget × 100. Also shown: realised so far (Σ/budget × 100) and pro
rata (m/12 × 100). Budget: without a provider filter the perceel-level rows (empty aanbieder) of the
scope, or, where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider
filter only those providers' rows (none → grijs)

Spending follows the same scope (municipalities, perceel, providers). Months without spending add
nothing: a budget with no costs yet forecasts 0%. The budget is the denominator.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family

REASON_NO_BUDGET = "geen budget vastgesteld voor dit jaar"
REASON_NO_PROVIDER_BUDGET = "geen budget per aanbieder vastgesteld voor de gekozen aanbieder(s)"


@dataclass(frozen=True)
class Budget:
    months: int  # m
    spent: float  # Σ bedrag of those months
    budget: float | None  # None: no budget in scope
    forecast_pct: float | None
    realised_pct: float | None
    pro_rata_pct: float


def build(row: Budget, ctx: Context) -> dict:
    no_budget = REASON_NO_PROVIDER_BUDGET if ctx.scope.providers else REASON_NO_BUDGET
    details = (("gerealiseerd", row.realised_pct), ("pro_rata", row.pro_rata_pct))
    return {"budgetuitputting": ctx.result("budgetuitputting", row.forecast_pct, row.budget,
                                           reason=None if row.budget else no_budget, details=details)}


FAMILY = Family("budget", "budget.sql", Budget, build)
