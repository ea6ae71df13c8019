"""`python -m data load`: one file into the store; a Dutch summary, or every error one per line.

Exit codes: 0 stored (or unchanged: the same bytes were stored before), 1 refused, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from data import csvfile
from data.cli_args import CliError, open_database
from data.contracts import KINDS
from data.load import load_file

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
        con = open_database(args.db)
    except CliError as error:
        print(error, file=sys.stderr)
        return error.code
    try:
        raw, on_disk = csvfile.OnDisk.read(path)
        report = load_file(con, raw, path.name, kind=args.kind, uploader=uploader,
                           confirm_empty=args.confirm_empty, preview=False, on_disk=on_disk)
    finally:
        con.close()
    if report.stored or report.unchanged:
        print(report.summary)
        return 0
    for error in report.errors:
        print(error)
    print(report.summary + (f" ({CONFIRM_HINT})" if report.needs_empty_confirmation else ""), file=sys.stderr)
    return 1


def _stop(signal_number: int, frame: object) -> None:
    raise SystemExit(128 + signal_number)
