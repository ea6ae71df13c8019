"""The one place that knows where the database lives, how to open it and how to write to it.

Keeping the connection behind this module means a move to a read-only copy or a DuckLake
catalogue changes configuration here, not code elsewhere (design.md, "Scaling past one machine").

Every write goes through `writing(con)`: one lock per process, and afterwards the audit files of
read-only processes are imported, the generation of every table the write touched is bumped (cached
figures are keyed on those numbers) and a read-only snapshot is published for reader processes
(data/snapshots.py).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data import audit, snapshots
from data.write_scope import TOUCHED, location, touched  # noqa: F401  (db.touched, db.location: what writers call)

DB_ENV_VAR = "JEUGDMONITOR_DB"
DEFAULT_DB_PATH = Path("data/monitor.duckdb")
SCHEMA_SQL = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")
BOOKKEEPING_SQL = (Path(__file__).parent / "bookkeeping.sql").read_text(encoding="utf-8")
# The schema a database file holds: DDL runs only when the stored fingerprint differs (issue 12).
SCHEMA_FINGERPRINT = hashlib.sha256((SCHEMA_SQL + BOOKKEEPING_SQL).encode("utf-8")).hexdigest()
REFERENCE_DIR = Path(__file__).parent / "reference"

# Writes that only append to the audit log: no cached figure depends on them, nothing to publish.
AUDIT_TABLES = frozenset({"audit_log", "audit_imports"})

# One writer at a time in this process (re-entrant: a load inside a writing block takes it again).
WRITE_LOCK = threading.RLock()
# Counts the starts and ends of writing blocks in this process: odd while one runs (`write_epoch`).
_epoch = 0

# (table, csv file, columns of the table in the csv's order)
_REFERENCE_TABLES = (
    ("municipalities", "gemeenten_2025.csv", "municipality, name, province, region"),
    ("dialogue_themes", "dialoogthemas.csv", "theme, name"),
    ("vision_goals", "regiovisie_doelen.csv", "goal, description"),
    ("ijw_codes", "ijw_codelijsten.csv", "list_code, list_name, code, label"),
)


def db_path(override: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit --db, else $JEUGDMONITOR_DB, else data/monitor.duckdb."""
    if override:
        return Path(override)
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_PATH)


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database; schema and reference data are written only when the file lacks them.

    An up-to-date file is only read on connect: no DDL, so no write-ahead log and no disk space
    needed just to open it (a full disk can still refuse a bad file).
    """
    target = db_path(path)
    if read_only:
        return duckdb.connect(str(target), read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target))
    _remove_publishing_leftovers(target)
    if stored_fingerprint(con) != SCHEMA_FINGERPRINT:
        ensure_schema(con)
        _republish(con, target)
    return con


def _remove_publishing_leftovers(target: Path) -> None:
    snapshots.remove_leftovers(target)


def _republish(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Readers of a file that just got a newer schema (new macros) get it too, if they read snapshots."""
    if snapshots.published(target) is not None:
        with WRITE_LOCK:
            snapshots.publish(con, target)


