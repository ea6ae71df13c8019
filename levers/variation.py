"""The XmR process-behaviour chart of a series: limits, special causes, variatie and zekerheid.

A status against a norm says whether a value is good, not whether it *changed*. signals.md §3 asks,
as NHS England's *Making Data Count* does, for an XmR chart over every series of at least 12 valued
points: centre line, process limits at 2.66 mean moving ranges, and four special-cause rules. Pure
functions over plain numbers, so the rules can be checked against hand-built series.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from levers.catalogue import definition

MIN_POINTS = 12  # valued points a series needs before it gets limits
LIMIT_FACTOR = 2.66  # process limits lie CL ± 2.66 mR̄
D2 = 1.128  # σ = mR̄ / d2 for moving ranges of two points
SHIFT_LENGTH = 7  # consecutive points on one side of CL
TREND_LENGTH = 6  # consecutive points each strictly higher (or lower) than the one before
TWO_OF_THREE_SIGMAS = 2  # two of three points beyond CL ± 2σ on one side



class Variatie(StrEnum):
    """What the last point says about change (signals.md §3); the values are the report's codes."""

    NONE = ""  # no chart (fewer than 12 valued points) or no last value
    COMMON = "gewoon"
    IMPROVEMENT = "verbetering"
    CONCERN = "zorg"
    SPECIAL = "bijzonder"  # a special cause in an indicator without a better direction


class Zekerheid(StrEnum):
    """Whether the process will meet its norm (signals.md §3); the values are the report's codes."""

    NONE = ""  # no norm, no direction or no limits
    MEETS = "haalt"
    FAILS = "haalt_niet"
    VARIES = "wisselend"


COMMON, IMPROVEMENT, CONCERN, SPECIAL = Variatie.COMMON, Variatie.IMPROVEMENT, Variatie.CONCERN, Variatie.SPECIAL
MEETS, FAILS, VARIES = Zekerheid.MEETS, Zekerheid.FAILS, Zekerheid.VARIES


class NoLimits(StrEnum):
    """Why a series with enough points still has no limits (signals.md §3a; wording.signals words it)."""

    NONE = ""
    WINDOW = "window"  # each point counts the months before it: the points are not independent
    FLAT = "flat"  # every valued point equal: mR̄ = 0
    FEW_SINCE_CHANGE = "few_since_change"  # fewer than 12 valued points after the latest process change


WINDOW, FLAT, FEW_SINCE_CHANGE = NoLimits.WINDOW, NoLimits.FLAT, NoLimits.FEW_SINCE_CHANGE

_UP, _DOWN = 1, -1
_TOLERANCE = 1e-9  # relative floating-point noise that is no difference


@dataclass(frozen=True)
class ProcessChart:
    """Limits of a series and which points are special causes (aligned with the given values)."""

    centre: float
    mean_moving_range: float
    upper: float  # UPL = CL + 2.66 mR̄ (not clipped; drawing clips, see `drawn_band`)
    lower: float  # LPL = CL − 2.66 mR̄
    sigma: float  # mR̄ / 1.128
    special: tuple[bool, ...]  # one flag per given value; a missing value is never special
    last_sides: frozenset[int]  # sides (+1 up, −1 down) the rules give the last valued point


@dataclass(frozen=True)
class Variation:
    """The chart (None below 12 valued points) with the indicator's variatie and zekerheid ('' = none).

    `reason` says why a series has no limits besides too few points (WINDOW, FLAT, FEW_SINCE_CHANGE);
    `since` is the index of the first point after the latest process change (0: every point counts),
    `since_day` that change's day (None without one), so a tile can say "te weinig punten sinds 1-7-2025".
    """

    chart: ProcessChart | None
    variatie: Variatie
    zekerheid: Zekerheid
    reason: NoLimits = NoLimits.NONE
    since: int = 0
    since_day: date | None = None


def _greater(a: float, b: float) -> bool:
    """a > b beyond floating-point noise."""
    return a - b > _TOLERANCE * max(1.0, abs(a), abs(b))


def _side(value: float, centre: float) -> int:
    """+1 above the centre line, −1 below, 0 on it (which ends a run)."""
    if _greater(value, centre):
        return _UP
    if _greater(centre, value):
        return _DOWN
    return 0


def _beyond_limits(xs: list[float], upper: float, lower: float) -> list[int]:
    """Rule 1: the side of each point above UPL or below LPL (0 = inside)."""
    return [_UP if _greater(x, upper) else _DOWN if _greater(lower, x) else 0 for x in xs]


def _runs(signs: list[int], length: int) -> list[int]:
    """Mark every member of a run of at least `length` equal non-zero signs with that sign."""
    marks = [0] * len(signs)
    start = 0
    for end in range(1, len(signs) + 1):
        if end == len(signs) or signs[end] != signs[start]:
            if signs[start] != 0 and end - start >= length:
                marks[start:end] = [signs[start]] * (end - start)
            start = end
    return marks


def _trend(xs: list[float]) -> list[int]:
    """Rule 3: the direction of the trend (≥ 6 points, each strictly beyond the last) each point is in.

    A point where a rise turns into a fall ends one trend and begins the other; it keeps the later
    direction. The last point only ever ends a trend, so its direction is never in doubt.
    """
    steps = [_UP if _greater(b, a) else _DOWN if _greater(a, b) else 0 for a, b in zip(xs, xs[1:])]
    marks = [0] * len(xs)
    for index, sign in enumerate(_runs(steps, TREND_LENGTH - 1)):
        if sign:
            marks[index] = marks[index + 1] = sign
    return marks


