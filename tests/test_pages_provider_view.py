"""What a provider user sees (issue 11): its own name, its own uploads, what it has to deliver next.

Figures from tests/fixtures/small_db.py: P1 (Jeugdzorg Kennemerland, complex) delivered outcomes
for the 3rd quarter of 2026 (01-07 to 30-09); P2 (Kinderpraktijk De Duinen) delivered nothing.
A quarter is due 45 days after its last day (signals.md §1).
"""

from datetime import date

import duckdb
import pytest

from auth.rights import Rights
from data.ingest.load import load_file
from levers.deliveries import next_due
from tests.builders import VELSEN, add_budget
from tests.fixtures.small_db import open_app
from views import filters

UPLOAD = "views/pages/upload.py"
IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
P1_DEMO = Rights("aanbieder", regions=("IJmond",), providers=("P1",))  # demo mode: no e-mail address
P2_DEMO = Rights("aanbieder", regions=("IJmond",), providers=("P2",))
OUTCOMES = ("periode;aanbieder;perceel;afgesloten_trajecten;doelen_behaald;tevredenheid_respondenten;"
            "tevredenheid_positief;weigeringen;toelichting\r\n{quarter};{provider};complex;10;5;10;8;0;\r\n")
BUDGET = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;GM0375;complex;;2500000\r\n"


@pytest.fixture
def db_file(own_small_db):
    return own_small_db


def _store(path, text: str, name: str) -> None:
    con = duckdb.connect(str(path))
    try:
        report = load_file(con, text.encode(), name, uploader="demo")
        assert report.stored, report.errors
    finally:
        con.close()


def test_a_provider_is_told_whose_figures_it_sees_and_gets_no_municipality_comparison(db_file):
    app = open_app(params=IJMOND_OCTOBER, rights=P1_DEMO)
    assert not app.exception
    # Without a choice a provider sees the region's totals (design.md), said as such, not "alle aanbieders".
    assert app.caption[0].value == ("Gemeenten: alle gemeenten van de regio · Cijfers van de hele regio; kies bij "
                                    "Aanbieders uw organisatie voor uw eigen cijfers")
    assert "Gemeenten vergeleken" not in [header.value for header in app.subheader]
    assert "Signalen" in [header.value for header in app.subheader]
    own = open_app(params={**IJMOND_OCTOBER, "aanbieder": "P1"}, rights=P1_DEMO)
    assert own.caption[0].value == "Gemeenten: alle gemeenten van de regio · Aanbieder: Jeugdzorg Kennemerland"
    assert "1.234" not in [m.value.split("**")[1] for m in own.markdown if m.value.startswith("**")]  # P1: 600


def test_a_region_user_still_compares_municipalities(db_file):
    app = open_app(params=IJMOND_OCTOBER, rights=Rights("contractmanager", regions=("IJmond",)))
    assert "Gemeenten vergeleken" in [header.value for header in app.subheader]
    assert "Aanbieders: alle aanbieders" in app.caption[0].value


def test_a_provider_lists_only_its_own_uploads_even_in_demo_mode(db_file):
    # Three uploads by the shared demo actor: the region's budget, P1's outcomes and P3's outcomes.
    _store(db_file, BUDGET, "budget_2027.csv")
    _store(db_file, OUTCOMES.format(quarter="2026-K2", provider="P1"), "uitkomsten_p1.csv")
    _store(db_file, OUTCOMES.format(quarter="2026-K2", provider="P3"), "uitkomsten_p3.csv")
    provider = open_app(UPLOAD, rights=P1_DEMO)
    assert not provider.exception
    assert list(provider.dataframe[-1].value["Bestand"]) == ["uitkomsten_p1.csv"]
    manager = open_app(UPLOAD, rights=Rights("beheerder"))
    assert sorted(manager.dataframe[-1].value["Bestand"]) == ["budget_2027.csv", "uitkomsten_p1.csv",
                                                               "uitkomsten_p3.csv"]


@pytest.mark.parametrize(("provider", "today", "quarter", "deadline", "overdue"), [
    # P1 delivered K3 2026: next is K4 2026, due 31-12-2026 + 45 days = 14-02-2027.
    ("P1", date(2026, 11, 29), "2026-K4", date(2027, 2, 14), False),
    # P2 delivered nothing: K3 2026 is due 30-09-2026 + 45 days = 14-11-2026 — passed on 29-11.
    ("P2", date(2026, 11, 29), "2026-K3", date(2026, 11, 14), True),
    ("P2", date(2026, 10, 1), "2026-K3", date(2026, 11, 14), False),
    # On a quarter's last day that quarter is still running: the one before is the ended one.
    ("P2", date(2026, 9, 30), "2026-K2", date(2026, 8, 14), True),
])
def test_the_quarter_due_next_and_its_deadline(db_file, provider, today, quarter, deadline, overdue):
    con = duckdb.connect(str(db_file))
    try:
        due = next_due(con, [provider], today)
    finally:
        con.close()
    assert (due.quarter.label, due.deadline, due.overdue) == (quarter, deadline, overdue)


def test_the_upload_page_tells_a_provider_what_is_due_and_by_when(db_file, monkeypatch):
    monkeypatch.setattr(filters, "today", lambda: date(2026, 11, 29))
    p1 = open_app(UPLOAD, rights=P1_DEMO)
    assert [m.value for m in p1.info] == [
        "Volgende aanlevering: uitkomsten over het 4e kwartaal 2026, uiterlijk 14-02-2027."]
    p2 = open_app(UPLOAD, rights=P2_DEMO)
    assert [m.value for m in p2.warning] == [
        "De uitkomsten over het 3e kwartaal 2026 hadden uiterlijk 14-11-2026 binnen moeten zijn; "
        "lever ze zo snel mogelijk aan."]


def test_the_provider_filter_offers_only_the_providers_of_the_chosen_perceel(db_file):
    app = open_app(params={**IJMOND_OCTOBER, "perceel": "complex"},
                   rights=Rights("contractmanager", regions=("IJmond",)))
    # complex: P1 (complex) and P3 (both percelen); not P2 and P5 (enkelvoudig).
    assert app.multiselect(key="filter_aanbieder").options == ["Jeugdzorg Kennemerland", "Samen Verder"]
    app.selectbox(key="filter_perceel").set_value("enkelvoudig").run()
    assert app.multiselect(key="filter_aanbieder").options == ["De Brug", "Kinderpraktijk De Duinen",
                                                               "Samen Verder"]


def test_a_provider_over_its_own_budget_is_a_signal_on_the_overview(db_file):
    con = duckdb.connect(str(db_file))
    try:  # P1's own budget in Velsen: its spending of 10 × 1.030.000 forecasts 12.360.000 = 125,0% of 9.888.000
        add_budget(con, year=2026, budget=9_888_000, municipality=VELSEN, lot="complex", provider="P1")
    finally:
        con.close()
    app = open_app(params=IJMOND_OCTOBER, rights=Rights("bestuurder", regions=("IJmond",)))
    assert not app.exception
    signals = [m.value for m in app.markdown if m.value[:3] in ("1. ", "2. ", "3. ", "4. ", "5. ")]
    ours = [text for text in signals if "Jeugdzorg Kennemerland" in text]
    # The region's budget row (12.000.000) still gives 103,0%: only the provider's own budget is overrun.
    assert any("Prognose budgetuitputting jaareinde · Jeugdzorg Kennemerland" in text
               and "25,0% te worden overschreden" in text and "red-badge" in text for text in ours)
    assert any(m.value.startswith("**103,0%**") for m in app.markdown)  # the budget tile of the region
