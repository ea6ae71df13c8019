"""Uploaden page (AppTest): a file is decoded and checked once; the confirmation stores the checked rows.

The decode is counted by the `decode_calls` fixture (tests/conftest.py); each test gets its own copy
of the small fixture database.
"""

from decimal import Decimal

import duckdb

from auth.rights import Rights
from tests.fixtures.small_db import open_app

PAGE = "views/pages/upload.py"
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
GOOD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;0375;complex;;2.500.000\r\n2027;GM0396;complex;;1500000,50\r\n"
BAD = "jaar;gemeente;perceel;aanbieder;budget\r\n2027;GM9999;complex;;1000\r\n2027;GM0396;complex;;-5\r\n"


def _upload(text: str):
    at = open_app(PAGE, rights=CONTRACT_MANAGER)
    at.file_uploader[0].upload("budget_2027.csv", text.encode("cp1252"), "text/csv")
    return at.run()


def _confirm(at):
    next(button for button in at.button if button.label == "Opslaan").click()
    return at.run()


def _rows(db_file, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db_file))  # the same process: shares the page's database instance
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_preview_then_opslaan_stores_exactly_the_files_rows_after_one_decode(own_small_db, decode_calls):
    at = _upload(GOOD)
    assert not at.exception and not at.error
    assert decode_calls == ["budget"]  # the check
    assert _rows(own_small_db, "select count(*) from budgets where year = 2027") == [(0,)]

    at = _confirm(at)
    assert not at.exception and not at.error
    assert decode_calls == ["budget"]  # the confirmation stored the checked rows: no second decode
    # the file by hand: Beverwijk (0375 -> GM0375) 2.500.000 and Heemskerk 1.500.000,50, whole perceel complex
    assert _rows(own_small_db, "select year, municipality, lot, provider, budget from budgets where year = 2027 "
                               "order by municipality") == [
        (2027, "GM0375", "complex", None, Decimal("2500000.00")),
        (2027, "GM0396", "complex", None, Decimal("1500000.50")),
    ]
    assert _rows(own_small_db, "select kind, file_name, row_count, uploader from uploads") == [
        ("budget", "budget_2027.csv", 2, "cm@ijmond.nl")]
    stored_by = _rows(own_small_db, "select count(distinct upload_id) from budgets where year = 2027")
    assert stored_by == [(1,)]


def test_a_store_that_changed_after_the_check_is_checked_again_before_storing(own_small_db, decode_calls):
    at = _upload(GOOD)
    con = duckdb.connect(str(own_small_db))  # another writer in between: the checked rows are out of date
    try:
        con.execute("insert into table_generations values ('providers', 1) "
                    "on conflict do update set generation = generation + 1")
    finally:
        con.close()

    at = _confirm(at)
    assert not at.exception and not at.error
    assert decode_calls == ["budget", "budget"]
    assert _rows(own_small_db, "select count(*), sum(budget) from budgets where year = 2027") == [
        (2, Decimal("4000000.50"))]


def test_a_refused_file_stores_nothing_and_offers_no_opslaan(own_small_db, decode_calls):
    before = _rows(own_small_db, "select count(*) from budgets")
    at = _upload(BAD)
    assert not at.exception
    assert "niet opgeslagen" in at.error[0].value
    assert not [button for button in at.button if button.label == "Opslaan"]
    assert decode_calls == ["budget"]
    assert _rows(own_small_db, "select count(*) from budgets") == before
    assert _rows(own_small_db, "select count(*) from uploads") == [(0,)]
