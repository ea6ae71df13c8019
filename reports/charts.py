"""Small charts drawn with fpdf2's own lines and rectangles: a 24-month trend and a bar comparison.

Drawing in the PDF itself keeps the charts sharp at any zoom and needs no browser: plotly's image
export (kaleido 1.x) would start a headless Chrome for every document. The charts follow the
dashboard's plotly charts (views/charts.py) and draw the same trend model (levers.chart_model): the
value as a blue line from zero, the norm as a dashed step line, special causes as vermillion diamonds,
the budget forecast's band on the last point, bars in status colours, Dutch numbers.
Only shown values reach a chart, so a suppressed figure leaves a gap and never a point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from levers.chart_model import FanModel, TrendModel
from levers.norms import Status
from levers.scope import Period
from levers.series import SeriesPoint
from reports.document import ACCENT, INK, MUTED, RULE, STATUS_COLOURS, Document
from wording import fmt, paper
from wording import forecast as forecast_words
from wording import national as national_words
from wording import signals as signal_words

_LABEL_SPACE = 13  # mm left of a trend plot for its axis labels
_AXIS_SPACE = 4.5  # mm below a trend plot for the period labels
_X_LABEL_WIDTH = 15  # mm one period label needs
_WHOLE_UNITS = frozenset({"aantal", "sessies"})  # counts: no 0,5 on the axis
FADED = (170, 200, 225)  # a value before the latest process change
BAND = (221, 239, 251)  # the process limits: a light sky blue behind the line
LEGEND_WIDTH = 116  # mm of trend_legend


@dataclass(frozen=True)
class Box:
    """Where a chart goes on the page, in mm."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Bar:
    """One bar of a comparison: the name, the shown value (None: not shown), its text and status."""

    name: str
    value: float | None
    text: str
    status: str


def nice_ticks(low: float, high: float, count: int = 4, *, whole: bool = False) -> list[float]:
    """About `count` round axis values from at or below `low` to at or above `high` (1, 2, 2.5, 5 × 10^n)."""
    if high <= low:
        high = low + (abs(low) / 2 or 1.0)
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    if whole:
        step = max(1, math.ceil(step))
    ticks = [math.floor(low / step + 1e-9) * step]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(ticks[-1] + step)
    return [round(tick, 10) for tick in ticks]


def _axis_text(value: float, unit: str) -> str:
    """Short axis labels: no unit word; percentages with their sign, money with €."""
    text = fmt.number(value, 0 if float(value).is_integer() else 1)
    if unit in fmt.PERCENT_UNITS:
        return f"{text}%"
    return f"€ {text}" if unit == "euro" else text


def _period_text(point: SeriesPoint) -> str:
    return fmt.period_short(Period.parse(point.period_label))


