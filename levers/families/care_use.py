"""Family care_use: the shared values on trajectories active in P.

jeugdhulp_per_1000: persons active in P / Σ inwoners_0_17 of the municipalities in scope (year of
p_end, else the latest earlier year) × 1000; not shown when providers are filtered
zonder_verblijf: trajectories active in P that are not verblijf / trajectories active in P × 100
crisis_per_1000: persons with a crisis trajectory started in P / youth population (as above) × 1000;
not shown when providers are filtered
aanbieders_per_jeugdige: persons with a trajectory in scope active in P; mean of the number of
distinct providers among *all* their trajectories active in P (any provider, any perceel)

The population is resolved per municipality (its row for the year of p_end, else its latest
earlier one). Rates per 1,000 have no population per provider, hence not shown with a filter.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class CareUse:
    persons: int  # distinct (gemeente, client_id) with a trajectory in scope active in P
    mean_providers: float | None  # mean distinct providers per such person (all their trajectories)
    crisis_persons: int  # of those, with a crisis trajectory in scope started in P
    active: int  # trajectories in scope active in P
    without_stay: int  # of those, not verblijf
    youths: int | None  # Σ inwoners_0_17 of the scope's municipalities; None without any population row
    persons_per_1000: float | None
    crisis_per_1000: float | None
    without_stay_pct: float | None


def build(row: CareUse, ctx: Context) -> dict:
    def per_1000(code: str, value: float | None):
        if ctx.scope.providers:
            return ctx.result(code, None, reason=Reason.PROVIDER_FILTER)
        return ctx.result(code, value, row.youths, reason=None if row.youths else Reason.NO_POPULATION)

    return {
        "jeugdhulp_per_1000": per_1000("jeugdhulp_per_1000", row.persons_per_1000),
        "zonder_verblijf": ctx.result("zonder_verblijf", row.without_stay_pct, row.active),
        "crisis_per_1000": per_1000("crisis_per_1000", row.crisis_per_1000),
        "aanbieders_per_jeugdige": ctx.result("aanbieders_per_jeugdige", row.mean_providers, row.persons),
    }


FAMILY = Family("care_use", "care_use.sql", CareUse, build, row_sets=("crisis_started",))
