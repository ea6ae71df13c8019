"""DuckLake as the store: a catalogue in SQLite (several processes on one machine) or PostgreSQL
(several machines), the data as Parquet files under a data path, with DuckLake's own snapshots.

data.store.db uses it (and snapshots and write_scope, below db). A store setting `ducklake:sqlite:PATH` or
`ducklake:postgres:DSN` (the DSN may carry `data_path=FOLDER`) names a lake; the connection opens it
as the default database, so the SQL files and macros run on it unchanged. What DuckLake lacks
(primary keys, sequences) is left out of the schema here (`schema_sql`); the writers that relied on
them ask data.store.db instead (`next_id`, `upsert` falls back to delete-then-insert).

The extensions come from the `duckdb-extension-*` packages (requirements.txt): installed once from
the package into a folder of this user's cache, then loaded from there with no network.
"""

from __future__ import annotations

import fcntl
import glob
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

PREFIX = "ducklake:"
# The packages that ship the extension binaries, and the name DuckDB knows each by.
_EXTENSIONS = (("duckdb_extension_ducklake", "ducklake"), ("duckdb_extension_sqlite", "sqlite_scanner"),
               ("duckdb_extension_postgres", "postgres_scanner"))
_INSTALL_LOCK = threading.Lock()
_DATA_PATH = re.compile(r"(?:^|\s)data_path=(\S+)")


class Unavailable(Exception):
    """The DuckLake extensions are not installed for this DuckDB (pip install -r requirements.txt)."""


@dataclass(frozen=True)
class Lake:
    """Where a lake lives: its catalogue (`sqlite:/abs/path` or `postgres:DSN`) and its data folder."""

    catalogue: str
    data_path: str

    @property
    def spec(self) -> str:
        """The store setting that names this lake (the cache key of its figures)."""
        if self.catalogue.startswith("postgres:"):
            return f"{PREFIX}{self.catalogue} data_path={self.data_path}"
        return PREFIX + self.catalogue

    @property
    def home(self) -> Path:
        """The path the audit files and the writers' lock file are named after: the SQLite catalogue,
        or for PostgreSQL a name in the data folder (the shared storage every machine reaches)."""
        if self.catalogue.startswith("sqlite:"):
            return Path(self.catalogue[len("sqlite:"):])
        return Path(self.data_path) / "monitor"


def is_spec(target: object) -> bool:
    return isinstance(target, str) and target.startswith(PREFIX)


def parse(spec: str) -> Lake:
    """`ducklake:sqlite:PATH` (data beside it, in PATH.files/) or `ducklake:postgres:DSN data_path=FOLDER`."""
    rest = spec[len(PREFIX):]
    if rest.startswith("sqlite:"):
        path = Path(rest[len("sqlite:"):]).absolute()
        return Lake(f"sqlite:{path}", str(path) + ".files/")
    if rest.startswith("postgres:"):
        dsn = rest[len("postgres:"):]
        found = _DATA_PATH.search(dsn)
        if found is None:
            raise ValueError(f"{spec}: a PostgreSQL catalogue needs data_path=FOLDER (shared storage) in the DSN")
        data_path = str(Path(found.group(1)).absolute()) + "/"
        return Lake("postgres:" + _DATA_PATH.sub("", dsn).strip(), data_path)
    raise ValueError(f"{spec}: expected ducklake:sqlite:PATH or ducklake:postgres:DSN")


