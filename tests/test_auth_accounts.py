"""Local accounts: bcrypt hashes only, lock-out after five failures, rights by e-mail, audit log."""

from datetime import datetime, timedelta

import bcrypt
import pytest

from auth import accounts
from auth.rights import Rights
from data.store import users
from tests.builders import add_provider

PASSWORD = "lange-zin met spaties 7"
T0 = datetime(2026, 11, 23, 9, 0)


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    """Cost 4 instead of 12: the same algorithm, a fraction of the time."""
    monkeypatch.setattr(accounts, "BCRYPT_ROUNDS", 4)


@pytest.fixture
def db(empty_db):
    add_provider(empty_db, provider="P1", regions="IJmond/Zuid-Kennemerland")
    add_provider(empty_db, provider="P2", regions="Achterhoek")
    return empty_db


def _add(con, email="wethouder@ijmond.nl", role="bestuurder", regions=("IJmond",), providers=()):
    accounts.add_account(con, email, role, PASSWORD, regions=regions, providers=providers, actor="cli:test")


def _audit(con):
    return con.execute("select actor, action, details from audit_log order by audit_id").fetchall()


def test_the_password_is_stored_only_as_a_bcrypt_hash(db):
    _add(db)
    (stored,) = db.execute("select password_hash from users").fetchone()
    assert stored.startswith("$2b$") and stored != PASSWORD and PASSWORD not in stored
    assert bcrypt.checkpw(PASSWORD.encode(), stored.encode())
    row_text = str(db.execute("select * from users").fetchall())
    assert PASSWORD not in row_text


def test_the_right_password_gives_the_accounts_rights(db):
    _add(db, email="Wethouder@IJmond.nl ")
    rights = accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0)
    assert rights == Rights("bestuurder", ("IJmond",), email="wethouder@ijmond.nl")


def test_a_wrong_password_and_an_unknown_account_give_nothing(db):
    _add(db)
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD + "x", now=T0) is None
    assert accounts.authenticate(db, "niemand@ijmond.nl", PASSWORD, now=T0) is None


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(db):
    _add(db)
    for minute in range(5):
        assert accounts.authenticate(db, "wethouder@ijmond.nl", "fout", now=T0 + timedelta(minutes=minute)) is None
    # locked at T0+4 min until T0+19 min: the right password is refused in between
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0 + timedelta(minutes=5)) is None
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0 + timedelta(minutes=18)) is None
    rights = accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0 + timedelta(minutes=19, seconds=1))
    assert rights is not None and rights.role == "bestuurder"


def test_four_wrong_passwords_do_not_lock_and_a_success_resets_the_count(db):
    _add(db)
    for _ in range(4):
        accounts.authenticate(db, "wethouder@ijmond.nl", "fout", now=T0)
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0) is not None
    for _ in range(4):  # 4 more: the count restarted at 0, so still 4 < 5
        accounts.authenticate(db, "wethouder@ijmond.nl", "fout", now=T0)
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0) is not None


def test_the_audit_log_records_logins_failures_locks_and_rights_changes_without_passwords(db):
    _add(db)
    accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0)
    for _ in range(5):
        accounts.authenticate(db, "wethouder@ijmond.nl", "verkeerd-wachtwoord", now=T0)
    accounts.authenticate(db, "onbekend@ijmond.nl", PASSWORD, now=T0)
    accounts.change_rights(db, "wethouder@ijmond.nl", "contractmanager", regions=("IJmond",), actor="beheer@x.nl")
    accounts.remove_account(db, "wethouder@ijmond.nl", actor="beheer@x.nl")
    log = _audit(db)
    assert [(actor, action) for actor, action, _ in log] == [
        ("cli:test", "user_added"),
        ("wethouder@ijmond.nl", "login"),
        *[("wethouder@ijmond.nl", "login_failed")] * 4,
        ("wethouder@ijmond.nl", "login_failed"),
        ("wethouder@ijmond.nl", "account_locked"),
        ("onbekend adres", "login_failed"),
        ("beheer@x.nl", "rights_changed"),
        ("beheer@x.nl", "user_removed"),
    ]
    assert log[0][2] == "wethouder@ijmond.nl: rol bestuurder; regio's: IJmond"
    assert log[-2][2] == "wethouder@ijmond.nl: rol contractmanager; regio's: IJmond"
    assert not any(PASSWORD in details or "verkeerd-wachtwoord" in details for _, _, details in log)


