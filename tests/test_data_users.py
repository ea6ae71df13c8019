"""The account store: rows in, rows out, the atomic failure counter, region and provider lookups."""

from datetime import datetime

from data.store import users
from data.store.db import ensure_schema
from tests.builders import add_provider

UNTIL = datetime(2026, 11, 23, 9, 15)


def _insert(con, email="a@x.nl", role="bestuurder", regions=("IJmond",), providers=()):
    users.insert_account(con, email, role, regions, providers, "$2b$04$not-a-real-hash")


def test_an_inserted_account_reads_back_without_its_hash(empty_db):
    _insert(empty_db, providers=())
    account = users.get_account(empty_db, "a@x.nl")
    assert (account.email, account.role, account.regions, account.providers) == ("a@x.nl", "bestuurder", ("IJmond",), ())
    assert (account.failed_attempts, account.locked_until) == (0, None)
    assert not hasattr(account, "password_hash")
    assert users.password_hash(empty_db, "a@x.nl") == "$2b$04$not-a-real-hash"


def test_accounts_are_listed_by_role_then_address_and_counted(empty_db):
    _insert(empty_db, email="z@x.nl", role="bestuurder")
    _insert(empty_db, email="b@x.nl", role="beheerder", regions=())
    _insert(empty_db, email="a@x.nl", role="bestuurder")
    assert [a.email for a in users.list_accounts(empty_db)] == ["b@x.nl", "a@x.nl", "z@x.nl"]
    assert users.count_accounts(empty_db) == 3


def test_delete_and_updates_report_whether_the_account_existed(empty_db):
    _insert(empty_db)
    assert users.update_rights(empty_db, "a@x.nl", "contractmanager", ("Achterhoek",), ())
    assert users.get_account(empty_db, "a@x.nl").regions == ("Achterhoek",)
    assert not users.update_rights(empty_db, "b@x.nl", "contractmanager", ("Achterhoek",), ())
    assert users.update_password_hash(empty_db, "a@x.nl", "$2b$04$other")
    assert users.delete_account(empty_db, "a@x.nl")
    assert not users.delete_account(empty_db, "a@x.nl")
    assert users.count_accounts(empty_db) == 0


def test_the_limit_th_failure_locks_and_restarts_the_count(empty_db):
    _insert(empty_db)
    # limit 3: failures 1 and 2 count up, failure 3 locks and resets the count to 0
    assert [users.register_failure(empty_db, "a@x.nl", 3, UNTIL) for _ in range(3)] == [False, False, True]
    account = users.get_account(empty_db, "a@x.nl")
    assert (account.failed_attempts, account.locked_until) == (0, UNTIL)
    assert users.register_failure(empty_db, "a@x.nl", 3, UNTIL) is False
    users.register_success(empty_db, "a@x.nl")
    account = users.get_account(empty_db, "a@x.nl")
    assert (account.failed_attempts, account.locked_until) == (0, None)


def test_a_failure_for_an_unknown_address_changes_nothing(empty_db):
    assert users.register_failure(empty_db, "niemand@x.nl", 1, UNTIL) is False


def test_regions_and_providers_come_from_the_reference_lists(empty_db):
    add_provider(empty_db, provider="P1", regions="IJmond / Zuid-Kennemerland")
    add_provider(empty_db, provider="P2", regions="Achterhoek")
    # the four jeugdregio's filled in in gemeenten_2025.csv
    assert users.known_regions(empty_db) == {"IJmond", "Zuid-Kennemerland", "Achterhoek", "Helmond-De Peel"}
    assert users.known_providers(empty_db) == {"P1", "P2"}
    assert users.provider_regions(empty_db, ["P1"]) == ("IJmond", "Zuid-Kennemerland")
    assert users.provider_regions(empty_db, ["P1", "P2"]) == ("Achterhoek", "IJmond", "Zuid-Kennemerland")
    assert users.provider_regions(empty_db, ["P9"]) == ()


def test_ensure_schema_twice_keeps_the_accounts(empty_db):
    _insert(empty_db)
    ensure_schema(empty_db)
    assert users.count_accounts(empty_db) == 1
