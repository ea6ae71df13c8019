"""Logins in a read-only dashboard process (JEUGDMONITOR_READ_ONLY=1, a published snapshot): audited
through the process's audit file, failures counted in the process, the writer imports the entries."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from auth import accounts
from data.store import audit, db, snapshots
from tests.fixtures.accounts import fast_hashes  # noqa: F401 (fixture)
from tests.fixtures.small_db import DASHBOARD
from views.db import READ_ONLY_ENV

EMAIL, PASSWORD = "cm@ijmond.nl", "correct paard batterij 42"


@pytest.fixture
def published(own_small_db, fast_hashes, monkeypatch):  # noqa: F811 (fixture)
    """The small database with one account, published; the accounts' in-process failure counts reset."""
    monkeypatch.setattr(accounts, "_LOCAL_FAILURES", {})
    con = db.connect(own_small_db)
    accounts.add_account(con, EMAIL, "contractmanager", PASSWORD, regions=["IJmond"], actor="test")
    con.close()
    assert snapshots.published(own_small_db) is not None
    return own_small_db


def _file_entries(main) -> list[tuple[str, str, str]]:
    lines = [line for path in sorted(audit.directory(main).glob("*.jsonl")) for line in path.read_text().splitlines()]
    return [(entry["actor"], entry["action"], entry["details"]) for entry in map(json.loads, lines)]


def test_a_login_through_the_form_of_a_read_only_process_is_audited_in_its_file(published, monkeypatch):
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params.update({"regio": "IJmond", "periode": "2026-10"})
    at.run()
    at.text_input[0].input(EMAIL)
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Jeugdhulp IJmond · oktober 2026 · beide percelen"]
    assert _file_entries(published) == [(EMAIL, "login", "lokaal account")]
    con = db.connect(published)
    with db.writing(con):  # the writer's next write imports it
        pass
    assert con.execute("select actor, action from audit_log where action = 'login'").fetchall() == [(EMAIL, "login")]
    con.close()


def test_five_wrong_passwords_lock_the_account_in_a_read_only_process(published):
    reader = snapshots.Reader(published).connection().cursor()
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        assert accounts.authenticate(reader, EMAIL, "niet het wachtwoord") is None
    assert accounts.authenticate(reader, EMAIL, PASSWORD) is None  # locked, even for the right one
    assert accounts.locked_until(reader, EMAIL) is not None
    assert [action for _, action, _ in _file_entries(published)] == [
        "login_failed"] * 5 + ["account_locked", "login_failed"]
    assert accounts.authenticate(reader, EMAIL, PASSWORD, now=accounts.utc_now() + accounts.LOCK_DURATION
                                 + accounts.LOCK_DURATION) is not None  # the lock runs out