def stored_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema fingerprint the file holds; None for a new file or one from before fingerprints."""
    try:
        rows = con.execute("select value from store_meta where key = 'schema'").fetchall()
    except duckdb.CatalogException:
        return None
    return rows[0][0] if rows else None  # fetchall: a half-read result would keep a transaction open


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, views and macros, load the reference lists once: one transaction."""
    con.execute("begin transaction")
    try:
        con.execute(SCHEMA_SQL)
        con.execute(BOOKKEEPING_SQL)
        if con.execute("select count(*) from municipalities").fetchone()[0] == 0:
            _copy_reference(con)
        con.execute("insert or replace into store_meta values ('schema', $fingerprint)",
                    {"fingerprint": SCHEMA_FINGERPRINT})
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the public reference lists (CBS municipalities, iJw codes, themes, goals) into the store."""
    con.execute("begin transaction")
    try:
        _copy_reference(con)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _copy_reference(con: duckdb.DuckDBPyConnection) -> None:
    for table, file_name, columns in _REFERENCE_TABLES:
        con.execute(f"delete from {table}")
        csv_path = str(REFERENCE_DIR / file_name)
        con.execute(
            f"insert into {table} ({columns}) select * from read_csv($path, header = true, all_varchar = true)",
            {"path": csv_path},
        )


# --- the one write path --------------------------------------------------------------------------

@dataclass
class Write:
    """One writing block: its cursor and the tables written so far."""

    cursor: duckdb.DuckDBPyConnection
    touched: set[str] = field(default_factory=set)


@contextmanager
def writing(con: duckdb.DuckDBPyConnection) -> Iterator[Write]:
    """The one write path: under WRITE_LOCK, a cursor for the write; then bookkeeping and publishing.

    After the block succeeds: pending audit files of read-only processes are imported, each touched
    table's generation goes up one, and, when more than the audit log changed (or nothing was ever
    published), a new snapshot is published. When the block raises, none of that happens: the
    published snapshot stays exactly what it was. On a read-only connection (a reader process)
    only audit entries can be written; they go to the process's audit file (data.audit).
    A block inside a block is part of the outer one.
    """
    global _epoch  # noqa: PLW0603  (changed under WRITE_LOCK only)
    with WRITE_LOCK:
        outer = TOUCHED.get()
        write = Write(con.cursor(), outer if outer is not None else set())
        token = TOUCHED.set(write.touched)
        if outer is None:
            _epoch += 1
        try:
            yield write
            if outer is None:
                _finish(write)
        finally:
            if outer is None:
                _epoch += 1
            TOUCHED.reset(token)
            write.cursor.close()


def write_epoch() -> int:
    """Odd while a writing block runs in this process; it changes when one starts or ends.

    A figure computed between two equal even readings saw no write of this process half done, and
    a writing process is the only one that writes its file (DuckDB's lock): see figures.versions.fence.
    """
    return _epoch


def _finish(write: Write) -> None:
    main, read_only = location(write.cursor)
    if read_only:
        return
    if main is not None:
        audit.import_files(write.cursor, main)
    _bump(write.cursor, write.touched)
    if main is not None and (write.touched - AUDIT_TABLES or snapshots.published(main) is None):
        snapshots.publish(write.cursor, main)


def _bump(cur: duckdb.DuckDBPyConnection, tables: set[str]) -> None:
    if tables:
        cur.execute("insert into table_generations select unnest($tables::varchar[]), 1 "
                    "on conflict do update set generation = generation + 1", {"tables": sorted(tables)})


def generations(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> tuple[int, ...]:
    """How often each of `tables` was written (0 = never, or a file from before generations)."""
    try:
        known = dict(con.execute("select table_name, generation from table_generations").fetchall())
    except duckdb.CatalogException:
        known = {}
    return tuple(known.get(table, 0) for table in tables)


def file_generations(path: Path) -> dict[str, int]:
    """Every table's generation in the database file at `path` (and in its published snapshot, if
    higher): what a rebuilt file must go beyond. Empty when neither can be read."""
    found: dict[str, int] = {}
    for source in (path, snapshots.published(path)):
        if source is None or not source.exists():
            continue
        try:
            con = duckdb.connect(str(source), read_only=True)
        except duckdb.Error:  # e.g. open read-write in this process: its snapshot still counts
            continue
        try:
            rows = con.execute("select table_name, generation from table_generations").fetchall()
        except duckdb.CatalogException:
            rows = []
        finally:
            con.close()
        for table, generation in rows:
            found[table] = max(found.get(table, 0), generation)
    return found


def continue_generations(con: duckdb.DuckDBPyConnection, previous: dict[str, int]) -> None:
    """Give every table of a file that replaces another a generation above the one it replaces.

    Cached figures are keyed on (file path, generations): a rebuilt file starting again at 0 would
    let a long-running process serve figures of the old file under the same key.
    """
    tables = {name for (name,) in con.execute(
        "select table_name from duckdb_tables() where database_name = current_database()").fetchall()}
    rows = [(table, previous.get(table, 0) + 1) for table in sorted(tables | set(previous))]
    con.executemany("insert or replace into table_generations values (?, ?)", rows)

