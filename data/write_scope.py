"""What a module that writes needs to know of the write it is part of: the tables it touched, and the
file its connection belongs to.

Below data.db and data.audit: audit records through these, and db's write path (data.db.writing)
imports the audit files after a write, so neither imports the other's module in a loop.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

import duckdb

from data import snapshots

# The tables the current writing block (data.db.writing) wrote so far; None outside a block.
TOUCHED: ContextVar[set[str] | None] = ContextVar("touched_tables", default=None)


def touched(*tables: str) -> None:
    """Note that the current writing block wrote `tables` (outside a block: nothing to note)."""
    current = TOUCHED.get()
    if current is not None:
        current.update(tables)


def location(con: duckdb.DuckDBPyConnection) -> tuple[Path | None, bool]:
    """(the main database file, whether this connection is read-only); None for an in-memory database.

    A connection to a published snapshot names the main file the snapshot was published from.
    """
    [(path, read_only)] = con.execute("select path, readonly from duckdb_databases() "
                                      "where database_name = current_database()").fetchall()
    return (snapshots.main_of(Path(path)) if path else None), bool(read_only)
