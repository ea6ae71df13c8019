"""Plotly figures: a trend with its norm and special causes, and a comparison as bars.

Colours are Okabe-Ito (safe for colour-blind readers) and every status also carries its word.
Suppressed figures have no value in an IndicatorResult or SeriesPoint, so they cannot reach a bar,
a line or a hover label; a bar that is not shown gets its label (`<5`, `–`) as text instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from math import floor, log10

import plotly.graph_objects as go

from levers.chart_model import FanModel, TrendModel
from levers.norms import Status
from levers.result import IndicatorResult
from levers.scope import Period
from wording import fmt, texts
from wording import forecast as forecast_words
from wording import national as national_words
from wording import signals as signal_words
from wording.colours import STATUS_COLOURS

BLUE, SKY = "#0072B2", "#56B4E9"
GREY, VERMILLION = STATUS_COLOURS[Status.GREY], STATUS_COLOURS[Status.RED]
INK = "#1F2933"
BAND = "rgba(86, 180, 233, 0.18)"  # sky blue, light: the process limits behind the line
_FONT = dict(family='"Source Sans", "Source Sans Pro", sans-serif', color=INK, size=13)
_WHOLE_UNITS = frozenset({"aantal", "sessies"})  # counts: whole-number ticks


def _template() -> dict:
    """plotly_white as a plain dict, made once: only its layout and the two trace types drawn here."""
    import plotly.io as pio

    template = pio.templates["plotly_white"].to_plotly_json()
    return {"layout": template["layout"], "data": {kind: template["data"][kind] for kind in ("scatter", "bar")}}


_TEMPLATE = _template()


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain dicts, without plotly's property validation.

    Validating (and copying the template) cost ~50 ms a chart, most of a lever page's run; the dicts
    below only use properties plotly knows, and the tests read them back through the same objects.
    """
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def _layout(title: str, subtitle: str, unit: str, *, height: int, value_axis: str, largest: float) -> dict:
    whole = unit in _WHOLE_UNITS
    axis = {f"{value_axis}axis": _drop_none(dict(
        automargin=False if value_axis == "y" else None,  # the margin is set (_margin): one drawing pass
        ticksuffix="%" if unit in fmt.PERCENT_UNITS else "", tickprefix="€ " if unit == "euro" else "",
        gridcolor="#E6E9EE", zeroline=False, rangemode="tozero", tickfont=_FONT,
        tickformat=",d" if whole else (",.0f" if unit == "euro" else None),  # € 1.500, never € 1500 or € 1.5k
        dtick=1 if whole and largest <= 5 else None,
    ))}
    return dict(
        template=_TEMPLATE,
        title=dict(text=title, font=dict(size=15, color=INK), x=0, xanchor="left",
                   subtitle=dict(text=subtitle, font=dict(size=12, color=GREY))),
        separators=fmt.PLOTLY_SEPARATORS, font=_FONT, height=height, showlegend=True,
        margin=_margin(unit, largest, value_axis), plot_bgcolor="white", paper_bgcolor="white",
        # under the axis labels, hanging from its top: on a narrow screen its entries wrap downwards (plotly
        # grows the bottom margin for them) instead of upwards onto the plot (issue 23, 390 px)
        legend=dict(orientation="h", yanchor="top", y=-0.2 if value_axis == "y" else -0.12, x=0),
        hoverlabel=dict(font=_FONT), **axis,
    )


# Tick labels in _FONT: about this many pixels per character (digits, "€", "%" and "." of Source Sans at 13 px).
_TICK_CHAR_PX = 7.5
_BELOW_AXIS_PX = 80  # the month labels and, under them, the legend


def _margin(unit: str, largest: float, value_axis: str) -> dict:
    """Margins that fit the value axis's labels and the legend, so plotly need not grow them itself
    (a horizontal bar chart sets its own: the names beside the bars).

    plotly's automargin measures every label, finds the margin too small, and draws the whole figure a
    second time: half of a trend chart's drawing time in Chromium (a lever page draws up to 12 of them).
    """
    if value_axis != "y":
        return dict(l=8, r=8, t=64, b=8)
    widest = _tick_label(_next_tick(abs(largest)), unit)  # one character more: a minus sign, a decimal
    return dict(l=12 + round(_TICK_CHAR_PX * (len(widest) + 1)), r=8, t=64, b=_BELOW_AXIS_PX)


