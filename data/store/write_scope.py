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

from data.store import lake, snapshots
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
    """Each of `tables` one generation up (cached figures are keyed on these numbers).

    An update and an insert rather than an upsert: a DuckLake table has no primary key to conflict on.
    """
    if tables:
        names = {"tables": sorted(tables)}
        cur.execute("update table_generations set generation = generation + 1 "
                    "where list_contains($tables::varchar[], table_name)", names)
        cur.execute("insert into table_generations select name, 1 from unnest($tables::varchar[]) as t(name) "
                    "where name not in (select table_name from table_generations)", names)


# The id column and sequence of each table whose rows are numbered (schema.sql).
_NUMBERED = {"uploads": ("upload_id", "upload_id_seq"), "notes": ("note_id", "note_ids"),
             "audit_log": ("audit_id", "audit_id_seq")}


def next_id(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    """The id of a new row of `table`: its sequence in a DuckDB file; in a lake (no sequences) one above the
    highest, which is unique because a lake's writers take turns (data.store.lake.writer_lock)."""
    column, sequence = _NUMBERED[table]
    if lake.of(cur) is None:
        return cur.execute(f"select nextval('{sequence}')").fetchall()[0][0]
    return cur.execute(f"select coalesce(max({column}), 0) + 1 from {table}").fetchall()[0][0]


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

    A connection to a published snapshot names the main file the snapshot was published from; one to a
    lake names the lake's home (its SQLite catalogue, or a name in its data path: data.store.lake).
    """
    [(path, read_only, kind, options)] = con.execute(
        "select path, readonly, type, options from duckdb_databases() "
        "where database_name = current_database()").fetchall()
    if kind == "ducklake":
        return lake.of(con).home, bool(read_only)
    return (snapshots.main_of(Path(path)) if path else None), bool(read_only)
