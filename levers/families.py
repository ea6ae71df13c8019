"""Running indicator families over many periods: one query per family, then results per period.

A family function takes (con, scope, periods) and returns one frozen record per period; a lever's
`compute` runs each family once and builds every period's results from the records of that period.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import duckdb

from levers.result import IndicatorResult
from levers.scope import Period, Scope, sql_params
from levers.sql_files import period_rows


def family_rows(
    con: duckdb.DuckDBPyConnection, sql: str, scope: Scope, periods: Sequence[Period], cls: type, **extra
) -> list:
    """A family query's rows (one per period, in order) as `cls` records, its columns being the fields.

    `extra` adds named parameters to the scope's (`sql_params`); parameters a query does not use are
    not bound.
    """
    rows = period_rows(con, sql, sql_params(con, scope, periods) | extra)
    return [cls(**{name: value for name, value in row.items() if name != "ordinal"}) for row in rows]


def per_period_results(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    periods: Sequence[Period],
    families: Sequence[Callable[..., list]],
    build: Callable[..., tuple[IndicatorResult, ...]],
) -> list[tuple[IndicatorResult, ...]]:
    """Run every family once for all periods; `build(con, scope, period, *records)` per period."""
    periods = list(periods)
    if not periods:
        return []
    records = [family(con, scope, periods) for family in families]
    return [build(con, scope, *row) for row in zip(periods, *records, strict=True)]