def extension_directory() -> str:
    """The folder DuckDB loads the lake's extensions from: installed there from the packages once."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jeugdmonitor" / \
        f"duckdb-{duckdb.__version__}"
    with _INSTALL_LOCK:
        missing = [(package, name) for package, name in _EXTENSIONS
                   if not glob.glob(str(folder / "*" / "*" / f"{name}.duckdb_extension"))]
        if missing:
            con = duckdb.connect(config={"extension_directory": str(folder)})
            try:
                for package, _name in missing:
                    con.execute(f"force install '{_binary(package)}'")
            finally:
                con.close()
    return str(folder)


def _binary(package: str) -> str:
    spec = importlib.util.find_spec(package)
    found = glob.glob(f"{spec.submodule_search_locations[0]}/extensions/v{duckdb.__version__}/*.duckdb_extension") \
        if spec else []
    if not found:  # not installed, or built for another DuckDB (an extension loads into its own version only)
        raise Unavailable(f"{package} is not installed for DuckDB {duckdb.__version__}")
    return found[0]


def config() -> dict[str, object]:
    """Connection settings: the extensions load from the local folder, never from the network."""
    return {"extension_directory": extension_directory(), "autoinstall_known_extensions": False,
            "autoload_known_extensions": True}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_CREATED: set[Lake] = set()  # lakes this process knows to exist


def create(lake: Lake) -> None:
    """Create the lake if it does not exist yet (its data path is stored in the catalogue).

    Opened directly (`connect`), a new catalogue would get a data path of DuckLake's choosing, so a
    lake not known to exist is attached once with its own first (a second DuckDB instance: once per process).
    """
    if lake in _CREATED or (lake.catalogue.startswith("sqlite:") and lake.home.exists()):
        return
    if lake.catalogue.startswith("sqlite:"):
        lake.home.parent.mkdir(parents=True, exist_ok=True)
    Path(lake.data_path).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config=config())
    try:
        con.execute("set enable_progress_bar = false")
        con.execute(f"attach {_quote(PREFIX + lake.catalogue)} as lake (data_path {_quote(lake.data_path)})")
    finally:
        con.close()
    _CREATED.add(lake)


def connect(lake: Lake, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """The lake as the default database of a new connection (every cursor of it reads the lake).

    `read_only` only means: create nothing. DuckDB shares one instance per path in a process, and a
    lake is written through transactions by any process, so every connection to it may write.
    """
    if not read_only:
        create(lake)
    elif lake.catalogue.startswith("sqlite:") and not lake.home.exists():
        raise duckdb.IOException(f"{lake.home}: no such lake catalogue (does not exist)")
    con = duckdb.connect(PREFIX + lake.catalogue, config=config())
    con.execute("set enable_progress_bar = false")  # a slow commit would draw a bar on a command's terminal
    return con


def of(con: duckdb.DuckDBPyConnection) -> Lake | None:
    """The lake a connection reads (None for a DuckDB file or memory).

    Here and wherever a lake is read: fetchall, never a half-read result, which keeps its transaction
    open, and with it a read lock on a SQLite catalogue that refuses every other connection's commit.
    """
    row = con.execute("select type, path, options from duckdb_databases() "
                      "where database_name = current_database()").fetchall()
    row = row[0] if row else None
    if row is None or row[0] != "ducklake":
        return None
    data_path = (row[2] or {}).get("data_path")
    if not data_path:  # opened directly: the data path is the one stored in the catalogue
        name = con.execute("select current_database()").fetchall()[0][0]
        data_path = con.execute(f"select value from ducklake_options({_quote(name)}) "
                                "where option_name = 'data_path'").fetchall()[0][0]
    return Lake(row[1], data_path)


def snapshot_id(con: duckdb.DuckDBPyConnection) -> int:
    """The lake's newest snapshot: it changes with every committed write."""
    return con.execute("select id from current_snapshot()").fetchall()[0][0]


# --- what DuckLake lacks, left out of the schema -------------------------------------------------

_SEQUENCE = re.compile(r"create sequence[^;]*;", re.IGNORECASE)
_TABLE_KEY = re.compile(r",(\s*(?:--[^\n]*)?\n\s*)primary key \([^)]*\)", re.IGNORECASE)
_DROP_NOT_NULL = re.compile(r"(?im)^alter table \w+ alter column \w+ drop not null;$")
_COLUMN_KEY = re.compile(r"\s+primary key(?= |,|\n)", re.IGNORECASE)
_NEXTVAL = re.compile(r"\s+default nextval\('[^']*'\)", re.IGNORECASE)
_LIST_DEFAULT = re.compile(r"\s+default \[\]", re.IGNORECASE)


def schema_sql(sql: str) -> str:
    """The schema for a lake: no sequences, no primary keys (DuckLake has neither; the writers keep
    keys unique by replacing a file's keys, and ids come from data.store.db.next_id) and no list defaults."""
    sql = _SEQUENCE.sub("", sql)
    sql = _TABLE_KEY.sub(r"\1", sql)
    sql = _NEXTVAL.sub("", sql)
    sql = _LIST_DEFAULT.sub("", sql)  # DuckLake has no list defaults: data/users.py always gives both lists
    sql = _DROP_NOT_NULL.sub("", sql)  # migrations of old DuckDB files: a lake is made new, with no such constraint
    return _COLUMN_KEY.sub("", sql)


# --- one writer at a time, across processes ------------------------------------------------------

_HELD = threading.local()


@contextmanager
def writer_lock(lake: Lake) -> Iterator[None]:
    """Writers of a lake take turns (an flock on a file beside the catalogue or in the shared data path).

    DuckLake commits concurrent writes optimistically and refuses the later one of two that changed
    the same table; every write raises table generations, so two writes at once would always
    collide. Taking turns makes both succeed, the second after the first. Re-entrant per thread.
    """
    depth = getattr(_HELD, "depth", 0)
    if depth:
        _HELD.depth = depth + 1
        try:
            yield
        finally:
            _HELD.depth -= 1
        return
    path = lake.home.with_name(lake.home.name + ".writer.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o660)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        _HELD.depth = 1
        try:
            yield
        finally:
            _HELD.depth = 0
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


# --- a read-only view at one snapshot --------------------------------------------------------------

class Pinned:
    """The lake at one snapshot, read-only, in an in-memory database of its own (data.store.snapshots.LakeReader).

    A cursor of a DuckDB connection starts at the default database, not at the one a `use` chose, so
    `cursor()` hands out cursors that have chosen the lake already; everything else is the connection's.
    """

    def __init__(self, lake: Lake, snapshot: int):
        self.snapshot = snapshot
        self._con = duckdb.connect(config=config())
        self._con.execute("set enable_progress_bar = false")
        self._con.execute(f"attach {_quote(PREFIX + lake.catalogue)} as lake (snapshot_version {int(snapshot)}, "
                          f"read_only, data_path {_quote(lake.data_path)})")
        self._con.execute("use lake")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = self._con.cursor()
        cursor.execute("use lake")
        cursor.execute("set enable_progress_bar = false")  # a per-connection setting, and a cursor is one
        return cursor

    def __getattr__(self, name: str):
        return getattr(self._con, name)