def trend_chart(doc: Document, box: Box, model: TrendModel) -> None:
    """The model (levers.chart_model, also drawn on screen) as a line from zero over the band of its
    process limits, its norm as a dashed step line, special causes as diamonds, voorlopige points hollow
    (signals.md §3, §4), the forecast's band as a range on the last point and a marker as a square.
    Fewer than 2 valued points draw no line and say so."""
    points, unit = model.points, model.unit
    values = model.values
    plot = Box(box.x + _LABEL_SPACE, box.y + 1, box.w - _LABEL_SPACE - 1, box.h - _AXIS_SPACE - 1)
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.2)
    if model.valued < 2:
        doc.rect(plot.x, plot.y, plot.w, plot.h)
        doc.style(8, italic=True, colour=MUTED)
        doc.set_xy(plot.x, plot.y + plot.h / 2 - 2)
        doc.cell(plot.w, 4, paper.NO_TREND, align="C")
        doc.style()
        return
    limits = model.limits
    known = [v for v in values + [p.norm for p in points] + list(limits or ()) + list(model.band or ())
             + [segment.value for segment in model.national] if v is not None]
    ticks = nice_ticks(min(0.0, *known), max(known), whole=unit in _WHOLE_UNITS)
    low, high = ticks[0], ticks[-1]

    def x_of(index: float) -> float:
        return plot.x + plot.w * (index + 0.5) / len(points)

    def y_of(value: float) -> float:
        return plot.y + plot.h - (value - low) / (high - low) * plot.h

    if limits is not None:
        doc.set_fill_color(*BAND)
        doc.rect(x_of(model.since - 0.5), y_of(limits[1]), x_of(len(points) - 0.5) - x_of(model.since - 0.5),
                 y_of(limits[0]) - y_of(limits[1]), style="F")
    doc.style(6.5, colour=MUTED)
    for tick in ticks:
        doc.set_draw_color(*RULE)
        doc.line(plot.x, y_of(tick), plot.x + plot.w, y_of(tick))
        doc.set_xy(box.x, y_of(tick) - 1.5)
        doc.cell(_LABEL_SPACE - 1.2, 3, _axis_text(tick, unit), align="R")
    every = max(1, math.ceil(len(points) * _X_LABEL_WIDTH / plot.w))
    for index in range(len(points) - 1, -1, -every):
        doc.set_xy(x_of(index) - _X_LABEL_WIDTH / 2, plot.y + plot.h + 0.6)
        doc.cell(_X_LABEL_WIDTH, 3, _period_text(points[index]), align="C")

    steps = []  # the norm as a step line: flat within a period, a jump at a new year's norm
    for index, point in enumerate(points):
        y = None if point.norm is None else y_of(point.norm)
        steps += [(x_of(index - 0.5), y), (x_of(index + 0.5), y)]
    _segments(doc, steps, INK, dashed=True)
    _segments(doc, [(x_of(i), None if v is None else y_of(v)) for i, v in enumerate(values)], ACCENT)
    if model.band is not None:  # its bounds written beside it: a steady year gives a bar thinner than the dot
        _range(doc, x_of(len(points) - 1), y_of(model.band[0]), y_of(model.band[1]))
        doc.style(6, colour=ACCENT)
        doc.set_xy(x_of(len(points) - 1) - 31.5, y_of(model.band[1]) - 1.5)
        doc.cell(30, 3, f"{_axis_text(model.band[0], unit)} – {_axis_text(model.band[1], unit)}", align="R")
    for index, point in enumerate(points):
        if point.value is not None:
            _dot(doc, x_of(index), y_of(point.value), 0.9 if index == len(points) - 1 else 0.45,
                 point.is_provisional, faded=index < model.since)
    _process_changes(doc, model, plot, x_of)
    _national(doc, model, x_of, y_of)
    for index in model.special:
        _diamond(doc, x_of(index), y_of(values[index]))
    for marker in model.markers:
        _square(doc, x_of(marker.index), y_of(values[marker.index]))
    if why := signal_words.no_limits_text(model.reason, model.reason_day):
        doc.style(6.5, italic=True, colour=MUTED)
        if doc.get_string_width(why) > plot.w:  # a narrow chart: the tile's shorter words, wrapped if need be
            why = signal_words.no_limits_text(model.reason, model.reason_day, short=True)
        doc.set_xy(plot.x, plot.y)
        doc.multi_cell(plot.w, 2.8, why, align="R")
    doc.style()


def _process_changes(doc: Document, model: TrendModel, plot: Box, x_of) -> None:
    """Each process change as a dotted vertical line between two points, its description at the top."""
    doc.set_draw_color(*INK)
    doc.style(6, colour=INK)
    for change in model.process_changes:
        x = x_of(change.index - 0.5)
        doc.set_dash_pattern(dash=0.6, gap=0.6)
        doc.line(x, plot.y, x, plot.y + plot.h)
        doc.set_dash_pattern()
        doc.set_xy(x + 0.5, plot.y + 0.5)
        doc.cell(30, 3, change.text)
    doc.set_draw_color(*RULE)


def _national(doc: Document, model: TrendModel, x_of, y_of) -> None:
    """Each national figure as a dotted grey segment over exactly its own points (signals.md §7), the
    latest one labelled."""
    doc.set_draw_color(*MUTED)
    doc.set_line_width(0.5)
    for segment in model.national:
        doc.set_dash_pattern(dash=0.5, gap=0.7)
        doc.line(x_of(segment.first - 0.45), y_of(segment.value), x_of(segment.last + 0.45), y_of(segment.value))
        doc.set_dash_pattern()
    doc.set_line_width(0.2)
    if model.national:
        last = model.national[-1]
        doc.style(6, colour=MUTED)
        doc.set_xy(x_of(last.last + 0.45) - 50, y_of(last.value) - 3.2)
        doc.cell(50, 3, national_words.segment_label(last.period, last.value, model.unit, last.fictitious),
                 align="R")
        doc.style()
    doc.set_draw_color(*RULE)