def _tick_label(value: float, unit: str) -> str:
    """A value-axis label as plotly writes it with `_layout`'s prefix and suffix: `€ 2.000`, `100%`, `20.000`."""
    prefix, suffix = ("€ " if unit == "euro" else ""), ("%" if unit in fmt.PERCENT_UNITS else "")
    return f"{prefix}{fmt.number(value)}{suffix}"


def _next_tick(largest: float) -> float:
    """An upper bound of the largest tick label's value: the largest value rounded up to 1, 2 or 5 × 10^k."""
    if largest <= 0:
        return 0
    step = 10 ** floor(log10(largest))
    return next(m * step for m in (1, 2, 5, 10) if m * step >= largest)


def _drop_none(properties: dict) -> dict:
    return {key: value for key, value in properties.items() if value is not None}


def _largest(values: Sequence) -> float:
    """The largest plotted value (0 when nothing is plotted): small counts get whole-number ticks."""
    return max((v for v in values if isinstance(v, (int, float))), default=0)


def _point_label(period_label: str) -> str:
    return fmt.period_short(Period.parse(period_label))


def _band(model: TrendModel, x: list[str]) -> list[dict]:
    """The process limits (signals.md §3) as a light band behind the line: lower, then upper filled to it."""
    if model.limits is None:
        return []
    lower, upper = model.limits
    unit = model.unit
    x = x[model.since:]  # the limits hold from the latest process change on
    hover = f"{signal_words.SERIES_LIMITS} {fmt.axis_number(lower, unit)} – {fmt.axis_number(upper, unit)}<extra></extra>"
    edge = dict(type="scatter", x=x, mode="lines", line=dict(width=0, color=SKY), hovertemplate=hover)
    return [
        dict(edge, y=[lower] * len(x), showlegend=False, name=signal_words.SERIES_LIMITS),
        dict(edge, y=[upper] * len(x), fill="tonexty", fillcolor=BAND, name=signal_words.SERIES_LIMITS),
    ]


