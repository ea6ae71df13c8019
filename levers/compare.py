"""Any indicator (or a whole lever) compared per municipality and per provider.

Each row is the same computation on a narrower scope: the scope with one municipality, or with one
provider. Narrowing goes through the Scope like everything else, so suppression and norms (a
provider's own uploaded norm included) apply per row exactly as on the row's own page.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
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

# Providers in scope (indicators.md): the schema's macro providers_in_scope (data/store/schema.sql).
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
    shown as 'aanbieder A', 'aanbieder B', … with the letter as key. A provider's letter is the same on
    every page (letters_of: a secret order of the region's providers), never derived from codes or names;
    the rows are ordered on the first requested indicator with a value (best first, ties at random).
    """
    codes, basis = _codes(what), Basis.load(con, scope.region)
    rows = [
        ComparisonRow(code, name, compute(con, scope.with_providers((code,)), [period], codes, basis=basis)[0])
        for code, name in providers_in_scope(con, scope)
    ]
    if not anonymise:
        return tuple(rows)
    region = [code for code, _ in providers_in_scope(con, Scope(scope.region))]
    return _anonymised(rows, own_provider, letters_of(region, own_provider))


# Letters come from a secret of this process: the same provider has the same letter on every page (Partner
# and the lever pages, whatever they compare) while the dashboard runs, and nothing ties a letter to a code.
_SECRET = secrets.token_bytes(32)


def letters_of(codes: list[str], own_provider: str | None) -> dict[str, str]:
    """Code → letter for the providers of a region but `own_provider`, in an order only the secret knows."""
    ranked = sorted((code for code in codes if code != own_provider),
                    key=lambda code: hmac.new(_SECRET, code.encode(), hashlib.sha256).digest())
    return dict(zip(ranked, _letters()))


def _anonymised(rows: list[ComparisonRow], own_provider: str | None,
                letters: dict[str, str]) -> tuple[ComparisonRow, ...]:
    random.SystemRandom().shuffle(rows)  # ties keep this random order: the sort below is stable
    column = next((i for i in range(len(rows[0].results)) if any(r.results[i].value is not None for r in rows)),
                  0) if rows else 0  # the first indicator with a value to sort on
    rows.sort(key=lambda row: _neutral_order(row.results[column]))
    out = []
    for row in rows:
        if row.key != own_provider:
            letter = letters.get(row.key) or next(iter(set(_letters()) - set(letters.values())))
            row = ComparisonRow(letter, f"{ANONYMOUS_PREFIX} {letter}", row.results)
        out.append(row)
    return tuple(out)


def _neutral_order(result: IndicatorResult) -> tuple[bool, float]:
    """Shown value of an indicator, best first; no value last."""
    value = result.value
    if value is None:
        return (True, 0.0)
    return (False, -value if result.better == "higher" else value)


def _letters():
    """A, B, … Z, AA, AB, …"""
    for letter in string.ascii_uppercase:
        yield letter
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            yield first + second
