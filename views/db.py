"""The dashboard's connection: one per database file, a cursor per use, one lock for writes.

Streamlit serves every session from one process with many threads (design.md, "DuckDB in a
Streamlit process"): a DuckDB connection is not thread-safe, its cursors are. Views never import
duckdb; they borrow a cursor here and hand it to the levers.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from data import db as store

# Set to 1 for a dashboard process that serves a published read-only copy (design.md, "Scaling past
# one machine"): several such processes can share one file; uploads then fail, by design.
READ_ONLY_ENV = "JEUGDMONITOR_READ_ONLY"


@dataclass
class _Store:
    connection: Any  # duckdb.DuckDBPyConnection; views do not import duckdb
    write_lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner=False)
def _store(path: str, read_only: bool = False) -> _Store:
    return _Store(store.connect(path, read_only=read_only))


def _shared() -> _Store:
    return _store(db_file(), os.environ.get(READ_ONLY_ENV) == "1")


@st.cache_resource(show_spinner=False)
def _build_lock(path: str) -> threading.Lock:
    return threading.Lock()


def db_file() -> str:
    """The database file of this process (absolute): part of every cache key."""
    return str(store.db_path().resolve())


def exists() -> bool:
    return store.db_path().exists()


def ensure_demo(progress: Callable[[float, str], None]) -> None:
    """Build the demo database when the file does not exist yet; one session builds, others wait."""
    path = db_file()
    with _build_lock(path):
        if store.db_path().exists():
            return
        from data.demo import build_demo_file

        build_demo_file(store.db_path(), progress=progress)


@contextmanager
def reading() -> Iterator[Any]:
    """A cursor of the shared connection, closed after use."""
    cursor = _shared().connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


@contextmanager
def writing() -> Iterator[Any]:
    """A cursor under the write lock: one writer at a time. Cached figures are cleared afterwards."""
    shared = _shared()
    with shared.write_lock:
        cursor = shared.connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
    clear_caches()


def clear_caches() -> None:
    """Forget every cached figure (after an upload or a recorded dialogue): the next view recomputes."""
    st.cache_data.clear()
