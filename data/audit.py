"""The append-only audit log: who did what, when. Rows are only ever inserted, never changed."""

from __future__ import annotations

import duckdb

_INSERT = "insert into audit_log (actor, action, details) values ($actor, $action, $details)"


def record(con: duckdb.DuckDBPyConnection, actor: str, action: str, details: str) -> None:
    """Append one entry; runs inside the caller's transaction when there is one."""
    con.execute(_INSERT, {"actor": actor, "action": action, "details": details})
