"""The series of an indicator up to p_end, with its process limits and special causes.

Every indicator is shown as a series (signals.md §2) with an XmR process-behaviour chart, its
variatie and zekerheid (signals.md §3, levers.variation). The same series serves every indicator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from levers.catalogue import QUARTERLY, definition, of_lever
from levers.norms import Norms
from levers.result import IndicatorResult
from levers.runner import compute
from levers.scope import Period, Scope
from levers.variation import Variation, variation

SERIES_MONTHS = 24
NO_VARIATION = Variation(None, "", "")


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a series, as shown (suppressed values have no value)."""

    period_label: str  # '2026-10' or '2026-K3'
    start: date
    end: date
    value: float | None
    value_label: str | None  # '<5' for a suppressed small count
    norm: float | None
    status: str
    is_special: bool  # a special cause of the series' process-behaviour chart (signals.md §3)


@dataclass(frozen=True)
class Series:
    """An indicator's points in time order, the last one being the period of p_end."""

    code: str
    points: tuple[SeriesPoint, ...]
    variation: Variation = NO_VARIATION  # limits, variatie and zekerheid (no chart below 12 values)


def is_quarterly(code: str) -> bool:
    """True for the indicators based on `uitkomsten`, which exist per quarter only (catalogue cadence)."""
    return definition(code).cadence == QUARTERLY


def series_periods(code: str, period: Period) -> tuple[Period, ...]:
    """The 24 months up to the month of p_end, or for `uitkomsten` the 8 quarters up to its quarter."""
    return _periods(is_quarterly(code), period.end)


def _periods(quarterly: bool, p_end: date) -> tuple[Period, ...]:
    last = Period.month(p_end.year, p_end.month)
    step, count = 1, SERIES_MONTHS
    if quarterly:
        last = Period.parse(f"{p_end.year}-K{(p_end.month + 2) // 3}")
        step, count = 3, SERIES_MONTHS // 3
    return tuple(last.shifted(-step * back) for back in range(count - 1, -1, -1))


def build_series(code: str, periods: Sequence[Period], results: Sequence[IndicatorResult]) -> Series:
    """A Series from one result per period (same order), its chart drawn over the shown values.

    Suppressed values are no values, so they stay out of the chart; zekerheid judges the norm of
    the last period.
    """
    norm = results[-1].norm if results else None
    varies = variation([result.value for result in results], definition(code).better, norm)
    flags = varies.chart.special if varies.chart else (False,) * len(results)
    points = tuple(
        SeriesPoint(period.label, period.start, period.end, result.value, result.value_label, result.norm,
                    result.status, flag)
        for period, result, flag in zip(periods, results, flags, strict=True)
    )
    return Series(code, points, varies)


def series(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Series:
    """The series of one indicator up to the end of `period` (its family computes all periods in one query)."""
    periods = series_periods(code, period)
    per_period = compute(con, scope, periods, (code,))
    return build_series(code, periods, [results[0] for results in per_period])


def series_of_lever(con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, period: Period) -> tuple[Series, ...]:
    """The series of every indicator of a lever up to the end of `period`, in catalogue order.

    One computation per cadence the lever needs: its monthly indicators over the months, its
    indicators based on `uitkomsten` over the quarters; the norms are read once.
    """
    codes = [entry.code for entry in of_lever(lever)]
    norms = Norms.load(con)
    found: dict[str, Series] = {}
    for quarterly in dict.fromkeys(is_quarterly(code) for code in codes):
        periods = _periods(quarterly, period.end)
        same = [code for code in codes if is_quarterly(code) == quarterly]
        per_period = compute(con, scope, periods, same, norms=norms)
        for index, code in enumerate(same):
            found[code] = build_series(code, periods, [results[index] for results in per_period])
    return tuple(found[code] for code in codes)
