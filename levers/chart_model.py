"""One trend chart as both renderers draw it: views/charts.py (plotly, screen) and reports/charts.py (PDF).

What a trend shows is decided here once, so screen and paper cannot drift apart: the points (value,
norm, special cause, voorlopig), the process limits clipped to the indicator's value range, the band
on the last point (the budget forecast's: the series reads it from the details its catalogue entry
names in `band_fields`), the markers on a point (a toelichting), the process changes (signals.md
§3a: the points before the latest one faded, a labelled line at each) and the reason code of a
series without limits (wording.signals words it). A renderer only chooses how each of these looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


def trend_model(series: Series, unit: str, note: str | None = None) -> TrendModel:
    """The model of `series` in `unit`; `note` is the text marking its last point (the period's toelichtingen)."""
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
    )
