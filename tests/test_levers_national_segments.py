"""A national figure on a trend chart is a segment over its own period, never a line across months
(signals.md §7): the model (levers.chart_model) decides where, both renderers draw it there."""

from __future__ import annotations

from datetime import date

from levers.chart_model import national_segments, trend_model
from levers.national import NationalFigure
from levers.scope import Period, month_end
from levers.series import Series, SeriesPoint
from reports.charts import Box, trend_chart
from reports.document import Document
from tests.fixtures.small_demo import pdf_text
from views import charts

SOURCE = "CBS 85099NED"


def _months(first: tuple[int, int], count: int) -> tuple[SeriesPoint, ...]:
    """`count` monthly points from (year, month) on, each valued 50."""
    points = []
    for step in range(count):
        period = Period.month(*first).shifted(step)
        points.append(SeriesPoint(period.label, period.start, period.end, 50.0, None, None, "grijs", False))
    return tuple(points)


def _figure(period: str, start: date, end: date, value: float, code: str = "jeugdhulp_per_1000") -> NationalFigure:
    return NationalFigure(code, value, SOURCE, period, True, start, end)


H1_2026 = _figure("2026-H1", date(2026, 1, 1), date(2026, 6, 30), 99.6)
H2_2025 = _figure("2025-H2", date(2025, 7, 1), date(2025, 12, 31), 99.0)
YEAR_2025 = _figure("2025", date(2025, 1, 1), date(2025, 12, 31), 98.7)
H1_2025 = _figure("2025-H1", date(2025, 1, 1), date(2025, 6, 30), 98.4)


def test_a_half_year_spans_exactly_its_six_months_and_the_year_that_holds_two_half_years_is_not_drawn_over_them():
    points = _months((2025, 1), 18)  # January 2025 (index 0) to June 2026 (index 17)
    segments = national_segments(points, (YEAR_2025, H1_2025, H2_2025, H1_2026), "jeugdhulp_per_1000")
    # H1 2025: months 0-5, H2 2025: 6-11, H1 2026: 12-17; the year 2025 (0-11) overlaps both halves
    assert [(s.first, s.last, s.value, s.period) for s in segments] == [
        (0, 5, 98.4, "2025-H1"), (6, 11, 99.0, "2025-H2"), (12, 17, 99.6, "2026-H1")]


def test_a_period_the_series_does_not_hold_whole_is_not_drawn_nor_another_indicators_figure():
    points = _months((2025, 4), 12)  # April 2025 to March 2026: H1 2025 starts before it, H1 2026 ends after it
    other = _figure("2025-H2", date(2025, 7, 1), date(2025, 12, 31), 3.0, code="crisis_per_1000")
    segments = national_segments(points, (H1_2025, H2_2025, H1_2026, other), "jeugdhulp_per_1000")
    assert [(s.first, s.last, s.value) for s in segments] == [(3, 8, 99.0)]  # July (3) to December (8) 2025


def test_a_year_series_draws_a_year_figure_on_its_one_point_and_no_half_year():
    points = tuple(SeriesPoint(str(year), date(year, 1, 1), date(year, 12, 31), 50.0, None, None, "grijs", False)
                   for year in (2024, 2025))
    segments = national_segments(points, (H1_2025, YEAR_2025), "jeugdhulp_per_1000")
    assert [(s.first, s.last, s.value) for s in segments] == [(1, 1, 98.7)]


def test_the_screen_draws_each_segment_from_its_first_to_its_last_month_and_never_as_a_monthly_line():
    model = trend_model(Series("jeugdhulp_per_1000", _months((2025, 7), 12)), "per 1.000", national=(H2_2025, H1_2026))
    figure = charts.trend(model, "titel").to_plotly_json()
    shapes = [(s["x0"], s["x1"], s["y0"], s["y1"]) for s in figure["layout"]["shapes"] if s["line"]["dash"] == "dot"]
    # July-December 2025 are categories 0-5 and January-June 2026 6-11; a segment covers its months' width
    assert shapes == [(-0.45, 5.45, 99.0, 99.0), (5.55, 11.45, 99.6, 99.6)]
    assert not any(trace.get("y") and 99.6 in trace["y"] for trace in figure["data"])  # no trace per month
    assert "Nederland 1e helft 2026: 99,6" in [note["text"] for note in figure["layout"]["annotations"]]


def test_the_pdf_draws_the_same_segments_and_names_the_latest():
    model = trend_model(Series("jeugdhulp_per_1000", _months((2025, 7), 12)), "per 1.000", national=(H2_2025, H1_2026))
    doc = Document("Titel", "IJmond")
    doc.add_page()
    trend_chart(doc, Box(20, 40, 120, 40), model)
    assert "Nederland 1e helft 2026: 99,6" in pdf_text(doc.to_bytes())


def test_a_half_year_is_a_period_of_its_own_for_the_pair_but_not_one_users_pick():
    from views.filters import KINDS
    from wording import fmt

    half = Period.of_days(date(2026, 1, 1), month_end(2026, 6))
    assert (half.label, fmt.period_label(half)) == ("2026-H1", "1e helft 2026")
    assert "halfjaar" not in KINDS
