"""`python -m data template KIND [--xlsx]`: a kind's template on standard output, as CSV or as a workbook.

Exit codes: 0 written, 2 wrong usage (unknown kind).
"""

from __future__ import annotations

import argparse
import sys

from data import db, decode, templates
from data.contracts import KINDS


def run_template(args: argparse.Namespace) -> int:
    if args.kind not in KINDS:
        print(f"onbekende soort: {args.kind} (kies uit {', '.join(KINDS)})", file=sys.stderr)
        return 2
    if not args.xlsx:
        sys.stdout.buffer.write(templates.csv_template(args.kind))
    else:
        path = db.db_path(args.db)  # read only; without a database, the public reference lists alone
        con = db.connect(path, read_only=True) if path.exists() else db.connect(":memory:")
        try:
            lists = templates.code_lists(con, args.regio)
        finally:
            con.close()
        sys.stdout.buffer.write(templates.workbook(args.kind, lists, decode.today(), args.regio))
    sys.stdout.flush()
    return 0
