"""Leak tests: a provider user and a region-X alderman try to see what is not theirs.

Through the link (query parameters), through forged widget values and through the exports; the
assertions search everything the page renders (tests/fixtures/rendered.py) and the exported bytes.

The fixture is the small database (tests/fixtures/small_db.py) plus things that are easy to spot:
- in IJmond a provider P7 "Zorggroep Zevenster" (enkelvoudig, like P2, P3 and P5, so P2 has three
  peers to be compared with anonymously) with 777 clients in Heemskerk, started 15-01-2026 like
  Velsen's 600 (so no region total of a month is P7's alone: 600 + 777 = 1.377 started in January),
  a dialogue with P7 about "Zevenster evaluatie" and an upload by p7@zevenster.nl;
- in Zuid-Kennemerland 487 more clients of P4 "Haarlem Jeugd" in Haarlem (300 + 487 = 787) and a
  region dialogue about "Spaarnestad".
So IJmond in oktober 2026 has 600 + 400 + 234 + 777 = 2.011 youths in care; the provider user P2
(Kinderpraktijk De Duinen) has its own 400 in Beverwijk and 0 in Heemskerk.
"""

import re
from datetime import date, datetime
from functools import partial

import duckdb
import pytest
import streamlit as st

from auth.rights import Rights
from data.store.db import DB_ENV_VAR
from levers.catalogue import of_lever
from tests.builders import HAARLEM, HEEMSKERK, add_dialogue, add_provider, add_trajectory
from tests.fixtures.rendered import downloads, file_text, rendered_text  # noqa: F401 (fixture)
from tests.fixtures.small_db import build_small_db, open_app
from views.navigation import PAGE_FILES

PROVIDER = Rights("aanbieder", regions=("IJmond",), providers=("P2",), email="p2@deduinen.nl")
ALDERMAN = Rights("bestuurder", regions=("IJmond",), email="wethouder@ijmond.nl")
OWN_NAME = "Kinderpraktijk De Duinen"
OTHER_PROVIDERS = {"P1": "Jeugdzorg Kennemerland", "P3": "Samen Verder", "P4": "Haarlem Jeugd",
                   "P5": "De Brug", "P7": "Zorggroep Zevenster"}
P7_YOUTHS = 777
HAARLEM_YOUTHS = 787  # 300 + 487
OCTOBER = {"periode": "2026-10"}
PAGES = {key: path for key, path in PAGE_FILES.items() if key not in ("beheer", "scenario", "contracten")}  # an aanbieder's pages
LEVER_PAGES = {"gedeelde_waarden": "shared_values", "kaders": "boundaries", "data": "diagnostics",
               "interactie": "interaction"}
# Everything a link can ask for: another provider, a municipality where it works, another region.
GREEDY_LINK = {**OCTOBER, "regio": "Zuid-Kennemerland", "aanbieder": ["P7", "P1"], "gemeente": HAARLEM,
               "partner": "P7"}


@pytest.fixture(scope="module")
def leak_db(tmp_path_factory):
    path = build_small_db(tmp_path_factory.mktemp("leaks") / "leaks.duckdb")
    con = duckdb.connect(str(path))
    try:
        add_provider(con, provider="P7", name=OTHER_PROVIDERS["P7"], lot="enkelvoudig", role="overig",
                     certificate_valid_until=date(2027, 6, 30))
        for i in range(P7_YOUTHS):
            add_trajectory(con, client=f"Z{i}", start=date(2026, 1, 15), municipality=HEEMSKERK, provider="P7",
                           lot="enkelvoudig")
        for i in range(HAARLEM_YOUTHS - 300):
            add_trajectory(con, client=f"KX{i}", start=date(2026, 2, 1), municipality=HAARLEM, provider="P4")
        add_dialogue(con, day=date(2026, 10, 1), theme=3, provider="P7", subject="Zevenster evaluatie",
                     action="rapport Zevenster", deadline=date(2026, 12, 1))
        add_dialogue(con, day=date(2026, 10, 2), theme=3, region="Zuid-Kennemerland", subject="overleg Spaarnestad")
        con.execute("insert into uploads (kind, file_name, sha256, row_count, uploader, uploaded_at, scope_replaced) "
                    "values ('uitkomsten', 'uitkomsten_zevenster.csv', 'abc', 1, 'p7@zevenster.nl', $at, 'P7')",
                    {"at": datetime(2026, 11, 2, 9, 0)})
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def app(leak_db):
    """`open_app` on the leak database (module scope: the pages only read it)."""
    shown_errors = st.get_option("client.showErrorDetails")
    st.set_option("client.showErrorDetails", "full")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DB_ENV_VAR, str(leak_db))
        # Router first, then the page: a page opened straight from the greedy link quotes the link's
        # values it ignored (LINK_IGNORED, "aanbieder 'P7'"), which these checks would count as shown.
        yield partial(open_app, direct=False)
    st.set_option("client.showErrorDetails", shown_errors)


