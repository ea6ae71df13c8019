"""Uploads through the Uploaden page in a real browser (headless Chromium), with screenshots to look at.

A server on the small fixture database (no accounts, so demo mode as beheerder). A CSV file and an
Excel workbook written by openpyxl go through the page's own file input: checked, previewed, and
stored after Opslaan; the workbook replaces more rows than it holds, so storing needs the tick. A bad
file shows its errors in full. Screenshots go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import io
import time

import duckdb
import pytest
from openpyxl import Workbook, load_workbook

from data.store import snapshots
from data.ingest.templates import XLSX_MIME
from tests.fixtures.browser import dashboard_server, opened, photograph, require_chromium, rerunning
from tests.fixtures.small_db import build_small_db

require_chromium()

KOSTEN = ["periode", "gemeente", "aanbieder", "perceel", "productcategorie", "soort", "bedrag"]
CSV = ";".join(KOSTEN) + "\r\n" + "".join(
    f"1-10-2025;GM0453;{provider};complex;;declaratie;1.000,50\r\n" for provider in ("P1", "P2", "P3"))
BAD = (";".join(KOSTEN) + "\r\n15-10-2025;GM0453;P1;complex;;declaratie;10\r\n"
       "okt-25;Velsen;P1;complex;;declaratie;10\r\n")


def _workbook() -> bytes:
    """One row for the month the CSV filled with three: Excel's own date and number."""
    from datetime import datetime

    book = Workbook()
    book.active.append(KOSTEN)
    book.active.append([datetime(2025, 10, 1), 453, "P1", "complex", 45, "declaratie", 2500.75])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return build_small_db(tmp_path_factory.mktemp("browser_upload") / "upload.duckdb")


@pytest.fixture(scope="module")
def server(database):
    with dashboard_server(database) as url:
        yield url


def _rows(database, sql: str):
    """Read what the dashboard published, as a reader process does: the dashboard holds the main file
    for writing until it has been idle a while (data.store.db.Holder), and a store publishes before it says
    Opgeslagen (data.store.db.writing)."""
    with duckdb.connect(str(snapshots.published(database)), read_only=True) as con:
        return con.execute(sql).fetchall()


def _opens_within(database, seconds: float) -> bool:
    """Whether another process can open the main file within `seconds`: the dashboard lets it go
    data.store.db.IDLE_SECONDS (2 s) after its last use, so a command such as `python -m data load` gets its turn."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            duckdb.connect(str(database), read_only=True).close()
            return True
        except duckdb.IOException:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)


def _choose(page, name: str, data: bytes, mime: str) -> None:
    with rerunning(page):
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            files=[{"name": name, "mimeType": mime, "buffer": data}])


def _alerts(page) -> str:
    return "\n".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def _store(page) -> None:
    with rerunning(page, runs=2):  # a stored file ends its run in st.rerun()
        page.get_by_role("button", name="Opslaan").click()


def test_a_csv_and_then_an_excel_workbook_are_uploaded_through_the_page(server, browser, database):
    october = "SELECT month, provider, amount FROM costs WHERE month = DATE '2025-10-01' ORDER BY provider"
    with opened(browser, f"{server}/uploaden?regio=IJmond&periode=2026-10") as page:
        photograph(page, "uploaden")
        _choose(page, "kosten_oktober.csv", CSV.encode("utf-8"), "text/csv")
        assert "Het bestand is in orde" in _alerts(page)
        assert page.locator('[data-testid="stDataFrame"]').count() == 1  # the preview (a canvas); no history yet
        photograph(page, "uploaden_csv_gecontroleerd")
        _store(page)
        assert "Opgeslagen" in _alerts(page)
        assert [row[1:] for row in _rows(database, october)] == [("P1", 1000.5), ("P2", 1000.5), ("P3", 1000.5)]

        _choose(page, "kosten_oktober.xlsx", _workbook(), XLSX_MIME)
        alerts = _alerts(page)
        assert "Dit bestand vervangt 3 bestaande rijen van kosten door 1 nieuwe" in alerts
        save = page.get_by_role("button", name="Opslaan")
        assert save.is_disabled()
        photograph(page, "uploaden_xlsx_vervangt")
        with rerunning(page):
            page.get_by_text("Ja, vervang 3 bestaande rijen door 1 nieuwe").click()
        assert page.get_by_role("button", name="Opslaan").is_enabled()
        _store(page)
        assert "Opgeslagen" in _alerts(page)
        assert [row[1:] for row in _rows(database, october)] == [("P1", 2500.75)]
        assert _rows(database, "select file_name from uploads order by upload_id") == [
            ("kosten_oktober.csv",), ("kosten_oktober.xlsx",)]
    assert _opens_within(database, 10)  # the page is closed: the dashboard releases the file after 2 s idle


def test_a_bad_file_shows_every_message_in_full(server, browser):
    with opened(browser, f"{server}/uploaden?regio=IJmond&periode=2026-10") as page:
        _choose(page, "kosten_fout.csv", BAD.encode("utf-8"), "text/csv")
        assert "niet opgeslagen" in _alerts(page)
        photograph(page, "uploaden_fouten")


def test_a_template_workbook_downloads_from_the_page(server, browser, tmp_path):
    with opened(browser, f"{server}/uploaden?regio=IJmond&periode=2026-10") as page:
        page.get_by_text("Sjablonen").click()
        page.wait_for_timeout(500)
        photograph(page, "uploaden_sjablonen")
        with page.expect_download() as download:
            page.get_by_role("button", name="kosten (Excel)").click()
        file = tmp_path / download.value.suggested_filename
        download.value.save_as(file)
    assert file.name == "sjabloon_kosten.xlsx"
    book = load_workbook(file)
    assert book.sheetnames == ["kosten", "Lijst gemeenten", "Lijst aanbieders", "Lijst JZ020 productcategorie"]
    # the region's municipalities only (IJmond: Beverwijk, Heemskerk, Velsen)
    assert [row[0] for row in book["Lijst gemeenten"].iter_rows(min_row=2, values_only=True)] == [
        "GM0375", "GM0396", "GM0453"]
