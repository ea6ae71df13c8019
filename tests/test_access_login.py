"""Logging in through the app (AppTest on the router): local form, lock-out, logout, OIDC, demo mode.

Each test gets its own copy of the small fixture database (logins write failure counters and the
audit log). Accounts are added with `python -m data users add` run in this process (a second
process could not open the file the app holds open).
"""

import io
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from commands.data import main as data_cli
from tests.fixtures.accounts import fast_hashes  # noqa: F401 (fixture)
from tests.fixtures.small_db import DASHBOARD
from views.session import RIGHTS_KEY

pytestmark = pytest.mark.usefixtures("fast_hashes")

PASSWORD = "correct paard batterij 42"
OVERVIEW_TITLE = "Jeugdhulp IJmond · oktober 2026 · beide percelen"
OIDC_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "geheim",
                "client_id": "monitor", "client_secret": "geheim",
                "server_metadata_url": "https://login.example.nl/.well-known/openid-configuration"}


def _users_add(monkeypatch, own_small_db: Path, email: str, *rights: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert data_cli(["users", "add", "--db", str(own_small_db), "--email", email, *rights]) == 0


@pytest.fixture
def with_account(own_small_db, monkeypatch) -> Path:
    _users_add(monkeypatch, own_small_db, "cm@ijmond.nl", "--rol", "contractmanager", "--regio", "IJmond")
    return own_small_db


def _audit(own_small_db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(own_small_db))  # the same process: shares the app's database instance
    try:
        return con.execute("select actor, action from audit_log where action not like 'user_%' "
                           "order by audit_id").fetchall()
    finally:
        con.close()


def _app(**state) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params.update({"regio": "IJmond", "periode": "2026-10"})
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _log_in(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input[0].input(email)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def _titles(at: AppTest) -> list[str]:
    return [title.value for title in at.title]


# --- local accounts ---------------------------------------------------------------------------------

def test_with_an_account_the_app_asks_for_a_login_and_shows_nothing_else(with_account):
    at = _app()
    assert not at.exception
    assert _titles(at) == ["Inloggen"]
    assert [field.label for field in at.text_input] == ["E-mailadres", "Wachtwoord"]
    assert not at.metric and not at.dataframe and not at.sidebar.selectbox  # no figure, no filter, no switcher
    at.switch_page("views/pages/admin.py").run()  # a page's URL before logging in
    assert _titles(at) == ["Inloggen"] and not at.tabs


def test_the_right_password_logs_in_with_the_accounts_rights_and_is_audited(with_account):
    at = _log_in(_app(), "CM@IJmond.nl ", PASSWORD)
    assert not at.exception
    assert _titles(at)[0] == OVERVIEW_TITLE
    assert at.sidebar.multiselect(key="filter_regio").options == ["IJmond"]  # a contractmanager of IJmond
    assert "Ingelogd als **cm\u2060@ijmond.nl** · contractmanager" in [c.value for c in at.sidebar.caption]
    assert _audit(with_account) == [("cm@ijmond.nl", "login")]


def test_a_wrong_password_and_an_unknown_address_get_the_same_message(with_account):
    wrong = _log_in(_app(), "cm@ijmond.nl", "niet het wachtwoord")
    unknown = _log_in(_app(), "niemand@ijmond.nl", PASSWORD)
    message = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
    assert [e.value for e in wrong.error] == [e.value for e in unknown.error] == [message]
    assert _titles(wrong) == _titles(unknown) == ["Inloggen"]
    assert _audit(with_account) == [("cm@ijmond.nl", "login_failed"), ("onbekend adres", "login_failed")]


def test_five_wrong_passwords_in_the_form_lock_the_account_even_for_the_right_one(with_account):
    at = _app()
    for _ in range(4):
        at = _log_in(at, "cm@ijmond.nl", "niet het wachtwoord")
        assert "geblokkeerd" not in at.error[0].value
    at = _log_in(at, "cm@ijmond.nl", "niet het wachtwoord")
    locked = ("Dit account is tijdelijk geblokkeerd na 5 mislukte pogingen. Probeer het over 15 minuten opnieuw, "
              "of vraag de beheerder om hulp.")
    assert at.error[0].value == locked
    at = _log_in(at, "cm@ijmond.nl", PASSWORD)
    assert _titles(at) == ["Inloggen"] and "geblokkeerd" in at.error[0].value
    assert _audit(with_account) == [("cm@ijmond.nl", "login_failed")] * 5 + [
        ("cm@ijmond.nl", "account_locked"), ("cm@ijmond.nl", "login_failed")]


def test_logging_out_returns_to_the_login_and_is_audited(with_account):
    at = _log_in(_app(), "cm@ijmond.nl", PASSWORD)
    at.sidebar.button(key="logout").click().run()
    assert _titles(at) == ["Inloggen"]
    assert _audit(with_account) == [("cm@ijmond.nl", "login"), ("cm@ijmond.nl", "logout")]


def test_a_removed_account_is_logged_out_at_its_next_step(with_account):
    at = _log_in(_app(), "cm@ijmond.nl", PASSWORD)
    assert data_cli(["users", "remove", "--db", str(with_account), "--email", "cm@ijmond.nl"]) == 0
    at.run()
    assert _titles(at) == ["Inloggen"]  # and no demo mode either, though no account is left
    assert not at.sidebar.warning


def test_a_forged_identity_that_is_no_rights_object_grants_nothing(with_account):
    at = _app(**{RIGHTS_KEY: {"role": "beheerder"}})
    assert _titles(at) == ["Inloggen"]


# --- demo mode ---------------------------------------------------------------------------------------

def test_demo_mode_turns_off_when_the_first_account_is_added(own_small_db, monkeypatch):
    at = _app()
    assert _titles(at)[0] == OVERVIEW_TITLE  # the demo beheerder, with the link's region
    assert at.sidebar.multiselect(key="filter_regio").options == ["Achterhoek", "Helmond-De Peel", "IJmond",
                                                              "Zuid-Kennemerland"]  # sees every region
    assert "**Demomodus** — fictieve gegevens, geen inlog nodig." in [w.value for w in at.sidebar.warning]
    assert at.sidebar.selectbox(key="demo_rol").options == ["bestuurder", "contractmanager", "aanbieder", "beheerder"]

    _users_add(monkeypatch, own_small_db, "wethouder@ijmond.nl", "--rol", "bestuurder", "--regio", "IJmond")
    at.run()  # the same session, its next step
    assert _titles(at) == ["Inloggen"]
    assert not at.sidebar.warning and not at.sidebar.selectbox  # no banner, no role switcher
    at = _app(demo_rol="beheerder")  # a switcher value left in the state counts for nothing now
    assert _titles(at) == ["Inloggen"]


# --- OIDC (st.login) -------------------------------------------------------------------------------

def _oidc_app(user: dict) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.secrets["auth"] = OIDC_SECRETS
    at.user = user
    at.query_params.update({"regio": "IJmond", "periode": "2026-10"})
    return at


def test_with_oidc_configured_a_visitor_gets_the_login_button_and_no_form_even_without_accounts(own_small_db):
    at = _oidc_app({"is_logged_in": False}).run()
    assert not at.exception
    assert _titles(at) == ["Inloggen"]
    assert [b.label for b in at.button] == ["Inloggen met uw organisatieaccount"]
    assert not at.text_input and not at.sidebar.warning  # no password form, no demo mode


def test_an_oidc_identity_gets_the_rights_of_its_account_and_the_login_is_audited_once(with_account):
    at = _oidc_app({"is_logged_in": True, "email": "CM@ijmond.nl", "email_verified": True}).run()
    assert not at.exception
    assert _titles(at)[0] == OVERVIEW_TITLE
    assert at.sidebar.multiselect(key="filter_regio").options == ["IJmond"]
    at.run()
    assert _audit(with_account) == [("cm@ijmond.nl", "login")]


def test_an_oidc_identity_without_an_account_sees_no_access_and_is_audited_once(with_account):
    at = _oidc_app({"is_logged_in": True, "email": "onbekend@gemeente.nl"}).run()
    assert _titles(at) == ["Geen toegang"]
    assert "onbekend\\@gemeente\\.nl" in at.warning[0].value  # escaped for Markdown: shown as text
    assert not at.metric and not at.sidebar.selectbox
    at.run()
    assert _audit(with_account) == [("onbekend@gemeente.nl", "access_denied")]


def test_an_oidc_address_the_identity_provider_did_not_verify_gets_no_access(with_account):
    at = _oidc_app({"is_logged_in": True, "email": "cm@ijmond.nl", "email_verified": False}).run()
    assert _titles(at) == ["Geen toegang"]
