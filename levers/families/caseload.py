"""Family caseload: who is in care, how trajectories end, and what care costs per youth.

unieke_jeugdigen: persons active in P
actieve_trajecten: trajectories active in P
instroom: trajectories started in P
uitstroom: trajectories ended in P
gemiddelde_duur: mean of einddatum − startdatum over trajectories ended in P
volgens_plan: ended in P with reden 31 / ended in P with a known end reason × 100
uitval: ended in P with reden 32 or 33 / ended in P with a known end reason × 100
kosten_per_jeugdige: Σ bedrag in P / unieke_jeugdigen
via_gemeente: started in P with verwijzer 01 (COD327: Gemeente) / started in P × 100

All on the scope's trajectories and kosten rows (municipalities, perceel, providers). via_gemeente counts
a started trajectory without a verwijzer in its denominator, like the referrer split (levers/referrers.py)
whose 'Gemeente' share it equals.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class Caseload:
    """Trajectory and spending figures of one period (scope: municipalities, perceel, providers)."""

    persons: int  # distinct (gemeente, client_id) with a trajectory active in P
    active: int  # trajectories active in P
    started: int  # trajectories started in P
    via_municipality: int  # of those, referred by the municipality (verwijzer 01)
    via_municipality_pct: float | None  # via_municipality / started × 100
    ended: int  # trajectories ended in P
    mean_days: float | None  # mean einddatum − startdatum of those ended in P
    known_end: int  # ended in P with reden_einde 31..35
    by_plan: int  # ended in P with reden 31
    dropped_out: int  # ended in P with reden 32 or 33
    by_plan_pct: float | None  # by_plan / known_end × 100
    dropped_out_pct: float | None  # dropped_out / known_end × 100
    amount: float | None  # Σ bedrag of the kosten months in P; None without kosten rows
    cost_rows: int  # kosten rows counted
    cost_per_youth: float | None  # amount / persons


def build(row: Caseload, ctx: Context) -> dict:
    def result(code: str, value: float | None, denominator: float | None = None, why_none: Reason | None = None):
        return ctx.result(code, value, denominator, reason=why_none if value is None else None)

    cost_reason = Reason.NO_COSTS if row.cost_rows == 0 else Reason.NO_PERSONS if row.persons == 0 else None
    return {
        "unieke_jeugdigen": result("unieke_jeugdigen", row.persons),
        "actieve_trajecten": result("actieve_trajecten", row.active),
        "instroom": result("instroom", row.started),
        "uitstroom": result("uitstroom", row.ended),
        "gemiddelde_duur": result("gemiddelde_duur", row.mean_days, row.ended, Reason.NONE_ENDED),
        "volgens_plan": result("volgens_plan", row.by_plan_pct, row.known_end, Reason.NO_KNOWN_END),
        "uitval": result("uitval", row.dropped_out_pct, row.known_end, Reason.NO_KNOWN_END),
        "via_gemeente": result("via_gemeente", row.via_municipality_pct, row.started, Reason.NONE_STARTED),
        "kosten_per_jeugdige": result("kosten_per_jeugdige", None if cost_reason else row.cost_per_youth,
                                      row.persons, cost_reason),
    }


FAMILY = Family("caseload", "caseload.sql", Caseload, build,
                row_sets=("active", "started", "ended", "ended_known", "costs"))
