"""Published read-only snapshots: many reader processes beside one writer, neither waiting on the other.

The writer works on the main file. After each write that changed data (data.store.db.writing) it copies
the checkpointed file into `<main>.snapshots/gen-<n>.duckdb` and then points `CURRENT` at it; both
steps end in an atomic rename, so a reader finds the previous snapshot or the new one, never a part.
Readers open the snapshot `CURRENT` names, read-only, and look at `CURRENT` again on their next
run (a stat: cheap). A reader that opened a snapshot keeps reading it, even after it is replaced
and removed (the file stays while open), so its view stays consistent. A writer that dies halfway
leaves `CURRENT` and the snapshot it names as they were.

Each snapshot has its own file name because DuckDB shares one database instance per path within a
process: reopening a replaced path would hand back the old instance.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import duckdb

from data.store.faults import fault

SUFFIX = ".snapshots"
CURRENT = "CURRENT"
KEEP = 2  # the newest snapshot and the one before it (a reader may still be opening it)
_PREFIX = "gen-"
_OPEN_TRIES = 5  # a reader that finds CURRENT naming a removed snapshot reads CURRENT again
_CHECKPOINT_TRIES = 10  # a reader of the writer's own process can hold a checkpoint off for a moment


def directory(main: Path) -> Path:
    return main.with_name(main.name + SUFFIX)


def main_of(path: Path) -> Path:
    """The main database file of a snapshot path; any other path is its own main file."""
    if path.parent.name.endswith(SUFFIX):
        return path.parent.with_name(path.parent.name[: -len(SUFFIX)])
    return path


def published(main: Path) -> Path | None:
    """The snapshot `CURRENT` names, or None when nothing has been published yet."""
    snapshot = _named(main)
    return snapshot if snapshot is not None and snapshot.exists() else None


class NotPublished(Exception):
    """The write stands, but readers keep the previous snapshot; its cause (e.g. a full disk) is chained.
    The next write publishes, and so does the next process that opens the file (data.store.db.connect)."""


def publish(con: duckdb.DuckDBPyConnection, main: Path) -> Path:
    """Checkpoint the writer's file, copy it under a new generation and point CURRENT at it.

    Runs under the write lock (data.store.db.writing), so no write changes the file during the copy.
    Any failure leaves the published snapshot as it was (and no temporary file behind) and raises
    NotPublished: the checkpoint cannot run (a reader in this process holds it off, a full disk)
    or the copy fails (a full disk). The caller says so, in its own words.
    """
    for attempt in range(_CHECKPOINT_TRIES):
        try:
            con.execute("checkpoint")
            break
        except duckdb.TransactionException:
            time.sleep(0.05 * (attempt + 1))
        except duckdb.Error as failure:  # e.g. no room for the checkpoint
            raise NotPublished(f"{main}: checkpoint failed") from failure
    wal = main.with_name(main.name + ".wal")
    if wal.exists() and wal.stat().st_size:
        raise NotPublished(f"{main}: the write-ahead log could not be checkpointed")
    try:
        return publish_file(main, held=True)
    except (OSError, duckdb.Error) as failure:  # e.g. a full disk: readers keep the previous snapshot
        raise NotPublished(f"{main}: the copy failed") from failure


def publish_file(main: Path, *, held: bool = False) -> Path:
    """Publish a database file as the newest snapshot: a closed one (e.g. a freshly built demo), or
    (`held`) the one this process has open for writing (`publish`)."""
    folder = directory(main)
    folder.mkdir(exist_ok=True)
    _remove_temporaries(folder)
    snapshot = folder / f"{_PREFIX}{_next_generation(folder):06d}.duckdb"
    temporary = folder / f".{snapshot.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        if held:
            _copy_held(main, temporary)
        else:
            shutil.copyfile(main, temporary)
        fault("publishing")
        _check(temporary)
        os.replace(temporary, snapshot)
        pointer = folder / f".{CURRENT}.{os.getpid()}.{threading.get_ident()}.tmp"
        pointer.write_text(snapshot.name + "\n", encoding="utf-8")
        os.replace(pointer, folder / CURRENT)
    finally:
        _remove_temporaries(folder, own_only=True)
    _remove_old(folder, keep=snapshot)  # keeps the one before it too (KEEP = 2)
    return snapshot


# (device, inode) of a file this process writes -> a descriptor of it that is never closed (`_copy_held`)
_KEPT_OPEN: dict[tuple[int, int], int] = {}


def _copy_held(main: Path, target: Path) -> None:
    """Copy the file this process holds DuckDB's write lock on without closing a descriptor of it.

    POSIX drops all of a process's fcntl locks on a file when the process closes any descriptor of
    it: a plain copy (open, read, close) would let a waiting writer in while this one still publishes
    (and that writer would remove this one's temporary file as a leftover). So the file is read
    through one descriptor per file that stays open for the life of the process.
    """
    status = os.stat(main)
    key = (status.st_dev, status.st_ino)
    if key not in _KEPT_OPEN:
        _KEPT_OPEN[key] = os.open(main, os.O_RDONLY)
    source = _KEPT_OPEN[key]
    size = os.fstat(source).st_size
    with open(target, "wb") as out:
        offset = 0
        while offset < size:
            sent = os.sendfile(out.fileno(), source, offset, size - offset)  # leaves the source's position
            if sent == 0:
                raise OSError(f"{main}: shorter than its size while copying")
            offset += sent


def remove_leftovers(main: Path) -> None:
    """Temporary files of a publisher that was killed halfway. Called by a writer that has just opened
    `main`: it holds DuckDB's file lock, so no other process can be publishing; its own threads' files stay."""
    folder = directory(main)
    mark = f".{os.getpid()}."
    for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
        if mark not in leftover.name:
            leftover.unlink(missing_ok=True)


def _check(snapshot: Path) -> None:
    """Open the copy before publishing it: a copy DuckDB cannot read is never published."""
    con = duckdb.connect(str(snapshot), read_only=True)
    try:
        con.execute("select count(*) from duckdb_tables()").fetchone()
    finally:
        con.close()


def _generations(folder: Path) -> list[int]:
    numbers = []
    for path in folder.glob(f"{_PREFIX}*.duckdb"):
        digits = path.name[len(_PREFIX): -len(".duckdb")]
        if digits.isdigit():
            numbers.append(int(digits))
    return sorted(numbers)


def _next_generation(folder: Path) -> int:
    return (_generations(folder) or [0])[-1] + 1


def _remove_temporaries(folder: Path, *, own_only: bool = False) -> None:
    """Leftovers of a publisher that died; with own_only, just this thread's (the lock holder's)."""
    mark = f".{os.getpid()}.{threading.get_ident()}.tmp"
    for leftover in folder.glob(".*.tmp"):
        if not own_only or leftover.name.endswith(mark):
            leftover.unlink(missing_ok=True)


def _remove_old(folder: Path, *, keep: Path) -> None:
    """Older generations go; a reader that still has one open keeps reading it (POSIX)."""
    for number in _generations(folder)[:-KEEP]:
        old = folder / f"{_PREFIX}{number:06d}.duckdb"
        if old != keep:
            old.unlink(missing_ok=True)


class Reader:
    """Read-only connections to the newest snapshot of `main` (to `main` itself before any publish).

    `connection()` checks CURRENT (a stat) and opens a newer snapshot when there is one; the old
    connection is dropped, and closes once the last cursor on it is closed. Thread-safe.
    """

    def __init__(self, main: str | os.PathLike):
        self.main = Path(main)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._path: Path | None = None
        self._connection: duckdb.DuckDBPyConnection | None = None

    def connection(self) -> duckdb.DuckDBPyConnection:
        stamp = _stamp(directory(self.main) / CURRENT)
        with self._lock:
            if self._connection is None or stamp != self._stamp:
                self._open(stamp)
            return self._connection

    @property
    def path(self) -> Path | None:
        """The file the current connection reads."""
        return self._path

    def _open(self, stamp: tuple[int, int] | None) -> None:
        """Open what CURRENT names. Once anything was published, never the writer's own file: a
        snapshot removed between reading CURRENT and opening it means a newer CURRENT, so read it again."""
        for attempt in range(_OPEN_TRIES):
            named = _named(self.main)
            target = self.main if named is None else named
            if target == self._path and self._connection is not None:
                break
            try:
                if named is not None and not named.exists():
                    raise FileNotFoundError(named)
                self._connection, self._path = duckdb.connect(str(target), read_only=True), target
                break
            except (duckdb.IOException, FileNotFoundError):
                if attempt == _OPEN_TRIES - 1:
                    if self._connection is not None:  # keep the consistent view it has; try again next run
                        return
                    raise FileNotFoundError(f"{target}: the published snapshot is gone and none replaced it") from None
                time.sleep(0.02 * (attempt + 1))
                stamp = _stamp(directory(self.main) / CURRENT)
        self._stamp = stamp


def _named(main: Path) -> Path | None:
    """The snapshot CURRENT names (whether or not it still exists); None when nothing was published."""
    try:
        name = (directory(main) / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return directory(main) / name if name.startswith(_PREFIX) else None


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns
