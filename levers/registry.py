"""The levers as views over the catalogue: a lever is the catalogue entries of that lever.

Every function here is one call of the runner (levers.runner.compute): the lever's indicators, the
whole catalogue, or one indicator, for one period or a series of periods.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from levers.catalogue import of_lever
from levers.result import IndicatorResult
from levers.runner import compute
from levers.scope import Period, Scope


def _codes(lever: str) -> tuple[str, ...]:
    codes = tuple(entry.code for entry in of_lever(lever))
    if not codes:
        raise KeyError(lever)
    return codes


def lever_indicators(
    con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, period: Period
) -> tuple[IndicatorResult, ...]:
    """All indicators of one lever for a scope and period, in catalogue order."""
    return compute(con, scope, [period], _codes(lever))[0]


def lever_series(
    con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """One lever over many periods in one call: a tuple of results per period, in the periods' order."""
    return compute(con, scope, periods, _codes(lever))


def all_indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """Every indicator of the catalogue: lever order, then catalogue order within the lever."""
    return compute(con, scope, [period])[0]


def indicator(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> IndicatorResult:
    """One indicator by its code (runs only its family)."""
    return compute(con, scope, [period], (code,))[0][0]


def pick(results: Sequence[IndicatorResult], code: str) -> IndicatorResult:
    """The result of `code` among a lever's results; KeyError when it is not there."""
    for result in results:
        if result.code == code:
            return result
    raise KeyError(code)
