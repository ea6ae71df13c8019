"""Family delivery: whether the providers deliver their quarterly outcomes.

aanlevering: present `uitkomsten` rows / expected rows × 100; expected = each provider in scope × each
of its percelen in scope × each reporting quarter of P, or the fallback quarter (signals.md §1; none →
grijs)

A quarter that has not ended is never expected; which quarters count is levers.quarters' choice
(made once per computation, named beside the value).

Delivery rates are not suppressed (the catalogue marks them UNPROTECTED).
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class Delivery:
    expected: int  # provider × perceel × counted quarter cells in scope
    present: int  # of those, delivered uitkomsten rows
    delivered_pct: float | None  # present / expected × 100; None when nothing was expected


def build(row: Delivery, ctx: Context) -> dict:
    reason = Reason.NOTHING_EXPECTED if row.delivered_pct is None else None
    return {"aanlevering": ctx.result("aanlevering", row.delivered_pct, row.expected, reason=reason)}


FAMILY = Family("delivery", "delivery.sql", Delivery, build)
