"""`python -m data users add|remove|list`: local accounts from the command line.

Only parses, asks and prints; the rules live in `auth/accounts.py` (commands/ sits on top, like the
dashboard, so it may call into auth). The password comes from standard input, never from an
argument (arguments end up in shell history and process lists): asked twice with getpass at a
terminal, else the first line of standard input. Exit codes: 0 done, 1 refused, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys

import duckdb

from auth import accounts
from commands.args import CliError, open_database, write_failed
from data.store import users
from wording import fmt


def _actor() -> str:
    """Who ran the command, for the audit log: 'cli:<os user>'."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (containers)
        return "cli:onbekend"


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Herhaal het wachtwoord: ") != first:
            raise accounts.AccountError("de twee wachtwoorden zijn niet gelijk")
        return first
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise accounts.AccountError("geen wachtwoord ontvangen op standaardinvoer")
    return line


def _add(con, args: argparse.Namespace) -> str:
    # Validate before asking for a password, so a typo is reported at once; the file is not held while
    # the password is typed (other writers, the dashboard, go on meanwhile).
    accounts.check_new_account(con, args.email, args.rol, args.regio, args.aanbieder)
    con.close()
    password = _read_password()
    with contextlib.closing(open_database(args.db)) as con:
        accounts.add_account(con, args.email, args.rol, password, regions=args.regio,
                             providers=args.aanbieder, actor=_actor())
    return f"account toegevoegd: {accounts.normalise_email(args.email)} ({args.rol})"


def _remove(con, args: argparse.Namespace) -> str:
    accounts.remove_account(con, args.email, actor=_actor())
    return f"account verwijderd: {accounts.normalise_email(args.email)}"


def _list(con, _args: argparse.Namespace) -> str:
    rows = users.list_accounts(con)
    if not rows:
        if accounts.is_demo_mode(con):
            return "geen accounts: het dashboard opent in demomodus"
        return "geen accounts: niemand kan inloggen (er waren eerder accounts, dus geen demomodus)"
    now = accounts.utc_now()
    lines = ["e-mail\trol\tregio's\taanbieders\tgeblokkeerd tot"]
    for account in rows:
        locked = account.locked_until if account.locked_until and account.locked_until > now else None
        lines.append("\t".join((
            account.email, account.role, ", ".join(account.regions) or "-", ", ".join(account.providers) or "-",
            fmt.moment(locked) or "-",
        )))
    return "\n".join(lines)


_COMMANDS = {"add": _add, "remove": _remove, "list": _list}


def run_users(args: argparse.Namespace) -> int:
    """Run one `users` subcommand; prints Dutch messages and returns the exit code."""
    try:
        con = open_database(args.db)
    except CliError as error:
        print(error, file=sys.stderr)
        return error.code
    try:
        print(_COMMANDS[args.users_command](con, args))
        return 0
    except accounts.UsageError as wrong:
        print(f"fout gebruik: {wrong}", file=sys.stderr)
        return 2
    except accounts.AccountError as refused:
        print(f"geweigerd: {refused}", file=sys.stderr)
        return 1
    except (OSError, duckdb.Error) as error:  # e.g. a folder that cannot be written: never DuckDB's English
        failed = write_failed(error)
        print(failed, file=sys.stderr)
        return failed.code
    finally:
        con.close()
