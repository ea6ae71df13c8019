"""The dashboard's connection: cursors for reading, one write path, and the data's version for caches.

Streamlit serves every session from one process with many threads (design.md, "DuckDB in a
Streamlit process"): a DuckDB connection is not thread-safe, its cursors are. Views never import
duckdb; they borrow a cursor here and hand it to the levers.

A writing process (the default) reads and writes its own file, which it holds only while it uses
it (data.store.db.Holder), so `python -m data load` and `users add` can write beside it. A read-only process
(JEUGDMONITOR_READ_ONLY=1) reads the newest published snapshot (data/store/snapshots.py) and keeps the
one it chose for the whole script run, so one page never mixes two versions of the data; its audit
entries go to its audit file (data/store/audit.py). `SOURCE` is this for figures/ (figures.versions): figures
are keyed on the generations of the tables they read, so a write makes exactly the figures it touched
recompute, in every process and every session, and a write to the audit log or the accounts recomputes none.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from data.store import audit as audit_log
from data.store import db
from data.store import snapshots
from figures import shared_results
from figures import versions as figure_versions

# Set to 1 for a dashboard process that serves the published read-only snapshot (design.md, "Scaling
# past one machine"): several such processes share one writer; uploads then fail, by design.
READ_ONLY_ENV = "JEUGDMONITOR_READ_ONLY"
BUSY = ("De database is nog bezig met een andere schrijver (een opdracht op de server). "
        "Probeer het over een minuut opnieuw.")
_PIN = "_db_snapshot_pin"  # (this run's marker, connection): the snapshot a read-only run keeps


def is_read_only() -> bool:
    return os.environ.get(READ_ONLY_ENV) == "1"


@st.cache_resource(show_spinner=False)
def _writer(path: str) -> db.Holder:
    """The writer's file, open only while used (data.store.db.Holder): commands can write beside it."""
    return db.Holder(path)


@st.cache_resource(show_spinner=False)
def _reader(path: str) -> snapshots.Reader:
    return snapshots.Reader(path)


@st.cache_resource(show_spinner=False)
def _build_lock(path: str) -> Any:
    import threading

    return threading.Lock()


def db_file() -> str:
    """The database file of this process (absolute): part of every cache key."""
    return str(db.db_path().resolve())


def exists() -> bool:
    """Whether there is data to show: the file, or for a read-only process a published snapshot
    (a reader on another machine gets the snapshots only)."""
    path = db.db_path()
    return path.exists() or (is_read_only() and snapshots.published(path) is not None)


def ensure_demo(progress: Callable[[float, str], None]) -> None:
    """Build the demo database when the file does not exist yet; one session builds, others wait."""
    path = db_file()
    with _build_lock(path):
        if db.db_path().exists():
            return
        from data.demo.build import build_demo_file  # noqa: PLC0415  lazy: 0.43 s CPU, only when there is no file

        build_demo_file(db.db_path(), progress=progress)


@contextmanager
def _connected() -> Iterator[Any]:
    """The writer's own connection while the block runs, or in a read-only process the snapshot this run reads."""
    if not is_read_only():
        try:
            with _writer(db_file()).connection() as con:
                yield con
        except db.Busy:  # a command (`python -m data load`) kept the file longer than the wait
            st.error(BUSY)
            st.stop()
    else:
        yield _connection()


def _connection() -> Any:
    """In a read-only process, the snapshot this run reads (the writer: `_connected`)."""
    reader = _reader(db_file())
    context = get_script_run_ctx()
    if context is None:  # outside a script run (a helper thread): the newest snapshot
        return reader.connection()
    # `context.cursors` is a new dict at the start of every run (and kept alive by the pin, so no
    # later dict can take its identity): the first read of a run chooses the snapshot for the run.
    pin = context.session_state[_PIN] if _PIN in context.session_state else None
    if pin is None or pin[0] is not context.cursors:
        pin = (context.cursors, reader.connection())
        context.session_state[_PIN] = pin
    return pin[1]


@contextmanager
def reading() -> Iterator[Any]:
    """A cursor of this process's read connection, closed after use."""
    with _connected() as con:
        cursor = con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()


@contextmanager
def writing() -> Iterator[Any]:
    """A cursor on the one write path (data.store.db.writing): one writer at a time, then bookkeeping."""
    with _connected() as con, db.writing(con) as write:
        yield write.cursor


def audit(actor: str, action: str, details: str) -> None:
    """Write one audit entry (an export, a login, a logout) through the write path."""
    with writing() as con:
        audit_log.record(con, actor, action, details)


def versions(*tables: str) -> tuple[Any, ...]:
    """The database file and (table, generation) of each table: the cache key of what is read from them."""
    return figure_versions.versions(SOURCE, tables)


def clear_caches() -> None:
    """Forget every cached figure, in this process and those shared with other processes (figures.shared_results):
    for tests and benchmarks only; writes invalidate by `versions`."""
    st.cache_data.clear()
    shared_results.clear(db_file())


# Where figures/ reads in this process: this run's cursor, the file in the keys, and whether the data are
# fixed (a read-only snapshot never changes; the writer's file does).
SOURCE = figure_versions.Source(reading=reading, file=db_file, fixed=is_read_only)
