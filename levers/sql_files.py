"""Named SQL files under levers/sql/, read once: queries live in files, not in Python strings."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import duckdb

from levers.scope import Period, Scope, sql_params

SQL_DIR = Path(__file__).parent / "sql"

_COMMENT = re.compile(r"--[^\n]*")
_PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")


@cache
def load_sql(name: str) -> str:
    """The text of `levers/sql/<name>` (e.g. `caseload.sql`), read once per process."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def period_rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict]:
    """Run a per-period query and return its rows as dicts, in `ordinal` order.

    Family queries group by an `ordinal` (0-based position in the `$p_ends` list), so one query
    serves a single period and a 24-month series alike. Parameters the query does not use are left
    out (DuckDB refuses unused named parameters), so callers can pass all of `sql_params` at once.
    """
    cursor = con.execute(sql, used_params(sql, params))
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    return sorted(rows, key=lambda row: row["ordinal"])


def used_params(sql: str, params: dict) -> dict:
    """The entries of `params` that `sql` refers to as `$name` outside comments."""
    names = param_names(sql)
    return {name: value for name, value in params.items() if name in names}


@cache
def param_names(sql: str) -> frozenset[str]:
    """The `$name` parameters `sql` refers to outside comments (queries are few: kept per text)."""
    return frozenset(_PARAMETER.findall(_COMMENT.sub("", sql)))


def year_on_year_rows(con: duckdb.DuckDBPyConnection, name: str, scope: Scope, period: Period) -> list[dict]:
    """Rows of `levers/sql/<name>` for a scope and period against the same period a year earlier:
    the scope's parameters plus `$prev_start`, `$prev_end` (levers.scope.sql_params, Period.year_earlier)."""
    before = period.year_earlier()
    sql = load_sql(name)
    params = sql_params(con, scope, period) | {"prev_start": before.start, "prev_end": before.end}
    cursor = con.execute(sql, used_params(sql, params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
