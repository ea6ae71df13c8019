"""Download buttons: a CSV and an XLSX button per table, and every download written to the audit log."""

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from auth.rights import Rights
from data.store.db import DB_ENV_VAR, connect
from views.exports_ui import file_stem

APP = """
import pandas as pd
from views.exports_ui import download_buttons
download_buttons(pd.DataFrame({"Gemeente": ["Velsen"], "Waarde": ["<5"]}), "kaders_ijmond_2026-10", key="t")
"""


@pytest.fixture
def db_file(tmp_path, monkeypatch):
    path = tmp_path / "audit.duckdb"
    connect(path).close()
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


def _audit(path) -> list[tuple]:
    con = duckdb.connect(str(path))
    try:
        return con.execute("select actor, action, details from audit_log order by audit_id").fetchall()
    finally:
        con.close()


def test_there_is_a_csv_and_an_xlsx_button_made_on_click(db_file):
    at = AppTest.from_string(APP).run()
    assert [b.label for b in at.download_button] == ["CSV", "Excel"]
    assert all(b.proto.deferred_file_id for b in at.download_button)  # the file is built when clicked


def test_a_download_is_written_to_the_audit_log_with_the_users_email(db_file):
    at = AppTest.from_string(APP)
    at.session_state["rights"] = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
    at.run()
    assert _audit(db_file) == []  # drawing the buttons is not an export
    at.download_button[1].click().run()
    assert not at.exception
    assert _audit(db_file) == [("cm@ijmond.nl", "export", "kaders_ijmond_2026-10.xlsx (1 rij)")]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("partner", "P1", "IJmond", "2026-10"), "partner_p1_ijmond_2026-10"),
        (("Zuid-Kennemerland", "2026-K3"), "zuid-kennemerland_2026-k3"),
        (("a/../b", ""), "a-..-b"),
        (("",), "export"),
    ],
)
def test_file_stems_are_safe_file_names(parts, expected):
    assert file_stem(*parts) == expected
