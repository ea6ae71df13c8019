"""Family recurrence: care again after care that ended according to plan.

herhaald_beroep: base B = trajectories in scope ended with reden 31 in (p_end − 24 months, p_end − 12
months]; share of B whose person has any trajectory (any provider, any perceel) starting in
(einddatum, einddatum + 365 days]

The person is the same gemeente and client_id; the denominator is |B| (trajectories).
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family


@dataclass(frozen=True)
class Recurrence:
    base: int  # |B|
    returned: int  # of B, followed by care within 365 days
    returned_pct: float | None


def build(row: Recurrence, ctx: Context) -> dict:
    return {"herhaald_beroep": ctx.result("herhaald_beroep", row.returned_pct, row.base)}


FAMILY = Family("recurrence", "recurrence.sql", Recurrence, build, row_sets=("recurrence",))