def _standalone(number: int) -> re.Pattern:
    """`777` as a number of its own: not inside 1.777, 2777, 0,777 or a hexadecimal id (`…c777e…`)."""
    return re.compile(rf"(?<![\w.,\\]){number}(?!\w)")


def _other_providers_in(text: str) -> list[str]:
    names = [name for name in OTHER_PROVIDERS.values() if name in text]
    codes = [code for code in OTHER_PROVIDERS if re.search(rf"\b{code}\b", text)]
    return names + codes + (["Zevenster"] if "Zevenster" in text else [])


def _region_y_in(text: str) -> list[str]:
    marks = [mark for mark in ("Zuid-Kennemerland", "Haarlem", "Spaarnestad") if mark in text]
    return marks + (["787"] if _standalone(HAARLEM_YOUTHS).search(text) else []) + (
        ["P4"] if re.search(r"\bP4\b", text) else [])


def _tabs(page: str, tab: str) -> dict[str, str]:
    return {f"tabs_{entry.code}": tab for entry in of_lever(LEVER_PAGES[page])} if page in LEVER_PAGES else {}


# --- a provider user ------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_a_provider_sees_no_other_provider_on_any_page_whatever_the_link_asks(app, page):
    at = app(PAGES[page], params=GREEDY_LINK, rights=PROVIDER)
    assert not at.exception
    shown = rendered_text(at)
    assert _other_providers_in(shown) == []
    assert _region_y_in(shown) == []
    assert not _standalone(P7_YOUTHS).search(shown)
    if page == "partner":
        assert at.selectbox(key="partner_provider").options == [OWN_NAME]


@pytest.mark.parametrize("page", LEVER_PAGES)
@pytest.mark.parametrize("tab", ["Per gemeente", "Per aanbieder"])
def test_a_providers_comparison_tabs_name_no_other_provider(app, page, tab):
    at = app(PAGES[page], params=GREEDY_LINK, rights=PROVIDER, state=_tabs(page, tab))
    assert not at.exception
    shown = rendered_text(at)
    assert _other_providers_in(shown) == []
    if tab == "Per gemeente":  # its own rows per municipality: P7's 777 in Heemskerk are not its own
        assert not _standalone(P7_YOUTHS).search(shown)


# Values as if the browser had sent them for the widgets (set before the first run: AppTest itself
# refuses to send a value that is not among a widget's options, a forged request need not).
OCTOBER_WIDGETS = {"filter_soort": "maand", "filter_periode": "2026-10"}


def test_forged_widget_values_do_not_widen_a_providers_view(app):
    forged = {**OCTOBER_WIDGETS, "filter_regio": ["Zuid-Kennemerland"], "filter_aanbieder": ["P7"],
              "filter_gemeente": [HEEMSKERK]}  # another region, another provider, where P7 works
    at = app(PAGES["data"], rights=PROVIDER, state=forged)
    assert not at.exception
    assert at.sidebar.multiselect(key="filter_regio").value == ["IJmond"]
    assert at.sidebar.multiselect(key="filter_aanbieder").value == []
    values = dict(zip([h.value for h in at.subheader][1:], [m.value for m in at.metric if m.label == "Waarde"]))
    assert values["Jeugdigen in zorg"] == "0"  # its own clients in Heemskerk: none (P7 has 777 there)
    assert _other_providers_in(rendered_text(at)) == []