def trend(model: TrendModel, title: str, subtitle: str = "") -> go.Figure:
    """The model (levers.chart_model, also drawn on paper) as a line over the band of its process limits,
    the norm as a dashed step line, special causes as vermillion diamonds and voorlopige points hollow
    (signals.md §3, §4).

    `title` states the finding; `subtitle` names the indicator. The model's band (the budget forecast's
    low and high, levers/families/budget.py) is drawn as a range on the last point; a marker (the period's
    toelichtingen) is a square on its point whose hover label is the text.
    """
    points, unit = model.points, model.unit
    if why := signal_words.no_limits_text(model.reason, model.reason_day):
        subtitle = f"{subtitle} · {why}" if subtitle else why
    x = [_point_label(p.period_label) for p in points]
    values = model.values
    shown = [fmt.axis_number(p.value, unit) for p in points]
    symbols = ["circle-open" if p.is_provisional else "circle" for p in points]
    data = [*_band(model, x), dict(
        type="scatter", x=x, y=values, mode="lines+markers", name=texts.SERIES_VALUE,
        line=dict(color=BLUE, width=2.5), marker=dict(size=[9 if p.is_provisional else 5 for p in points],
                                                      symbol=symbols, line=dict(width=2, color=BLUE)),
        customdata=shown, connectgaps=False, hovertemplate="%{x}: %{customdata}<extra></extra>",
    )]
    if provisional := model.provisional:  # a legend entry that explains the hollow points
        data.append(dict(
            type="scatter", x=[x[i] for i in provisional], y=[values[i] for i in provisional], mode="markers",
            name=signal_words.SERIES_PROVISIONAL, marker=dict(symbol="circle-open", size=9, color=BLUE),
            hoverinfo="skip",
        ))
    if faded := model.faded:  # points before the latest process change: covered by a pale ring
        data.append(dict(
            type="scatter", x=[x[i] for i in faded], y=[values[i] for i in faded], mode="markers",
            name=signal_words.SERIES_BEFORE_CHANGE, marker=dict(symbol="circle", size=9, color="white", opacity=0.6),
            hoverinfo="skip",
        ))
    if model.has_norm:
        data.append(dict(
            type="scatter", x=x, y=[p.norm for p in points], mode="lines", name=texts.SERIES_NORM,
            line=dict(color=INK, width=1.5, dash="dash", shape="hv"),
            customdata=[fmt.axis_number(p.norm, unit) for p in points],
            hovertemplate=texts.SERIES_NORM + " %{x}: %{customdata}<extra></extra>",
        ))
    if special := model.special:
        data.append(dict(
            type="scatter", x=[x[i] for i in special], y=[values[i] for i in special], mode="markers",
            name=texts.SERIES_SPECIAL, marker=dict(symbol="diamond", size=13, color=VERMILLION,
                                                   line=dict(color="white", width=1)),
            customdata=[shown[i] for i in special],
            hovertemplate=texts.SERIES_SPECIAL + " %{x}: %{customdata}<extra></extra>",
        ))
    for marker in model.markers:
        data.append(dict(
            type="scatter", x=[x[marker.index]], y=[values[marker.index]], mode="markers", name=texts.SERIES_NOTE,
            marker=dict(symbol="square-open", size=17, color=INK, line=dict(width=2, color=INK)),
            customdata=[marker.text.replace("\n\n", "<br>")], hovertemplate="%{customdata}<extra></extra>",
        ))
    if model.band is not None:
        data.append(_forecast_band(x[-1], values[-1], model.band, unit))
    largest = _largest([v for trace in data for v in trace["y"]] + list(model.band or ())
                       + [segment.value for segment in model.national])
    layout = _layout(title, subtitle, unit, height=320, value_axis="y", largest=largest)
    if model.band is not None:  # a steady year gives a band thinner than the marker: its bounds are written beside it
        low, high = model.band
        layout["annotations"] = [dict(
            x=x[-1], y=high, xref="x", yref="y", showarrow=True, arrowhead=0, arrowcolor=BLUE, ax=-70, ay=-28,
            text=f"{texts.FORECAST_BAND}: {fmt.axis_number(low, unit)} – {fmt.axis_number(high, unit)}",
            font=dict(size=11, color=BLUE), bgcolor="white",
        )]
    layout["shapes"] = [dict(type="line", xref="x", yref="paper", x0=change.index - 0.5, x1=change.index - 0.5,
                             y0=0, y1=1, line=dict(color=INK, width=1.5, dash="dot"))
                        for change in model.process_changes] + _national_shapes(model)
    if model.national:  # a legend entry for the segments (shapes have none) and the latest one's words
        data.append(dict(type="scatter", x=[None], y=[None], mode="lines", name=national_words.SEGMENT_LEGEND,
                         line=dict(color=GREY, width=2.5, dash="dot"), hoverinfo="skip"))
        last = model.national[-1]
        layout["annotations"] = layout.get("annotations", []) + [dict(
            x=last.last + 0.45, y=last.value, xref="x", yref="y", showarrow=False, xanchor="right", yanchor="bottom",
            text=national_words.segment_label(last.period, last.value, unit, last.fictitious),
            font=dict(size=11, color=GREY))]
    layout["annotations"] = layout.get("annotations", []) + [
        dict(x=change.index - 0.5, y=1, xref="x", yref="paper", showarrow=False, xanchor="left", yanchor="top",
             text=change.text, font=dict(size=11, color=INK), bgcolor="white")
        for change in model.process_changes]
    # tickangle auto: labels turn where they would overlap (a phone), and stay level where they fit
    layout["xaxis"] = dict(type="category", tickangle="auto", nticks=8, showgrid=False, tickfont=_FONT, automargin=False,
                           categoryorder="array", categoryarray=x)  # the band may start later than the line
    return _figure(data, layout)


def _national_shapes(model: TrendModel) -> list[dict]:
    """Each national figure as a dotted grey segment over exactly its own points (signals.md §7)."""
    return [dict(type="line", xref="x", yref="y", x0=segment.first - 0.45, x1=segment.last + 0.45,
                 y0=segment.value, y1=segment.value, line=dict(color=GREY, width=2.5, dash="dot"))
            for segment in model.national]


