"""A scope and period from command-line words, shared by `python -m levers` and `python -m reports`.

The commands only parse; this turns `--regio`, `--gemeente`, `--perceel`, `--aanbieder` and
`--periode` into a Scope and a Period, or a UsageError with a Dutch message (exit code 2).
"""

from __future__ import annotations

import duckdb

from data import db, decode
from levers import asked
from levers.choices import regions as known_regions
from levers.scope import Period, Scope, region_municipalities


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
        from data.cli_args import unusable  # noqa: PLC0415  (the loading code it sits with: only on this error)

        raise UsageError(f"kan de database {path} niet openen: {unusable(error)}") from error


def scope(con: duckdb.DuckDBPyConnection, region_name: str, municipalities: list[str], lot: str | None,
          providers: list[str] | str | None) -> Scope:
    """The scope the words name; UsageError for an unknown region or perceel or a municipality outside it."""
    providers = [providers] if isinstance(providers, str) else list(providers or [])
    found = region(con, region_name)
    try:  # the checks live in the library (levers.asked); here they become wrong usage
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
