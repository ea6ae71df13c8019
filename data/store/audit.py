"""The append-only audit log: who did what, when. Rows are only ever inserted, never changed.

`record` is the one way an entry is written. A writing process inserts it into `audit_log`; a
read-only dashboard process (a published snapshot, data/store/snapshots.py) cannot, so it appends the
entry as one JSON line to its own file in `<main>.audit/`, and the writer imports those lines on
its next write (`import_files`), exactly once: how far each file was imported is stored in the
same transaction as the imported rows.
"""

from __future__ import annotations

import json
import os
import re
import socket
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from data.store.write_scope import location, touched, transaction

if TYPE_CHECKING:
    import pandas as pd  # only for the annotation: the command line never needs pandas

_INSERT = "insert into audit_log (actor, action, details) values ($actor, $action, $details)"
_INSERT_AT = "insert into audit_log (logged_at, actor, action, details) values (?, ?, ?, ?)"
SUFFIX = ".audit"
UNREADABLE = "audit_onleesbaar"  # a line of an audit file that is not an entry (e.g. cut off by a full disk)


def record(con: duckdb.DuckDBPyConnection, actor: str, action: str, details: str) -> None:
    """Append one entry; inside the caller's transaction when there is one.

    On a read-only connection the entry goes to this process's audit file instead.
    """
    main, read_only = location(con)
    if read_only:
        append_to_file(main, actor, action, details)
        return
    con.execute(_INSERT, {"actor": actor, "action": action, "details": details})
    touched("audit_log")


def directory(main: Path) -> Path:
    return main.with_name(main.name + SUFFIX)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def file_of_this_process(main: Path, day: date) -> Path:
    """One file per host, process and UTC day: a file of an earlier day is never appended to again."""
    host = re.sub(r"[^A-Za-z0-9_.]", "_", socket.gethostname())
    return directory(main) / f"{host}-{os.getpid()}-{day:%Y%m%d}.jsonl"


def append_to_file(main: Path, actor: str, action: str, details: str) -> None:
    """One JSON line, written with one append: lines of one file never interleave."""
    now = _utc_now()
    path = file_of_this_process(main, now.date())
    path.parent.mkdir(exist_ok=True)
    line = json.dumps({"at": now.isoformat(), "actor": actor, "action": action, "details": details},
                      ensure_ascii=False) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, line.encode("utf-8"))
    finally:
        os.close(descriptor)


def import_files(cur: duckdb.DuckDBPyConnection, main: Path) -> int:
    """Import the complete lines the audit files gained since the last import; returns how many.

    Runs inside data.store.db.writing (under the write lock). Files of days before yesterday that are
    fully imported are removed afterwards.
    """
    folder = directory(main)
    if not folder.is_dir():
        return 0
    done = dict(cur.execute("select file_name, imported_bytes from audit_imports").fetchall())
    imported = 0
    for path in sorted(folder.glob("*.jsonl")):
        start = done.get(path.name, 0)
        with path.open("rb") as handle:
            handle.seek(start)
            chunk = handle.read()
        end = chunk.rfind(b"\n") + 1
        if end:
            rows = [_row(line, path.name, start + offset) for line, offset in _lines(chunk[:end])]
            _store(cur, rows, path.name, start + end)
            imported += len(rows)
            done[path.name] = start + end
    _remove_imported(cur, folder, done)
    return imported


def _lines(chunk: bytes):
    offset = 0
    for line in chunk.splitlines(keepends=True):
        yield line, offset
        offset += len(line)


def _row(line: bytes, file_name: str, offset: int) -> tuple:
    try:
        entry = json.loads(line)
        return (datetime.fromisoformat(entry["at"]), str(entry["actor"]), str(entry["action"]),
                str(entry["details"]))
    except (ValueError, KeyError, TypeError):
        return _utc_now(), "audit", UNREADABLE, f"{file_name}: regel op byte {offset}"


def _store(cur: duckdb.DuckDBPyConnection, rows: list[tuple], file_name: str, imported_bytes: int) -> None:
    with transaction(cur):
        cur.executemany(_INSERT_AT, rows)
        cur.execute("insert or replace into audit_imports values ($file, $bytes)",
                    {"file": file_name, "bytes": imported_bytes})
        touched("audit_log", "audit_imports")


def _remove_imported(cur: duckdb.DuckDBPyConnection, folder: Path, done: dict[str, int]) -> None:
    before = f"{_utc_now().date() - timedelta(days=1):%Y%m%d}"
    for path in folder.glob("*.jsonl"):
        day = path.stem.rsplit("-", 1)[-1]
        if day < before and done.get(path.name) == path.stat().st_size:
            path.unlink()
            cur.execute("delete from audit_imports where file_name = $file", {"file": path.name})


# Newest first; `$action` NULL = every action, `$actor` NULL = everyone (else a part of the actor).
_ENTRIES = """
select logged_at, actor, action, details
from audit_log
where ($action::varchar is null or action = $action::varchar)
  and ($actor::varchar is null or contains(lower(actor), lower($actor::varchar)))
order by logged_at desc, audit_id desc
limit $limit
"""
_ACTIONS = "select distinct action from audit_log order by action"
_HAS_ACTION = "select exists (select 1 from audit_log where action = $action)"


def entries(con: duckdb.DuckDBPyConnection, *, action: str | None = None, actor: str | None = None,
            limit: int = 500) -> pd.DataFrame:
    """The latest entries (logged_at, actor, action, details), optionally of one action or actor."""
    return con.execute(_ENTRIES, {"action": action, "actor": actor or None, "limit": limit}).df()


def actions(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Every action that occurs in the log, for a filter."""
    return tuple(row[0] for row in con.execute(_ACTIONS).fetchall())


def has_action(con: duckdb.DuckDBPyConnection, action: str) -> bool:
    """Whether the log holds any entry of `action` (e.g. whether an account was ever added)."""
    return bool(con.execute(_HAS_ACTION, {"action": action}).fetchone()[0])