def _forecast_band(x: str, value: float, band: tuple[float, float], unit: str) -> dict:
    """The forecast's band as an error bar on the last point, its bounds in the hover label."""
    low, high = band
    hover = f"{texts.FORECAST_BAND} {fmt.axis_number(low, unit)} – {fmt.axis_number(high, unit)}<extra></extra>"
    return dict(
        type="scatter", x=[x], y=[value], mode="markers", name=texts.FORECAST_BAND,
        marker=dict(size=1, color=BLUE), hovertemplate=hover,
        error_y=dict(type="data", symmetric=False, array=[max(high - value, 0)], arrayminus=[max(value - low, 0)],
                     color=BLUE, thickness=3, width=14),
    )


def fan(model: FanModel, title: str, subtitle: str = "") -> go.Figure:
    """The year-end forecast (levers.chart_model.FanModel, also drawn on paper): cumulative spending realised
    (solid) and corrected for late claims (dashed), then the median outcome with its 80% band, the budget as
    a line (ahead.md §1)."""
    x = list(forecast_words.MONTHS_SHORT)

    def line(path, name: str, **style) -> dict:
        return dict(type="scatter", x=x, y=list(path), mode="lines", name=name, connectgaps=False,
                    customdata=[fmt.axis_number(v, "euro") if v is not None else "" for v in path],
                    hovertemplate=name + " %{x}: %{customdata}<extra></extra>", **style)

    data = [
        line(model.low, forecast_words.BAND, line=dict(width=0, color=SKY), showlegend=False),
        line(model.high, forecast_words.BAND, line=dict(width=0, color=SKY), fill="tonexty", fillcolor=BAND),
        line(model.realised, forecast_words.REALISED, line=dict(color=BLUE, width=2.5)),
        line(model.corrected, forecast_words.CORRECTED, line=dict(color=BLUE, width=2, dash="dash")),
        line(model.median, forecast_words.MEDIAN, line=dict(color=INK, width=2, dash="dot")),
    ]
    if model.budget is not None:
        data.append(line((model.budget,) * 12, forecast_words.BUDGET, line=dict(color=VERMILLION, width=1.5)))
    layout = _layout(title, subtitle, "euro", height=340, value_axis="y", largest=model.largest)
    layout["xaxis"] = dict(type="category", tickangle=0, showgrid=False, tickfont=_FONT, automargin=False,
                           categoryorder="array", categoryarray=x)
    layout["legend"]["traceorder"] = "normal"
    layout["margin"]["r"] = 24  # room for "dec"
    return _figure(data, layout)


def waterfall(steps: Sequence[tuple[str, float]], title: str, subtitle: str = "") -> go.Figure:
    """Spending a year earlier, the volume and price effects, spending now: a waterfall in euros.

    `steps`: (label, amount) with the first and last the two totals and the middle ones the changes
    between them; increases vermillion (cost more), decreases blue, the totals grey.
    """
    labels = [label for label, _ in steps]
    amounts = [float(amount) for _, amount in steps]
    measure = ["absolute", *["relative"] * (len(steps) - 2), "total"]
    shown = [fmt.axis_number(a, "euro") if m != "relative" else ("+" if a >= 0 else "−") + fmt.axis_number(abs(a), "euro")
             for a, m in zip(amounts, measure)]
    bars = dict(
        type="waterfall", x=labels, y=[a if m != "total" else None for a, m in zip(amounts, measure)],
        measure=measure, text=shown, textposition="outside", cliponaxis=False, showlegend=False,
        customdata=shown, hovertemplate="%{x}: %{customdata}<extra></extra>",
        increasing=dict(marker=dict(color=VERMILLION)), decreasing=dict(marker=dict(color=BLUE)),
        totals=dict(marker=dict(color=GREY)), connector=dict(line=dict(color="#9AA5B1", width=1)),
    )
    levels = [*accumulate(amounts[:-1]), amounts[-1]]  # where each bar ends
    layout = _layout(title, subtitle, "euro", height=340, value_axis="y", largest=max(levels))
    # The axis starts near the lowest level, not at 0: the two effects are small beside the totals and would
    # not be seen; the bars' labels give the amounts, so the cut axis hides nothing.
    low, high = min(levels), max(levels)
    pad = max(high - low, abs(high) * 0.02)
    layout["yaxis"].update(rangemode="normal", range=[max(low - 1.5 * pad, 0), high + 1.2 * pad])
    layout["xaxis"] = dict(type="category", tickangle=0, showgrid=False, tickfont=_FONT, automargin=False)
    layout.update(showlegend=False)
    layout["margin"]["b"] = 40  # the labels only: no legend under them
    return _figure([bars], layout)


