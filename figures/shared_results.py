"""Cached figures shared by the dashboard processes of one machine and kept across restarts.

Streamlit's cache lets one session per process compute a missing figure while the others wait. With
several read-only processes beside one writer (design.md, "Scaling past one machine") an upload
still made every process compute the same new figures at the same moment, on the same cores. Here
the first process to miss a key computes it under a file lock and stores the result next to the
database (`<main>.results/<version>/`); the others wait for the lock and read the stored result.
A restarted process finds what it computed before, so the first page after a start does not wait
for its figures again (issue 14: < 3 s from `streamlit run` with an existing database).

Results are stored per version (the database file, the generations of the tables read and the code
that computes them), so a write or new code gives new keys and old version folders are removed
after a while. A writing process keeps a result only when its `fence` says no write ran beside the
computation (figures.versions.fence). Anything that goes wrong with the folder (read-only disk, no space)
means: compute here, as without sharing.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import os
import pickle
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from data.store import lake

SUFFIX = ".results"
ENV = "JEUGDMONITOR_SHARED_RESULTS"  # 0: each process computes for itself (benchmarks/readers.py compares)
WAIT_S = 120.0  # longer than any figure takes: after this a waiting process computes itself
KEEP_OLD_S = 600.0  # a version folder nobody wrote to for this long goes (a reader may lag one snapshot)
_POLL_S = 0.05
ROOT = Path(__file__).resolve().parent.parent
# What a stored figure depends on besides the data: the levers and their SQL, the schema's macros,
# the rights that narrow a scope, the figures that call them (and apply the peer rule) and the words in
# the results. The views only show what figures/ returns, so they are not part of it.
CODE_PACKAGES = ("levers", "data", "auth", "figures", "wording")

T = TypeVar("T")


def enabled() -> bool:
    """Whether sharing is on ($JEUGDMONITOR_SHARED_RESULTS, default on)."""
    return os.environ.get(ENV, "1") != "0"


def folder_of(main: str | os.PathLike) -> Path:
    """Where the results of database file `main` are shared (of a lake: beside its home, data.store.lake)."""
    main = lake.parse(str(main)).home if lake.is_spec(str(main)) else Path(main)
    return main.with_name(main.name + SUFFIX)


def computed_once(folder: Path, key: str, compute: Callable[[], T], keep: Callable[[], bool] | None = None) -> T:
    """The stored result of `key` in `folder`, or `compute()` run by one process and stored for all
    (unless `keep()`, asked after computing, says the result may not be kept)."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    stored = folder / f"{digest}.pickle"
    found = _read(stored)
    if found is not None:
        return found[0]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / f"{digest}.lock", "a+b")  # noqa: SIM115  closed below
    except OSError:
        return compute()
    with lock:
        _acquire(lock)
        found = _read(stored)  # another process computed it while this one waited
        if found is not None:
            return found[0]
        value = compute()
        if keep is None or keep():
            _write(stored, value)
        return value  # the lock goes with the file: released on close, also when a process dies


def across_processes(when: Callable[[], bool], fence: Callable[[tuple], Callable[[], bool]] | None = None,
                     ) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Share `function(version, *args)` between processes while `when()`; `version[0]` is the database file.

    The key is the repr of the version and the arguments: they are frozen dataclasses, tuples and
    strings, whose repr is the same in every process. `fence(version)`, called before computing,
    gives the check whether the result may be kept (see `computed_once`).
    """
    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        name = f"{function.__module__}.{function.__qualname__}"

        @functools.wraps(function)
        def shared(version: tuple, *args: Any) -> T:
            if not when():
                return function(version, *args)
            keep = fence(version) if fence is not None else None
            return computed_for(version, name, args, lambda: function(version, *args), keep)

        return shared

    return decorate


def computed_for(version: tuple, name: str, args: tuple, compute: Callable[[], T],
                 keep: Callable[[], bool] | None = None) -> T:
    """`computed_once` in the folder of VERSION (`version[0]` the database file) and this code, keyed on
    the repr of `name` and `args` (frozen dataclasses, tuples and strings: the same in every process)."""
    key = repr((version, code_fingerprint()))
    folder = folder_of(version[0]) / hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    _prune(folder)
    return computed_once(folder, repr((name, args)), compute, keep)


@functools.cache
def code_fingerprint(root: Path = ROOT) -> str:
    """A hash of the code and SQL that compute and shape the figures (once per process): a result
    stored by other code, e.g. before an update and a restart, is never read."""
    digest = hashlib.sha256()
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".sql") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clear(main: str | os.PathLike) -> None:
    """Forget every shared result of `main` (tests and benchmarks; writes give new keys)."""
    shutil.rmtree(folder_of(main), ignore_errors=True)


def _acquire(lock) -> None:
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                return  # compute here rather than wait for ever on a stuck process
            time.sleep(_POLL_S)


def _read(stored: Path) -> tuple[Any] | None:
    """(the stored value,) or None when there is none (or it cannot be read: then it is computed)."""
    try:
        with stored.open("rb") as handle:
            return (pickle.load(handle),)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _write(stored: Path, value: Any) -> None:
    temporary = stored.with_name(f".{stored.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, stored)  # readers find the whole result or none
    except OSError:
        temporary.unlink(missing_ok=True)


_pruned: dict[Path, float] = {}


def _prune(current: Path) -> None:
    """Remove version folders of `current`'s database not written to for KEEP_OLD_S (once a minute)."""
    parent, now = current.parent, time.time()
    if now - _pruned.get(parent, 0.0) < 60:
        return
    _pruned[parent] = now
    try:
        for folder in parent.iterdir():
            if folder != current and folder.is_dir() and now - folder.stat().st_mtime > KEEP_OLD_S:
                shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass
