"""Charts: Dutch separators, the norm drawn in, special causes marked, suppressed figures nowhere."""

from datetime import date

import pytest

from levers.chart_model import trend_model
from levers.reasons import Reason
from levers.result import IndicatorResult
from levers.scope import Period
from levers.series import Series, SeriesPoint
from levers.variation import variation
from views import charts


def _point(month: int, value, *, label=None, special=False, norm=42.0):
    period = Period.month(2026, month)
    return SeriesPoint(period.label, period.start, period.end, value, label, norm, "groen", special)


def _result(value, status="groen", label=None):
    return IndicatorResult(
        code="weigeringen", lever="boundaries", name="Weigeringen", unit="aantal", value=value, value_label=label,
        norm=0, margin=0, better="lower", status=status, reason=None, is_suppressed=label is not None,
        denominator=None, denominator_label=None,
    )


def test_a_trend_uses_a_decimal_comma_and_dutch_month_names():
    fig = charts.trend(trend_model(Series("x", (_point(9, 30.0), _point(10, 31.5))), "dagen"), "titel")
    assert fig.layout.separators == ",."
    assert list(fig.data[0].x) == ["sep 2026", "okt 2026"]
    assert list(fig.data[0].customdata) == ["30 dagen", "31,5 dagen"]


def test_a_trend_draws_the_norm_and_marks_a_special_cause():
    fig = charts.trend(trend_model(Series("x", (_point(9, 30.0), _point(10, 80.0, special=True))), "dagen"), "titel")
    names = [trace.name for trace in fig.data]
    assert names == ["Waarde", "Norm", "Bijzondere variatie"]
    assert list(fig.data[1].y) == [42.0, 42.0]
    assert list(fig.data[2].x) == ["okt 2026"] and list(fig.data[2].y) == [80.0]


def test_a_suppressed_point_is_a_gap_without_a_hover_figure():
    series = Series("x", (_point(8, 12.0), _point(9, None, label="<5"), _point(10, 7.0)))
    fig = charts.trend(trend_model(series, "aantal"), "t")
    assert list(fig.data[0].y) == [12.0, None, 7.0]
    assert fig.data[0].customdata[1] == "–"


def test_a_comparison_never_draws_a_suppressed_bar_and_labels_it_instead():
    rows = [("Velsen", _result(12.0, "rood")), ("Heemskerk", _result(None, "grijs", label="<5"))]
    fig = charts.comparison(rows, "aantal", "titel", "Weigeringen", norm=0)
    bars = fig.data[0]
    assert dict(zip(bars.y, bars.x)) == {"Velsen": 12.0, "Heemskerk": None}
    assert dict(zip(bars.y, bars.text)) == {"Velsen": "12", "Heemskerk": "<5"}
    assert [a.text for a in fig.layout.annotations if a.y == "Heemskerk"] == ["<5"]


def test_bars_without_a_norm_are_plain_blue():
    free = IndicatorResult(
        code="unieke_jeugdigen", lever="diagnostics", name="Jeugdigen", unit="aantal", value=600.0, value_label=None,
        norm=None, margin=None, better=None, status="grijs", reason=Reason.NO_NORM, is_suppressed=False,
        denominator=None, denominator_label=None,
    )
    assert list(charts.comparison([("Velsen", free)], "aantal", "t").data[0].marker.color) == ["#0072B2"]


def test_a_chart_states_its_finding_as_title_and_the_indicator_as_subtitle():
    fig = charts.trend(trend_model(Series("x", (_point(10, 30.0),)), "dagen"), "30 dagen in oktober 2026", "Wachttijd")
    assert fig.layout.title.text == "30 dagen in oktober 2026"
    assert fig.layout.title.subtitle.text == "Wachttijd"


def test_comparison_bars_carry_the_status_word_and_an_okabe_ito_colour():
    rows = [("Velsen", _result(12.0, "rood")), ("Beverwijk", _result(0.0, "groen"))]
    fig = charts.comparison(rows, "aantal", "titel")
    bars = fig.data[0]
    assert dict(zip(bars.y, bars.customdata)) == {"Velsen": "12 (rood)", "Beverwijk": "0 (groen)"}
    assert dict(zip(bars.y, bars.marker.color)) == {"Velsen": "#D55E00", "Beverwijk": "#009E73"}


def test_comparison_bars_put_the_highest_value_on_top():
    rows = [("A", _result(1.0)), ("B", _result(3.0)), ("C", _result(None, "grijs", label="<5"))]
    fig = charts.comparison(rows, "aantal", "titel")
    assert list(fig.data[0].y) == ["C", "A", "B"]  # plotly draws the first category at the bottom


