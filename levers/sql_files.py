"""Named SQL files under levers/sql/, read once: queries live in files, not in Python strings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"


@cache
def load_sql(name: str) -> str:
    """The text of `levers/sql/<name>` (e.g. `shared_values_trajectories.sql`), read once per process."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def period_rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict]:
    """Run a per-period query and return its rows as dicts, in `ordinal` order.

    Lever queries group by an `ordinal` (0-based position in the `$p_ends` list), so one query
    serves a single period and a 24-month series alike.
    """
    cursor = con.execute(sql, params)
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    return sorted(rows, key=lambda row: row["ordinal"])
