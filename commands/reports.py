"""`python -m reports council|agenda|evaluatie ...`: the documents' command line; writes a PDF (or Markdown).

The same documents as the download buttons (views/dialogue_ui.py), made by the same functions, so a
scheduled job can produce the council report's appendix and every provider's agenda before a
meeting. Only parses arguments, opens the database read-only and writes the file. The command has
all rights, as `python -m levers` has, and asks figures.Figures as the screens do. Exit codes: 0 written,
1 the file could not be written, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.args import REGION_HELP, DutchArgumentParser, UsageError, open_read_only, scope
from commands.args import period as parse_period
from figures.figures import of_connection
from reports.agenda_document import agenda_document, agenda_markdown, agenda_pdf
from reports.council import council_report
from reports.council_pdf import council_pdf
from reports.evaluation import evaluation_markdown, evaluation_pack, evaluation_pdf
from wording import os_errors

COMMANDS = {"council": "de bestuursrapportage (PDF)", "agenda": "de agenda voor het volgende gesprek (PDF of Markdown)"}
WRITTEN = {"council": "Bestuursrapportage", "agenda": "Agenda", "evaluatie": "Evaluatiepakket"}


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(prog="python -m reports",
                                 description="Jeugdhulp monitor: documenten zonder browser.")
    commands = parser.add_subparsers(dest="command", required=True)
    for command, help_text in COMMANDS.items():
        sub = commands.add_parser(command, help=help_text)
        sub.add_argument("--db", required=True, help="databasebestand")
        sub.add_argument("--regio", required=True, action="append", help=REGION_HELP)
        sub.add_argument("--gemeente", action="extend", nargs="+", default=[], metavar="CODE",
                         help="gemeentecode (GM0392, 0392 of 392); meerdere mogelijk")
        sub.add_argument("--perceel", help="complex of enkelvoudig (standaard: beide)")
        sub.add_argument("--aanbieder", action="extend", nargs="+", default=[], metavar="CODE",
                         help="aanbiedercode; meerdere mogelijk")
        sub.add_argument("--periode", required=True, help="JJJJ-MM, JJJJ-Kn of JJJJ")
        sub.add_argument("--out", required=True, metavar="BESTAND", help="het te schrijven bestand")
        sub.add_argument("--markdown", action="store_true",
                         help="Markdown in plaats van PDF (alleen de agenda)")
    evaluation = commands.add_parser("evaluatie", help="het evaluatiepakket van een contract (PDF of Markdown)")
    evaluation.add_argument("--db", required=True, help="databasebestand")
    evaluation.add_argument("--contract", required=True, metavar="ID", help="contract_id, bijvoorbeeld CX-2023-01")
    evaluation.add_argument("--out", required=True, metavar="BESTAND", help="het te schrijven bestand")
    evaluation.add_argument("--markdown", action="store_true", help="Markdown in plaats van PDF")
    return parser


def _evaluation(args: argparse.Namespace) -> bytes:
    con = open_read_only(args.db)
    try:
        try:
            pack = evaluation_pack(of_connection(con, args.db), args.contract.strip())
        except ValueError as error:
            raise UsageError(str(error)) from error
    finally:
        con.close()
    return (evaluation_markdown if args.markdown else evaluation_pdf)(pack)


def document(args: argparse.Namespace) -> bytes:
    """The document's bytes; UsageError for wrong usage."""
    if args.command == "evaluatie":
        return _evaluation(args)
    if args.markdown and args.command == "council":
        raise UsageError("de bestuursrapportage bestaat alleen als PDF; laat --markdown weg")
    period = parse_period(args.periode)
    con = open_read_only(args.db)
    try:
        chosen = scope(con, args.regio, args.gemeente, args.perceel, args.aanbieder)
        figures = of_connection(con, args.db)
        if args.command == "council":
            return council_pdf(council_report(figures, chosen, period))
        made = agenda_document(figures, chosen, period)
    finally:
        con.close()
    return (agenda_markdown if args.markdown else agenda_pdf)(made)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        content = document(args)
    except UsageError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    try:
        out.write_bytes(content)
    except OSError as error:
        print(f"fout: kan {out} niet schrijven: {os_errors.reason(error)}", file=sys.stderr)
        return 1
    print(f"{WRITTEN[args.command]} geschreven naar {out} ({len(content):,} bytes)".replace(",", "."))
    return 0

