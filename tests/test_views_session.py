"""A local login ends after a while without a page run (issue 12): 30 minutes, or JEUGDMONITOR_IDLE_MINUTES."""

from datetime import datetime, timedelta

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from auth import accounts
from data.store import db
from tests.fixtures.accounts import fast_hashes  # noqa: F401 (fixture)
from tests.fixtures.small_db import DASHBOARD
from views import session

NOON = datetime(2026, 11, 29, 12, 0)
EMAIL = "cm@ijmond.nl"


@pytest.mark.parametrize("last_seen, idle", [
    (None, False),  # never seen: a login of this very run
    (NOON - timedelta(minutes=29, seconds=59), False),
    (NOON - timedelta(minutes=30), False),  # exactly the limit: still in
    (NOON - timedelta(minutes=30, seconds=1), True),
    (NOON - timedelta(hours=5), True),
])
def test_a_login_is_idle_only_after_more_than_the_timeout(last_seen, idle):
    assert session.is_idle(last_seen, NOON, timedelta(minutes=30)) is idle


@pytest.mark.parametrize("setting, minutes", [(None, 30), ("5", 5), ("90", 90), (" ", 30)])
def test_the_timeout_is_a_setting_with_thirty_minutes_by_default(setting, minutes, monkeypatch):
    if setting is None:
        monkeypatch.delenv(session.IDLE_ENV, raising=False)
    else:
        monkeypatch.setenv(session.IDLE_ENV, setting)
    assert session.idle_timeout() == timedelta(minutes=minutes)


@pytest.fixture
def with_account(own_small_db, fast_hashes):  # noqa: F811 (fixture)
    con = db.connect(own_small_db)
    accounts.add_account(con, EMAIL, "contractmanager", "correct paard batterij 42", regions=["IJmond"],
                         actor="test")
    con.close()
    return own_small_db


def _app_logged_in(seen_minutes_ago: int) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params.update({"regio": "IJmond", "periode": "2026-10"})
    at.session_state[session.ACCOUNT_KEY] = EMAIL
    at.session_state["_login_seen"] = accounts.utc_now() - timedelta(minutes=seen_minutes_ago)
    return at.run()


def _logouts(path) -> list[tuple[str, str]]:
    with duckdb.connect(str(path)) as con:  # the same process: shares the app's database instance
        return con.execute("select actor, details from audit_log where action = 'logout'").fetchall()


def test_a_login_idle_for_31_minutes_shows_the_login_form_and_is_audited_as_a_logout(with_account):
    at = _app_logged_in(31)
    assert not at.exception
    assert [title.value for title in at.title] == ["Inloggen"]
    assert not at.metric
    assert _logouts(with_account) == [(EMAIL, "lokaal: verlopen na inactiviteit")]


def test_a_login_used_a_minute_ago_stays_in(with_account):
    at = _app_logged_in(1)
    assert not at.exception
    assert [title.value for title in at.title] == ["Jeugdhulp IJmond · oktober 2026 · beide percelen"]
    assert _logouts(with_account) == []
