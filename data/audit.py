"""The append-only audit log: who did what, when. Rows are only ever inserted, never changed."""

from __future__ import annotations

import duckdb
import pandas as pd

_INSERT = "insert into audit_log (actor, action, details) values ($actor, $action, $details)"


def record(con: duckdb.DuckDBPyConnection, actor: str, action: str, details: str) -> None:
    """Append one entry; runs inside the caller's transaction when there is one."""
    con.execute(_INSERT, {"actor": actor, "action": action, "details": details})


# Newest first; `$action` NULL = every action, `$actor` NULL = everyone (else a part of the actor).
_ENTRIES = """
select logged_at, actor, action, details
from audit_log
where ($action::varchar is null or action = $action::varchar)
  and ($actor::varchar is null or contains(lower(actor), lower($actor::varchar)))
order by logged_at desc, audit_id desc
limit $limit
"""
_ACTIONS = "select distinct action from audit_log order by action"
_HAS_ACTION = "select exists (select 1 from audit_log where action = $action)"


def entries(con: duckdb.DuckDBPyConnection, *, action: str | None = None, actor: str | None = None,
            limit: int = 500) -> pd.DataFrame:
    """The latest entries (logged_at, actor, action, details), optionally of one action or actor."""
    return con.execute(_ENTRIES, {"action": action, "actor": actor or None, "limit": limit}).df()


def actions(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Every action that occurs in the log, for a filter."""
    return tuple(row[0] for row in con.execute(_ACTIONS).fetchall())


def has_action(con: duckdb.DuckDBPyConnection, action: str) -> bool:
    """Whether the log holds any entry of `action` (e.g. whether an account was ever added)."""
    return bool(con.execute(_HAS_ACTION, {"action": action}).fetchone()[0])