def test_a_comparison_of_shares_runs_just_past_its_largest_value_and_keeps_the_national_label_inside():
    rows = [("Velsen", _result(60.0)), ("Beverwijk", _result(75.0)), ("Heemskerk", _result(88.0))]
    fig = charts.comparison(rows, "%", "Gemeenten vergeleken", norm=90.0, reference=("Nederland 89,9%", 89.9))
    assert tuple(fig.layout.xaxis.range) == pytest.approx((0, 90.0 * 1.2))  # the norm is the largest: 108%, not 300%
    national = next(a for a in fig.layout.annotations if a.text == "Nederland 89,9%")
    assert national.xanchor == "right"  # 89,9 lies in the right part: the label runs leftwards, inside the plot


def test_a_trend_draws_its_process_limits_as_a_band_clipped_to_the_units_range():
    # [90, 100] × 6: CL 95, mR̄ 10, limits 95 ± 26.6 = [68.4, 121.6]; a share stops at 100.
    values = [90.0, 100.0] * 6
    points = tuple(_point(month, value, norm=90.0) for month, value in zip(range(1, 13), values))
    fig = charts.trend(trend_model(Series("zonder_verblijf", points, variation(values, "higher", 90.0)), "%"), "titel")
    lower, upper = fig.data[0], fig.data[1]
    assert (lower.name, upper.name, upper.fill) == ("Procesgrenzen", "Procesgrenzen", "tonexty")
    assert list(lower.y) == pytest.approx([68.4] * 12) and list(upper.y) == [100.0] * 12


def test_voorlopige_points_are_hollow_and_named_in_the_legend():
    points = (_point(9, 30.0), SeriesPoint("2026-10", date(2026, 10, 1), date(2026, 10, 31), 31.0, None, 42.0,
                                           "groen", False, True))
    fig = charts.trend(trend_model(Series("kosten_per_jeugdige", points), "euro"), "titel")
    line = next(trace for trace in fig.data if trace.name == "Waarde")
    assert list(line.marker.symbol) == ["circle", "circle-open"]
    assert "Voorlopig" in [trace.name for trace in fig.data]


@pytest.mark.parametrize(("value", "unit", "widest"), [
    (12_133.0, "aantal", "20.000"),  # ticks up to 12.133 stay under 20.000: six characters
    (77.3, "%", "100%"),
    (203.4, "dagen", "500"),  # days: the axis has no unit, the title says it
    (1_378.0, "euro", "€ 2.000"),
])
def test_a_trend_sets_margins_wide_enough_for_its_value_labels_so_plotly_draws_it_once(value, unit, widest):
    fig = charts.trend(trend_model(Series("x", (_point(9, value / 2), _point(10, value))), unit), "titel")
    assert fig.layout.yaxis.automargin is False and fig.layout.xaxis.automargin is False
    assert fig.layout.margin.l == 12 + round(7.5 * (len(widest) + 1))  # a character spare, for a minus sign
    assert fig.layout.margin.b == 80  # the month labels with the legend under them


def test_a_comparison_leaves_room_for_the_longest_name_beside_its_bars():
    rows = [("Velsen", _result(12.0, "rood")), ("Bergen op Zoom", _result(3.0))]
    fig = charts.comparison(rows, "aantal", "titel", "Weigeringen", norm=0)
    assert fig.layout.yaxis.automargin is False
    assert fig.layout.margin.l == 12 + round(7.5 * len("Bergen op Zoom"))


def test_a_trends_legend_hangs_below_its_axis_so_a_narrow_screen_wraps_it_downwards_not_onto_the_plot():
    fig = charts.trend(trend_model(Series("x", (_point(9, 40.0), _point(10, 50.0))), "%"), "titel")
    assert (fig.layout.legend.yanchor, fig.layout.legend.y < 0) == ("top", True)
    assert fig.layout.xaxis.tickangle == "auto"  # labels turn where they would collide (390 px), level elsewhere


def test_a_comparisons_norm_line_runs_under_the_bars_and_their_values_stand_inside_where_they_fit():
    rows = [("Velsen", _result(88.0, "oranje")), ("Beverwijk", _result(91.0))]
    fig = charts.comparison(rows, "%", "titel", norm=90.0)
    assert fig.data[0].textposition == "auto"
    assert [shape.layer for shape in fig.layout.shapes] == ["below"]
