"""The dates at which a region's way of working changed (`procesbreuken`, csv-contract.md kind 10).

Process limits describe one process; across a change (new contracts, a new access team) they mix
two. signals.md §3a: limits and rules use only the points after the latest change before a series'
last point, and every change inside the series is drawn as a labelled line. Only dates and
descriptions leave this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from levers.scope import Period

CHANGES = """
    select day, indicator, description from process_changes
    where list_contains($regions, region) order by day, indicator nulls first
"""


@dataclass(frozen=True)
class ProcessChange:
    """A recorded change: from `day` on the process differs (for `indicator`, or every one when None)."""

    day: date
    description: str
    indicator: str | None = None


def region_changes(con: duckdb.DuckDBPyConnection, regions: str | Sequence[str]) -> tuple[ProcessChange, ...]:
    """The recorded changes of a region (or of each region of a joint scope) in date order (none in a
    store made before the kind existed)."""
    regions = [regions] if isinstance(regions, str) else list(regions)
    try:
        rows = con.execute(CHANGES, {"regions": regions}).fetchall()
    except duckdb.CatalogException:
        return ()
    return tuple(ProcessChange(day, description, indicator) for day, indicator, description in rows)


def since_index(periods: Sequence[Period], changes: Sequence[ProcessChange]) -> tuple[int, tuple[tuple[int, ProcessChange], ...]]:
    """(index of the first point after the latest change before the last point, the changes inside
    the series with the index of the first point they precede). A point lies after a change when
    it starts on or after the change's day; a change before the first point leaves every point in."""
    if not periods:
        return 0, ()
    since, inside = 0, []
    for change in sorted(changes, key=lambda change: change.day):
        index = next((i for i, period in enumerate(periods) if period.start >= change.day), None)
        if index is None:  # on or after the last point's start: not before the last point
            continue
        since = index
        if index > 0:
            inside.append((index, change))
    return since, tuple(inside)