def counts(labels: Sequence[str], values: Sequence[int | None], shown: Sequence[str], title: str,
           subtitle: str = "") -> go.Figure:
    """Vertical bars of counts in a fixed order (e.g. the waiting list's bands of weeks), one colour.

    `values` are already suppressed (None: not shown); `shown` is each bar's label as it may be read
    (`117`, `<5`, `0`), which a suppressed bar gets as text instead of a height.
    """
    bars = dict(
        type="bar", x=list(labels), y=list(values), showlegend=False, marker=dict(color=BLUE),
        text=list(shown), textposition="outside", cliponaxis=False, customdata=list(shown),
        hovertemplate="%{x}: %{customdata}<extra></extra>",
    )
    annotations = [dict(x=label, y=0, text=text, showarrow=False, yanchor="bottom", font=dict(color=GREY))
                   for label, value, text in zip(labels, values, shown) if value is None]
    largest = _largest(list(values))
    layout = _layout(title, subtitle, "aantal", height=320, value_axis="y", largest=largest)
    if largest > 0:
        layout["yaxis"]["range"] = [0, largest * COMPARISON_ROOM]  # room for the labels above the bars
    layout["xaxis"] = dict(type="category", tickangle=0, showgrid=False, tickfont=_FONT, automargin=False)
    layout.update(showlegend=False, annotations=annotations)
    layout["margin"]["b"] = 40  # the labels only: no legend under them
    return _figure([bars], layout)


COMPARISON_ROOM = 1.2  # the value axis of a comparison runs 20% past its largest value: room for "88,4%"


