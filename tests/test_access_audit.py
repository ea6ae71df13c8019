"""The audit log records uploads (stored and refused) and exports made through the app.

Logins and failed logins: tests/test_access_login.py; a provider's upload with another provider's
code: tests/test_pages_upload.py.

Each test gets its own copy of the small fixture database; the identity is injected.
"""

from pathlib import Path

import duckdb

from auth.rights import Rights
from tests.fixtures.small_db import open_app

CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
BUDGET = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;GM0375;complex;;2500000\r\n"


def _audit(own_small_db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(own_small_db))  # the same process: shares the app's database instance
    try:
        return con.execute("select actor, action, details from audit_log order by audit_id").fetchall()
    finally:
        con.close()


def _upload_and_store(rights: Rights, text: str, name: str):
    at = open_app("views/pages/upload.py", rights=rights)
    at.file_uploader[0].upload(name, text.encode("utf-8"), "text/csv")
    at.run()
    next(button for button in at.button if button.label == "Opslaan").click()
    return at.run()


def test_an_upload_through_the_page_is_audited_with_who_and_which_file(own_small_db):
    at = _upload_and_store(CONTRACT_MANAGER, BUDGET, "budget_2027.csv")
    assert not at.exception
    (entry,) = _audit(own_small_db)
    assert entry[:2] == ("cm@ijmond.nl", "upload")
    assert entry[2].startswith("budget_2027.csv: soort budget, upload 1, 1 rijen, sha256 ")


def test_a_refused_upload_is_audited_once_when_it_is_checked(own_small_db):
    provider = Rights("aanbieder", regions=("IJmond",), providers=("P1",), email="p1@kennemerland.nl")
    at = open_app("views/pages/upload.py", rights=provider)
    others = ("periode;aanbieder;perceel;afgesloten_trajecten;doelen_behaald;tevredenheid_respondenten;"
              "tevredenheid_positief;weigeringen;toelichting\r\n2026-K3;P3;complex;10;5;10;8;0;\r\n")
    at.file_uploader[0].upload("uitkomsten.csv", others.encode("utf-8"), "text/csv")
    at.run()
    at.run()  # a rerun does not check (nor audit) the same file again
    (entry,) = _audit(own_small_db)
    assert entry[:2] == ("p1@kennemerland.nl", "upload_refused")
    assert entry[2].startswith("uitkomsten.csv: soort uitkomsten, 1 fout, sha256 ")  # data.ingest.load's one format


def test_an_export_from_a_lever_page_is_audited_with_file_and_rows(own_small_db):
    at = open_app("views/pages/diagnostics.py", params=OCTOBER, rights=CONTRACT_MANAGER)
    assert _audit(own_small_db) == []  # drawing the buttons is no export
    next(button for button in at.download_button if button.key == "diagnostics_summary_csv").click().run()
    assert not at.exception
    # The summary table: one row per indicator of Data en informatie.
    rows = len(at.dataframe[0].value)
    assert _audit(own_small_db) == [("cm@ijmond.nl", "export", f"data_ijmond_2026-10.csv ({rows} rijen)")]


def test_a_downloaded_document_is_audited_as_an_export(own_small_db):
    at = open_app("views/pages/partner.py", params={**OCTOBER, "partner": "P1"}, rights=CONTRACT_MANAGER)
    next(button for button in at.download_button if button.label == "Agenda (PDF)").click().run()
    assert not at.exception
    (entry,) = _audit(own_small_db)
    assert entry[:2] == ("cm@ijmond.nl", "export") and entry[2].endswith(".pdf (document)")
