"""Family waiting_list: the children who wait for their care to start, on the last day of the period.

wachtenden: persons waiting at p_end (one or more trajectories)
lang_wachtenden: persons waiting at p_end whose earliest waiting trajectory has p_end − aanmelddatum > N
days; N = the norm of wachttijd_mediaan

Waiting at day d (indicators.md): a jeugdhulp trajectory with aanmelddatum ≤ d and (no startdatum or
startdatum > d) and (no einddatum or einddatum > d). The wachttijd_mediaan of the shared values sees
only those who started; these two show the ones still waiting. N is resolved per period as for
tijdig_gestart (levers.families.waiting_times); without it lang_wachtenden has no value.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.families.waiting_times import params
from levers.family import Context, Family


SIZE = "wachtenden"  # the list's size: its series is the size over time the pages draw (views.waiting_ui)


@dataclass(frozen=True)
class WaitingList:
    waiting: int  # persons waiting at p_end
    long_waiting: int | None  # of those, waiting more than N days; None without N


def build(row: WaitingList, ctx: Context) -> dict:
    return {
        SIZE: ctx.result(SIZE, row.waiting),
        "lang_wachtenden": ctx.result("lang_wachtenden", row.long_waiting),
    }


FAMILY = Family("waiting_list", "waiting_list.sql", WaitingList, build, params, row_sets=("waiting",))
