"""What every command line of the monitor shares: a Dutch argparse parser, opening `--db`, and a
scope and period from command-line words.

argparse words its messages through gettext; there is no Dutch catalogue for it, so the parser
swaps argparse's translation functions for this table while it builds, parses or prints.
Exit codes stay argparse's: 2 for wrong usage (also a `--db` that is no database, an unknown region
or a period that is none), 1 for a database that cannot be used now (another writer kept it longer
than the wait, or a full disk). A command that finds another writer at work says so on one line and
waits its turn (data.store.db.writer_wait, 60 s).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from typing import Any, Callable, Iterator

import duckdb

from data.store import db
from data.ingest import decode, storing
from data.ingest.load import nothing_stored
from commands import asked
from levers.choices import regions as known_regions
from levers.scope import Period, Scope, region_municipalities
from levers.variation import MIN_POINTS

WAITING = "wacht op een andere schrijver (het dashboard of een andere opdracht)…"

_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulptekst en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan zijn: %(matches)s",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "overbodige waarde genegeerd: %r",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}


def _gettext(message: str) -> str:
    return _DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "verwacht %s waarde" if count == 1 else "verwacht %s waarden"
    return singular if count == 1 else plural


@contextlib.contextmanager
def _in_dutch() -> Iterator[None]:
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _dutch(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _in_dutch():
            return method(*args, **kwargs)

    return wrapper


class DutchArgumentParser(argparse.ArgumentParser):
    """`argparse.ArgumentParser` with Dutch messages; its subcommand parsers are Dutch too."""

    __init__ = _dutch(argparse.ArgumentParser.__init__)
    parse_args = _dutch(argparse.ArgumentParser.parse_args)
    parse_known_args = _dutch(argparse.ArgumentParser.parse_known_args)
    format_usage = _dutch(argparse.ArgumentParser.format_usage)
    format_help = _dutch(argparse.ArgumentParser.format_help)
    error = _dutch(argparse.ArgumentParser.error)


class CliError(Exception):
    """A Dutch message for standard error and the exit code that goes with it."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def open_database(path: str | os.PathLike | None) -> duckdb.DuckDBPyConnection:
    """`--db` opened for writing (created with schema and reference data when new), or CliError."""
    target = db.db_path(path)
    wait = db.writer_wait()
    try:
        return db.connect(target, wait=wait, waiting=lambda: print(WAITING, file=sys.stderr, flush=True))
    except db.Busy:
        raise CliError(f"{target}: de database is na {wait:.0f} s wachten nog steeds in gebruik door een andere "
                       "schrijver; er is niets opgeslagen. Probeer het later opnieuw", 1) from None
    except (OSError, duckdb.Error) as error:
        if (reason := storing.cannot_write(error)) is not None:
            raise CliError(f"{target}: {nothing_stored(*reason)}", 1) from None
        raise CliError(f"--db {target}: {unusable(error)}; geef een DuckDB-databasebestand op "
                       "(een nieuw bestand wordt aangemaakt)", 2) from None


def write_failed(error: BaseException) -> CliError:
    """A write that failed (DuckDB's text is English): a Dutch message; nothing was stored."""
    reason = storing.cannot_write(error) or ("de database kon niet worden bijgewerkt", "Probeer het opnieuw")
    return CliError(nothing_stored(*reason), 1)


def unusable(error: BaseException) -> str:
    """Why the database file cannot be opened, in Dutch (DuckDB's own text is English)."""
    text = str(error)
    if "does not exist" in text:  # opened read-only: nothing is created
        return "dat bestand bestaat niet"
    if "Is a directory" in text or isinstance(error, IsADirectoryError):
        return "dat is een map, geen bestand"
    if "not a valid DuckDB database" in text:
        return "dat bestand is geen DuckDB-database"
    return "het bestand kan niet worden geopend of aangemaakt"


# --- a scope and a period from `--regio`, `--gemeente`, `--perceel`, `--aanbieder`, `--periode` ---

class UsageError(Exception):
    """Wrong usage, with a Dutch message for the user."""


def municipality_code(text: str) -> str:
    """GM0392, 0392 and 392 all mean GM0392 (the upload decoder's rule)."""
    try:
        return decode.municipality_code(text.strip())
    except ValueError as error:
        raise UsageError(str(error)) from error


def region(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The region as stored, matched without regard to case; UsageError for an unknown one."""
    regions = known_regions(con)
    for known in regions:
        if known.casefold() == name.strip().casefold():
            return known
    raise UsageError(f"onbekende regio: {name} (bekend: {', '.join(regions)})")


def open_read_only(path: str) -> duckdb.DuckDBPyConnection:
    """Read the file; one written by an older version first gets the current schema (else queries fail)."""
    try:
        con = db.connect(path, read_only=True)
        if db.stored_fingerprint(con) != db.SCHEMA_FINGERPRINT:
            con.close()
            db.connect(path).close()
            con = db.connect(path, read_only=True)
        return con
    except duckdb.Error as error:
        raise UsageError(f"kan de database {path} niet openen: {unusable(error)}") from error


def scope(con: duckdb.DuckDBPyConnection, region_name: str, municipalities: list[str], lot: str | None,
          providers: list[str] | str | None) -> Scope:
    """The scope the words name; UsageError for an unknown region or perceel or a municipality outside it."""
    providers = [providers] if isinstance(providers, str) else list(providers or [])
    found = region(con, region_name)
    try:  # the checks live in commands.asked; here they become wrong usage
        lot, providers = asked.lot(lot), asked.providers(con, found, providers)
    except ValueError as error:
        raise UsageError(str(error)) from error
    codes = [municipality_code(code) for code in municipalities]
    outside = sorted(set(codes) - set(region_municipalities(con, found)))
    if outside:
        raise UsageError(f"gemeente {', '.join(outside)} hoort niet bij regio {found}")
    return Scope(region=found, municipalities=tuple(codes), lot=lot, providers=tuple(providers))


def period(text: str) -> Period:
    try:
        return asked.begun(Period.parse(text))
    except ValueError as error:
        raise UsageError(str(error)) from error


def baseline(text: str) -> int:
    """`--baseline N`: the limits frozen on the first N valued points (signals.md §3a), N ≥ 12."""
    if not text.strip().isdigit() or int(text) < MIN_POINTS:
        raise argparse.ArgumentTypeError(f"een baseline is een heel getal van minstens {MIN_POINTS}, niet {text}")
    return int(text)
