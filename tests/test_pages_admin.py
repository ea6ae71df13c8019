"""Beheer page (AppTest): audit log newest first and filterable, users added and removed with audit, norms.

Each test gets its own copy of the small fixture database: the page writes accounts.
"""

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from auth import accounts
from auth.rights import Rights
from data.store.audit import record
from data.ingest.load import load_file
from tests.fixtures.accounts import fast_hashes  # noqa: F401 (fixture)
from tests.fixtures.small_db import open_app

pytestmark = pytest.mark.usefixtures("fast_hashes")

PAGE = "views/pages/admin.py"
ADMIN = Rights("beheerder", email="beheer@regio.nl")
PASSWORD = "correct paard batterij 42"
NORMS = "indicator;jaar;perceel;aanbieder;norm;marge\r\nwachttijd_mediaan;2026;complex;;35;7\r\n"


def _write(own_small_db: Path, change) -> None:
    con = duckdb.connect(str(own_small_db))  # the same process: shares the page's database instance
    try:
        change(con)
    finally:
        con.close()


def _rows(own_small_db: Path, sql: str) -> list[tuple]:
    result = []
    _write(own_small_db, lambda con: result.extend(con.execute(sql).fetchall()))
    return result


def _open(tab: str = "Auditlog") -> AppTest:
    return open_app(PAGE, rights=ADMIN, state={"admin_tabs": tab})


def _button(at: AppTest, label: str):
    return next(button for button in at.button if button.label == label)


def test_the_audit_log_shows_the_newest_entry_first(own_small_db):
    _write(own_small_db, lambda con: [record(con, who, action, details) for who, action, details in (
        ("cm@ijmond.nl", "login", "lokaal account"),
        ("cm@ijmond.nl", "export", "kaders_ijmond_2026-10.csv (3 rijen)"),
        ("x@y.nl", "login_failed", "onjuist wachtwoord"),
    )])
    at = _open()
    assert not at.exception
    log = at.dataframe[0].value
    assert list(log["Actie"]) == ["inloggen mislukt", "export", "ingelogd"]
    assert list(log["Wie"]) == ["x@y.nl", "cm@ijmond.nl", "cm@ijmond.nl"]


def test_the_audit_log_filters_on_action_and_on_part_of_an_address(own_small_db):
    _write(own_small_db, lambda con: [record(con, who, action, "-") for who, action in (
        ("cm@ijmond.nl", "login"), ("p1@zorg.nl", "login"), ("p1@zorg.nl", "upload"))])
    at = _open()
    at.selectbox(key="audit_action").set_value("login").run()
    assert list(at.dataframe[0].value["Wie"]) == ["p1@zorg.nl", "cm@ijmond.nl"]
    at.text_input(key="audit_actor").input("ZORG").run()
    assert list(at.dataframe[0].value["Wie"]) == ["p1@zorg.nl"]
    assert list(at.dataframe[0].value["Actie"]) == ["ingelogd"]


def _add_form(at: AppTest, email: str, role: str, regions: list[str], password: str, repeated: str) -> AppTest:
    at.text_input[0].input(email)
    at.selectbox[0].set_value(role)
    at.multiselect[0].set_value(regions)
    at.text_input[1].input(password)
    at.text_input[2].input(repeated)
    _button(at, "Toevoegen").click()
    return at.run()


def test_a_user_added_on_the_page_is_listed_stored_as_a_bcrypt_hash_and_audited(own_small_db):
    at = _add_form(_open("Gebruikers"), "Wethouder@IJmond.nl", "bestuurder", ["IJmond"], PASSWORD, PASSWORD)
    assert not at.exception
    assert "Account toegevoegd: wethouder@ijmond.nl (bestuurder)" in at.success[0].value
    users = at.dataframe[0].value
    assert list(zip(users["E-mailadres"], users["Rol"], users["Regio's"])) == [("wethouder@ijmond.nl", "bestuurder", "IJmond")]
    (stored,) = _rows(own_small_db, "select password_hash from users")
    assert stored[0].startswith("$2b$") and PASSWORD not in stored[0]
    assert _rows(own_small_db, "select actor, action from audit_log") == [("beheer@regio.nl", "user_added")]
    assert not any(PASSWORD in str(row) for row in _rows(own_small_db, "select * from audit_log"))


