"""Family goals: goals achieved according to the providers' uitkomsten.

doelrealisatie: Σ doelen_behaald / Σ afgesloten_trajecten × 100

The `uitkomsten` rows of the providers in scope whose quarter counts for P (signals.md §1: the
reporting quarters, else the fallback quarter; levers.quarters), of the scope's perceel.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class GoalAttainment:
    goals_achieved: int  # Σ doelen_behaald of the uitkomsten quarters overlapping P
    closed: int  # Σ afgesloten_trajecten of the same rows
    achieved_pct: float | None


def build(row: GoalAttainment, ctx: Context) -> dict:
    reason = Reason.NO_OUTCOMES if row.achieved_pct is None else None
    return {"doelrealisatie": ctx.result("doelrealisatie", row.achieved_pct, row.closed, reason=reason)}


FAMILY = Family("goals", "goals.sql", GoalAttainment, build)
