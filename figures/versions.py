"""Where figures are read, and the version of what they read: the key under which a figure may be kept.

A `Source` says how to borrow a cursor, which database file the keys name, and whether the data can
change while a figure is computed. The dashboard's source (views.db.SOURCE) is its writer's connection
or the snapshot a read-only run keeps; a command's is one file it opened read-only (`connection_source`).
A figure's version is the file and the generations of the tables it reads: a write to one of them (in
any process) gives new keys, a write elsewhere (the audit log, accounts) leaves kept figures in place.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data.store import db


@dataclass(frozen=True)
class Source:
    """How figures reach the data: `reading()` lends a cursor, `file()` is the database file the keys
    name, `fixed()` whether the data cannot change meanwhile (a snapshot, a file opened read-only)."""

    reading: Callable[[], AbstractContextManager[Any]]
    file: Callable[[], str]
    fixed: Callable[[], bool]


def connection_source(con: Any, path: str | Path | None = None) -> Source:
    """An open connection that nothing writes to meanwhile (a command's, a test's): fixed data, one
    cursor per read. Without `path` the keys name no file, so its figures are not for keeping."""
    file = str(Path(path).resolve()) if path is not None else ""
    return Source(reading=lambda: closing(con.cursor()), file=lambda: file, fixed=lambda: True)


def versions(source: Source, tables: tuple[str, ...]) -> tuple[Any, ...]:
    """The database file and (table, generation) of each table: the key of figures read from them."""
    with source.reading() as con:
        return (source.file(), *zip(tables, db.generations(con, tables)))


def fence(source: Source, version: tuple[Any, ...]) -> Callable[[], bool]:
    """Called before figures of VERSION are computed: a check, made after, whether they may be kept
    for other processes and later starts (figures.shared_results).

    Fixed data never change. In the writing process a write may run beside the computation (the
    figures would mix old and new data under the old key) or may have ended between reading VERSION
    and this call (new data under the old key): keep the figures only when no write started or ended
    meanwhile and the tables still have VERSION's generations.
    """
    if source.fixed():
        return lambda: True
    epoch = db.write_epoch()
    tables = tuple(table for table, _ in version[1:])
    return lambda: epoch % 2 == 0 and db.write_epoch() == epoch and versions(source, tables) == version
