"""`python -m data demo|load|template|users ...`: the store's command lines.

Only parses arguments and prints; the work is done by data.demo.build, data.ingest.load, data.ingest.templates and
(for `users`, commands.users) auth.accounts. Exit codes: 0 done (a load also when the same bytes were
stored before), 1 refused (nothing stored), 2 wrong usage, 3 a load stored but not yet published for
readers (e.g. the disk filled after the commit): running the same command again publishes it.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

import duckdb

from auth.rights import ROLES_HELP
from commands.args import CliError, DutchArgumentParser, open_database
from commands.users import run_users
from data.ingest import csvfile, decode, templates
from data.store import db
from data.ingest.contracts import KINDS
from data.ingest.load import load_file

NOT_PUBLISHED = 3  # exit code: stored, not yet published (see the module's docstring)
CONFIRM_HINT = "gebruik --leeg-bevestigd als er voor deze soort echt niets is om op te slaan"
NOT_OPENED = ("de database kon niet worden geopend; het sjabloon heeft de openbare codelijsten, "
              "maar geen aanbieders")


def _parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(prog="python -m data", description="Jeugdhulp monitor: de gegevensopslag.")
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="bouw een demodatabase")
    demo.add_argument("--db", help="databasebestand (standaard: $JEUGDMONITOR_DB of data/monitor.duckdb)")
    demo.add_argument("--national", action="store_true", help="alle 342 gemeenten (voor benchmarks)")
    demo.add_argument("--seed", type=int, default=2026, help="startwaarde van de toevalsgenerator")

    load = commands.add_parser("load", help="laad één CSV-bestand of Excel-werkmap (.xlsx)")
    load.add_argument("--db")
    load.add_argument("--kind", help="soort bestand; zonder deze optie herkend aan de kopregel")
    load.add_argument("--user", default="cli", help="naam van wie het bestand aanlevert")
    load.add_argument("--leeg-bevestigd", dest="confirm_empty", action="store_true",
                      help="bevestig dat een bestand met alleen een kopregel echt een lege scope is")
    load.add_argument("file")

    template = commands.add_parser("template", help="schrijf een sjabloon naar standaarduitvoer")
    template.add_argument("kind")
    template.add_argument("--xlsx", action="store_true",
                          help="Excel-werkmap met de codelijsten (anders CSV); beide met twee voorbeeldrijen")
    template.add_argument("--db", help="database met de codelijsten, gemeenten en aanbieders")
    template.add_argument("--regio", action="append", default=[], help="alleen gemeenten en aanbieders van deze regio")

    users = commands.add_parser("users", help="beheer lokale accounts")
    user_commands = users.add_subparsers(dest="users_command", required=True)
    add = user_commands.add_parser("add", help="voeg een account toe (wachtwoord via standaardinvoer)")
    add.add_argument("--db")
    add.add_argument("--email", required=True)
    add.add_argument("--rol", required=True, help=ROLES_HELP)
    add.add_argument("--regio", action="append", default=[])
    add.add_argument("--aanbieder", action="append", default=[])
    remove = user_commands.add_parser("remove", help="verwijder een account")
    remove.add_argument("--db")
    remove.add_argument("--email", required=True)
    listing = user_commands.add_parser("list", help="toon alle accounts")
    listing.add_argument("--db")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo":
        from data.demo.build import build_demo_file  # noqa: PLC0415  lazy: 0.41 s CPU on every other command

        build_demo_file(db.db_path(args.db), national=args.national, seed=args.seed)
        return 0
    if args.command == "load":
        return run_load(args)
    if args.command == "template":
        return run_template(args)
    return run_users(args)


def _known_kind(kind: str) -> bool:
    """Whether `kind` is one of the kinds; when not, says so on standard error."""
    if kind not in KINDS:
        print(f"onbekende soort: {kind} (kies uit {', '.join(KINDS)})", file=sys.stderr)
    return kind in KINDS


# --- load ---------------------------------------------------------------------------------------------

def run_load(args: argparse.Namespace) -> int:
    """Load `args.file` into `args.db` (created with schema and reference data when new)."""
    if args.kind is not None and not _known_kind(args.kind):
        return 2
    path = Path(args.file)
    if not path.is_file():
        print(f"bestand niet gevonden: {path}", file=sys.stderr)
        return 2
    uploader = "cli" if args.user == "cli" else f"cli:{args.user}"
    signal.signal(signal.SIGTERM, _stop)  # a stopped load rolls back and removes its scratch copy too
    try:
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


def _stop(signal_number: int, frame: object) -> None:
    raise SystemExit(128 + signal_number)


# --- template -----------------------------------------------------------------------------------------

def run_template(args: argparse.Namespace) -> int:
    if not _known_kind(args.kind):
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
