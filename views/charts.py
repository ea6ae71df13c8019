"""Plotly figures: a trend with its norm and special causes, and a comparison as bars.

Colours are Okabe-Ito (safe for colour-blind readers) and every status also carries its word.
Suppressed figures have no value in an IndicatorResult or SeriesPoint, so they cannot reach a bar,
a line or a hover label; a bar that is not shown gets its label (`<5`, `–`) as text instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from levers.result import IndicatorResult
from levers.scope import Period
from levers.series import Series
from wording import fmt, texts
from wording.colours import STATUS_COLOURS

BLUE, SKY = "#0072B2", "#56B4E9"
GREY, VERMILLION = STATUS_COLOURS["grijs"], STATUS_COLOURS["rood"]
INK = "#1F2933"
_FONT = dict(family='"Source Sans", "Source Sans Pro", sans-serif', color=INK, size=13)
_WHOLE_UNITS = frozenset({"aantal", "sessies"})  # counts: whole-number ticks


def _layout(fig: go.Figure, title: str, subtitle: str, unit: str, *, height: int, value_axis: str) -> go.Figure:
    axis = {f"{value_axis}axis": dict(
        ticksuffix="%" if unit in fmt.PERCENT_UNITS else "", tickprefix="€ " if unit == "euro" else "",
        gridcolor="#E6E9EE", zeroline=False, rangemode="tozero", tickfont=_FONT,
        tickformat=",d" if unit in _WHOLE_UNITS else None,
        dtick=1 if unit in _WHOLE_UNITS and _largest(fig, value_axis) <= 5 else None,
    )}
    fig.update_layout(
        template="plotly_white",
        title=dict(text=title, font=dict(size=15, color=INK), x=0, xanchor="left",
                   subtitle=dict(text=subtitle, font=dict(size=12, color=GREY))),
        separators=fmt.PLOTLY_SEPARATORS, font=_FONT, height=height, showlegend=True,
        margin=dict(l=8, r=8, t=64, b=8), plot_bgcolor="white", paper_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=-0.32 if value_axis == "y" else -0.2, x=0),
        hoverlabel=dict(font=_FONT), **axis,
    )
    return fig


def _largest(fig: go.Figure, value_axis: str) -> float:
    """The largest plotted value (0 when nothing is plotted): small counts get whole-number ticks."""
    values = [v for trace in fig.data for v in (getattr(trace, value_axis) or ()) if isinstance(v, (int, float))]
    return max(values, default=0)


def _point_label(period_label: str) -> str:
    return fmt.period_short(Period.parse(period_label))


def trend(series: Series, unit: str, title: str, subtitle: str = "") -> go.Figure:
    """The series as a line, the norm as a dashed step line, special causes as vermillion diamonds.

    `title` states the finding; `subtitle` names the indicator.
    """
    points = series.points
    x = [_point_label(p.period_label) for p in points]
    shown = [fmt.axis_number(p.value, unit) for p in points]
    fig = go.Figure()
    fig.add_scatter(
        x=x, y=[p.value for p in points], mode="lines+markers", name=texts.SERIES_VALUE,
        line=dict(color=BLUE, width=2.5), marker=dict(size=5), customdata=shown, connectgaps=False,
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )
    if any(p.norm is not None for p in points):
        fig.add_scatter(
            x=x, y=[p.norm for p in points], mode="lines", name=texts.SERIES_NORM, line_shape="hv",
            line=dict(color=INK, width=1.5, dash="dash"), customdata=[fmt.axis_number(p.norm, unit) for p in points],
            hovertemplate=texts.SERIES_NORM + " %{x}: %{customdata}<extra></extra>",
        )
    special = [i for i, p in enumerate(points) if p.is_special and p.value is not None]
    if special:
        fig.add_scatter(
            x=[x[i] for i in special], y=[points[i].value for i in special], mode="markers",
            name=texts.SERIES_SPECIAL, marker=dict(symbol="diamond", size=13, color=VERMILLION,
                                                   line=dict(color="white", width=1)),
            customdata=[shown[i] for i in special],
            hovertemplate=texts.SERIES_SPECIAL + " %{x}: %{customdata}<extra></extra>",
        )
    fig.update_xaxes(type="category", tickangle=0, nticks=8, showgrid=False, tickfont=_FONT)
    return _layout(fig, title, subtitle, unit, height=320, value_axis="y")


def comparison(rows: Sequence[tuple[str, IndicatorResult]], unit: str, title: str, subtitle: str = "",
               norm: float | None = None) -> go.Figure:
    """Horizontal bars, highest on top, coloured by status (with the word in the hover label).

    An indicator without a norm has no status colour to give: its bars are plain blue.
    """
    ordered = sorted(rows, key=lambda row: (row[1].value is None, -(row[1].value or 0)))
    labels = [label for label, _ in ordered][::-1]
    results = [result for _, result in ordered][::-1]
    fig = go.Figure()
    fig.add_bar(
        y=labels, x=[r.value for r in results], orientation="h", showlegend=False,
        marker=dict(color=[bar_colour(r) for r in results]),
        text=[fmt.value(r) for r in results], textposition="outside", cliponaxis=False,
        customdata=[f"{fmt.value(r)} ({r.status})" for r in results],
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    for label, result in zip(labels, results):
        if result.value is None:  # no bar: show why, never a number
            fig.add_annotation(x=0, y=label, text=fmt.value(result), showarrow=False, xanchor="left",
                               font=dict(color=GREY))
    if norm is not None:
        fig.add_vline(x=norm, line=dict(color=INK, width=1.5, dash="dash"),
                      annotation=dict(text=f"{texts.SERIES_NORM} {fmt.in_unit(norm, unit)}", yanchor="bottom"))
    fig.update_yaxes(automargin=True, tickfont=_FONT)
    fig.update_xaxes(showgrid=True)
    height = 130 + 30 * len(rows)
    fig = _layout(fig, title, subtitle, unit, height=height, value_axis="x")
    fig.update_layout(showlegend=False, margin=dict(l=8, r=40, t=64, b=8))
    return fig


def bar_colour(result: IndicatorResult) -> str:
    """The status colour; plain blue for a value that has no norm to be judged by."""
    if result.value is not None and result.norm is None:
        return BLUE
    return STATUS_COLOURS[result.status]