def _range(doc: Document, x: float, y_low: float, y_high: float, cap: float = 1.2) -> None:
    """The forecast's band on the last point: a vertical bar with a cap at each bound."""
    doc.set_draw_color(*ACCENT)
    doc.set_line_width(0.6)
    doc.line(x, y_low, x, y_high)
    doc.line(x - cap, y_low, x + cap, y_low)
    doc.line(x - cap, y_high, x + cap, y_high)
    doc.set_line_width(0.2)


def _square(doc: Document, x: float, y: float, size: float = 1.6) -> None:
    """A marker (a toelichting) around a point: an open square, as on screen."""
    doc.set_draw_color(*INK)
    doc.set_line_width(0.3)
    doc.rect(x - size, y - size, 2 * size, 2 * size)
    doc.set_line_width(0.2)


def _dot(doc: Document, x: float, y: float, radius: float, hollow: bool, faded: bool = False) -> None:
    """A value: filled, or hollow (white inside, a ring) when it is voorlopig; pale before a process change."""
    colour = FADED if faded else ACCENT
    doc.set_fill_color(*((255, 255, 255) if hollow else colour))
    doc.set_draw_color(*colour)
    doc.set_line_width(0.3)
    doc.circle(x, y, max(radius, 0.8) if hollow else radius, style="DF" if hollow else "F")
    doc.set_line_width(0.2)


def _diamond(doc: Document, x: float, y: float, size: float = 1.7) -> None:
    doc.set_fill_color(*STATUS_COLOURS[Status.RED])
    doc.set_draw_color(255, 255, 255)
    doc.set_line_width(0.25)
    doc.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style="DF")
    doc.set_line_width(0.2)


def fan_chart(doc: Document, box: Box, model: FanModel) -> None:
    """The year-end forecast (levers.chart_model.FanModel, also drawn on screen): cumulative spending realised
    (solid) and corrected for late claims (dashed) per month, then the median outcome (dotted) in its 80%
    band, the budget as a vermillion line (ahead.md §1). A legend line under it."""
    plot = Box(box.x + _LABEL_SPACE + 4, box.y + 1, box.w - _LABEL_SPACE - 5, box.h - _AXIS_SPACE - 6)
    ticks = nice_ticks(0.0, model.largest)
    low, high = ticks[0], ticks[-1]

    def x_of(index: float) -> float:
        return plot.x + plot.w * (index + 0.5) / 12

    def y_of(value: float) -> float:
        return plot.y + plot.h - (value - low) / (high - low) * plot.h

    doc.style(6.5, colour=MUTED)
    for tick in ticks:
        doc.set_draw_color(*RULE)
        doc.line(plot.x, y_of(tick), plot.x + plot.w, y_of(tick))
        doc.set_xy(box.x, y_of(tick) - 1.5)
        doc.cell(_LABEL_SPACE + 2.8, 3, _axis_text(tick, "euro"), align="R")
    for index, month in enumerate(forecast_words.MONTHS_SHORT):
        doc.set_xy(x_of(index) - 5, plot.y + plot.h + 0.6)
        doc.cell(10, 3, month, align="C")
    band = [(x_of(i), y_of(lo), y_of(hi)) for i, (lo, hi) in enumerate(zip(model.low, model.high))
            if lo is not None and hi is not None]
    if len(band) > 1:
        doc.set_fill_color(*BAND)
        doc.polygon([(x, top) for x, _, top in band] + [(x, bottom) for x, bottom, _ in reversed(band)], style="F")
    if model.budget is not None:
        _segments(doc, [(plot.x, y_of(model.budget)), (plot.x + plot.w, y_of(model.budget))],
                  STATUS_COLOURS[Status.RED])

    def line(path) -> list[tuple[float, float | None]]:
        return [(x_of(i), None if v is None else y_of(v)) for i, v in enumerate(path)]

    _segments(doc, line(model.median), INK, dashed=True)
    _segments(doc, line(model.corrected), ACCENT, dashed=True)
    _segments(doc, line(model.realised), ACCENT)
    y = box.y + box.h - 3
    doc.style(7, colour=MUTED)
    x = box.x + _LABEL_SPACE
    for text, colour, dashed in ((forecast_words.REALISED, ACCENT, False), (forecast_words.CORRECTED, ACCENT, True),
                                 (forecast_words.MEDIAN, INK, True), (forecast_words.BUDGET, STATUS_COLOURS[Status.RED], False)):
        _segments(doc, [(x, y + 1.5), (x + 6, y + 1.5)], colour, dashed=dashed)
        doc.set_xy(x + 7, y)
        width = doc.get_string_width(text) + 4
        doc.cell(width, 3, text)
        x += 7 + width
    doc.set_fill_color(*BAND)
    doc.rect(x, y + 0.3, 6, 2.4, style="F")
    doc.set_xy(x + 7, y)
    doc.cell(14, 3, forecast_words.BAND)
    doc.style()


