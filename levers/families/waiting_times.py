"""Family waiting_times: waiting from registration to start, for a shared value and a boundary.

wachttijd_mediaan: median of startdatum − aanmelddatum over trajectories started in P that have an
aanmelddatum
tijdig_gestart: trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days /
those started in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan

Both share one base, so one query serves both levers; N is resolved per period like any norm
(uploaded for the year of p_end, else the default of 42 days). Without any norm for
wachttijd_mediaan there is no N and tijdig_gestart has no value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from levers.family import Context, Family
from levers.norms import Norms
from levers.scope import Period, Scope


@dataclass(frozen=True)
class WaitingTimes:
    registered: int  # trajectories started in P with an aanmelddatum
    median_days: float | None
    within_norm: int  # of those, waiting at most N days
    within_norm_pct: float | None  # within_norm / registered × 100; None without N


def params(scope: Scope, periods: Sequence[Period], norms: Norms) -> dict:
    """N per period: the norm of wachttijd_mediaan in days (None where there is none)."""
    found = [norms.resolve("wachttijd_mediaan", scope, period) for period in periods]
    return {"norm_days": [norm.norm if norm else None for norm in found]}


def build(row: WaitingTimes, ctx: Context) -> dict:
    return {
        "wachttijd_mediaan": ctx.result("wachttijd_mediaan", row.median_days, row.registered),
        "tijdig_gestart": ctx.result("tijdig_gestart", row.within_norm_pct, row.registered),
    }


FAMILY = Family("waiting_times", "waiting_times.sql", WaitingTimes, build, params, row_sets=("registered_started",))
