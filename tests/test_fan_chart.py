"""The year-end forecast's fan chart (ahead.md §1) as screen and paper draw it, from a model made by hand."""

from fpdf import FPDF

from levers.chart_model import FanModel
from reports.charts import Box, fan_chart
from reports.document import Document
from views import charts
from wording import forecast as words

NONE6 = (None,) * 6
MODEL = FanModel(
    year=2026, months=6,
    realised=(10.0, 20.0, 30.0, 40.0, 50.0, 55.0, *NONE6),
    corrected=(10.0, 20.0, 30.0, 40.0, 52.0, 62.0, *NONE6),
    median=(*(None,) * 5, 62.0, 72.0, 82.0, 92.0, 102.0, 112.0, 122.0),
    low=(*(None,) * 5, 62.0, 70.0, 78.0, 86.0, 94.0, 102.0, 110.0),
    high=(*(None,) * 5, 62.0, 75.0, 88.0, 101.0, 114.0, 127.0, 140.0),
    budget=115.0, overspend_pct=60.0, budget_month=12,
)


def test_the_screen_draws_the_band_realised_corrected_median_and_budget_per_month():
    figure = charts.fan(MODEL, words.fan_title(MODEL))
    by_name = {trace.name: trace for trace in figure.data if trace.showlegend is not False}
    assert list(by_name) == [words.BAND, words.REALISED, words.CORRECTED, words.MEDIAN, words.BUDGET]
    assert list(by_name[words.REALISED].x) == ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                                              "nov", "dec"]
    assert list(by_name[words.CORRECTED].y[:6]) == [10.0, 20.0, 30.0, 40.0, 52.0, 62.0]
    assert by_name[words.MEDIAN].y[-1] == 122.0 and by_name[words.BAND].y[-1] == 140.0
    assert set(by_name[words.BUDGET].y) == {115.0}
    assert by_name[words.CORRECTED].line.dash == "dash"


def test_the_title_says_when_the_budget_runs_out_and_how_likely_overspending_is():
    assert words.fan_title(MODEL) == "Het budget 2026 is naar verwachting in december op (kans op overschrijding 60%)"
    holds = FanModel(**{**MODEL.__dict__, "budget_month": None, "overspend_pct": 10.0})
    assert words.fan_title(holds) == "Het budget 2026 houdt naar verwachting stand (kans op overschrijding 10%)"


def test_paper_draws_the_fan_within_its_box_on_one_page():
    doc = Document("Test", "fan")
    doc.add_page()
    doc.set_y(40)
    fan_chart(doc, Box(18, 40, 174, 62), MODEL)
    assert isinstance(doc, FPDF) and doc.page_no() == 1
    assert 40 <= doc.get_y() <= 40 + 62  # the legend's line is the last thing drawn, inside the box


def test_the_subtitle_says_when_the_correction_comes_from_all_regions():
    pooled = FanModel(**{**MODEL.__dict__, "pooled": True})
    assert words.fan_subtitle(MODEL) == words.FAN_SUBTITLE
    assert words.fan_subtitle(pooled).endswith("correctie uit alle regio's: te weinig eigen historie")
