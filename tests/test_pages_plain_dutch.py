"""Texts a new user tripped over (issue 11), read from the pages (AppTest) where they appear.

Figures from tests/fixtures/small_db.py (IJmond, oktober 2026): Velsen's complex budget is
€ 12.000.000 and 10 months of € 1.030.000 forecast 10.300.000 / 10 × 12 = € 12.360.000 (103,0%);
P1 has one open action, overdue; themadekking is 2 of 18 themes = 11,1% against norm 75 − marge 10
(judged for P1 only by a norm row of its own, indicators.md v3).
"""

import duckdb
import pytest

from auth.rights import Rights
from levers.agenda import agenda_items
from levers.result import IndicatorResult
from tests.builders import add_norm
from tests.fixtures.small_db import open_app
from views import db as view_db
from views import charts
from wording import agenda as agenda_words

IJMOND = {"regio": "IJmond"}
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")


@pytest.fixture(scope="module")
def overview(small_env):
    return small_env(params={**IJMOND, "periode": "2026-10"}, rights=CONTRACT_MANAGER)


@pytest.fixture(scope="module")
def partner(small_env):
    return small_env("views/pages/partner.py", params={**IJMOND, "periode": "2026-10", "partner": "P1"},
                     rights=CONTRACT_MANAGER)


def _result(code: str, unit: str, value: float, norm: float, margin: float, status: str) -> IndicatorResult:
    return IndicatorResult(code, "interaction", code, unit, value, None, norm, margin, "higher", status, None,
                           False, None, None)


def test_the_budget_tile_shows_forecast_and_budget_in_euros(overview):
    assert "Prognose € 12.360.000 van € 12.000.000 budget" in [c.value for c in overview.caption]


def test_one_overdue_action_of_one_is_singular(partner):
    assert [w.value for w in partner.warning] == ["1 van de 1 openstaande acties is over de deadline."]


@pytest.fixture
def partner_with_own_norm(own_small_db):
    """P1's page on a private copy where P1 has its own themadekking norm (75, marge 10).

    A region norm does not judge themadekking for one provider (indicators.md v3, "Norms and single
    providers"): without a norm row naming P1 it is grijs and off P1's agenda.
    """
    with duckdb.connect(str(own_small_db)) as con:
        add_norm(con, indicator="themadekking", year=2026, norm=75, margin=10, provider="P1", region="IJmond")
    yield open_app("views/pages/partner.py", params={**IJMOND, "periode": "2026-10", "partner": "P1"},
                   rights=CONTRACT_MANAGER)
    view_db.clear_caches()


def test_the_agenda_states_a_percentage_margin_in_procentpunt(partner_with_own_norm):
    partner = partner_with_own_norm
    # themadekking 11,1% < 75 − 10: rood, "min de marge 10 procentpunt" (not "min de marge 10"). The screen
    # writes the norm as on every tile (75,0%) and, for a higher-is-better figure, "min de marge" (issue 23,
    # wording.agenda.reason); the command line keeps `why`'s "75% van 18 plus de marge".
    whys = [c.value for c in partner.caption if c.value.startswith("Besproken dialoogthema's")]
    assert whys and "slechter dan de norm 75,0% min de marge 10 procentpunt" in whys[0]


def test_one_session_is_one_sessie_not_one_sessies():
    sessions = _result("dialoogsessies", "sessies", 1, 3, 1, "rood")
    (item,) = agenda_items([sessions], discussed_themes=[], theme_names={17: "Kwaliteit"})
    assert agenda_words.why(item).startswith(
        "dialoogsessies: 1 sessie (rood), slechter dan de norm 3 sessies plus de marge 1 sessie;")


def test_the_definition_shows_no_indicator_code(small_env):
    app = small_env("views/pages/boundaries.py", params={**IJMOND, "periode": "2026-10", "indicator": "budgetuitputting"},
                    rights=CONTRACT_MANAGER)
    assert not app.exception
    captions = [c.value for c in app.caption]
    assert not [text for text in captions if text.startswith("Code:") or "`budgetuitputting`" in text]
    assert any("procentpunt" in text for text in captions if text.startswith("Standaardnorm"))  # marge 5 procentpunt


def test_money_on_a_chart_axis_has_a_thousands_dot():
    rows = [("Velsen", _result("kosten_per_jeugdige", "euro", 1500, 1000, 100, "rood")),
            ("Beverwijk", _result("kosten_per_jeugdige", "euro", 900, 1000, 100, "groen"))]
    layout = charts.comparison(rows, "euro", "titel").layout
    axis = layout.xaxis if layout.xaxis.tickprefix else layout.yaxis
    assert (axis.tickprefix, axis.tickformat, layout.separators) == ("€ ", ",.0f", ",.")  # € 1.500


def test_a_year_view_names_the_six_months_its_session_count_covers(small_env):
    app = small_env(params={**IJMOND, "periode": "2025"}, rights=CONTRACT_MANAGER)
    labels = [m.value for m in app.markdown]
    assert "Sessies jul–dec 2025" in labels and "Sessies (6 mnd)" not in labels


def test_export_file_names_on_the_partner_page_are_dutch(small_env, monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager

    names: list[str] = []
    register = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        names.append(file_name)
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    small_env("views/pages/partner.py", params={**IJMOND, "periode": "2026-10", "partner": "P1"},
              rights=CONTRACT_MANAGER)
    # The peers of the first lever: gedeelde waarden, not the code 'shared_values'.
    assert "partner_p1_ijmond_2026-10_gedeelde_waarden.csv" in names
    assert not [name for name in names if any(word in name for word in
                                              ("shared_values", "boundaries", "diagnostics", "interaction"))]


def test_the_overview_title_has_the_whole_width_of_the_page(overview):
    # At 1440 px "Jeugdhulp Achterhoek · oktober 2026 · beide percelen" wrapped in a 4/5 column; now
    # the title is a top-level element and the buttons sit beside the selection caption.
    top_level = [node for node in overview.main.children.values() if hasattr(node, "value")]
    assert overview.title[0].value in [node.value for node in top_level if type(node).__name__ == "Title"]