def test_an_account_that_does_not_fit_its_role_is_refused_with_the_reason(own_small_db):
    at = _add_form(_open("Gebruikers"), "cm@ijmond.nl", "contractmanager", [], PASSWORD, PASSWORD)
    assert "een contractmanager hoort bij minstens één regio" in at.error[0].value
    at = _add_form(at, "cm@ijmond.nl", "contractmanager", ["IJmond"], PASSWORD, PASSWORD + "x")
    assert at.error[0].value == "De twee wachtwoorden zijn niet gelijk."
    assert _rows(own_small_db, "select count(*) from users") == [(0,)]


def test_a_user_is_removed_with_confirmation_and_audited_but_not_ones_own_account(own_small_db):
    _write(own_small_db, lambda con: [
        accounts.add_account(con, "beheer@regio.nl", "beheerder", PASSWORD, actor="cli:test"),
        accounts.add_account(con, "cm@ijmond.nl", "contractmanager", PASSWORD, regions=["IJmond"], actor="cli:test"),
    ])
    at = _open("Gebruikers")
    pick = next(box for box in at.selectbox if box.label == "Account")
    assert pick.options == ["cm@ijmond.nl"]  # its own account is not offered
    _button(at, "Verwijderen").click().run()
    assert _rows(own_small_db, "select count(*) from users") == [(2,)]  # not without the confirmation
    next(box for box in at.checkbox if box.label.startswith("Ik weet het zeker")).check()
    _button(at, "Verwijderen").click()
    at.run()
    assert "Account verwijderd: cm@ijmond.nl." in at.success[0].value
    assert _rows(own_small_db, "select email from users") == [("beheer@regio.nl",)]
    assert ("beheer@regio.nl", "user_removed", "cm@ijmond.nl") in _rows(
        own_small_db, "select actor, action, details from audit_log")


def test_the_norms_in_force_show_uploaded_norms_next_to_the_defaults(own_small_db, monkeypatch):
    monkeypatch.setattr("views.filters.today", lambda: date(2026, 11, 23))  # years 2024-2027 to choose from
    _write(own_small_db, lambda con: load_file(con, NORMS.encode(), "normen_2026.csv", uploader="cm@ijmond.nl"))
    at = _open("Normen")
    at.segmented_control(key="norms_year").set_value(2026).run()
    norms = at.dataframe[0].value
    waiting = norms[norms["Indicator"] == "Wachttijd van aanmelding tot start (mediaan)"]
    # The catalogue's 42 (14) days for both percelen, the upload's 35 (7) for complex.
    assert list(zip(waiting["Perceel"], waiting["Norm"], waiting["Marge"])) == [
        ("beide", "≤ 42 dagen", "14 dagen"), ("complex", "≤ 35 dagen", "7 dagen")]  # one way of writing
    assert "Regio: alle regio's. Een norm geldt in elke regio van deze monitor; er is geen norm per regio." in [
        c.value for c in at.caption]
    assert json.loads(at.dataframe[0].proto.columns)["Aanbieder"]["width"] == "medium"  # names not cut off
    share = norms[norms["Indicator"] == "Jeugdigen met hulp zonder verblijf"]
    assert list(share["Marge"]) == ["3 procentpunt"]  # norm 90, marge 3: a margin on a percentage, not "3,0%"
    assert list(waiting["Bron"])[0] == "standaardnorm (catalogus)"
    assert list(waiting["Bron"])[1].startswith("normen_2026.csv, ")
