"""Command line of the store: `python -m data demo|load|template|users ...`.

This module only parses arguments and prints; the work is done by data.demo, data.load,
data.contracts and data.users. Exit codes: 0 done, 1 refused, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys

from data import db
from auth.rights import ROLES_HELP
from data.cli_args import DutchArgumentParser


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
        from data.demo import build_demo_file

        build_demo_file(db.db_path(args.db), national=args.national, seed=args.seed)
        return 0
    if args.command == "load":
        from data.load_cli import run_load

        return run_load(args)
    if args.command == "template":
        from data.template_cli import run_template

        return run_template(args)
    from data.users_cli import run_users

    return run_users(args)


if __name__ == "__main__":
    sys.exit(main())
