"""Dates, months and quarters as Dutch Excel writes them, loaded through `python -m data load` (issue 11, 12).

One file per column: each row holds the same kind of value in another form, and the stored values
must be the dates the forms mean. Refusals name the reason: a short year, year zero or a year out of
the plausible range (2000 up to next year), a date that is not the first of a month or a quarter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.fixtures.csv import csv_bytes, database_with_providers, run_data_cli

NEXT_YEAR = date.today().year + 1

# (form, text, the date it means): the six date forms of the issue, each with a distinct date
DATE_FORMS = [
    ("d-m-jjjj", "5-9-2025", date(2025, 9, 5)),
    ("dd-m-jjjj", "15-9-2025", date(2025, 9, 15)),
    ("d-mm-jjjj", "5-10-2025", date(2025, 10, 5)),
    ("dd-mm-jjjj", "15-10-2025", date(2025, 10, 15)),
    ("jjjj-mm-dd", "2025-10-16", date(2025, 10, 16)),
    ("d/m/jjjj", "6/9/2025", date(2025, 9, 6)),
    ("dd/mm/jjjj", "16/10/2025", date(2025, 10, 16)),
]
FULL_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
SHORT_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
# (text, the month it means): the forms of the issue, then every Dutch name and Excel abbreviation
MONTH_FORMS = [
    ("2024-10", date(2024, 10, 1)), ("2024-7", date(2024, 7, 1)), ("10-2024", date(2024, 10, 1)),
    ("1-10-2024", date(2024, 10, 1)), ("01-07-2024", date(2024, 7, 1)), ("2024-06-01", date(2024, 6, 1)),
    ("okt-24", date(2024, 10, 1)), ("okt 2024", date(2024, 10, 1)), ("oktober 2024", date(2024, 10, 1)),
    *[(f"{name} 2025", date(2025, number, 1)) for number, name in enumerate(FULL_NAMES, 1)],
    *[(f"{name}-23", date(2023, number, 1)) for number, name in enumerate(SHORT_NAMES, 1)],
]
# (text, the quarter's first day): distinct quarters, so the rows do not share a key
QUARTER_FORMS = [
    ("2025-K1", date(2025, 1, 1)), ("2025-q2", date(2025, 4, 1)), ("K3 2025", date(2025, 7, 1)),
    ("2025-10", date(2025, 10, 1)), ("01-2024", date(2024, 1, 1)), ("1-4-2024", date(2024, 4, 1)),
    ("jul-24", date(2024, 7, 1)), ("oktober 2024", date(2024, 10, 1)), ("2023-01-01", date(2023, 1, 1)),
]


@pytest.fixture
def database(tmp_path) -> Path:
    return database_with_providers(tmp_path / "vormen.duckdb")


def load(database: Path, tmp_path: Path, name: str, rows: list[dict[str, str]]):
    file = tmp_path / name
    file.write_bytes(csv_bytes(rows, header=list(dict.fromkeys(name for row in rows for name in row))))
    return run_data_cli("load", "--db", str(database), str(file))


def stored(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


def _trajectory(i: int, **cells: str) -> dict[str, str]:
    return {"traject_id": f"T-{i}", "client_id": f"k-{i}", "gemeente": "392", "aanbieder": "ZORG-A",
            "perceel": "complex", "productcategorie": "45", "startdatum": "31-12-2025", **cells}


def _dialogue(i: int, **cells: str) -> dict[str, str]:
    return {"datum": "1-12-2025", "regio": "IJmond", "thema": "1", "onderwerp": f"onderwerp {i}", **cells}


# (kind, column, table, key attribute and column, date attribute, a row with the date column set to `text`)
DATE_COLUMNS = [
    ("trajecten", "aanmelddatum", "trajectories", "trajectory_id", "traject_id", "registration_date",
     lambda i, text: _trajectory(i, aanmelddatum=text)),
    ("trajecten", "startdatum", "trajectories", "trajectory_id", "traject_id", "start_date",
     lambda i, text: _trajectory(i, startdatum=text)),
    ("trajecten", "einddatum", "trajectories", "trajectory_id", "traject_id", "end_date",
     lambda i, text: _trajectory(i, startdatum="1-1-2025", einddatum=text, reden_einde="31")),
    ("dialoog", "datum", "dialogues", "subject", "onderwerp", "session_date",
     lambda i, text: _dialogue(i, datum=text)),
    ("dialoog", "deadline", "dialogues", "subject", "onderwerp", "deadline",
     lambda i, text: _dialogue(i, deadline=text)),
    ("aanbieders", "certificaat_geldig_tot", "providers", "provider", "aanbieder", "certificate_valid_until",
     lambda i, text: {"aanbieder": f"NIEUW-{i}", "naam": f"Aanbieder {i}", "perceel": "complex",
                      "rol": "overig", "regio": "IJmond", "certificaat_geldig_tot": text}),
]


@pytest.mark.parametrize("kind, column, table, key, key_column, attr, row", DATE_COLUMNS,
                         ids=[case[1] for case in DATE_COLUMNS])
def test_every_date_column_takes_every_form_excel_writes(database, tmp_path, kind, column, table, key, key_column,
                                                          attr, row):
    rows = [row(i, text) for i, (_, text, _) in enumerate(DATE_FORMS)]
    result = load(database, tmp_path, f"{kind}.csv", rows)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    got = dict(stored(database, f"select {key}, {attr} from {table}"))
    assert [got[written[key_column]] for written in rows] == [meant for _, _, meant in DATE_FORMS]


def test_the_month_column_takes_every_form_and_every_dutch_month_name(database, tmp_path):
    rows = [{"periode": text, "gemeente": "392", "aanbieder": "ZORG-A", "perceel": "complex", "soort": "declaratie",
             "bedrag": str(i)} for i, (text, _) in enumerate(MONTH_FORMS)]
    result = load(database, tmp_path, "kosten.csv", rows)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    got = stored(database, "select amount::integer, month from costs order by amount")
    assert got == [(i, meant) for i, (_, meant) in enumerate(MONTH_FORMS)]


def test_the_quarter_column_takes_quarters_and_the_first_month_of_a_quarter(database, tmp_path):
    rows = [{"periode": text, "regio": "IJmond", "aanbieder": "ZORG-A", "perceel": "complex",
             "afgesloten_trajecten": str(i), "doelen_behaald": "0", "tevredenheid_respondenten": "0", "tevredenheid_positief": "0",
             "weigeringen": "0"} for i, (text, _) in enumerate(QUARTER_FORMS)]
    result = load(database, tmp_path, "uitkomsten.csv", rows)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    got = stored(database, "select closed_trajectories, quarter_start from outcomes order by closed_trajectories")
    assert got == [(i, meant) for i, (_, meant) in enumerate(QUARTER_FORMS)]


FOUR = "heeft geen jaartal van vier cijfers; schrijf het jaar voluit (bijvoorbeeld 2026)"
RANGE = "ligt buiten de mogelijke jaren (2000 tot en met volgend jaar)"
REFUSED = [
    ("trajecten", [_trajectory(1, startdatum="15-1-25"), _trajectory(2, startdatum="5-12-25"),
                   _trajectory(3, startdatum="31-12-1999"), _trajectory(4, startdatum="0000-01-01"),
                   _trajectory(5, aanmelddatum="1-1-00")],
     [f"rij 2, kolom startdatum: 15-1-25 {FOUR}",
      f"rij 3, kolom startdatum: 5-12-25 {FOUR}",
      f"rij 4, kolom startdatum: 31-12-1999 {RANGE}",
      "rij 5, kolom startdatum: 0000-01-01 is geen geldige datum (gebruik d-m-jjjj of jjjj-mm-dd)",
      "rij 6, kolom aanmelddatum: 1-1-00 is geen geldige datum (gebruik d-m-jjjj of jjjj-mm-dd)"]),
    # a deadline lies ahead by nature: up to 10 years (issue 22: 2028 and 2029 were refused); 11 is implausible
    ("dialoog", [_dialogue(1, deadline=f"1-1-{NEXT_YEAR + 10}")],
     [f"rij 2, kolom deadline: 1-1-{NEXT_YEAR + 10} ligt buiten de mogelijke jaren (2000 tot en met 10 jaar vooruit)"]),
    ("kosten", [{"periode": text, "gemeente": "392", "aanbieder": "ZORG-A", "perceel": "complex",
                 "soort": "declaratie", "bedrag": "1"} for text in ("15-10-2025", "0000-01", "1999-12", "okt-2")],
     ["rij 2, kolom periode: 15-10-2025 is niet de eerste dag van een maand; schrijf de maand als JJJJ-MM "
      "(bijvoorbeeld 2026-10)",
      "rij 3, kolom periode: 0000-01 is geen geldige maand (gebruik JJJJ-MM)",
      f"rij 4, kolom periode: 1999-12 {RANGE}",
      "rij 5, kolom periode: okt-2 is geen geldige maand (gebruik JJJJ-MM)"]),
    ("uitkomsten", [{"periode": text, "regio": "IJmond", "aanbieder": "ZORG-A", "perceel": "complex",
                     "afgesloten_trajecten": "1", "doelen_behaald": "0", "tevredenheid_respondenten": "0", "tevredenheid_positief": "0",
                     "weigeringen": "0"} for text in ("2025-11", "15-1-2025", "0000-K1", "1999-K4")],
     ["rij 2, kolom periode: 2025-11 is niet het begin van een kwartaal; schrijf het kwartaal als JJJJ-Kn "
      "(bijvoorbeeld 2026-K4)",
      "rij 3, kolom periode: 15-1-2025 is niet het begin van een kwartaal; schrijf het kwartaal als JJJJ-Kn "
      "(bijvoorbeeld 2026-K4)",
      "rij 4, kolom periode: 0000-K1 is geen geldig kwartaal (gebruik JJJJ-Kn)",
      f"rij 5, kolom periode: 1999-K4 {RANGE}"]),
    ("normen", [{"indicator": "wachttijd_mediaan", "jaar": year, "norm": "42"} for year in ("0000", "1999", "25")],
     [f"rij 2, kolom jaar: 0000 {RANGE}", f"rij 3, kolom jaar: 1999 {RANGE}",
      "rij 4, kolom jaar: 25 is geen geldig jaartal (schrijf het jaar met vier cijfers, bijvoorbeeld 2026)"]),
    ("gemeenten", [{"gemeente": "392", "jaar": str(NEXT_YEAR + 1), "inwoners_0_17": "100"}],
     [f"rij 2, kolom jaar: {NEXT_YEAR + 1} {RANGE}"]),
    ("budget", [{"gemeente": "392", "jaar": str(NEXT_YEAR + 1), "perceel": "complex", "budget": "100"}],
     [f"rij 2, kolom jaar: {NEXT_YEAR + 1} {RANGE}"]),
]


@pytest.mark.parametrize("kind, rows, lines", REFUSED, ids=[case[0] for case in REFUSED])
def test_short_years_year_zero_implausible_years_and_mid_month_dates_are_refused_with_the_reason(
        database, tmp_path, kind, rows, lines):
    result = load(database, tmp_path, f"{kind}.csv", rows)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == lines
