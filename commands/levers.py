"""`python -m levers report|agenda ...`: the levers' command line.

Only parses arguments, opens the database read-only and prints; the work is done by
levers.registry and levers.agenda, the rows and lines by commands.report. Exit codes: 0 done, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys

import duckdb

from commands.args import DutchArgumentParser, UsageError, open_read_only
from commands.args import period as parse_period
from commands.args import scope as scope_from
from commands.report import agenda_line, report_rows, write_csv, write_json
from levers.agenda import agenda
from levers.national import national_figures
from levers.registry import all_indicators
from levers.scope import Scope
from levers.series import all_series


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(prog="python -m levers", description="Jeugdhulp monitor: de vier hefbomen.")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="alle indicatoren van een scope en periode")
    _common(report)
    report.add_argument("--gemeente", action="extend", nargs="+", default=[], metavar="CODE",
                        help="gemeentecode (GM0392, 0392 of 392); meerdere mogelijk")
    report.add_argument("--perceel", help="complex of enkelvoudig (standaard: beide)")
    report.add_argument("--aanbieder", action="extend", nargs="+", default=[], metavar="CODE",
                        help="aanbiedercode; meerdere mogelijk")
    report.add_argument("--format", default="csv", help="csv (standaard) of json")

    agenda_parser = commands.add_parser("agenda", help="de dialoogagenda: rode en oranje indicatoren")
    _common(agenda_parser)
    agenda_parser.add_argument("--aanbieder", metavar="CODE", help="aanbiedercode (standaard: de hele regio)")
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help="databasebestand")
    parser.add_argument("--regio", required=True, help="naam van de jeugdregio, bijvoorbeeld IJmond")
    parser.add_argument("--periode", required=True, help="JJJJ-MM, JJJJ-Kn of JJJJ")


def _scope(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Scope:
    return scope_from(con, args.regio, getattr(args, "gemeente", []), getattr(args, "perceel", None), args.aanbieder)


def run(args: argparse.Namespace) -> None:
    """Print the report or the agenda; UsageError for wrong usage."""
    if args.command == "report" and args.format not in ("csv", "json"):
        raise UsageError(f"onbekend formaat: {args.format} (kies csv of json)")
    period = parse_period(args.periode)
    con = open_read_only(args.db)
    try:
        scope = _scope(con, args)
        if args.command == "report":
            variations = {trend.code: trend.variation for trend in all_series(con, scope, period)}
            rows = report_rows(all_indicators(con, scope, period), variations, national_figures(con, period))
            (write_csv if args.format == "csv" else write_json)(rows, sys.stdout)
            return
        items = agenda(con, scope, period)
        for item in items:
            print(agenda_line(item))
        if not items:
            print(f"Geen agendapunten voor {scope.region} in {period.label}.", file=sys.stderr)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        run(args)
    except UsageError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0

