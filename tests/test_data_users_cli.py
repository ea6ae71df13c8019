"""`python -m data users ...` as an administrator runs it: password on standard input, exit codes."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct paard batterij 42"


def _users(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", "users", *args, "--db", str(db)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "monitor.duckdb"


def test_demo_mode_turns_off_when_the_first_account_is_added(db):
    from auth.accounts import is_demo_mode

    listed = _users(db, "list")
    assert listed.returncode == 0 and "demomodus" in listed.stdout
    added = _users(db, "add", "--email", "Wethouder@IJmond.nl", "--rol", "bestuurder", "--regio", "IJmond",
                   stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "account toegevoegd: wethouder@ijmond.nl" in added.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert not is_demo_mode(con)
    finally:
        con.close()
    (stored,) = _query(db, "select password_hash from users")[0]
    assert stored.startswith("$2b$") and PASSWORD not in stored
    assert "wethouder@ijmond.nl\tbestuurder\tIJmond\t-\t-" in _users(db, "list").stdout


def test_removing_the_last_account_brings_demo_mode_back_and_is_audited(db):
    _users(db, "add", "--email", "b@x.nl", "--rol", "beheerder", stdin=PASSWORD + "\n")
    removed = _users(db, "remove", "--email", "b@x.nl")
    assert removed.returncode == 0 and "account verwijderd: b@x.nl" in removed.stdout
    assert _query(db, "select count(*) from users") == [(0,)]
    assert [action for (action,) in _query(db, "select action from audit_log order by audit_id")] == [
        "user_added", "user_removed"]


@pytest.mark.parametrize("args, stdin, code, message", [
    (("add", "--email", "x@x.nl", "--rol", "wethouder"), PASSWORD, 2, "onbekende rol"),
    (("add", "--email", "x@x.nl", "--rol", "bestuurder"), PASSWORD, 2, "minstens één regio"),
    (("add", "--email", "geen-adres", "--rol", "beheerder"), PASSWORD, 2, "geen geldig e-mailadres"),
    (("add", "--email", "x@x.nl", "--rol", "bestuurder", "--regio", "Atlantis"), PASSWORD, 1, "onbekende regio"),
    (("add", "--email", "x@x.nl", "--rol", "aanbieder", "--aanbieder", "P1"), PASSWORD, 1, "onbekende aanbiedercode"),
    (("add", "--email", "x@x.nl", "--rol", "beheerder"), "", 1, "geen wachtwoord"),
    (("add", "--email", "x@x.nl", "--rol", "beheerder"), "te kort", 1, "minstens 12 tekens"),
    (("remove", "--email", "x@x.nl"), "", 1, "geen account voor x@x.nl"),
])
def test_wrong_usage_and_refusals_exit_with_a_dutch_message_and_store_nothing(db, args, stdin, code, message):
    result = _users(db, *args, stdin=stdin)
    assert result.returncode == code
    assert message in result.stderr
    assert _query(db, "select count(*) from users") == [(0,)]


def test_the_password_cannot_be_given_as_an_argument(db):
    result = _users(db, "add", "--email", "x@x.nl", "--rol", "beheerder", "--password", PASSWORD)
    assert result.returncode == 2  # argparse: unrecognised argument


def test_the_help_of_adding_a_user_lists_the_four_roles():
    shown = subprocess.run([sys.executable, "-m", "data", "users", "add", "--help"], capture_output=True, text=True,
                           cwd=ROOT, timeout=120).stdout
    flat = " ".join(shown.split())
    assert "één van: bestuurder, contractmanager, aanbieder (met --aanbieder) of beheerder" in flat