def trend_legend(doc: Document, x: float, y: float) -> None:
    """One line explaining the marks (LEGEND_WIDTH mm): value, norm, limits, special cause, voorlopig."""
    doc.style(7, colour=MUTED)
    _segments(doc, [(x, y + 1.5), (x + 6, y + 1.5)], ACCENT)
    doc.set_xy(x + 7, y)
    doc.cell(12, 3, paper.LEGEND_VALUE)
    _segments(doc, [(x + 20, y + 1.5), (x + 26, y + 1.5)], INK, dashed=True)
    doc.set_xy(x + 27, y)
    doc.cell(9, 3, paper.NORM_LINE)
    doc.set_fill_color(*BAND)
    doc.rect(x + 37, y + 0.3, 6, 2.4, style="F")
    doc.set_xy(x + 44, y)
    doc.cell(22, 3, signal_words.SERIES_LIMITS.lower())
    _diamond(doc, x + 68, y + 1.5, size=1.3)
    doc.set_xy(x + 70.5, y)
    doc.cell(27, 3, paper.LEGEND_SPECIAL)
    _dot(doc, x + 99, y + 1.5, 0.8, True)
    doc.set_xy(x + 101, y)
    doc.style(7, colour=MUTED)
    doc.cell(14, 3, signal_words.SERIES_PROVISIONAL.lower())
    doc.style()


def _segments(doc: Document, points: Sequence[tuple[float, float | None]], colour, *, dashed: bool = False) -> None:
    """Polylines through consecutive known points; a missing value breaks the line."""
    doc.set_draw_color(*colour)
    doc.set_line_width(0.3 if dashed else 0.5)
    if dashed:
        doc.set_dash_pattern(dash=1.2, gap=0.9)
    run: list[tuple[float, float]] = []
    for x, y in [*points, (0.0, None)]:
        if y is None:
            if len(run) > 1:
                doc.polyline(run)
            run = []
        else:
            run.append((x, y))
    doc.set_dash_pattern()
    doc.set_line_width(0.2)


def bar_chart(doc: Document, box: Box, bars: Sequence[Bar], norm: float | None = None) -> None:
    """Horizontal bars in status colours, values in a column on the right (`–`/`<5` as text), norm dashed."""
    if not bars:
        return
    name_width = min(38.0, box.w * 0.3)
    text_width = 34.0  # "86,7% · buiten de norm"
    plot_x, plot_w = box.x + name_width, box.w - name_width - text_width
    known = [b.value for b in bars if b.value is not None] + ([norm] if norm is not None else [])
    low, high = min([0.0, *known]), max([0.0, *known])
    if high == low:
        high = low + 1

    def x_of(value: float) -> float:
        return plot_x + (value - low) / (high - low) * plot_w

    row = box.h / len(bars)
    bar_height = min(row * 0.62, 5.5)
    for index, bar in enumerate(bars):
        top = box.y + index * row
        doc.style(8)
        doc.set_xy(box.x, top + (row - 4) / 2)
        doc.cell(name_width - 2, 4, bar.name, align="R")
        if bar.value is not None:
            left, right = sorted((x_of(0), x_of(bar.value)))
            doc.set_fill_color(*STATUS_COLOURS[bar.status])
            doc.rect(left, top + (row - bar_height) / 2, max(right - left, 0.3), bar_height, style="F")
        doc.set_xy(plot_x + plot_w + 2, top + (row - 4) / 2)  # values in one column, clear of the norm line
        doc.style(8, bold=bar.value is not None, colour=INK if bar.value is not None else MUTED)
        judged = bar.value is not None and bar.status != Status.GREY
        doc.cell(text_width, 4, f"{bar.text} · {signal_words.status_word(bar.status)}" if judged else bar.text)
    doc.set_draw_color(*MUTED)
    doc.line(x_of(0), box.y, x_of(0), box.y + box.h)
    if norm is not None:
        _segments(doc, [(x_of(norm), box.y), (x_of(norm), box.y + box.h)], INK, dashed=True)
        doc.style(6.5, colour=MUTED)
        doc.set_xy(x_of(norm) - 10, box.y + box.h)
        doc.cell(20, 3, paper.NORM_LINE, align="C")
    doc.style()
