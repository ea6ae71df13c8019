"""The 24-month series of an indicator up to p_end, with outlier (uitschieter) flags.

indicators.md: "Every diagnostic is also shown as a monthly (uitkomsten: quarterly) series over the
24 months up to p_end, and flagged as an uitschieter when the latest value lies outside mean ± 2
standard deviations of the 12 values before it." The same series serves every indicator.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from levers.catalogue import definition, of_lever
from levers.registry import lever_series, pick
from levers.result import IndicatorResult
from levers.scope import Period, Scope

SERIES_MONTHS = 24
# Indicators computed from the quarterly `uitkomsten` file: their series has 8 quarters.
QUARTERLY_CODES = frozenset({"doelrealisatie", "tevredenheid", "weigeringen", "aanlevering"})
OUTLIER_WINDOW = 12  # values before a point that its flag compares it with
OUTLIER_SDS = 2  # how many standard deviations from the mean is an outlier
_TOLERANCE = 1e-9  # floating-point noise in a ratio is no change


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
    is_outlier: bool


@dataclass(frozen=True)
class Series:
    """An indicator's points in time order, the last one being the period of p_end."""

    code: str
    points: tuple[SeriesPoint, ...]

    @property
    def latest_is_outlier(self) -> bool:
        return bool(self.points) and self.points[-1].is_outlier


def is_quarterly(code: str) -> bool:
    """True for the indicators based on `uitkomsten`, which exist per quarter only."""
    return code in QUARTERLY_CODES


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


def outlier_flags(values: Sequence[float | None]) -> tuple[bool, ...]:
    """For each value: does it lie outside mean ± 2 sd of the 12 values with a value before it?

    sd is the sample standard deviation (n − 1 = 11). Missing or suppressed values (None) are
    skipped: they are never flagged and do not count among the 12. A point with fewer than 12
    earlier values is not flagged, so a quarterly series of 8 points never is. With sd 0 any value
    other than the mean is outside (beyond floating-point noise). Mean and sd are exact
    (`statistics` works in fractions), so a flat series does not flag itself through rounding.
    """
    flags, seen = [], []
    for value in values:
        is_outlier = False
        if value is not None:
            if len(seen) >= OUTLIER_WINDOW:
                window = seen[-OUTLIER_WINDOW:]
                mean, sd = statistics.mean(window), statistics.stdev(window)
                is_outlier = abs(value - mean) > OUTLIER_SDS * sd + _TOLERANCE
            seen.append(value)
        flags.append(is_outlier)
    return tuple(flags)


def build_series(code: str, periods: Sequence[Period], results: Sequence[IndicatorResult]) -> Series:
    """A Series from one result per period (same order), flagging outliers on the shown values."""
    flags = outlier_flags([result.value for result in results])
    points = tuple(
        SeriesPoint(period.label, period.start, period.end, result.value, result.value_label, result.norm,
                    result.status, flag)
        for period, result, flag in zip(periods, results, flags, strict=True)
    )
    return Series(code, points)


def series(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Series:
    """The series of one indicator up to the end of `period` (its lever computes all periods in one call)."""
    periods = series_periods(code, period)
    per_period = lever_series(con, definition(code).lever, scope, periods)
    return build_series(code, periods, [pick(results, code) for results in per_period])


def series_of_lever(con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, period: Period) -> tuple[Series, ...]:
    """The series of every indicator of a lever up to the end of `period`, in catalogue order.

    One lever call per cadence it needs: the monthly periods, and the quarters when the lever has an
    indicator based on `uitkomsten`.
    """
    codes = [entry.code for entry in of_lever(lever)]
    computed = {}
    for quarterly in {is_quarterly(code) for code in codes}:
        periods = _periods(quarterly, period.end)
        computed[quarterly] = (periods, lever_series(con, lever, scope, periods))
    out = []
    for code in codes:
        periods, per_period = computed[is_quarterly(code)]
        out.append(build_series(code, periods, [pick(results, code) for results in per_period]))
    return tuple(out)
