"""The series of an indicator in the grain of the period, with its process limits and special causes.

signals.md §2: a month → the 24 months up to p_end, a quarter → the 12 quarters, a year → the 5 years.
A quarterly (`uitkomsten`) indicator in a month or quarter period has the 12 quarters ending at the
quarter its value comes from (levers.quarters), so the last point of every series is the value in the
table beside it. Points never fall back to an earlier quarter. Every series gets an XmR
process-behaviour chart with its variatie and zekerheid (signals.md §3, levers.variation), and its
voorlopige kosten points are marked (signals.md §4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb

from levers.catalogue import CODES, QUARTERLY, definition, of_lever
from levers.freshness import PROVISIONAL_CODES, freshness
from levers.quarters import last_counted_quarter, last_ended_quarter
from levers.result import IndicatorResult
from levers.runner import Basis, compute
from levers.process_changes import ProcessChange, region_changes, since_index
from levers.scope import Period, PeriodKind, Scope
from levers.variation import WINDOW, Variatie, Variation, Zekerheid, no_limits, variation

# Points of a series per period kind, and the months between two points.
GRAIN = {PeriodKind.MONTH: (24, 1), PeriodKind.QUARTER: (12, 3), PeriodKind.YEAR: (5, 12)}
NO_VARIATION = Variation(None, Variatie.NONE, Zekerheid.NONE)


@dataclass(frozen=True)
class SeriesPoint:
    """One period of a series, as shown (suppressed values have no value)."""

    period_label: str  # '2026-10', '2026-K3' or '2026'
    start: date
    end: date
    value: float | None
    value_label: str | None  # '<5' for a suppressed small count
    norm: float | None
    status: str
    is_special: bool  # a special cause of the series' process-behaviour chart (signals.md §3)
    is_provisional: bool = False  # built on voorlopige kosten months: drawn hollow (signals.md §4)
    band: tuple[float, float] | None = None  # (low, high) from the details its catalogue entry's band_fields name


@dataclass(frozen=True)
class Series:
    """An indicator's points in time order, the last one being the period its table value comes from."""

    code: str
    points: tuple[SeriesPoint, ...]
    variation: Variation = NO_VARIATION  # limits, variatie and zekerheid (no chart below 12 values)
    changes: tuple[tuple[int, ProcessChange], ...] = ()  # (index of the first point after it, change)

    @property
    def valued(self) -> int:
        """How many points have a value: fewer than 2 draw no line."""
        return sum(point.value is not None for point in self.points)


def is_quarterly(code: str) -> bool:
    """True for the indicators based on `uitkomsten`, which exist per quarter only (catalogue cadence)."""
    return definition(code).cadence == QUARTERLY


def grain_periods(last: Period) -> tuple[Period, ...]:
    """The periods of a series in the grain of `last`, ending with it: 24 months, 12 quarters or 5 years."""
    count, step = GRAIN[last.kind]
    return tuple(last.shifted(-step * back) for back in range(count - 1, -1, -1))


def series_periods(code: str, period: Period, last_quarter: Period | None = None) -> tuple[Period, ...]:
    """The periods of `code`'s series for `period`.

    A quarterly indicator in a month or quarter period ends at `last_quarter`, the quarter its value
    comes from (without one: the last quarter that had ended by p_end, so nothing unfinished shows).
    """
    if is_quarterly(code) and period.kind != PeriodKind.YEAR:
        return grain_periods(last_quarter or last_ended_quarter(period.end))
    return grain_periods(period)


