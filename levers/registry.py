"""The four lever modules behind one door: which module computes which indicator.

Every lever module exposes the same two functions,
`compute(con, scope, periods) -> list[tuple[IndicatorResult, ...]]` (one tuple per period, in
catalogue order) and `indicators(con, scope, period) -> tuple[IndicatorResult, ...]`.
The modules are imported on first use, so that a lever module may itself use the common parts
(series, comparison) without an import cycle. Each call is one `memo.computation`: norms and
region membership are read once for all its results.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType

import duckdb

from levers.memo import computation
from levers.catalogue import LEVERS, definition
from levers.result import IndicatorResult
from levers.scope import Period, Scope


class _LeverModules(Mapping[str, ModuleType]):
    """Lever code → its module (`levers.<lever>`), in lever order, imported when first asked for."""

    def __getitem__(self, lever: str) -> ModuleType:
        if lever not in LEVERS:
            raise KeyError(lever)
        return importlib.import_module(f"levers.{lever}")

    def __iter__(self) -> Iterator[str]:
        return iter(LEVERS)

    def __len__(self) -> int:
        return len(LEVERS)


LEVER_MODULES: Mapping[str, ModuleType] = _LeverModules()


def lever_indicators(
    con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, period: Period
) -> tuple[IndicatorResult, ...]:
    """All indicators of one lever for a scope and period, in catalogue order."""
    with computation():
        return LEVER_MODULES[lever].indicators(con, scope, period)


def lever_series(
    con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """One lever over many periods in one call: a tuple of results per period, in the periods' order."""
    with computation():
        return LEVER_MODULES[lever].compute(con, scope, list(periods))


def all_indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """Every indicator of the catalogue: lever order, then catalogue order within the lever."""
    with computation():
        return tuple(result for lever in LEVERS for result in lever_indicators(con, lever, scope, period))


def indicator(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> IndicatorResult:
    """One indicator by its code (computes its lever, which shares one query per family)."""
    return pick(lever_indicators(con, definition(code).lever, scope, period), code)


def pick(results: Sequence[IndicatorResult], code: str) -> IndicatorResult:
    """The result of `code` among a lever's results; KeyError when it is not there."""
    for result in results:
        if result.code == code:
            return result
    raise KeyError(code)
