"""A dry run keeps its checked rows (`stage`); storing them (`checked`) needs no second decode.

The decode is counted by the `decode_calls` fixture (tests/conftest.py). Files are budgets: few
columns, values easy to state by hand.
"""

from decimal import Decimal
from pathlib import Path

from data.ingest.load import STAGES, load_file

HEADER = "jaar;gemeente;perceel;aanbieder;budget\r\n"
GOOD = (HEADER + "2027;0375;complex;;2.500.000\r\n2027;GM0396;complex;;1500000,50\r\n").encode("cp1252")
OTHER = (HEADER + "2027;GM0392;enkelvoudig;;10\r\n").encode("cp1252")


def _check(con, raw: bytes, **options):
    return load_file(con, raw, "budget.csv", uploader="tester", dry_run=True, stage=True, **options)


def _budgets(con) -> list[tuple]:
    return con.execute("select year, municipality, lot, provider, budget from budgets order by municipality").fetchall()


def test_the_confirmation_stores_the_checked_rows_without_decoding_again(empty_db, decode_calls):
    stages: list[str] = []
    checked = _check(empty_db, GOOD, progress=stages.append)
    assert checked.staged is not None and Path(checked.staged.path).exists()
    assert stages == ["read", "check"]

    stored = load_file(empty_db, GOOD, "budget.csv", uploader="tester", checked=checked, progress=stages.append)
    assert decode_calls == ["budget"]
    assert stages == ["read", "check", "store"]
    assert stored.stored and stored.rows == 2
    assert _budgets(empty_db) == [(2027, "GM0375", "complex", None, Decimal("2500000.00")),
                                  (2027, "GM0396", "complex", None, Decimal("1500000.50"))]
    assert empty_db.execute("select row_count, uploader from uploads").fetchall() == [(2, "tester")]
    checked.staged.discard()
    assert not Path(checked.staged.path).exists()


def test_other_bytes_than_the_checked_ones_are_decoded_and_stored_as_they_are(empty_db, decode_calls):
    checked = _check(empty_db, GOOD)
    stored = load_file(empty_db, OTHER, "budget.csv", uploader="tester", checked=checked)
    assert decode_calls == ["budget", "budget"]
    assert stored.stored
    assert _budgets(empty_db) == [(2027, "GM0392", "enkelvoudig", None, Decimal("10.00"))]


def test_a_write_after_the_check_makes_the_confirmation_check_again(empty_db, decode_calls):
    checked = _check(empty_db, GOOD)
    empty_db.execute("insert into table_generations values ('municipalities', 7) "
                     "on conflict do update set generation = generation + 1")
    stored = load_file(empty_db, GOOD, "budget.csv", uploader="tester", checked=checked)
    assert decode_calls == ["budget", "budget"]
    assert stored.stored and stored.rows == 2


def test_a_refused_or_unchanged_file_keeps_nothing(empty_db):
    refused = _check(empty_db, (HEADER + "2027;GM9999;complex;;-5\r\n").encode("cp1252"))
    assert refused.errors and refused.staged is None
    load_file(empty_db, GOOD, "budget.csv", uploader="tester")
    again = _check(empty_db, GOOD)
    assert again.unchanged and again.staged is None


def test_the_stages_are_told_in_order_for_a_full_load(empty_db):
    stages: list[str] = []
    load_file(empty_db, GOOD, "budget.csv", uploader="tester", progress=stages.append)
    assert stages == ["read", "check", "store"] == list(STAGES)
