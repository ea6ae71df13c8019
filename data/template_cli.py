"""`python -m data template KIND [--xlsx]`: a kind's template on standard output, as CSV or as a workbook.

Both carry two marked example rows whose codes come from the database (`--db`, `--regio`) when it
can be read, else from the public reference lists.

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
    con = _codes_database(db.db_path(args.db))
    try:
        lists = templates.code_lists(con, args.regio)
    finally:
        con.close()
    write = templates.workbook if args.xlsx else templates.csv_template
    sys.stdout.buffer.write(write(args.kind, lists, decode.today(), args.regio))
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