def comparison(rows: Sequence[tuple[str, IndicatorResult]], unit: str, title: str, subtitle: str = "",
               norm: float | None = None, reference: tuple[str, float] | None = None) -> go.Figure:
    """Horizontal bars, highest on top, coloured by status (with the word in the hover label).

    An indicator without a norm has no status colour to give: its bars are plain blue. `reference`
    (label, value), e.g. the national CBS figure, is a dotted grey line labelled under the plot: context
    beside the bars, never a norm.
    """
    ordered = sorted(rows, key=lambda row: (row[1].value is None, -(row[1].value or 0)))
    labels = [label for label, _ in ordered][::-1]
    results = [result for _, result in ordered][::-1]
    values = [r.value for r in results]
    bars = dict(
        type="bar", y=labels, x=values, orientation="h", showlegend=False,
        marker=dict(color=[bar_colour(r) for r in results]),
        # inside the bar where it fits, so a norm line near the bar's end does not run through its label
        text=[fmt.value(r) for r in results], textposition="auto", cliponaxis=False,
        customdata=[f"{fmt.value(r)} ({r.status})" for r in results],
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    annotations = [  # no bar: show why, never a number
        dict(x=0, y=label, text=fmt.value(result), showarrow=False, xanchor="left", font=dict(color=GREY))
        for label, result in zip(labels, results) if result.value is None
    ]
    largest = _largest(values + ([reference[1]] if reference else []) + ([norm] if norm is not None else []))
    layout = _layout(title, subtitle, unit, height=130 + 30 * len(rows), value_axis="x", largest=largest)
    layout["xaxis"]["showgrid"] = True
    layout["xaxis"]["automargin"] = False
    if largest > 0 and min((v for v in values if v is not None), default=0) >= 0:  # fitted to the values,
        layout["xaxis"]["range"] = [0, largest * COMPARISON_ROOM]  # with room for the labels beside the bars
    layout["yaxis"] = dict(automargin=False, tickfont=_FONT)
    if norm is not None:  # a dashed vertical line over the whole plot, labelled above it
        layout["shapes"] = [dict(type="line", x0=norm, x1=norm, xref="x", y0=0, y1=1, yref="y domain",
                                 line=dict(color=INK, width=1.5, dash="dash"), layer="below")]
        annotations.append(dict(x=norm, y=1, xref="x", yref="y domain", showarrow=False, xanchor="left",
                                yanchor="bottom", text=f"{texts.SERIES_NORM} {fmt.in_unit(norm, unit)}"))
    if reference is not None:
        text, where = reference
        layout.setdefault("shapes", []).append(dict(type="line", x0=where, x1=where, xref="x", y0=0, y1=1,
                                                    yref="y domain", line=dict(color=GREY, width=1.5, dash="dot"),
                                                    layer="below"))
        right = largest > 0 and where > largest * 0.6  # near the right edge the label runs leftwards, not off the plot
        annotations.append(dict(x=where, y=0, xref="x", yref="y domain", showarrow=False,
                                xanchor="right" if right else "left", yanchor="top", yshift=-18, text=text,
                                font=dict(color=GREY)))  # under the ticks
    if annotations:
        layout["annotations"] = annotations
    widest = max((len(label) for label in labels), default=0)  # the names beside the bars set the left margin
    layout.update(showlegend=False, margin=dict(l=12 + round(_TICK_CHAR_PX * widest), r=40, t=64,
                                                b=_BELOW_AXIS_PX // 2 + (18 if reference else 0)))
    return _figure([bars], layout)


def bar_colour(result: IndicatorResult) -> str:
    """The status colour; plain blue for a value that has no norm to be judged by."""
    if result.value is not None and result.norm is None:
        return BLUE
    return STATUS_COLOURS[result.status]


_MOMENT_STYLE = {  # kind -> (colour, marker symbol): the words are on the chart too, never colour alone
    "start": (BLUE, "circle"), "evaluatie": ("#E69F00", "diamond"), "einde": (VERMILLION, "square"),
    "verlenging": (GREY, "square-open"), "vandaag": (INK, "line-ns"),
}


def contract_timeline(moments: Sequence[tuple[str, str, object]], title: str) -> go.Figure:
    """A contract's moments on one date axis: (kind, label, day) each, the term as a bar behind them. Labels
    alternate above and below at two heights, so moments close together stay readable."""
    from datetime import timedelta  # noqa: PLC0415  (only here)

    days = [day for _, _, day in moments]
    data = [{"type": "scatter", "x": [min(days), max(days)], "y": [0, 0], "mode": "lines",
             "line": {"color": "#D0D7DE", "width": 10}, "hoverinfo": "skip", "showlegend": False}]
    notes = []
    for index, (kind, label, day) in enumerate(moments):
        colour, symbol = _MOMENT_STYLE[kind]
        data.append({"type": "scatter", "x": [day], "y": [0], "mode": "markers",
                     "marker": {"color": colour, "symbol": symbol, "size": 18 if kind == "vandaag" else 13,
                                "line": {"width": 2, "color": colour}},
                     "hovertemplate": f"{label}<extra></extra>", "showlegend": False})
        word, _, when = label.rpartition(" ")
        notes.append({"x": day, "y": 0, "text": f"{word}<br>{when}", "showarrow": True, "arrowcolor": colour,
                      "arrowwidth": 1, "ax": 0, "ay": (-34, 34, -70, 70)[index % 4],
                      "font": {**_FONT, "size": 12, "color": colour}})
    pad = timedelta(days=120)
    layout = {"template": _TEMPLATE, "height": 250, "margin": {"l": 20, "r": 20, "t": 36, "b": 30},
              "title": {"text": title, "font": {**_FONT, "size": 14}, "x": 0, "xanchor": "left"},
              "annotations": notes, "yaxis": {"visible": False, "range": [-1.6, 1.6], "fixedrange": True},
              "xaxis": {"type": "date", "tickformat": "%Y", "dtick": "M12", "gridcolor": "#E6E9EE",
                        "tickfont": _FONT, "fixedrange": True, "range": [min(days) - pad, max(days) + pad]}}
    return _figure(data, layout)
