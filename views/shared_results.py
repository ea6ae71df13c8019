"""Cached figures shared by the dashboard processes of one machine: one computes, the others read.

Streamlit's cache lets one session per process compute a missing figure while the others wait. With
several read-only processes beside one writer (design.md, "Scaling past one machine") an upload
still made every process compute the same new figures at the same moment, on the same cores. Here
the first process to miss a key computes it under a file lock and stores the result next to the
database (`<main>.results/<version>/`); the others wait for the lock and read the stored result.

Results are stored per version (the database file and the generations of the tables read), so a
write gives new keys and old version folders are removed after a while. Anything that goes wrong
with the folder (read-only disk, no space) means: compute here, as without sharing.
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

SUFFIX = ".results"
ENV = "JEUGDMONITOR_SHARED_RESULTS"  # 0: each process computes for itself (benchmarks/readers.py compares)
WAIT_S = 120.0  # longer than any figure takes: after this a waiting process computes itself
KEEP_OLD_S = 600.0  # a version folder nobody wrote to for this long goes (a reader may lag one snapshot)
_POLL_S = 0.05

T = TypeVar("T")


def enabled() -> bool:
    """Whether sharing is on ($JEUGDMONITOR_SHARED_RESULTS, default on)."""
    return os.environ.get(ENV, "1") != "0"


def folder_of(main: str | os.PathLike) -> Path:
    """Where the results of database file `main` are shared."""
    main = Path(main)
    return main.with_name(main.name + SUFFIX)


def computed_once(folder: Path, key: str, compute: Callable[[], T]) -> T:
    """The stored result of `key` in `folder`, or `compute()` run by one process and stored for all."""
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
        _write(stored, value)
        return value  # the lock goes with the file: released on close, also when a process dies


def across_processes(when: Callable[[], bool]) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Share `function(version, *args)` between processes while `when()`; `version[0]` is the database file.

    The key is the repr of the version and the arguments: they are frozen dataclasses, tuples and
    strings, whose repr is the same in every process.
    """
    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        name = f"{function.__module__}.{function.__qualname__}"

        @functools.wraps(function)
        def shared(version: tuple, *args: Any) -> T:
            if not when():
                return function(version, *args)
            folder = folder_of(version[0]) / hashlib.sha256(repr(version).encode("utf-8")).hexdigest()[:20]
            _prune(folder)
            return computed_once(folder, repr((name, args)), lambda: function(version, *args))

        return shared

    return decorate


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