def build_series(code: str, periods: Sequence[Period], results: Sequence[IndicatorResult],
                 provisional_from: date | None = None, *, look_ahead_until: date | None = None,
                 changes: Sequence[ProcessChange] = (), baseline: int | None = None) -> Series:
    """A Series from one result per period (same order), its chart drawn over the shown values.

    Suppressed values are no values, so they stay out of the chart; zekerheid judges the norm of
    the last period. A point of an indicator built on kosten is voorlopig from `provisional_from` on;
    so is a point whose look-ahead runs past `look_ahead_until` (the trajecten data date), and that
    point never decides variatie. An indicator whose points overlap in this grain gets no limits;
    limits use the points after the latest process change of `changes` (signals.md §3a), frozen on
    the first `baseline` valued ones if given. A point's band is read from its result's details as
    the catalogue entry declares (`band_fields`).
    """
    entry = definition(code)
    norm = results[-1].norm if results else None
    ahead = entry.look_ahead_days
    open_ends = [ahead is not None and look_ahead_until is not None
                 and period.end + timedelta(days=ahead) > look_ahead_until for period in periods]
    complete = next((index + 1 for index in range(len(periods) - 1, -1, -1) if not open_ends[index]), 0)
    since, shown = since_index(periods, changes)
    step = GRAIN[periods[-1].kind][1] if periods else 1
    if entry.overlaps(step):
        varies = no_limits(WINDOW, since)
    else:
        varies = variation([result.value for result in results], entry.better, norm,
                           since=since, baseline=baseline, complete=complete)
    latest = next((change for index, change in reversed(shown) if index == since), None)
    if latest is not None:
        varies = replace(varies, since_day=latest.day)
    flags = varies.chart.special if varies.chart else (False,) * len(results)
    hollow = entry.uses_provisional_months and provisional_from is not None
    points = tuple(
        SeriesPoint(period.label, period.start, period.end, result.value, result.value_label, result.norm,
                    result.status, flag,
                    result.value is not None and (open_end or hollow and period.end >= provisional_from),
                    entry.band_of(result.detail))
        for period, result, flag, open_end in zip(periods, results, flags, open_ends, strict=True)
    )
    return Series(code, points, varies, shown)


def series_of_codes(
    con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, codes: Sequence[str], *,
    baseline: int | None = None,
) -> tuple[Series, ...]:
    """The series of `codes` for `period`, in the order asked; one runner call per set of periods,
    the region's norms, municipalities, delivered quarters, data dates and process changes read
    once for all of them. `baseline`: freeze the limits on the first N valued points (signals.md §3a)."""
    basis = Basis.load(con, scope.regions)
    last_quarter = None
    if period.kind != PeriodKind.YEAR and any(is_quarterly(code) for code in codes):
        last_quarter = last_counted_quarter(basis.delivered, period)
    provisional_from = look_ahead_until = None
    if PROVISIONAL_CODES.intersection(codes) or any(definition(code).look_ahead_days for code in codes):
        fresh = freshness(con, scope, period, in_region=basis.municipalities)
        provisional_from, look_ahead_until = fresh.provisional_from, fresh.by_kind.get("trajecten")
    changes = region_changes(con, scope.regions)
    groups: dict[tuple[Period, ...], list[str]] = {}
    for code in codes:
        groups.setdefault(series_periods(code, period, last_quarter), []).append(code)
    found: dict[str, Series] = {}
    for periods, same in groups.items():
        per_period = compute(con, scope, periods, same, basis=basis, series_end=period.end)
        ordered = [code for code in CODES if code in same]  # the runner answers in catalogue order
        for index, code in enumerate(ordered):
            found[code] = build_series(
                code, periods, [results[index] for results in per_period], provisional_from,
                look_ahead_until=look_ahead_until, baseline=baseline,
                changes=[change for change in changes if change.indicator in (None, code)])
    return tuple(found[code] for code in codes)


def series(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Series:
    """The series of one indicator for `period` (its family computes all points in one query)."""
    return series_of_codes(con, scope, period, (code,))[0]


def series_of_lever(con: duckdb.DuckDBPyConnection, lever: str, scope: Scope, period: Period, *,
                    baseline: int | None = None) -> tuple[Series, ...]:
    """The series of every indicator of a lever for `period`, in catalogue order."""
    return series_of_codes(con, scope, period, [entry.code for entry in of_lever(lever)], baseline=baseline)


def all_series(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, *,
               baseline: int | None = None) -> tuple[Series, ...]:
    """The series of every indicator of the catalogue for `period`, in catalogue order."""
    return series_of_codes(con, scope, period, CODES, baseline=baseline)
