"""The upload kind `contracten` (csv-contract.md kind 11): a contract's term and evaluation moments checked
cell by cell, with the row and column named in Dutch."""

from __future__ import annotations

import pytest

from data.ingest.contracts import CareContract
from data.ingest.load import load_file
from tests.fixtures.csv import add_providers, csv_bytes

GOOD = {"contract_id": "CX-2023-01", "regio": "IJmond", "perceel": "complex", "bekostiging": "lumpsum",
        "startdatum": "01-01-2023", "einddatum": "31-12-2025", "verlenging_tot": "",
        "evaluatiemomenten": "01-10-2024", "afspraken": ""}


def _refusals(db, *rows: dict[str, str]) -> list[str]:
    add_providers(db)
    report = load_file(db, csv_bytes(list(rows)), "contracten.csv", kind="contracten", uploader="test")
    assert not report.stored
    assert db.execute("select count(*) from contracts").fetchone()[0] == 0
    return [str(error) for error in report.errors]


def test_a_contract_that_ends_before_its_evaluation_moment_is_refused_on_that_row_and_column(empty_db):
    late = GOOD | {"contract_id": "CX-2023-02", "evaluatiemomenten": "01-10-2024/01-04-2026"}
    assert _refusals(empty_db, GOOD, late) == [
        "rij 3, kolom evaluatiemomenten: 01-10-2024/01-04-2026 bevat een evaluatiemoment na het einde van het "
        "contract (de einddatum 31-12-2025, of verlenging_tot als die is ingevuld)"]


def test_an_evaluation_moment_after_the_end_but_within_the_extension_limit_is_accepted(empty_db):
    add_providers(empty_db)
    within = GOOD | {"verlenging_tot": "31-12-2027", "evaluatiemomenten": "01-04-2026"}
    report = load_file(empty_db, csv_bytes([within]), "contracten.csv", kind="contracten", uploader="test")
    assert report.errors == () and report.stored


def test_an_evaluation_moment_before_the_start_and_an_end_before_the_start_are_refused(empty_db):
    early = GOOD | {"evaluatiemomenten": "01-12-2022"}
    backwards = GOOD | {"contract_id": "CX-2023-03", "einddatum": "01-01-2023", "evaluatiemomenten": ""}
    assert _refusals(empty_db, early, backwards) == [
        "rij 2, kolom evaluatiemomenten: 01-12-2022 bevat een evaluatiemoment vóór de startdatum 01-01-2023",
        "rij 3, kolom einddatum: 01-01-2023 ligt niet na de startdatum 01-01-2023"]


def test_a_list_with_a_wrong_date_and_an_unknown_funding_form_are_named(empty_db):
    wrong = GOOD | {"evaluatiemomenten": "01-10-2024/31-02-2025", "bekostiging": "budget"}
    assert _refusals(empty_db, wrong) == [
        "rij 2, kolom bekostiging: budget is geen toegestane waarde (kies uit lumpsum, pxq, taakgericht, "
        "resultaatgericht)",
        "rij 2, kolom evaluatiemomenten: 01-10-2024/31-02-2025 is geen geldige lijst van datums (scheid de "
        "datums met /, bijvoorbeeld 01-04-2024/01-10-2025)"]


def test_the_python_model_applies_the_same_term_rule():
    with pytest.raises(ValueError, match="evaluatiemoment na het einde"):
        CareContract.model_validate(GOOD | {"evaluatiemomenten": "2026-04-01"})
    stored = CareContract.model_validate(GOOD | {"evaluatiemomenten": "2024-10-01/01-04-2025"})
    assert [day.isoformat() for day in stored.evaluation_dates] == ["2024-10-01", "2025-04-01"]