@pytest.mark.parametrize("typed", ["123456782", "Jan de Vries", "mijn-geheime-wachtwoord!", "j.devries@gmail.com"])
def test_a_login_under_an_unknown_name_keeps_nothing_of_what_was_typed_in_the_audit_log(db, typed):
    _add(db)
    accounts.authenticate(db, typed, PASSWORD, now=T0)
    log = _audit(db)
    assert log[-1][:2] == ("onbekend adres", "login_failed")
    assert not any(typed.lower() in " ".join(map(str, entry)).lower() for entry in log)


def test_demo_mode_lasts_until_the_first_account_exists(db):
    assert accounts.is_demo_mode(db)
    _add(db)
    assert not accounts.is_demo_mode(db)


def test_removing_the_last_account_does_not_reopen_demo_mode(db):
    _add(db)
    accounts.remove_account(db, "wethouder@ijmond.nl", actor="cli:test")
    assert users.count_accounts(db) == 0
    assert not accounts.is_demo_mode(db)  # the data stay behind a login


def test_rights_for_email_looks_up_an_oidc_identity(db):
    _add(db, email="cm@ijmond.nl", role="contractmanager", regions=("IJmond", "Zuid-Kennemerland"))
    assert accounts.rights_for_email(db, "CM@ijmond.nl") == Rights(
        "contractmanager", ("IJmond", "Zuid-Kennemerland"), email="cm@ijmond.nl")
    assert accounts.rights_for_email(db, "vreemde@ijmond.nl") is None


def test_a_provider_account_without_regions_sees_the_regions_its_provider_works_in(db):
    _add(db, email="p1@zorg.nl", role="aanbieder", regions=(), providers=("P1",))
    rights = accounts.rights_for_email(db, "p1@zorg.nl")
    assert rights == Rights("aanbieder", ("IJmond", "Zuid-Kennemerland"), ("P1",), "p1@zorg.nl")


@pytest.mark.parametrize("role, regions, providers, error, message", [
    ("wethouder", ("IJmond",), (), accounts.UsageError, "onbekende rol"),
    ("bestuurder", (), (), accounts.UsageError, "minstens één regio"),
    ("aanbieder", ("IJmond",), (), accounts.UsageError, "minstens één aanbiedercode"),
    ("contractmanager", ("IJmond",), ("P1",), accounts.UsageError, "alleen een aanbieder"),
    ("bestuurder", ("Atlantis",), (), accounts.AccountError, "onbekende regio: Atlantis"),
    ("aanbieder", (), ("P9",), accounts.AccountError, "onbekende aanbiedercode: P9"),
    ("aanbieder", ("Achterhoek",), ("P1",), accounts.AccountError, "werkt niet in regio Achterhoek"),
])
def test_rights_that_do_not_fit_are_refused_and_nothing_is_stored(db, role, regions, providers, error, message):
    with pytest.raises(error, match=message):
        _add(db, email="x@ijmond.nl", role=role, regions=regions, providers=providers)
    assert accounts.is_demo_mode(db)


@pytest.mark.parametrize("password, message", [
    ("kort-11tkns", "minstens 12 tekens"),  # 11 characters
    ("é" * 37, "hoogstens 72 bytes"),  # 37 × 2 bytes = 74 bytes > 72
])
def test_a_password_bcrypt_cannot_hold_safely_is_refused(db, password, message):
    with pytest.raises(accounts.AccountError, match=message):
        accounts.add_account(db, "x@ijmond.nl", "beheerder", password, actor="cli:test")


def test_a_second_account_with_the_same_address_is_refused(db):
    _add(db)
    with pytest.raises(accounts.AccountError, match="al een account"):
        _add(db, email="WETHOUDER@ijmond.nl")


def test_a_changed_password_replaces_the_old_one(db):
    _add(db)
    accounts.change_password(db, "wethouder@ijmond.nl", "een heel nieuw wachtwoord", actor="beheer@x.nl")
    assert accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=T0) is None
    assert accounts.authenticate(db, "wethouder@ijmond.nl", "een heel nieuw wachtwoord", now=T0) is not None


def test_a_lock_out_is_logged_in_minutes_not_in_a_utc_clock_time(db):
    _add(db)
    june = datetime(2026, 6, 10, 16, 2)  # five failures at 16:02 UTC lock for 15 minutes, until 16:17 UTC
    for _ in range(5):
        accounts.authenticate(db, "wethouder@ijmond.nl", "fout", now=june)
    accounts.authenticate(db, "wethouder@ijmond.nl", PASSWORD, now=june + timedelta(minutes=10, seconds=30))
    details = [d for _, action, d in _audit(db) if action in ("account_locked", "login_failed")]
    assert details[-2] == "na 5 mislukte pogingen, voor 15 minuten"
    assert details[-1] == "account geblokkeerd, nog 5 minuten"  # 4 min 30 s left, rounded up
