"""The Overzicht page on the small fixture database (tests/fixtures/small_db.py has the arithmetic)."""

import pytest

from auth.rights import Rights
from data.store.db import connect
from levers.registry import indicator
from levers.scope import Period, Scope

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}


def _markdown(app) -> list[str]:
    return [element.value for element in app.markdown]


def _shown_values(app) -> list[str]:
    """The bold figures of the tiles (`**1.234** :gray[norm …]`), without asterisks and norm."""
    return [text.split("**")[1] for text in _markdown(app) if text.startswith("**")]


@pytest.fixture(scope="module")
def october_once(small_env):
    """The overview for IJmond, oktober 2026, opened once for the read-only checks."""
    return small_env(params=IJMOND_OCTOBER)


@pytest.fixture
def october(small_app):
    """A fresh overview for tests that change a filter."""
    return small_app(params=IJMOND_OCTOBER)


def test_the_overview_opens_without_an_exception(october_once):
    assert not october_once.exception


def test_the_header_names_region_period_and_percelen(october_once):
    assert october_once.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"


def test_youths_in_care_equal_the_lever_value_in_dutch(october_once, small_db_path):
    # 600 in Velsen + 400 in Beverwijk + 234 in Heemskerk active in oktober 2026 = 1.234
    con = connect(small_db_path)
    assert indicator(con, "unieke_jeugdigen", Scope("IJmond"), Period.parse("2026-10")).value == 1234
    assert "1.234" in _shown_values(october_once)


def test_the_tiles_show_budget_waiting_time_stays_and_cost_the_dutch_way(october_once):
    shown = _shown_values(october_once)
    assert "103,0%" in shown  # 10 × 1.030.000 / 10 × 12 / 12.000.000 × 100
    assert "15 dagen" in shown  # Heemskerk: registered 20-09, started 05-10
    assert "95,1%" in shown  # (1.234 − 60 stays) / 1.234 = 95,14%
    assert "€ 835" in shown  # 1.030.000 / 1.234 = 834,68


def test_every_headline_has_a_status_word_that_says_what_it_means(october_once):
    badges = [text for text in _markdown(october_once) if "-badge[" in text]
    meanings = ("op koers", "let op", "buiten de norm", "geen oordeel")
    assert badges and all(any(word in text for word in meanings) for text in badges)
    assert ":orange-badge[:material/warning: let op]" in badges  # the budget at 103% (norm 100, marge 5)
    assert ":gray-badge[:material/remove: geen oordeel]" in badges  # the reason is beside it ("geen norm")


def test_a_month_shows_the_refusals_of_the_last_reported_quarter_named_beside_the_value(october_once):
    # October 2026: K4 has not ended, so the 2 refusals of 2026-K3 (shown <5) count, rood (signals.md §1);
    # before, the month showed grijs "–" and hid the breach. The Kaders sentence names it.
    shown = _markdown(october_once)
    assert "**<5 (K3 2026)** :small[:gray[norm ≤ 0]]" in shown
    assert "_Strategische partners weigerden verwijzingen (<5), terwijl de acceptatieplicht geldt._" in shown


def test_every_headline_has_two_signal_icons_with_words(october_once):
    variatie = ("gewone variatie", "verbetering", "zorgelijke verandering", "bijzondere variatie", "te weinig punten")
    zekerheid = ("haalt de norm", "haalt de norm niet", "wisselend", "geen norm", "te weinig punten")
    lines = [c.value for c in october_once.caption if c.value.startswith(":material/")]
    assert len(lines) == 12  # three headlines on each of the four tiles
    for line in lines:
        first, second = line.split(" · ")[:2]
        assert first.split(" ", 1)[1] in variatie and second.split(" ", 1)[1] in zekerheid
    # Kosten per jeugdige uses declarations of the latest months: it says so beside its icons.
    assert sum("voorlopig: declaraties t/m okt 2026 mogelijk onvolledig" in line for line in lines) == 2


def test_the_sidebar_names_the_data_date_of_each_kind(october_once):
    captions = [c.value for c in october_once.sidebar.caption]
    assert any(text.startswith("Gegevens t/m: trajecten ") and " · kosten " in text and " · uitkomsten " in text
               and " · dialoog " in text for text in captions)


def test_signals_list_red_before_amber(october_once):
    signals = [text for text in _markdown(october_once) if text[:3] in ("1. ", "2. ", "3. ", "4. ", "5. ")]
    statuses = ["rood" if "red-badge" in text else "oranje" for text in signals]
    assert statuses == sorted(statuses, key=["rood", "oranje"].index)
    assert "rood" in statuses and "oranje" in statuses


def test_choosing_one_municipality_changes_the_figures(october):
    october.sidebar.multiselect(key="filter_gemeente").select("GM0453").run()
    shown = _shown_values(october)
    assert "600" in shown and "1.234" not in shown  # Velsen only
    assert october.query_params["gemeente"] == "GM0453"


def test_choosing_another_month_changes_the_figures(october):
    october.sidebar.selectbox(key="filter_periode").select("2026-09").run()
    assert "1.000" in _shown_values(october)  # Heemskerk's 234 had not started in september
    assert october.title[0].value == "Jeugdhulp IJmond · september 2026 · beide percelen"
    assert october.query_params["periode"] == "2026-09"


def test_a_link_with_query_parameters_restores_every_filter(small_app):
    app = small_app(params={"regio": "IJmond", "gemeente": ["GM0453", "GM0375"], "perceel": "complex",
                            "aanbieder": "P1", "periode": "2026-K3"})
    sidebar = app.sidebar
    assert sidebar.selectbox(key="filter_regio").value == "IJmond"
    assert sidebar.multiselect(key="filter_gemeente").value == ["GM0453", "GM0375"]
    assert sidebar.selectbox(key="filter_perceel").value == "complex"
    assert sidebar.multiselect(key="filter_aanbieder").value == ["P1"]
    assert sidebar.segmented_control(key="filter_soort").value == "kwartaal"
    assert sidebar.selectbox(key="filter_periode").value == "2026-K3"
    assert app.title[0].value == "Jeugdhulp IJmond · 3e kwartaal 2026 · perceel complex"


def test_invalid_query_parameters_fall_back_to_the_defaults_silently(small_app):
    app = small_app(params={"regio": "Atlantis", "perceel": "groot", "periode": "2099-13", "gemeente": "GM9999"})
    assert not app.exception
    assert app.sidebar.selectbox(key="filter_regio").value == "Achterhoek"  # the first region, alphabetically
    assert app.sidebar.multiselect(key="filter_gemeente").value == []
    assert app.sidebar.selectbox(key="filter_perceel").value == "beide"


def test_a_link_to_another_region_does_not_widen_an_aldermans_rights(small_app):
    alderman = Rights(role="bestuurder", regions=("IJmond",))
    app = small_app(params={"regio": "Zuid-Kennemerland", "periode": "2026-10"}, rights=alderman)
    assert app.sidebar.selectbox(key="filter_regio").options == ["IJmond"]
    assert app.title[0].value.startswith("Jeugdhulp IJmond")


def test_the_share_link_holds_the_whole_selection(october_once):
    link = october_once.code[0].value
    assert "regio=IJmond" in link and "periode=2026-10" in link and "perceel=beide" in link


def test_the_reporting_burden_is_stated(october_once):
    # uitkomsten asks afgesloten_trajecten, doelen_behaald, tevredenheid_respondenten, tevredenheid_positief
    # and weigeringen: 5 numbers a quarter, 20 a year
    assert any("5 getallen per perceel per kwartaal (20 per jaar)" in caption.value
               for caption in october_once.caption)
