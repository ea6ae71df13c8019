"""Uploaden page (AppTest, the real st.file_uploader): check, confirm, store, history, refusals.

Each test gets its own copy of the small fixture database, so stored uploads do not leak between tests.
"""

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from auth.rights import Rights
from tests.fixtures.small_db import build_small_db, open_app

PAGE = "views/pages/upload.py"
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
GOOD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;0375;complex;;2.500.000\r\n2027;GM0396;complex;;1500000\r\n"
BAD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;GM9999;complex;;1000\r\n2027;GM0396;complex;;-5\r\n"
HEADER_ONLY = "jaar;gemeente;perceel;aanbieder;budget\r\n"


@pytest.fixture
def db_file(tmp_path, monkeypatch):
    path = build_small_db(tmp_path / "small.duckdb")
    monkeypatch.setenv("JEUGDMONITOR_DB", str(path))
    return path


def _open(rights: Rights = CONTRACT_MANAGER) -> AppTest:
    """The Upload page as a browser reaches it: through the router, with an injected identity."""
    return open_app(PAGE, rights=rights)


def _upload(at: AppTest, text: str, name: str = "budget_2027.csv") -> AppTest:
    at.file_uploader[0].upload(name, text.encode("utf-8"), "text/csv")
    return at.run()


def _button(at: AppTest, label: str):
    return next(button for button in at.button if button.label == label)


def _count(db_file: Path, sql: str) -> int:
    con = duckdb.connect(str(db_file))  # the same process: shares the page's database instance
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _store(at: AppTest) -> AppTest:
    _button(at, "Opslaan").click()
    return at.run()


def test_a_good_file_is_checked_then_stored_and_the_history_shows_it(db_file):
    at = _upload(_open(), GOOD)
    assert not at.exception and not at.error
    assert [m.value for m in at.metric] == ["2", "0"]  # 2 rows in the file; no stored rows of 2027 replaced
    assert _count(db_file, "select count(*) from budgets where year = 2027") == 0  # checked, not stored yet

    at = _store(at)
    assert not at.exception
    assert any("Opgeslagen" in s.value for s in at.success)
    # Beverwijk's 2.500.000 (thousands dots, short code 0375) and Heemskerk's 1.500.000.
    assert _count(db_file, "select sum(budget) from budgets where year = 2027") == 4_000_000
    history = at.dataframe[-1].value
    assert list(history["Bestand"]) == ["budget_2027.csv"]
    assert list(history["Door"]) == ["cm@ijmond.nl"]
    assert list(history["Rijen"]) == ["2"]
    assert len(at.file_uploader) == 1 and at.file_uploader[0].value is None  # a fresh uploader


def test_a_bad_file_shows_every_error_and_stores_nothing(db_file):
    at = _upload(_open(), BAD)
    assert not at.exception
    assert "niet opgeslagen" in at.error[0].value
    errors = at.dataframe[0].value
    # Row numbers as in the file (header = row 1): the unknown municipality on row 2, the negative budget on row 3.
    assert list(errors.columns) == ["Rij", "Kolom", "Melding"]
    assert ("2", "gemeente") in set(zip(errors["Rij"], errors["Kolom"]))
    assert ("3", "budget") in set(zip(errors["Rij"], errors["Kolom"]))
    assert not [b for b in at.button if b.label == "Opslaan"]
    assert _count(db_file, "select count(*) from budgets where year = 2027") == 0
    assert _count(db_file, "select count(*) from uploads") == 0


def test_the_same_file_again_reports_that_nothing_changed(db_file):
    at = _store(_upload(_open(), GOOD))
    at = _upload(at, GOOD)
    assert not at.exception
    assert any("ongewijzigd" in info.value for info in at.info)
    assert not [b for b in at.button if b.label == "Opslaan"]
    assert _count(db_file, "select count(*) from budgets where year = 2027") == 2  # not doubled
    assert _count(db_file, "select count(*) from uploads") == 1


def test_a_header_only_file_needs_confirmation_of_the_empty_scope(db_file):
    at = _upload(_open(), HEADER_ONLY, "leeg.csv")
    assert "alleen een kopregel" in at.warning[0].value
    assert not [b for b in at.button if b.label == "Opslaan"]
    at.checkbox[0].check().run()
    assert at.checkbox[0].value is True  # stays drawn and ticked
    assert [b for b in at.button if b.label == "Opslaan"]


def test_the_page_itself_refuses_an_alderman(db_file):
    # The router does not offer the page to a bestuurder; run the page file directly to check that
    # it refuses on its own as well.
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / PAGE), default_timeout=60)
    at.session_state["rights"] = Rights("bestuurder", regions=("IJmond",))
    at.run()
    assert not at.exception
    assert "geen toegang tot deze pagina" in at.error[0].value
    assert len(at.file_uploader) == 0 and not at.title  # nothing of the page


def test_a_provider_uploads_only_outcomes_of_its_own_code(db_file):
    provider = Rights("aanbieder", regions=("IJmond",), providers=("P1",), email="p1@kennemerland.nl")
    at = _open(provider)
    assert at.selectbox[0].options == ["uitkomsten — kwartaalcijfers van aanbieders"]
    other = ("periode;aanbieder;perceel;afgesloten_trajecten;doelen_behaald;tevredenheid_respondenten;"
             "tevredenheid_positief;weigeringen;toelichting\r\n2026-K3;P3;complex;10;5;10;8;0;\r\n")
    at = _upload(at, other, "uitkomsten.csv")
    assert "niet opgeslagen" in at.error[0].value
    errors = at.dataframe[0].value  # the reason, on the row and column where it lies
    assert list(zip(errors["Rij"], errors["Kolom"], errors["Melding"])) == [
        ("2", "aanbieder", "u mag alleen uitkomsten van uw eigen organisatie (P1) aanleveren")]
    assert not [b for b in at.button if b.label == "Opslaan"]
    assert _count(db_file, "select count(*) from outcomes where provider = 'P3'") == 0
    assert _count(db_file, "select count(*) from uploads") == 0


def test_there_is_a_template_for_every_kind_the_user_may_upload(db_file):
    labels = [button.label for button in _open().download_button]
    assert labels[:8] == ["trajecten", "kosten", "budget", "uitkomsten", "dialoog", "normen", "aanbieders", "gemeenten"]
    provider = Rights("aanbieder", regions=("IJmond",), providers=("P1",))
    assert [b.label for b in _open(provider).download_button][:1] == ["uitkomsten"]
    assert "kosten" not in [b.label for b in _open(provider).download_button]
