"""The one runner of the indicator families: parameters, norms and counted quarters once, each needed
family once.

`compute` serves every caller (a lever, the whole catalogue, one indicator, a 24-month series, a
comparison row): it runs each family that computes one of the asked codes once for all periods (one
query per family, however many periods) and returns the results per period in catalogue order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import duckdb

from levers import contributors
from levers.catalogue import CODES, QUARTERLY, definition
from levers.families import FAMILIES
from levers.family import Context, Family
from levers.norms import Norms
from levers.quarters import counted_quarters, quarter_params, source_labels
from levers.result import IndicatorResult
from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql, param_names, period_rows


@dataclass(frozen=True)
class Basis:
    """What a computation reads besides its families' queries, read once for many computations in one
    region (a comparison's rows, a series' sets of periods): the norms, the region's municipalities
    and the quarters its providers delivered `uitkomsten` for (levers.quarters).
    """

    region: str
    norms: Norms
    municipalities: tuple[str, ...]
    delivered: tuple[date, ...]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, region: str) -> Basis:
        """One query (levers/sql/basis.sql): three small ones cost more in DuckDB's planning than in reading."""
        municipalities, delivered, norms = con.execute(load_sql("basis.sql"), {"region": region, "regions": [region]}).fetchone()
        return cls(region, Norms.of_rows(tuple(row.values()) for row in norms or ()), tuple(municipalities or ()),
                   tuple(delivered or ()))


def compute(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    periods: Sequence[Period],
    codes: Iterable[str] = CODES,
    *,
    basis: Basis | None = None,
    series_end: date | None = None,
) -> list[tuple[IndicatorResult, ...]]:
    """The results of `codes` for every period: one tuple per period, in catalogue order.

    `basis` (of the scope's region) lets a caller that computes many times read it once.
    `series_end`: the periods are points of a series ending then, so quarterly data never fall back
    to an earlier quarter and a quarter counts when reportable at that day (signals.md §1, §2).
    Without it each period is asked alone; a quarterly result names its quarter (`source_period`).
    A total seen by a provider user withholds what would give another provider's figure away
    (levers.contributors).
    """
    periods = list(periods)
    if not periods:
        return []
    asked = set(codes)
    wanted = [code for code in CODES if code in asked]
    if len(wanted) != len(asked):
        raise KeyError(sorted(asked - set(CODES)))
    if basis is not None and basis.region != scope.region:
        raise ValueError(f"basis of {basis.region}, scope in {scope.region}")
    basis = basis if basis is not None else Basis.load(con, scope.region)
    norms = basis.norms
    families = [FAMILIES[name] for name in dict.fromkeys(definition(code).family for code in wanted)]
    quarterly = {code for code in wanted if definition(code).cadence == QUARTERLY}
    quarters = []
    if contributors.applies(scope) or any(_binds(family, "quarter_starts") for family in families):
        quarters = counted_quarters(basis.delivered, periods, as_of=series_end, fallback=series_end is None)
    params = sql_params(con, scope, periods, in_region=basis.municipalities) | quarter_params(quarters)
    records = [_records(con, family, scope, periods, params, norms) for family in families]
    sources = source_labels(periods, quarters) if quarterly else [None] * len(periods)
    out = []
    for index, period in enumerate(periods):
        context = Context(scope, period, norms)
        found = {}
        for family, rows in zip(families, records):
            found.update(family.build(rows[index], context))
        if sources[index]:
            found.update({code: replace(found[code], source_period=sources[index]) for code in quarterly})
        out.append(tuple(found[code] for code in wanted))
    return contributors.apply(con, scope, params, out)


def _binds(family: Family, name: str) -> bool:
    """Does the family's query bind `$name`? (`quarter_starts`: it counts `uitkomsten` quarters, as every
    quarterly indicator's family does.)"""
    return name in param_names(family.sql)


def records(
    con: duckdb.DuckDBPyConnection, family: Family, scope: Scope, periods: Sequence[Period], *,
    norms: Norms | None = None,
) -> list:
    """A family's records, one per period in order: its query's rows, before any result is built."""
    periods = list(periods)
    if not periods:
        return []
    basis = Basis.load(con, scope.region)
    quarters = counted_quarters(basis.delivered, periods) if _binds(family, "quarter_starts") else []
    params = sql_params(con, scope, periods, in_region=basis.municipalities) | quarter_params(quarters)
    return _records(con, family, scope, periods, params, norms if norms is not None else basis.norms)


def _records(con, family: Family, scope: Scope, periods: list[Period], params: dict, norms: Norms) -> list:
    if family.params is not None:
        params = params | dict(family.params(scope, periods, norms))
    rows = period_rows(con, family.sql, params)
    return [family.record(**{name: value for name, value in row.items() if name != "ordinal"}) for row in rows]
