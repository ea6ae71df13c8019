"""`python -m levers report|agenda|backtest ...`: the levers' command line.

Only parses arguments, opens the database read-only and prints; the figures come from figures.Figures
(with all rights: the same figures, suppressed the same way, as the screens and documents), the rows and
lines from commands.report. Exit codes: 0 done, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys

import duckdb

from commands.args import REGION_HELP, DutchArgumentParser, UsageError, baseline, open_read_only
from commands.args import period as parse_period
from commands.args import scope as scope_from
from commands.report import COLUMNS, agenda_line, backtest_table, report_rows, write_csv, write_json
from exports import report_nl
from figures.figures import of_connection
from levers import forecast
from levers.scope import Scope


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
    report.add_argument("--baseline", type=baseline, metavar="N", help="procesgrenzen vast op de eerste N (≥ 12) punten")
    report.add_argument("--nl", action="store_true", help="CSV met decimale komma en puntkomma (voor een spreadsheet)")

    agenda_parser = commands.add_parser("agenda", help="de dialoogagenda: rode en oranje indicatoren")
    _common(agenda_parser)
    agenda_parser.add_argument("--aanbieder", metavar="CODE", help="aanbiedercode (standaard: de hele regio)")

    check = commands.add_parser("backtest", help="de budgetprognose getoetst op voorbije jaren")
    check.add_argument("--db", required=True, help="databasebestand")
    check.add_argument("--regio", required=True, help="naam van de jeugdregio, bijvoorbeeld IJmond")
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help="databasebestand")
    parser.add_argument("--regio", required=True, action="append", help=REGION_HELP)
    parser.add_argument("--periode", required=True, help="JJJJ-MM, JJJJ-Kn, JJJJ of twaalf maanden JJJJ-MM..JJJJ-MM")


def _scope(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Scope:
    return scope_from(con, args.regio, getattr(args, "gemeente", []), getattr(args, "perceel", None), args.aanbieder)


def run(args: argparse.Namespace) -> None:
    """Print the report or the agenda; UsageError for wrong usage."""
    if args.command == "report" and args.format not in ("csv", "json"):
        raise UsageError(f"onbekend formaat: {args.format} (kies csv of json)")
    if args.command == "backtest":
        return _backtest(args)
    period = parse_period(args.periode)
    con = open_read_only(args.db)
    try:
        scope = _scope(con, args)
        figures = of_connection(con, args.db)
        if args.command == "report":
            indicators = figures.indicators(scope, period)
            variations = figures.variations(scope, period, baseline=args.baseline)
            rows = report_rows(indicators, variations, figures.national_pairs(scope, period))
            if args.format == "csv" and args.nl:
                return report_nl.write_csv(rows, COLUMNS, sys.stdout)
            (write_csv if args.format == "csv" else write_json)(rows, sys.stdout)
            return
        items = figures.agenda(scope, period)
        for item in items:
            print(agenda_line(item))
        if not items:
            print(f"Geen agendapunten voor {scope.region} in {period.label}.", file=sys.stderr)
    finally:
        con.close()


def _backtest(args: argparse.Namespace) -> None:
    """Per month of the year: the old and the new forecast's mean absolute error and the band's coverage."""
    con = open_read_only(args.db)
    try:
        region = _scope_region(con, args.regio)
        months = forecast.backtest(con, region)
    finally:
        con.close()
    if not months:
        print(f"Nog geen afgesloten jaar met kosten voor {region}: niets te toetsen.", file=sys.stderr)
        return
    print(backtest_table(region, months))


def _scope_region(con: duckdb.DuckDBPyConnection, name: str) -> str:
    return scope_from(con, name, [], None, []).region


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

