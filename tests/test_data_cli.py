"""`python -m data load` and `python -m data template`, run as a scheduler would: as a subprocess."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.fixtures.csv import HERE, csv_bytes

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", *args], cwd=ROOT, capture_output=True, timeout=120)


def test_template_writes_the_header_and_two_marked_examples_as_utf8_with_bom_and_semicolons(tmp_path):
    result = run("template", "budget", "--db", str(tmp_path / "geen.duckdb"))
    assert result.returncode == 0
    lines = result.stdout.split(b"\r\n")
    assert lines[0] == b"\xef\xbb\xbfjaar;gemeente;perceel;aanbieder;budget"
    assert [line[:10] for line in lines[1:]] == [b"VOORBEELD ", b"VOORBEELD ", b""]


def test_template_of_an_unknown_kind_is_wrong_usage():
    assert run("template", "salarissen").returncode == 2


def test_load_creates_the_database_stores_the_file_and_says_ongewijzigd_the_second_time(tmp_path):
    database = tmp_path / "nieuw.duckdb"
    providers = run("load", "--db", str(database), "--user", "jan", str(HERE / "aanbieders_excel.csv"))
    assert providers.returncode == 0, providers.stderr
    first = run("load", "--db", str(database), str(HERE / "trajecten_excel.csv"))
    assert first.returncode == 0, first.stderr
    line = first.stdout.decode().strip()
    assert line.startswith("trajecten: 3 rijen opgeslagen") and "gemeente Beverwijk, Haarlem en Velsen, traject_id (3 waarden)" in line
    second = run("load", "--db", str(database), "--kind", "trajecten", str(HERE / "trajecten_excel.csv"))
    assert second.returncode == 0 and "ongewijzigd" in second.stdout.decode()
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*) from trajectories").fetchone() == (3,)
        assert con.execute("select count(*) from municipalities").fetchone() == (342,)  # reference data loaded
        assert con.execute("select uploader from uploads order by upload_id").fetchall() == [("cli:jan",), ("cli",)]


def test_a_refused_file_exits_1_and_prints_every_error_on_its_own_line(tmp_path):
    bad = tmp_path / "gemeenten.csv"
    bad.write_bytes(csv_bytes([{"gemeente": "9999", "jaar": "2025", "inwoners_0_17": "0"},
                               {"gemeente": "392", "jaar": "25", "inwoners_0_17": "100"}]))
    result = run("load", "--db", str(tmp_path / "db.duckdb"), str(bad))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines == ["rij 2, kolom gemeente: 9999 is geen bekende gemeentecode",
                     "rij 2, kolom inwoners_0_17: 0 moet groter dan 0 zijn",
                     "rij 3, kolom jaar: 25 is geen geldig jaartal (schrijf het jaar met vier cijfers, bijvoorbeeld 2026)"]
    assert all(re.match(r"rij \d+, kolom \w+: ", line) for line in lines)


@pytest.mark.parametrize("args", [
    ("--kind", "salarissen", "tests/fixtures/csv/budget_utf8.csv"),
    ("tests/fixtures/csv/bestaat_niet.csv",),
])
def test_load_with_an_unknown_kind_or_a_missing_file_is_wrong_usage(tmp_path, args):
    assert run("load", "--db", str(tmp_path / "db.duckdb"), *args).returncode == 2


@pytest.mark.parametrize("make, reason", [
    (lambda path: path.mkdir(), "dat is een map, geen bestand"),
    (lambda path: path.write_bytes(b"gemeente;jaar\r\n392;2025\r\n"), "dat bestand is geen DuckDB-database"),
])
@pytest.mark.parametrize("command", [["load", "--db", "{db}", str(HERE / "gemeenten_utf8.csv")],
                                     ["users", "list", "--db", "{db}"]])
def test_a_db_that_is_a_directory_or_no_duckdb_file_is_wrong_usage_in_dutch(tmp_path, make, reason, command):
    target = tmp_path / "monitor.duckdb"
    make(target)
    result = run(*[str(target) if arg == "{db}" else arg for arg in command])
    assert result.returncode == 2
    assert result.stderr.decode() == (f"--db {target}: {reason}; geef een DuckDB-databasebestand op "
                                      "(een nieuw bestand wordt aangemaakt)\n")


@pytest.mark.parametrize("module, args, expected", [
    ("data", ["load"], "python -m data load: fout: deze argumenten zijn verplicht: file"),
    ("data", ["laad"], "python -m data: fout: argument command: ongeldige keuze: 'laad' (kies uit 'demo', "),
    ("data", ["load", "--db"], "python -m data load: fout: argument --db: verwacht één waarde"),
    ("data", ["template", "budget", "extra"], "python -m data: fout: onbekende argumenten: extra"),
    ("levers", ["report", "--regio", "IJmond"], "python -m levers report: fout: deze argumenten zijn verplicht: --db"),
])
def test_usage_errors_of_every_command_line_are_dutch(module, args, expected):
    result = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert lines[0].startswith(f"gebruik: python -m {module}")
    assert lines[-1].startswith(expected)
