"""`python -m data template KIND [--xlsx]`: a kind's template on standard output, as CSV or as a workbook.

Exit codes: 0 written, 2 wrong usage (unknown kind).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from data import db, decode, templates
from data.contracts import KINDS

NOT_OPENED = ("de database kon niet worden geopend; het sjabloon heeft de openbare codelijsten, "
              "maar geen aanbieders")


def run_template(args: argparse.Namespace) -> int:
    if args.kind not in KINDS:
        print(f"onbekende soort: {args.kind} (kies uit {', '.join(KINDS)})", file=sys.stderr)
        return 2
    if not args.xlsx:
        sys.stdout.buffer.write(templates.csv_template(args.kind))
    else:
        con = _codes_database(db.db_path(args.db))
        try:
            lists = templates.code_lists(con, args.regio)
        finally:
            con.close()
        sys.stdout.buffer.write(templates.workbook(args.kind, lists, decode.today(), args.regio))
    sys.stdout.flush()
    return 0


def _codes_database(path: Path) -> duckdb.DuckDBPyConnection:
    """The database read only; without one (or when it cannot be opened) the public reference lists alone."""
    if path.exists():
        try:
            return db.connect(path, read_only=True)
        except (OSError, duckdb.Error):
            print(f"{path}: {NOT_OPENED}", file=sys.stderr)
    return db.connect(":memory:")
