"""The one place that knows where the database lives, how to open it and how to write to it.

Keeping the connection behind this module means a move to a read-only copy or a DuckLake
catalogue changes configuration here, not code elsewhere (design.md, "Scaling past one machine").

Every write goes through `writing(con)`: one lock per process. The generation of every table a
write touched goes up in the write's own transaction (`bump_pending`: cached figures are keyed on
those numbers), so data and generations commit together. Afterwards the audit files of read-only
processes are imported and a read-only snapshot is published for reader processes
(data/store/snapshots.py). A publish that did not happen (a kill, a full disk) is done by the next
process that opens the file (`connect` compares the snapshot's generations with the file's).

DuckDB lets one process at a time open the file for writing. A second writer waits its turn
(`connect(wait=...)`), and the writer dashboard holds the file only while it uses it (`Holder`).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from data.store import audit, snapshots
# What writers call as db.touched, db.location, db.transaction, db.Write (data/store/write_scope.py):
from data.store.write_scope import CURRENT, Write, bump, bump_pending, location, touched, transaction  # noqa: F401

DB_ENV_VAR = "JEUGDMONITOR_DB"
DEFAULT_DB_PATH = Path("data/monitor.duckdb")
SCHEMA_SQL = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")
BOOKKEEPING_SQL = (Path(__file__).parent / "bookkeeping.sql").read_text(encoding="utf-8")
# The schema a database file holds: DDL runs only when the stored fingerprint differs (issue 12).
SCHEMA_FINGERPRINT = hashlib.sha256((SCHEMA_SQL + BOOKKEEPING_SQL).encode("utf-8")).hexdigest()
REFERENCE_DIR = Path(__file__).parents[1] / "reference"

# Writes that only append to the audit log: no cached figure depends on them, nothing to publish.
AUDIT_TABLES = frozenset({"audit_log", "audit_imports"})

# One writer at a time in this process (re-entrant: a load inside a writing block takes it again).
WRITE_LOCK = threading.RLock()
# How long a writer waits for another process that holds the file for writing (seconds; tests set less).
WAIT_ENV = "JEUGDMONITOR_WRITER_WAIT"
WAIT_SECONDS = 60.0
# The writer dashboard closes its file this long after its last use, so a command can take its turn.
IDLE_SECONDS = 2.0
# Files whose published snapshot is known to lag behind the data (a publish failed): the next write publishes.
_BEHIND: set[Path] = set()
# file -> (snapshot name, data generations) last seen published: spares opening the snapshot on connect.
_PUBLISHED: dict[Path, tuple[str, tuple]] = {}
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


class Busy(Exception):
    """Another process kept the file open for writing longer than this one would wait."""


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False, wait: float = 0,
            waiting: Callable[[], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the database; schema and reference data are written only when the file lacks them.

    An up-to-date file is only read on connect: no DDL, so no write-ahead log and no disk space
    needed just to open it (a full disk can still refuse a bad file). A file another process
    holds for writing is tried again for up to `wait` seconds (`waiting` is called once when
    that starts), then Busy. A published snapshot that lags behind the file is published again.
    """
    target = db_path(path)
    if read_only:
        return duckdb.connect(str(target), read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = _open_in_turn(target, wait, waiting)
    try:
        _remove_publishing_leftovers(target)
        schema_changed = stored_fingerprint(con) != SCHEMA_FINGERPRINT
        if schema_changed:
            ensure_schema(con)
        _catch_up(con, target, schema_changed)
    except BaseException:
        con.close()
        raise
    return con


def writer_wait() -> float:
    """How long a command waits for another writer: $JEUGDMONITOR_WRITER_WAIT seconds, else 60."""
    try:
        return float(os.environ.get(WAIT_ENV) or WAIT_SECONDS)
    except ValueError:
        return WAIT_SECONDS


def _open_in_turn(target: Path, wait: float, waiting: Callable[[], None] | None) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(str(target))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise Busy(str(target)) from error
            if waiting is not None and not told:
                waiting()
                told = True
            time.sleep(0.1)


def _remove_publishing_leftovers(target: Path) -> None:
    snapshots.remove_leftovers(target)


def _catch_up(con: duckdb.DuckDBPyConnection, target: Path, schema_changed: bool) -> None:
    """Publish again when readers of snapshots lack something the file has: a newer schema (new
    macros), or data whose publish did not happen (the writer was killed, or the disk was full)."""
    snapshot = snapshots.published(target)
    if snapshot is None or not (schema_changed or _lags(con, target, snapshot)):
        return
    with WRITE_LOCK:
        _publish(con, target)


def _data_generations(con: duckdb.DuckDBPyConnection) -> tuple[tuple[str, int], ...]:
    """Every table's generation but the audit log's (an audit entry alone is not published)."""
    try:
        rows = con.execute("select table_name, generation from table_generations order by table_name").fetchall()
    except duckdb.CatalogException:
        return ()
    return tuple((table, generation) for table, generation in rows if table not in AUDIT_TABLES)


def _lags(con: duckdb.DuckDBPyConnection, target: Path, snapshot: Path) -> bool:
    """Whether the snapshot's data generations differ from the file's (opened only when not known)."""
    key = target.resolve()
    mine = _data_generations(con)
    if key in _BEHIND:
        return True
    if _PUBLISHED.get(key) == (snapshot.name, mine):
        return False
    try:
        published = duckdb.connect(str(snapshot), read_only=True)
    except duckdb.Error:
        return True
    try:
        theirs = _data_generations(published)
    finally:
        published.close()
    if theirs == mine:
        _PUBLISHED[key] = (snapshot.name, mine)
    return theirs != mine


def _publish(con: duckdb.DuckDBPyConnection, main: Path) -> BaseException | None:
    """Publish a snapshot of `main` (under WRITE_LOCK); the failure, if it did not happen."""
    key = main.resolve()
    try:
        snapshot = snapshots.publish(con, main)
    except snapshots.NotPublished as failure:
        _BEHIND.add(key)
        return failure
    _BEHIND.discard(key)
    _PUBLISHED[key] = (snapshot.name, _data_generations(con))
    return None


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

@contextmanager
def writing(con: duckdb.DuckDBPyConnection) -> Iterator[Write]:
    """The one write path: under WRITE_LOCK, a cursor for the write; then bookkeeping and publishing.

    After the block succeeds: pending audit files of read-only processes are imported, each touched
    table's generation goes up one, and, when more than the audit log changed (or nothing was ever
    published), a new snapshot is published. When the block raises, none of that happens: the
    published snapshot stays exactly what it was. On a read-only connection (a reader process)
    only audit entries can be written; they go to the process's audit file (data.store.audit).
    A block inside a block is part of the outer one.
    """
    global _epoch  # noqa: PLW0603  (changed under WRITE_LOCK only)
    with WRITE_LOCK:
        outer = CURRENT.get()
        write = Write(con.cursor()) if outer is None else Write(con.cursor(), outer.touched, outer.pending)
        token = CURRENT.set(write if outer is None else outer)
        if outer is None:
            _epoch += 1
        try:
            yield write
            if outer is None:
                _finish(write)
        finally:
            if outer is None:
                _epoch += 1
            CURRENT.reset(token)
            write.cursor.close()


def write_epoch() -> int:
    """Odd while a writing block runs in this process; it changes when one starts or ends.

    A figure computed between two equal even readings saw no write of this process half done, and
    a writing process is the only one that writes its file (DuckDB's lock): see figures.versions.fence.
    """
    return _epoch


def _finish(write: Write) -> None:
    """After the block's data committed: what fails here (a full disk) leaves that data stored, so it is
    noted in `write.unpublished`, never raised as if nothing had been stored."""
    main, read_only = location(write.cursor)
    if read_only:
        return
    try:
        if main is not None:
            audit.import_files(write.cursor, main)
        bump(write.cursor, write.pending)  # writes outside a transaction (e.g. an audit entry alone)
        write.pending.clear()
    except (OSError, duckdb.Error) as failure:
        if main is not None:
            _BEHIND.add(main.resolve())
        write.unpublished = failure
        return
    if main is not None and (write.touched - AUDIT_TABLES or snapshots.published(main) is None
                             or main.resolve() in _BEHIND):
        write.unpublished = _publish(write.cursor, main)


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


# --- the writer dashboard's hold on its file ------------------------------------------------------

class Holder:
    """A writing connection to one file that is open only while used, and IDLE_SECONDS after.

    DuckDB lets one process at a time open a file for writing. A dashboard that kept its connection
    for its lifetime would refuse every `python -m data load` and `users add` while it runs; this one
    closes the file when its sessions have not used it for `idle` seconds, and waits its turn (up to
    `wait` seconds) when it needs the file while a command has it. Reopening costs one `connect`
    (DuckDB's open and close of the file: a median of about 160 ms for the 15 MB regional demo on the
    shared two-core test machine, `python benchmarks/writer_release.py`), once after each idle pause.
    Thread-safe.
    """

    def __init__(self, path: str | os.PathLike, *, idle: float = IDLE_SECONDS, wait: float | None = None):
        self.path = Path(path)
        self.idle = idle
        self.wait = writer_wait() if wait is None else wait
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_use = 0.0
        self.opened = 0  # how often the file was opened (a test and a benchmark read it)

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open connection (opened now if closed) for the duration of the block."""
        with self._lock:
            if self._connection is None:
                self._connection = connect(self.path, wait=self.wait)
                self.opened += 1
                threading.Thread(target=self._close_when_idle, args=(self.opened,), daemon=True,
                                 name=f"close-when-idle-{self.path.name}").start()
            self._users += 1
            con = self._connection
        try:
            yield con
        finally:
            with self._lock:
                self._users -= 1
                self._last_use = time.monotonic()

    def is_open(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        """Close now if unused (tests, shutdown)."""
        with self._lock:
            if self._users == 0 and self._connection is not None:
                self._connection.close()
                self._connection = None

    def _close_when_idle(self, opening: int) -> None:
        """Runs while the `opening`th connection is open (it holds no reference to it: a daemon thread
        stopped at the interpreter's exit would keep it)."""
        while True:
            time.sleep(self.idle / 4)
            with self._lock:
                if self._connection is None or self.opened != opening:
                    return
                if self._users == 0 and time.monotonic() - self._last_use >= self.idle:
                    self._connection.close()
                    self._connection = None
                    return
