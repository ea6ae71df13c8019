"""No English where the user reads (issue 11): pickers, unknown pages and links, the demo switcher.

Streamlit writes some texts itself in the browser; what the API can set is checked here through
AppTest: every multiselect has a Dutch placeholder and no English "Select all", an unknown page or
an unknown link value is told in Dutch, and the demo role survives a reload through the URL.
"""

import pytest
from streamlit.runtime.pages_manager import PagesManager

from auth.rights import Rights
from views import session

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")


@pytest.mark.parametrize(("page", "params", "rights", "state"), [
    (None, IJMOND_OCTOBER, CONTRACT_MANAGER, {}),  # the sidebar's municipalities and providers
    ("views/pages/partner.py", {**IJMOND_OCTOBER, "partner": "P1"}, CONTRACT_MANAGER, {}),  # the dialogue forms
    ("views/pages/admin.py", {}, Rights("beheerder"), {"admin_tabs": "Gebruikers"}),  # a new user's regions, codes
])
def test_every_multiselect_has_a_dutch_placeholder_and_no_select_all(small_env, page, params, rights, state):
    app = small_env(page, params=params, rights=rights, state=state)
    assert not app.exception
    pickers = list(app.multiselect)  # the main area's and the sidebar's
    assert pickers
    for picker in pickers:
        assert picker.proto.placeholder.strip().startswith(("Kies", "Alle")), picker.label  # not "Choose options"
        assert picker.proto.select_all == 0, picker.label  # Streamlit's "Select all" cannot be translated


def test_a_link_with_an_unknown_region_says_in_dutch_what_was_ignored(small_env):
    app = small_env(params={"regio": "Nergensland", "periode": "2099-13"}, rights=CONTRACT_MANAGER)
    assert not app.exception
    # what came from the link is shown as text: its Markdown escaped (issue 22, point 12)
    assert [w.value for w in app.warning] == [
        "Uit de link is niet gebruikt (onbekend, of niet voor u beschikbaar): regio ‘Nergensland’\\, "
        "periode ‘2099\\-13’. U ziet de standaardkeuze."]
    assert app.title[0].value.startswith("Jeugdhulp IJmond")


def test_a_link_the_user_may_follow_in_full_shows_no_warning(small_env):
    app = small_env(params={**IJMOND_OCTOBER, "perceel": "complex", "gemeente": "GM0453"}, rights=CONTRACT_MANAGER)
    assert not app.warning


def _browser_asks_for(monkeypatch, path: str) -> None:
    """As if the URL were /<path>: the first script intent names that page."""
    asked = PagesManager.set_script_intent
    calls = []

    def asking(self, page_hash, page_name):
        calls.append(page_name)
        asked(self, page_hash, path if len(calls) == 1 else page_name)

    monkeypatch.setattr(PagesManager, "set_script_intent", asking)


def test_an_unknown_page_is_told_in_dutch_and_the_overview_opens(small_env, monkeypatch):
    _browser_asks_for(monkeypatch, "nergens")
    app = small_env(params=IJMOND_OCTOBER, rights=CONTRACT_MANAGER)
    assert not app.exception
    assert [w.value for w in app.warning] == [
        "De pagina ‘nergens’ bestaat niet, of is niet beschikbaar voor uw rol. U ziet daarom het overzicht."]
    assert app.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"


def test_the_overview_by_its_own_name_opens_without_a_warning(small_env, monkeypatch):
    _browser_asks_for(monkeypatch, "overzicht")  # the menu's default page lives at "/", not at /overzicht
    app = small_env(params=IJMOND_OCTOBER, rights=CONTRACT_MANAGER)
    assert not app.exception and not app.warning
    assert app.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"


def test_the_demo_role_is_kept_in_the_link_and_restored_after_a_reload(small_env):
    app = small_env(params=IJMOND_OCTOBER)  # no account in the fixture database: demo mode
    assert app.sidebar.selectbox(key=session.DEMO_ROLE).value == "beheerder"
    assert session.DEMO_ROLE not in app.query_params  # the default role needs no parameter
    app.sidebar.selectbox(key=session.DEMO_ROLE).set_value("aanbieder").run()
    app.sidebar.selectbox(key=session.DEMO_PROVIDER).set_value("P3").run()
    link = {name: app.query_params[name] for name in app.query_params}
    assert link[session.DEMO_ROLE] == "aanbieder" and link[session.DEMO_PROVIDER] == "P3"
    reloaded = small_env(params=link)  # a new session
    assert not reloaded.exception
    assert reloaded.sidebar.selectbox(key=session.DEMO_ROLE).value == "aanbieder"
    assert reloaded.sidebar.selectbox(key=session.DEMO_PROVIDER).value == "P3"
    assert reloaded.sidebar.selectbox(key=session.DEMO_REGION).value == "IJmond"


def test_the_uploader_and_an_empty_date_field_read_dutch_where_css_can_say_it(small_env):
    app = small_env("views/pages/upload.py", rights=CONTRACT_MANAGER)
    styles = "\n".join(element.proto.body for element in app.get("html"))
    # Streamlit's "Upload" and "100MB per file • CSV, TXT, XLSX" are hidden and replaced, as is "yyyy".
    assert 'content: "Bestand kiezen"' in styles
    assert 'content: "of sleep het hierheen · tot 100 MB"' in styles
    assert '[data-type="year"][data-placeholder]::after { content: "jjjj"' in styles
    assert '[data-testid="InputInstructions"] > :first-child { display: none; }' in styles  # "Press Enter to …"
    assert '[data-testid="stFileChipName"] + * { display: none; }' in styles  # "356.0B" beside the file name