def _two_of_three(xs: list[float], centre: float, sigma: float) -> list[int]:
    """Rule 4: points more than 2σ from CL with another such point on the same side among three in a row."""
    reach = TWO_OF_THREE_SIGMAS * sigma
    far = [_UP if _greater(x, centre + reach) else _DOWN if _greater(centre - reach, x) else 0 for x in xs]
    marks = [0] * len(xs)
    for start in range(len(xs) - 2):
        window = far[start:start + 3]
        for side in (_UP, _DOWN):
            if window.count(side) >= 2:
                for offset, point in enumerate(window):
                    if point == side:
                        marks[start + offset] = side
    return marks


def process_chart(values: Sequence[float | None], start: int = 0, baseline: int | None = None) -> ProcessChart | None:
    """The XmR chart of the valued points from index `start` on (None = missing or suppressed, left
    out of the sequence; points before `start` precede a process change and are never special).

    None when fewer than 12 of them have a value. With `baseline` N (≥ 12) the limits come from the
    first N valued points only and stay fixed; the rules test every point against them (signals.md
    §3a). Mean and moving ranges are exact (`statistics` works in fractions), so a flat series has
    mR̄ 0 and no special cause through rounding.
    """
    positions = [index for index, value in enumerate(values) if value is not None and index >= start]
    if len(positions) < MIN_POINTS:
        return None
    xs = [float(values[index]) for index in positions]
    basis = xs[:max(baseline, MIN_POINTS)] if baseline else xs
    centre = statistics.mean(basis)
    mean_moving_range = statistics.mean(abs(b - a) for a, b in zip(basis, basis[1:]))
    upper = centre + LIMIT_FACTOR * mean_moving_range
    lower = centre - LIMIT_FACTOR * mean_moving_range
    sigma = mean_moving_range / D2
    rules = (
        _beyond_limits(xs, upper, lower),
        _runs([_side(x, centre) for x in xs], SHIFT_LENGTH),
        _trend(xs),
        _two_of_three(xs, centre, sigma),
    )
    special = [False] * len(values)
    for index, position in enumerate(positions):
        special[position] = any(marks[index] for marks in rules)
    return ProcessChart(
        centre, mean_moving_range, upper, lower, sigma, tuple(special),
        frozenset(marks[-1] for marks in rules if marks[-1]),
    )


def variatie(chart: ProcessChart | None, last_has_value: bool, better: str | None) -> Variatie:
    """What the last point says: gewoon, verbetering, zorg or bijzonder; '' without chart or last value."""
    if chart is None or not last_has_value:
        return Variatie.NONE
    if not chart.last_sides:
        return COMMON
    if better is None:
        return SPECIAL
    good = _UP if better == "higher" else _DOWN
    return IMPROVEMENT if chart.last_sides == {good} else CONCERN


def zekerheid(chart: ProcessChart | None, norm: float | None, better: str | None) -> Zekerheid:
    """Whether the process will meet the norm: haalt, haalt_niet or wisselend; '' without norm or limits."""
    if chart is None or norm is None or better is None:
        return Zekerheid.NONE
    if better == "higher":
        meets, fails = not _greater(norm, chart.lower), _greater(norm, chart.upper)
    else:
        meets, fails = not _greater(chart.upper, norm), _greater(chart.lower, norm)
    return MEETS if meets else FAILS if fails else VARIES


def flat_zekerheid(value: float, norm: float | None, better: str | None) -> Zekerheid:
    """A flat series' zekerheid: its one value against the norm (haalt or haalt_niet; none without norm)."""
    if norm is None or better is None:
        return Zekerheid.NONE
    fails = _greater(norm, value) if better == "higher" else _greater(value, norm)
    return FAILS if fails else MEETS


def variation(values: Sequence[float | None], better: str | None, norm: float | None, *,
              since: int = 0, baseline: int | None = None, complete: int | None = None) -> Variation:
    """Chart, variatie and zekerheid of one series (its last value being the period asked for).

    `since`: the index of the first point after the latest process change; `baseline`: freeze the
    limits on the first N valued points after it; `complete`: how many leading points are complete —
    the ones after it (a look-ahead past the data date) neither make the limits nor decide variatie.
    """
    decided = list(values[:complete] if complete is not None else values)
    open_tail = (False,) * (len(values) - len(decided))
    chart = process_chart(decided, since, baseline)
    last_has_value = bool(decided) and decided[-1] is not None
    if chart is not None and chart.mean_moving_range == 0:
        return Variation(None, COMMON if last_has_value else Variatie.NONE, flat_zekerheid(chart.centre, norm, better), FLAT, since)
    reason = FEW_SINCE_CHANGE if chart is None and since > 0 and sum(
        value is not None for value in decided) >= MIN_POINTS else NoLimits.NONE
    if chart is not None and open_tail:
        chart = ProcessChart(chart.centre, chart.mean_moving_range, chart.upper, chart.lower, chart.sigma,
                             chart.special + open_tail, chart.last_sides)
    return Variation(chart, variatie(chart, last_has_value, better), zekerheid(chart, norm, better), reason, since)


def no_limits(reason: NoLimits, since: int = 0) -> Variation:
    """A series that gets no limits whatever its values (e.g. WINDOW): empty variatie and zekerheid."""
    return Variation(None, Variatie.NONE, Zekerheid.NONE, reason, since)


def unit_range(code: str) -> tuple[float | None, float | None]:
    """The values an indicator can take, to clip its drawn limits to: its catalogue `value_range`
    (0 … 100 for a share, ≥ 0 for an amount, unbounded for a growth percentage)."""
    return definition(code).value_range


def drawn_band(chart: ProcessChart, low: float | None, high: float | None) -> tuple[float, float]:
    """The limits as drawn: clipped to the unit's range (e.g. 0 … 100 for a share)."""
    lower = chart.lower if low is None else max(low, chart.lower)
    upper = chart.upper if high is None else min(high, chart.upper)
    return lower, upper
