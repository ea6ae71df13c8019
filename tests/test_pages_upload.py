"""Uploaden page (AppTest, the real st.file_uploader): check, confirm, store, history, refusals.

Each test gets its own copy of the small fixture database, so stored uploads do not leak between tests.
"""

import io
import json
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from auth.rights import Rights
from data.ingest.templates import XLSX_MIME
from tests.fixtures.small_db import open_app

PAGE = "views/pages/upload.py"
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
GOOD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;0375;complex;;2.500.000\r\n2027;GM0396;complex;;1500000\r\n"
BAD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;GM9999;complex;;1000\r\n2027;GM0396;complex;;-5\r\n"
HEADER_ONLY = "jaar;gemeente;perceel;aanbieder;budget\r\n"


@pytest.fixture
def db_file(own_small_db):
    return own_small_db


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


def test_there_is_a_csv_and_an_excel_template_for_every_kind_the_user_may_upload(db_file):
    labels = [button.label for button in _open().download_button]
    kinds = ["trajecten", "kosten", "budget", "uitkomsten", "dialoog", "normen", "aanbieders", "gemeenten"]
    assert labels[:16] == [f"{kind} ({form})" for kind in kinds for form in ("CSV", "Excel")]
    provider = Rights("aanbieder", regions=("IJmond",), providers=("P1",))
    labels = [b.label for b in _open(provider).download_button]
    assert labels[:2] == ["uitkomsten (CSV)", "uitkomsten (Excel)"]
    assert not [label for label in labels if label.startswith("kosten")]


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_excel_workbook_is_checked_and_stored_like_a_csv_file(db_file):
    at = _open()
    assert at.file_uploader[0].proto.type == [".csv", ".txt", ".xlsx"]
    # the same budgets as GOOD, as Excel keeps them: real numbers, a code typed as a number
    raw = _workbook([["jaar", "gemeente", "perceel", "aanbieder", "budget"],
                     [2027, 375, "complex", None, 2500000], [2027, "GM0396", "complex", None, 1500000.0]])
    at.file_uploader[0].upload("budget_2027.xlsx", raw, XLSX_MIME)
    at = at.run()
    assert not at.exception and not at.error
    assert [m.value for m in at.metric] == ["2", "0"]
    at = _store(at)
    assert _count(db_file, "select sum(budget) from budgets where year = 2027") == 4_000_000
    assert list(at.dataframe[-1].value["Bestand"]) == ["budget_2027.xlsx"]


def test_a_bad_workbook_shows_its_errors_with_excel_row_numbers(db_file):
    raw = _workbook([["jaar", "gemeente", "perceel", "aanbieder", "budget"], [2027, "GM9999", "complex", None, 10]])
    at = _open()
    at.file_uploader[0].upload("budget.xlsx", raw, XLSX_MIME)
    at = at.run()
    assert "niet opgeslagen" in at.error[0].value
    errors = at.dataframe[0].value
    assert list(zip(errors["Rij"], errors["Kolom"])) == [("2", "gemeente")]
    assert _count(db_file, "select count(*) from uploads") == 0


KOSTEN = "periode;gemeente;aanbieder;perceel;soort;bedrag\r\n"


def test_a_file_that_replaces_more_rows_than_it_holds_says_so_in_words_and_needs_a_tick(db_file):
    three = KOSTEN + "".join(f"2025-10;GM0453;{p};complex;declaratie;100\r\n" for p in ("P1", "P2", "P3"))
    at = _store(_upload(_open(), three, "kosten_3.csv"))
    assert _count(db_file, "select count(*) from costs where month = date '2025-10-01'") == 3

    at = _upload(at, KOSTEN + "oktober 2025;453;P1;complex;declaratie;250\r\n", "kosten_1.csv")
    assert not at.exception and not at.error
    warning = at.warning[0].value.replace("**", "")
    assert warning.startswith("Dit bestand vervangt 3 bestaande rijen van kosten door 1 nieuwe: alle opgeslagen "
                              "rijen met een combinatie van periode en gemeente die in het bestand voorkomt")
    assert _button(at, "Opslaan").disabled  # no store without the tick
    tick = next(box for box in at.checkbox if box.label == "Ja, vervang 3 bestaande rijen door 1 nieuwe")
    at = tick.check().run()
    assert not _button(at, "Opslaan").disabled
    at = _store(at)
    assert not at.exception
    assert _count(db_file, "select count(*) from costs where month = date '2025-10-01'") == 1


def test_a_file_that_replaces_no_more_rows_than_it_holds_needs_no_tick(db_file):
    at = _upload(_open(), GOOD)
    assert not at.warning and not at.checkbox
    assert not _button(at, "Opslaan").disabled


def test_the_preview_shows_a_dash_for_an_empty_cell_and_a_month_as_okt_2025(db_file):
    at = _upload(_open(), KOSTEN.replace("soort", "productcategorie;soort")
                 + "1-10-2025;GM0453;P1;complex;;declaratie;250\r\n", "kosten.csv")
    assert not at.exception and not at.error
    preview = at.dataframe[0].value
    assert preview.iloc[0]["periode"] == "okt 2025"
    assert preview.iloc[0]["productcategorie"] == "–"
    assert "None" not in preview.astype(str).values.ravel().tolist()


def test_error_messages_are_wrapped_in_full_rather_than_cut_off(db_file):
    at = _upload(_open(), BAD)
    table = at.dataframe[0]
    assert table.proto.row_height > 64  # Streamlit wraps a cell's text only in rows taller than 64 px
    widths = {name: config.get("width") for name, config in json.loads(table.proto.columns).items()}
    assert widths["Melding"] > widths["Kolom"] + widths["Rij"]  # the message gets most of the width
