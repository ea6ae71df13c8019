"""Who may open which page (design.md, "Who sees what"), through the router as a browser reaches it.

For every role: each page it may see opens and shows what it should; each page it may not see is
not in the navigation, does not open by its URL, and refuses on its own when run directly. The
expected page lists are written out here by hand from the design, not taken from auth/pages.py.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from auth.rights import Rights
from tests.fixtures.rendered import widget_keys
from views.session import ACCOUNT_KEY, RIGHTS_KEY

ROOT = Path(__file__).resolve().parents[1]
OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
USERS = {
    "bestuurder": Rights("bestuurder", regions=("IJmond",), email="wethouder@ijmond.nl"),
    "contractmanager": Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl"),
    "aanbieder": Rights("aanbieder", regions=("IJmond",), providers=("P1",), email="p1@kennemerland.nl"),
    "beheerder": Rights("beheerder", email="beheer@regio.nl"),
}
PAGES = {  # url path → page file, title
    "overzicht": ("views/pages/overview.py", "Jeugdhulp IJmond · oktober 2026 · beide percelen"),
    "gedeelde_waarden": ("views/pages/shared_values.py", "Gedeelde waarden"),
    "kaders": ("views/pages/boundaries.py", "Kaders en randvoorwaarden"),
    "data": ("views/pages/diagnostics.py", "Data en informatie"),
    "interactie": ("views/pages/interaction.py", "Interactie en dialoog"),
    "partner": ("views/pages/partner.py", "Partner"),
    "scenario": ("views/pages/scenario.py", "Scenario"),
    "contracten": ("views/pages/contracts.py", "Contracten IJmond"),
    "uploaden": ("views/pages/upload.py", "Uploaden"),
    "beheer": ("views/pages/admin.py", "Beheer"),
}
READING = ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner")
ALLOWED = {
    "bestuurder": READING + ("contracten", "scenario"),  # reads its regions (and their contracts), uploads nothing
    "contractmanager": READING + ("contracten", "scenario", "uploaden", "beheer"),  # Beheer: its process changes
    "aanbieder": READING + ("uploaden",),  # its own uitkomsten only; no contracts, no scenarios (ahead.md §2, §3)
    "beheerder": READING + ("contracten", "scenario", "uploaden", "beheer"),
}
IJMOND_PROVIDERS = ["De Brug", "Jeugdzorg Kennemerland", "Kinderpraktijk De Duinen", "Samen Verder"]
ALLOWED_PAIRS = [(role, page) for role, pages in ALLOWED.items() for page in pages]
FORBIDDEN_PAIRS = [(role, page) for role in ALLOWED for page in PAGES if page not in ALLOWED[role]]


def _shown_on(at: AppTest, role: str, page: str) -> None:
    """What each page must show for the role (beyond its title)."""
    if page == "overzicht":
        assert "**1.234**" in [m.value.split(" ")[0] for m in at.markdown]  # the region total, for every role
    elif page == "partner":
        options = at.selectbox(key="partner_provider").options
        assert options == (["Jeugdzorg Kennemerland"] if role == "aanbieder" else IJMOND_PROVIDERS)
    elif page == "uploaden":
        kinds = at.selectbox[0].options
        assert len(kinds) == (1 if role == "aanbieder" else 12)  # one kind, or detection + the eleven kinds
    elif page == "contracten":  # the small database holds no contract yet
        assert [info.value for info in at.info] == [
            "Voor IJmond zijn nog geen contracten vastgelegd. Een beheerder voegt ze toe op de pagina Beheer."]
    elif page == "beheer" and role == "contractmanager":
        assert not at.tabs and "**Procesbreuk vastleggen**" in [m.value for m in at.markdown]
    elif page == "beheer":
        assert [tab.label for tab in at.tabs] == ["Auditlog", "Gebruikers", "Normen", "Contracten", "Procesbreuken"]
    elif page == "scenario":  # the levers at 0 and the outcome beside the baseline
        assert at.select_slider(key="sc_t_complex").value == 0.0
        assert [metric.label for metric in at.metric] == ["Prognose jaareinde 2026", "Verwacht 2027"]
    else:
        assert len(at.dataframe[0].value) >= 3  # the lever's indicators in one table (issue 26)
        assert [metric.label for metric in at.metric].count("Waarde") == 1  # and one indicator's card


@pytest.mark.parametrize(("role", "page"), ALLOWED_PAIRS)
def test_every_role_opens_every_page_it_may_see(small_app, role, page):
    path, title = PAGES[page]
    at = small_app(path, params=OCTOBER, rights=USERS[role])
    assert not at.exception
    assert at.title[0].value == title
    _shown_on(at, role, page)
    assert not widget_keys(at) & {RIGHTS_KEY, ACCOUNT_KEY}  # no widget can set an identity


@pytest.mark.parametrize(("role", "page"), FORBIDDEN_PAIRS)
def test_a_page_a_role_may_not_see_is_not_in_its_navigation(small_app, role, page):
    at = small_app(params=OCTOBER, rights=USERS[role])
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES[page][0])


@pytest.mark.parametrize(("role", "page"), FORBIDDEN_PAIRS)
def test_a_page_a_role_may_not_see_does_not_open_by_its_url(small_app, role, page):
    at = small_app(params=OCTOBER, rights=USERS[role])
    at._page_hash = calc_hash(page)  # noqa: SLF001 — what a browser asks for at /<page>
    at.run()
    assert not at.exception
    assert at.title[0].value == PAGES["overzicht"][1]  # Streamlit's fallback: the default page
    assert PAGES[page][1] not in [title.value for title in at.title]
    assert len(at.file_uploader) == 0 and not at.tabs


@pytest.mark.parametrize(("role", "page"), FORBIDDEN_PAIRS)
def test_a_page_a_role_may_not_see_refuses_when_run_without_the_router(small_env, role, page):
    at = AppTest.from_file(str(ROOT / PAGES[page][0]), default_timeout=60)
    at.session_state[RIGHTS_KEY] = USERS[role]
    at.run()
    assert not at.exception
    assert [error.value for error in at.error] == ["U heeft geen toegang tot deze pagina."]
    assert not at.title and len(at.file_uploader) == 0


def test_the_demo_role_switcher_shows_each_role_only_its_own_pages(small_app):
    at = small_app(params=OCTOBER)  # no accounts in the fixture: demo mode, as beheerder
    at.switch_page(PAGES["beheer"][0]).run()
    assert at.title[0].value == "Beheer"
    at.sidebar.selectbox(key="demo_rol").set_value("bestuurder").run()
    assert at.title[0].value == PAGES["overzicht"][1]  # Beheer is gone: back on the default page
    for page in ("uploaden", "beheer"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(PAGES[page][0])
    at.sidebar.selectbox(key="demo_rol").set_value("aanbieder").run()
    at.sidebar.selectbox(key="demo_aanbieder").set_value("P2").run()
    at.switch_page(PAGES["partner"][0]).run()
    assert at.selectbox(key="partner_provider").options == ["Kinderpraktijk De Duinen"]
    assert not widget_keys(at) & {RIGHTS_KEY, ACCOUNT_KEY}
