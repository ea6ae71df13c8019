"""Any indicator (or a whole lever) compared per municipality and per provider.

Each row is the same computation on a narrower scope: the scope with one municipality, or with one
provider. Narrowing goes through the Scope like everything else, so suppression and norms (a
provider's own uploaded norm included) apply per row exactly as on the row's own page.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace

import duckdb

from levers.catalogue import LEVERS, definition, of_lever
from levers.result import IndicatorResult
from levers.runner import Basis, compute
from levers.scope import Period, Scope, sql_params

ANONYMOUS_PREFIX = "aanbieder"

_MUNICIPALITY_NAMES = """
select municipality, name
from municipality_regions
where list_contains($municipalities::varchar[], municipality)
order by name, municipality
"""

# Providers in scope (indicators.md): the schema's macro providers_in_scope (data/schema.sql).
_PROVIDERS_IN_SCOPE = """
select provider, name
from providers_in_scope($region, $lot, $providers)
order by name, provider
"""


@dataclass(frozen=True)
class ComparisonRow:
    """One municipality or provider: its key, the name to show, and the requested results."""

    key: str  # municipality code, provider code, or for an anonymised peer its letter ('A')
    name: str  # 'Velsen', 'Aanbieder P1 B.V.', 'aanbieder A'
    results: tuple[IndicatorResult, ...]  # the requested indicators in catalogue order

    @property
    def result(self) -> IndicatorResult:
        """The first requested indicator: the only one when one code was compared."""
        return self.results[0]


def _codes(what: str) -> tuple[str, ...]:
    """An indicator code, or a lever code meaning all its indicators."""
    if what in LEVERS:
        return tuple(entry.code for entry in of_lever(what))
    return (definition(what).code,)


def by_municipality(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period,
                    what: str) -> tuple[ComparisonRow, ...]:
    """`what` (indicator or lever code) for each municipality of the scope, ordered by name."""
    codes, basis = _codes(what), Basis.load(con, scope.region)
    municipalities = sql_params(con, scope, period, in_region=basis.municipalities)["municipalities"]
    rows = con.execute(_MUNICIPALITY_NAMES, {"municipalities": municipalities}).fetchall()
    return tuple(
        ComparisonRow(code, name, compute(con, replace(scope, municipalities=(code,)), [period], codes, basis=basis)[0])
        for code, name in rows
    )


def providers_in_scope(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[tuple[str, str]]:
    """(code, name) of the providers in scope, ordered by name."""
    params = {"region": scope.region, "lot": scope.lot, "providers": list(scope.providers)}
    return [(code, name) for code, name in con.execute(_PROVIDERS_IN_SCOPE, params).fetchall()]


def by_provider(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, what: str, *,
                anonymise: bool = False, own_provider: str | None = None) -> tuple[ComparisonRow, ...]:
    """`what` (indicator or lever code) for each provider in scope, ordered by name.

    `anonymise` is for a provider user looking at its peers: every provider but `own_provider` is
    shown as 'aanbieder A', 'aanbieder B', … with the letter as key. Letters follow the first
    requested indicator's value (best first, ties in random order), never the codes or names, so
    they cannot be traced back to a provider.
    """
    codes, basis = _codes(what), Basis.load(con, scope.region)
    rows = [
        ComparisonRow(code, name, compute(con, scope.with_providers((code,)), [period], codes, basis=basis)[0])
        for code, name in providers_in_scope(con, scope)
    ]
    return _anonymised(rows, own_provider) if anonymise else tuple(rows)


def _anonymised(rows: list[ComparisonRow], own_provider: str | None) -> tuple[ComparisonRow, ...]:
    random.SystemRandom().shuffle(rows)  # ties keep this random order: the sort below is stable
    rows.sort(key=_neutral_order)
    letters = iter(_letters())
    out = []
    for row in rows:
        if row.key != own_provider:
            letter = next(letters)
            row = ComparisonRow(letter, f"{ANONYMOUS_PREFIX} {letter}", row.results)
        out.append(row)
    return tuple(out)


def _neutral_order(row: ComparisonRow) -> tuple[bool, float]:
    """Shown value of the first indicator, best first; no value last."""
    value = row.result.value
    if value is None:
        return (True, 0.0)
    return (False, -value if row.result.better == "higher" else value)


def _letters():
    """A, B, … Z, AA, AB, …"""
    for letter in string.ascii_uppercase:
        yield letter
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            yield first + second
