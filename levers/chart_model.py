"""One trend chart as both renderers draw it: views/charts.py (plotly, screen) and reports/charts.py (PDF).

What a trend shows is decided here once, so screen and paper cannot drift apart: the points (value,
norm, special cause, voorlopig), the process limits clipped to the indicator's value range, the band
on the last point (the budget forecast's: the series reads it from the details its catalogue entry
names in `band_fields`), the markers on a point (a toelichting), the process changes (signals.md
§3a: the points before the latest one faded, a labelled line at each), the national figures as
segments over their own periods (signals.md §7: a half-year's figure spans its six months, never a
line across months as if it were a monthly value) and the reason code of a series without limits
(wording.signals words it). A renderer only chooses how each of these looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from levers.national import NationalFigure
from levers.series import Series, SeriesPoint
from levers.variation import drawn_band, unit_range


@dataclass(frozen=True)
class Marker:
    """A mark on one point with its text (e.g. the period's toelichtingen on the last point)."""

    index: int
    text: str


@dataclass(frozen=True)
class ProcessChange:
    """A date at which the way of working changed, before the point at `index` (signals.md §3a)."""

    index: int
    text: str


@dataclass(frozen=True)
class NationalSegment:
    """A national figure drawn over its own period: from the point at `first` to the point at `last`
    (both included: the period is exactly theirs), at `value`."""

    first: int
    last: int
    value: float
    period: str  # the figure's period as CBS labels it: '2026-H1', '2026-K2', '2026'
    fictitious: bool = False


@dataclass(frozen=True)
class TrendModel:
    """A series as drawn: its points, limits (clipped), band on the last point, markers, process changes."""

    code: str
    unit: str
    points: tuple[SeriesPoint, ...]
    limits: tuple[float, float] | None = None  # the process limits (lower, upper) as drawn
    band: tuple[float, float] | None = None  # (low, high) around the last point's value
    markers: tuple[Marker, ...] = ()
    process_changes: tuple[ProcessChange, ...] = ()
    since: int = 0  # points before this index precede the latest process change: drawn faded
    reason: str = ""  # why there are no limits (levers.variation WINDOW, FLAT, FEW_SINCE_CHANGE) or ''
    reason_day: date | None = None  # the day of the latest change, for FEW_SINCE_CHANGE
    national: tuple[NationalSegment, ...] = ()  # national figures over their own periods, in time order

    @property
    def values(self) -> list[float | None]:
        return [point.value for point in self.points]

    @property
    def valued(self) -> int:
        """How many points have a value: fewer than 2 draw no line."""
        return sum(point.value is not None for point in self.points)

    @property
    def special(self) -> list[int]:
        """Indexes of the valued points that are special causes."""
        return [i for i, p in enumerate(self.points) if p.is_special and p.value is not None]

    @property
    def provisional(self) -> list[int]:
        """Indexes of the valued voorlopige points (drawn hollow)."""
        return [i for i, p in enumerate(self.points) if p.is_provisional and p.value is not None]

    @property
    def faded(self) -> list[int]:
        """Indexes of the valued points before the latest process change (drawn faded)."""
        return [i for i, p in enumerate(self.points[:self.since]) if p.value is not None]

    @property
    def has_norm(self) -> bool:
        return any(point.norm is not None for point in self.points)


def national_segments(points: tuple[SeriesPoint, ...], figures: tuple[NationalFigure, ...],
                      code: str) -> tuple[NationalSegment, ...]:
    """The national figures of `code` whose period is exactly a run of the series' points (a half-year of
    six months, a year of one year point), shortest periods first and none overlapping another: the
    half-years of a month series, not the year that holds them too. A figure that does not cover whole
    points (a half-year on a year series) or lies outside the series is not drawn."""
    firsts = {point.start: index for index, point in enumerate(points)}
    lasts = {point.end: index for index, point in enumerate(points)}
    fitting = sorted(
        ((figure.end - figure.start, firsts[figure.start], lasts[figure.end], figure) for figure in figures
         if figure.code == code and figure.start in firsts and figure.end in lasts
         and firsts[figure.start] <= lasts[figure.end]),
        key=lambda found: (found[0], found[1], found[3].source))
    taken: set[int] = set()
    segments = []
    for _, first, last, figure in fitting:
        covered = set(range(first, last + 1))
        if not covered & taken:
            taken |= covered
            segments.append(NationalSegment(first, last, figure.value, figure.period, figure.fictitious))
    return tuple(sorted(segments, key=lambda segment: segment.first))


def trend_model(series: Series, unit: str, note: str | None = None,
                national: tuple[NationalFigure, ...] = ()) -> TrendModel:
    """The model of `series` in `unit`; `note` is the text marking its last point (the period's toelichtingen);
    `national`: the national figures to draw as segments over their own periods (any indicator's)."""
    varies = series.variation
    chart = varies.chart
    last = series.points[-1] if series.points else None
    last_valued = last is not None and last.value is not None
    return TrendModel(
        code=series.code, unit=unit, points=series.points,
        limits=drawn_band(chart, *unit_range(series.code)) if chart is not None else None,
        band=last.band if last_valued else None,
        markers=(Marker(len(series.points) - 1, note),) if note and last_valued else (),
        process_changes=tuple(ProcessChange(index, change.description) for index, change in series.changes),
        since=varies.since, reason=varies.reason, reason_day=varies.since_day,
        national=national_segments(series.points, tuple(national), series.code),
    )


@dataclass(frozen=True)
class FanModel:
    """The year-end forecast as a fan chart (ahead.md §1), as both renderers draw it: per month of the year
    (index 0 = January) cumulative euros: realised (solid) and corrected for late claims (dashed) through
    the month of p_end, then the median outcome and its 80% band to December; the budget as a line.
    None in a path where it does not run."""

    year: int
    months: int  # m: January through the month of p_end
    realised: tuple[float | None, ...]
    corrected: tuple[float | None, ...]
    median: tuple[float | None, ...]
    low: tuple[float | None, ...]
    high: tuple[float | None, ...]
    budget: float | None
    overspend_pct: float | None  # kans op overschrijding
    budget_month: int | None  # 1 … 12: the month the budget is reached at the median; None: not this year
    pooled: bool = False  # the completion factors came from all regions (too little history of its own)

    @property
    def largest(self) -> float:
        values = [v for path in (self.realised, self.corrected, self.median, self.high) for v in path if v is not None]
        return max([*values, self.budget or 0.0, 0.0])
