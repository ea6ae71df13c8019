"""Which quarter a quarterly figure really comes from (signals.md §1), named where its value shows.

Providers deliver `uitkomsten` after a quarter ends, so a month or a running quarter has no quarter
of its own yet: the SQL macro `uitkomsten_quarters` picks the reporting quarters of P, else the
latest reportable (fallback) quarter. This module names that choice: `2026-K3`, or nothing when the
quarters are exactly the asked period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

from levers.scope import Period
from levers.sql_files import load_sql, period_rows

SOURCES = load_sql("uitkomsten_sources.sql")


def quarter_label(start: date) -> str:
    """`2026-K3` for the quarter starting on `start`."""
    return f"{start.year}-K{(start.month + 2) // 3}"


def source_label(period: Period, first_start: date | None, last_end: date | None) -> str | None:
    """The quarters used, when they are not the asked period: `2026-K3` or `2026-K1 t/m 2026-K3`."""
    if first_start is None or (first_start, last_end) == (period.start, period.end):
        return None
    first, last = quarter_label(first_start), quarter_label(date(last_end.year, last_end.month, 1))
    return first if first == last else f"{first} t/m {last}"


def source_labels(con: duckdb.DuckDBPyConnection, periods: Sequence[Period], params: dict) -> list[str | None]:
    """Per period (in order) the label of the quarters its quarterly indicators count, or None."""
    rows = {row["ordinal"]: row for row in period_rows(con, SOURCES, params)}
    return [
        source_label(period, rows[index]["first_start"], rows[index]["last_end"]) if index in rows else None
        for index, period in enumerate(periods)
    ]


def last_counted_quarter(con: duckdb.DuckDBPyConnection, region: str, period: Period) -> Period | None:
    """The last quarter the quarterly figures of `period` count (reporting or fallback); None if none."""
    params = {"region": region, "p_starts": [period.start], "p_ends": [period.end], "as_of": None,
              "fallback": True}
    rows = period_rows(con, SOURCES, params)
    if not rows:
        return None
    last_end = rows[0]["last_end"]
    return Period.parse(quarter_label(date(last_end.year, last_end.month, 1)))


def last_ended_quarter(day: date) -> Period:
    """The latest quarter whose last day is on or before `day`."""
    quarter = Period.parse(quarter_label(date(day.year, day.month, 1)))
    return quarter if quarter.end <= day else quarter.shifted(-3)
