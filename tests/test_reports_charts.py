"""Axis values of the drawn charts (round numbers that cover the data, whole numbers for counts) and the trend model drawn."""

from datetime import date

import pytest

from levers.chart_model import trend_model
from levers.series import Series, SeriesPoint
from reports.charts import _LABEL_SPACE, Box, nice_ticks, trend_chart
from reports.document import Document
from tests.fixtures.small_demo import pdf_text


@pytest.mark.parametrize(("low", "high", "whole", "expected"), [
    (0, 101.9, False, [0, 50, 100, 150]),  # span 101,9 / 3 = 34 → step 50; 100 < 101,9 so 150 closes it
    (0, 90, False, [0, 50, 100]),  # 90 / 3 = 30 → step 50
    (0, 4, False, [0, 2, 4]),  # 4 / 3 = 1,33 → step 2
    (0, 1, False, [0, 0.5, 1]),  # 1 / 3 = 0,33 → step 0,5
    (0, 1, True, [0, 1]),  # a count never gets a tick at 0,5
    (-3, 5.5, False, [-5, 0, 5, 10]),  # 8,5 / 3 = 2,83 → step 5, from −5 (below −3) to 10
    (0, 0, False, [0, 0.5, 1]),  # all zero: the axis runs 0 to 1
    (0, 1446, False, [0, 500, 1000, 1500]),  # 1.446 / 3 = 482 → step 500
])
def test_axis_ticks_are_round_and_cover_the_values(low, high, whole, expected):
    assert nice_ticks(low, high, whole=whole) == pytest.approx(expected)


def _budget_trend_text(band) -> str:
    points = tuple(SeriesPoint(f"2026-{m:02d}", date(2026, m, 1), date(2026, m, 28), value, None, 100.0, "groen", False,
                               band=band if m == 10 else None) for m, value in ((9, 98.0), (10, 103.0)))
    doc = Document("Titel", "IJmond")
    doc.add_page()
    trend_chart(doc, Box(20, 40, 120, 40), trend_model(Series("budgetuitputting", points), "% van budget"))
    return pdf_text(doc.to_bytes())


def test_the_pdf_trend_draws_the_budget_forecasts_band_as_the_screen_does():
    # the screen's band on the last point (views/charts.py), on paper with its bounds written beside it
    assert "95,5% – 110%" in _budget_trend_text((95.5, 110.0))
    assert "95,5%" not in _budget_trend_text(None)


def test_the_pdf_trend_marks_a_process_change_with_a_labelled_line_between_the_same_points_as_the_screen(monkeypatch):
    from levers.process_changes import ProcessChange
    from levers.series import build_series, grain_periods
    from levers.scope import Period
    from views import charts as screen
    from tests.test_levers_signals_independent import CHANGED, _results

    periods = grain_periods(Period.parse("2026-10"))  # 2024-11 … 2026-10; the change starts the 13th point
    series = build_series("instroom", periods, _results("instroom", CHANGED),
                          changes=(ProcessChange(date(2025, 11, 1), "nieuw toegangsteam"),))
    model = trend_model(series, "aantal")
    box = Box(20, 40, 120, 40)
    lines = []
    real_line = Document.line

    def spy(self, x1, y1, x2, y2):
        lines.append((x1, y1, x2, y2))
        return real_line(self, x1, y1, x2, y2)

    monkeypatch.setattr(Document, "line", spy)
    doc = Document("Titel", "IJmond")
    doc.add_page()
    trend_chart(doc, box, model)
    text = pdf_text(doc.to_bytes())
    assert "nieuw toegangsteam" in text
    full_height = [(x1, y1, y2) for x1, y1, x2, y2 in lines if x1 == x2 and y2 - y1 > box.h / 2]
    assert len(full_height) == 1  # one vertical line over the plot: the change
    # 24 points in equal slots: halfway between the 12th and 13th point is the middle of the plot area, which
    # starts _LABEL_SPACE mm right of the box and ends 1 mm before its edge
    left, right = box.x + _LABEL_SPACE, box.x + box.w - 1
    assert full_height[0][0] == pytest.approx((left + right) / 2)
    # the screen draws the same: a dotted line at category 11.5 with the description
    figure = screen.trend(model, "titel")
    assert [(shape.x0, shape.x1) for shape in figure.layout.shapes] == [(11.5, 11.5)]
    assert [note.text for note in figure.layout.annotations] == ["nieuw toegangsteam"]
    # without the change neither draws a line
    lines.clear()
    plain = trend_model(build_series("instroom", periods, _results("instroom", CHANGED)), "aantal")
    other = Document("Titel", "IJmond")
    other.add_page()
    trend_chart(other, box, plain)
    assert not [1 for x1, y1, x2, y2 in lines if x1 == x2 and y2 - y1 > box.h / 2]
    assert not screen.trend(plain, "titel").layout.shapes
