"""How long the children on the waiting list wait: the persons waiting at p_end in bands of weeks.

The Kaders and Partner pages show the list's size over time (the series of wachtenden) and, beside it,
these bands (0–4, 5–9, 10–14 and 15 or more weeks since the earliest waiting aanmelddatum). Only counts
leave this module, each under the count rule (1–4 shown as `<5`): never a person, never a date.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql
from levers.suppression import SMALL_COUNT_LABEL, is_small_count

BAND_WEEKS = ((0, 4), (5, 9), (10, 14), (15, None))  # whole weeks; None: no upper bound


@dataclass(frozen=True)
class WaitBand:
    """One band of waits, as it may be shown."""

    first_week: int
    last_week: int | None  # None: this many weeks or more
    persons: int | None  # None when suppressed
    persons_label: str | None  # '<5' for a suppressed small count


def waiting_bands(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[WaitBand, ...]:
    """The four bands of the persons waiting at the period's last day, in band order."""
    params = sql_params(con, scope, period)
    sql = load_sql("waiting_bands.sql")
    used = {key: params[key] for key in ("municipalities", "lot", "providers", "p_start", "p_end")}
    counts = dict(con.execute(sql, used).fetchall())
    return tuple(_band(first, last, counts.get(index, 0)) for index, (first, last) in enumerate(BAND_WEEKS))


def _band(first: int, last: int | None, count: int) -> WaitBand:
    small = is_small_count(count)
    return WaitBand(first, last, None if small else count, SMALL_COUNT_LABEL if small else None)
