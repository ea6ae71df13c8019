"""`python -m data load`: one file into the store; a Dutch summary, or every error one per line.

Exit codes: 0 stored (or unchanged: the same bytes were stored before), 1 refused (nothing stored),
2 wrong usage, 3 stored but not yet published for readers (e.g. the disk filled after the commit):
running the same command again publishes it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Iterator

from data import csvfile, snapshots
from data.cli_args import CliError, open_database
from data.contracts import KINDS
from data.load import load_file

WRITER_FIGURES_ENV = "JEUGDMONITOR_WRITER_FIGURES"  # views.warm.ENV (a command imports views only when it is set)
NOT_PUBLISHED = 3  # exit code: stored, not yet published (see the module's docstring)
CONFIRM_HINT = "gebruik --leeg-bevestigd als er voor deze soort echt niets is om op te slaan"


def run_load(args: argparse.Namespace) -> int:
    """Load `args.file` into `args.db` (created with schema and reference data when new)."""
    if args.kind is not None and args.kind not in KINDS:
        print(f"onbekende soort: {args.kind} (kies uit {', '.join(KINDS)})", file=sys.stderr)
        return 2
    path = Path(args.file)
    if not path.is_file():
        print(f"bestand niet gevonden: {path}", file=sys.stderr)
        return 2
    uploader = "cli" if args.user == "cli" else f"cli:{args.user}"
    signal.signal(signal.SIGTERM, _stop)  # a stopped load rolls back and removes its scratch copy too
    try:
        with _figures_for_readers(os.environ.get(WRITER_FIGURES_ENV) == "1"):
            report = _load(args, path, uploader)
    except CliError as error:
        print(error, file=sys.stderr)
        return error.code
    if report.stored or report.unchanged:
        print(report.summary, file=sys.stdout if report.published else sys.stderr)
        return 0 if report.published else NOT_PUBLISHED
    for error in report.errors:
        print(error)
    print(report.summary + (f" ({CONFIRM_HINT})" if report.needs_empty_confirmation else ""), file=sys.stderr)
    return 1


def _load(args: argparse.Namespace, path: Path, uploader: str):
    con = open_database(args.db)
    try:
        raw, on_disk = csvfile.OnDisk.read(path)
        return load_file(con, raw, path.name, kind=args.kind, uploader=uploader,
                         confirm_empty=args.confirm_empty, preview=False, on_disk=on_disk)
    finally:
        con.close()


def _import_figures() -> None:
    """Import views.warm (Streamlit, the levers, the caches) for `_figures_for_readers`."""
    from streamlit.logger import get_logger

    # A command has no Streamlit runtime; its caches say so once each, which is no news here.
    get_logger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    from views import warm  # noqa: F401


@contextlib.contextmanager
def _figures_for_readers(wanted: bool) -> Iterator[None]:
    """While loading (when `wanted`): a hook that computes the Overzicht of the regions this load touched
    once it is published (views.warm); its import (about a second) starts now, while DuckDB stores the file."""
    if not wanted:
        yield
        return
    importer = threading.Thread(target=_import_figures, name="import-views-warm", daemon=True)
    importer.start()
    hook = functools.partial(_after_publish, importer)
    snapshots.AFTER_PUBLISH.append(hook)
    try:
        yield
    finally:
        snapshots.AFTER_PUBLISH.remove(hook)
        importer.join()  # an import cut off by the interpreter's exit can crash it


def _after_publish(importer: threading.Thread, main: Path, snapshot: Path, previous: Path | None) -> None:
    importer.join()
    from views import warm

    warm.after_publish(main, snapshot, previous)


def _stop(signal_number: int, frame: object) -> None:
    raise SystemExit(128 + signal_number)
