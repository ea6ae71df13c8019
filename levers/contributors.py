"""The derived-total rule: a provider user never sees a total that gives another provider's figure away.

An aanbieder sees region and perceel totals (auth.rights). When only one other provider adds to such a
total, "total minus own" is that provider's figure. So for a scope seen by a provider (`Scope.viewer`)
that is a total (no provider filter), every figure that adds up providers' rows is withheld ("–", grijs,
with Reason.FEW_OTHER_PROVIDERS) in each period where one of the row sets it adds up has at least one but
fewer than `suppression.MIN_OTHER_PROVIDERS` other providers. Its own rows alone (no other provider)
give nothing away. Population, dialogue and other region-level figures are no sums over providers.
A perceel total is also withheld when the other perceel's total would be withheld while the region's
is shown: region minus this perceel would give that one away.

The counting is SQL, one query for all periods: each family declares its row sets (bases) beside its
own query, in levers/sql/<family>.rows.sql, counted through the schema macro `providers_per_row_set`;
each catalogue entry's `provider_rows` names the row sets it adds up. Only the families of the results
asked run. The runner applies the rule, so screens, exports and documents all get it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import duckdb

from levers import suppression
from levers.catalogue import CATALOGUE
from levers.families import FAMILIES
from levers.norms import GREY
from levers.result import IndicatorResult
from levers.scope import LOTS, Scope
from levers.sql_files import load_sql, used_params
from levers.reasons import Reason


# The row sets (bases) each indicator adds up: its catalogue entry's provider_rows.
BASES: dict[str, tuple[str, ...]] = {d.code: d.provider_rows for d in CATALOGUE}


def applies(scope: Scope) -> bool:
    """Whether the rule applies: a provider looks at a total (its own figures and peer rows are not totals)."""
    return bool(scope.viewer) and not scope.providers


def counting_sql(bases: Sequence[str]) -> str:
    """One query over the row-set files of the families that declare `bases`: (ordinal, base, lot, providers)."""
    files = [family.rows_file for family in FAMILIES.values() if set(family.row_sets) & set(bases)]
    return "\nunion all\n".join(f"select * from (\n{load_sql(name)})" for name in files)


def others_per_period(con: duckdb.DuckDBPyConnection, params: dict, own: Sequence[str], count: int,
                      bases: Sequence[str]) -> list[dict[tuple[str, str | None], int]]:
    """For each of `count` periods: (base, perceel or None for both) → providers other than `own` in it,
    for the row sets `bases`."""
    sql = counting_sql(bases)
    rows = con.execute(sql, used_params(sql, params | {"own": list(own)})).fetchall()
    out: list[dict[tuple[str, str | None], int]] = [{} for _ in range(count)]
    for ordinal, base, lot, providers in rows:
        out[ordinal][(base, lot)] = providers
    return out


def is_withheld(code: str, others: dict[tuple[str, str | None], int], lot: str | None = None) -> bool:
    """True when a row set `code` adds up has too few other providers for the scope's perceel (module note)."""
    return any(_gives_away(base, others, lot) for base in BASES.get(code, ()))


def _gives_away(base: str, others: dict[tuple[str, str | None], int], lot: str | None) -> bool:
    region = suppression.is_derivable(others.get((base, None), 0))
    if lot is None:
        return region
    complement = next(other for other in LOTS if other != lot)
    return suppression.is_derivable(others.get((base, lot), 0)) or (
        suppression.is_derivable(others.get((base, complement), 0)) and not region)


def withheld(result: IndicatorResult) -> IndicatorResult:
    """The result as it may be shown when withheld: no value, no denominator, no details, grijs."""
    return replace(result, value=None, value_label=None, denominator=None, denominator_label=None, details=(),
                   status=GREY, reason=Reason.FEW_OTHER_PROVIDERS, is_suppressed=True)


def apply(con: duckdb.DuckDBPyConnection, scope: Scope, params: dict,
          results: list[tuple[IndicatorResult, ...]]) -> list[tuple[IndicatorResult, ...]]:
    """`results` (one tuple per period of `params`) with the rule applied for the scope's viewer."""
    bases = {base for r in (results[0] if results else ()) for base in BASES.get(r.code, ())}
    if not applies(scope) or not bases:
        return results
    counts = others_per_period(con, params, scope.viewer, len(results), sorted(bases))
    return [tuple(withheld(r) if is_withheld(r.code, others, scope.lot) else r for r in period)
            for period, others in zip(results, counts)]