def test_a_forged_partner_choice_falls_back_to_the_providers_own(app):
    at = app(PAGES["partner"], rights=PROVIDER, state={**OCTOBER_WIDGETS, "partner_provider": "P7"})
    assert not at.exception
    assert at.selectbox(key="partner_provider").value == "P2"
    assert _other_providers_in(rendered_text(at)) == []


def test_a_providers_exports_hold_nothing_of_another_provider(app, downloads):
    at = app(PAGES["data"], params=GREEDY_LINK, rights=PROVIDER, state=_tabs("data", "Per aanbieder"))
    files = {button.key: file_text(downloads(button)) for button in at.download_button}
    assert len(files) == 2 * 2  # CSV and Excel: the summary and the comparison of the one card shown (issue 26)
    for key, text in files.items():
        assert _other_providers_in(text) == [], key
        assert _region_y_in(text) == [], key
    # The summary is the region total (the link's P7 is cut away): 600 + 400 + 234 + 777 = 2.011.
    assert "Jeugdigen in zorg;2011;" in files["diagnostics_summary_csv"]
    assert not _standalone(P7_YOUTHS).search(files["diagnostics_summary_csv"])


def test_a_providers_partner_exports_show_peers_only_as_letters(app, downloads):
    at = app(PAGES["partner"], params=GREEDY_LINK, rights=PROVIDER)
    texts = [file_text(downloads(button)) for button in at.download_button if button.key.startswith("partner")]
    assert texts and all(_other_providers_in(text) == [] for text in texts)
    # P3, P5 and P7, its peers in enkelvoudig, appear as letters; which letter is a secret of the process
    assert any(re.search(r"aanbieder [A-Z]\b", text) for text in texts)


def test_a_provider_sees_only_its_own_uploads(app):
    shown = rendered_text(app(PAGES["uploaden"], params=OCTOBER, rights=PROVIDER))
    assert "uitkomsten_zevenster.csv" not in shown and "p7@zevenster.nl" not in shown


def test_a_provider_sees_no_dialogue_with_another_provider(app):
    at = app(PAGES["interactie"], params=OCTOBER, rights=PROVIDER, state={"interaction_dialogue": "actions"})
    assert "Zevenster" not in rendered_text(at)
    at = app(PAGES["interactie"], params=OCTOBER, rights=PROVIDER, state={"interaction_dialogue": "sessions"})
    assert "Zevenster" not in rendered_text(at)


# --- an alderman of IJmond ------------------------------------------------------------------------

@pytest.mark.parametrize("page", [key for key in PAGES if key != "uploaden"])
def test_an_alderman_sees_nothing_of_another_region_whatever_the_link_asks(app, page):
    at = app(PAGES[page], params={**GREEDY_LINK, "aanbieder": "P4", "partner": "P4"}, rights=ALDERMAN)
    assert not at.exception
    assert _region_y_in(rendered_text(at)) == []
    assert at.sidebar.multiselect(key="filter_regio").options == ["IJmond"]


def test_a_forged_region_does_not_widen_an_aldermans_view(app):
    forged = {**OCTOBER_WIDGETS, "filter_regio": ["Zuid-Kennemerland"], "filter_gemeente": [HAARLEM],
              "filter_aanbieder": ["P4"]}
    at = app(PAGES["overzicht"], rights=ALDERMAN, state=forged)
    assert not at.exception
    assert at.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"
    assert _region_y_in(rendered_text(at)) == []
    assert "2.011" in rendered_text(at)  # IJmond's own total: 600 + 400 + 234 + 777


def test_an_aldermans_exports_hold_nothing_of_another_region(app, downloads):
    at = app(PAGES["kaders"], params={**GREEDY_LINK, "aanbieder": "P4", "indicator": "tijdig_gestart"}, rights=ALDERMAN,
             state=_tabs("kaders", "Per gemeente"))
    files = [file_text(downloads(button)) for button in at.download_button]
    assert files and all(_region_y_in(text) == [] for text in files)
    assert any("Velsen" in text for text in files)  # the comparison is IJmond's
