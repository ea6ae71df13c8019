"""Started trajectories by referrer (verwijzer, COD327): count and share, now and a year earlier.

For the whole scope, per municipality and per provider (issue 13 §2), so a region sees which routes
into care grow. Counts follow the count rule (1-4 shown as `<5`); a share is not shown when its
group started fewer than 10 trajectories in that period, nor when its own count is shown as `<5`
(the share times the group's total would give the count back). The 'Gemeente' share of the whole
scope is the indicator via_gemeente (levers/families/caseload.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.scope import Period, Scope
from levers.sql_files import year_on_year_rows
from levers.suppression import SMALL_COUNT_LABEL, is_small_count, is_too_few

WHOLE, MUNICIPALITY, PROVIDER = "totaal", "gemeente", "aanbieder"


@dataclass(frozen=True)
class Shown:
    """One period's figure of a referrer within its group, as it may be shown."""

    count: int | None  # None when suppressed
    count_label: str | None  # '<5' for a suppressed small count
    share: float | None  # % of the group's started trajectories; None when not shown


@dataclass(frozen=True)
class ReferrerRow:
    grouping: str  # WHOLE | MUNICIPALITY | PROVIDER
    key: str | None  # municipality or provider code; None for the whole scope
    referrer: int | None  # COD327 code; None: no verwijzer
    label: str | None  # the code list's Dutch label; None without a verwijzer (wording.breakdowns words it)
    now: Shown  # in P
    year_before: Shown  # in the same period one year earlier


def referrer_split(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[ReferrerRow, ...]:
    """Every (grouping, group, referrer) with a started trajectory in P or a year earlier, shown safely."""
    return tuple(_row(row) for row in year_on_year_rows(con, "referrers.sql", scope, period))


def _row(row: dict) -> ReferrerRow:
    return ReferrerRow(
        grouping=row["grouping_kind"], key=row["group_key"], referrer=row["referrer"],
        label=row["referrer_label"],
        now=shown(row["started"], row["group_started"], row["share"]),
        year_before=shown(row["started_before"], row["group_started_before"], row["share_before"]),
    )


def shown(count: int, group_total: int, share: float | None) -> Shown:
    """The count rule on the count; the ratio rule (and the count's own) on the share."""
    small = is_small_count(count)
    hide_share = small or is_too_few(group_total)
    return Shown(None if small else count, SMALL_COUNT_LABEL if small else None, None if hide_share else share)
