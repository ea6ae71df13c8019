"""What a module that writes needs to know of the write it is part of: the tables it touched, the
file its connection belongs to, and the transaction its generations commit in.

Below data.store.db and data.store.audit: audit records through these, and db's write path (data.store.db.writing)
imports the audit files after a write, so neither imports the other's module in a loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data.store import snapshots
from data.store.faults import fault


@dataclass
class Write:
    """One writing block (data.store.db.writing): its cursor, the tables written so far, those whose generation
    is still to go up, and why the block's data was not published (None: published, or nothing to publish)."""

    cursor: duckdb.DuckDBPyConnection
    touched: set[str] = field(default_factory=set)
    pending: set[str] = field(default_factory=set)
    unpublished: BaseException | None = None


# The current writing block (the outer one when blocks nest); None outside a block.
CURRENT: ContextVar[Write | None] = ContextVar("current_write", default=None)


def touched(*tables: str) -> None:
    """Note that the current writing block wrote `tables` (outside a block: nothing to note)."""
    current = CURRENT.get()
    if current is not None:
        current.touched.update(tables)
        current.pending.update(tables)


def bump(cur: duckdb.DuckDBPyConnection, tables: set[str]) -> None:
    """Each of `tables` one generation up (cached figures are keyed on these numbers)."""
    if tables:
        cur.execute("insert into table_generations select unnest($tables::varchar[]), 1 "
                    "on conflict do update set generation = generation + 1", {"tables": sorted(tables)})


def bump_pending(cur: duckdb.DuckDBPyConnection) -> None:
    """Raise the generation of the tables written so far, in the caller's transaction (just before its
    commit): the data and its generations then commit together, or neither does."""
    current = CURRENT.get()
    if current is not None and current.pending:
        bump(cur, current.pending)
        current.pending.clear()


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: commit when the block succeeds, roll back when it raises (the first error is
    the one raised: a statement in an aborted transaction cannot hide it). The generations of the
    tables the block wrote go up in it (`bump_pending`), so they commit with the data or not at all."""
    cur.execute("begin transaction")
    try:
        yield
        bump_pending(cur)
        fault("before-commit")
        cur.execute("commit")
    except BaseException:
        with suppress(duckdb.Error):  # a failed commit has ended the transaction already
            cur.execute("rollback")
        raise
    fault("after-commit")


def location(con: duckdb.DuckDBPyConnection) -> tuple[Path | None, bool]:
    """(the main database file, whether this connection is read-only); None for an in-memory database.

    A connection to a published snapshot names the main file the snapshot was published from.
    """
    [(path, read_only)] = con.execute("select path, readonly from duckdb_databases() "
                                      "where database_name = current_database()").fetchall()
    return (snapshots.main_of(Path(path)) if path else None), bool(read_only)
