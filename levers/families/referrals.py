"""Family referrals: endings followed by care elsewhere.

doorverwijzing: ended in P trajectories T whose person has a trajectory at another provider (any
perceel, regardless of the provider filter) starting in [T.einddatum, T.einddatum + 30 days] / ended
in P × 100
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class Referrals:
    ended: int  # trajectories in scope ended in P
    referred: int  # of those, followed within 30 days by a trajectory at another provider
    referred_pct: float | None


def build(row: Referrals, ctx: Context) -> dict:
    reason = Reason.NONE_ENDED if row.referred_pct is None else None
    return {"doorverwijzing": ctx.result("doorverwijzing", row.referred_pct, row.ended, reason=reason)}


FAMILY = Family("referrals", "referrals.sql", Referrals, build)
