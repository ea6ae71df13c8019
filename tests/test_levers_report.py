import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from data.store.db import connect
from commands.args import municipality_code
from commands.levers import main
from levers.catalogue import CODES
from commands.report import COLUMNS, count_text, decimal_text
from tests.builders import BEVERWIJK, add_dialogue, add_provider, add_trajectory
from tests.test_levers_suppression import build_small_region

ROOT = Path(__file__).resolve().parents[1]
REPORT = ("report", "--regio", "IJmond", "--periode", "2026-10", "--db")  # the database path follows; [1:] for agenda


@pytest.fixture
def db_file(tmp_path) -> str:
    """The small region of the suppression tests, written to a database file and closed."""
    path = tmp_path / "klein.duckdb"
    con = connect(path)
    build_small_region(con)
    con.close()
    return str(path)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _csv(text: str) -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in csv.DictReader(io.StringIO(text))}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (48.5, "48.50"), (1 / 3 * 100, "33.33"), (0.0, "0.00"), (-0.001, "0.00"), (-2.5, "-2.50"),
        (1234567.891, "1234567.89"), (None, ""),
    ],
)
def test_values_have_a_decimal_point_and_two_decimals(value, text):
    assert decimal_text(value) == text


@pytest.mark.parametrize(("value", "text"), [(12.0, "12"), (0.0, "0"), (1500000.5, "1500000.50"), (None, "")])
def test_denominators_are_whole_numbers_where_they_are_whole(value, text):
    assert count_text(value) == text


def test_the_csv_report_has_one_row_per_indicator_in_lever_and_catalogue_order(db_file, capsys):
    code, out, _ = _run(capsys, *REPORT, db_file)
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames) == COLUMNS
    rows = list(reader)
    assert [row["code"] for row in rows] == list(CODES)
    weigeringen = next(row for row in rows if row["code"] == "weigeringen")
    assert weigeringen["hefboom"] == "Kaders en randvoorwaarden"
    assert [weigeringen[key] for key in ("waarde", "norm", "marge", "status")] == ["<5", "0.00", "0.00", "rood"]


def test_with_nl_the_report_has_decimal_commas_and_semicolons(db_file, capsys):
    _, machine, _ = _run(capsys, *REPORT, db_file)
    code, out, _ = _run(capsys, *REPORT, db_file, "--nl")
    assert code == 0
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(out), delimiter=";")}
    assert rows["actieve_trajecten"]["waarde"] == _csv(machine)["actieve_trajecten"]["waarde"].replace(".", ",")
    assert rows["weigeringen"]["norm"] == "0,00" and rows["weigeringen"]["waarde"] == "<5"
    assert rows["dialoogsessies"]["naam"] == "Dialoogsessies, laatste 6 maanden"  # a comma needs no quotes now


def test_a_name_with_a_comma_is_quoted_in_the_csv(db_file, capsys):
    _, out, _ = _run(capsys, *REPORT, db_file)
    assert '"Dialoogsessies, laatste 6 maanden"' in out
    assert _csv(out)["dialoogsessies"]["naam"] == "Dialoogsessies, laatste 6 maanden"


def test_the_json_report_holds_the_same_rows(db_file, capsys):
    _, out, _ = _run(capsys, "report", "--db", db_file, "--regio", "ijmond", "--periode", "2026-10", "--format", "json")
    rows = json.loads(out)
    assert [row["code"] for row in rows] == list(CODES)
    tevredenheid = next(row for row in rows if row["code"] == "tevredenheid")
    # 9 / 12 × 100 = 75.00 (80, marge 5) → oranje; 12 respondents.
    assert [tevredenheid[key] for key in ("waarde", "norm", "marge", "noemer")] == ["75.00", "80.00", "5.00", "12"]


def test_variatie_zekerheid_and_periode_waarde_follow_noemer(db_file, capsys):
    # The small region has no dialogues: open_acties is 0 in each of the 24 months up to October, a flat
    # series (mR̄ = 0): gewone variatie, no norm → no zekerheid. dialoogsessies counts 6 months at each
    # point (overlapping windows): no variatie or zekerheid in a month view (signals.md §3a).
    # tevredenheid comes from 2026-K3 (K4 has not ended on 10-31) and has one valued quarter:
    # no variatie, no zekerheid.
    _, out, _ = _run(capsys, *REPORT, db_file)
    header = out.splitlines()[0].split(",")
    assert header[header.index("noemer") + 1:header.index("noemer") + 4] == ["variatie", "zekerheid", "periode_waarde"]
    rows = _csv(out)
    keys = ("variatie", "zekerheid", "periode_waarde")
    assert [rows["open_acties"][key] for key in keys] == ["gewoon", "", ""]
    assert [rows["dialoogsessies"][key] for key in keys] == ["", "", ""]
    assert [rows["tevredenheid"][key] for key in keys] == ["", "", "2026-K3"]
    _, out, _ = _run(capsys, *REPORT, db_file, "--format", "json")
    as_json = {row["code"]: row for row in json.loads(out)}
    assert [as_json["open_acties"][key] for key in keys] == ["gewoon", "", ""]
    assert as_json["tevredenheid"]["periode_waarde"] == "2026-K3"


@pytest.mark.parametrize("gemeente", ["GM0375", "0375", "375", "gm375"])
def test_a_municipality_code_may_be_written_three_ways(gemeente):
    assert municipality_code(gemeente) == "GM0375"


def test_the_report_narrows_to_the_requested_municipality(db_file, capsys):
    # Six trajectories in Beverwijk active in October; the three of Velsen are left out.
    con = connect(db_file)
    for client in "DEFGHI":
        add_trajectory(con, client=client, start=date(2026, 10, 1), municipality=BEVERWIJK)
    con.close()
    _, out, _ = _run(capsys, *REPORT, db_file, "--gemeente", "375")
    assert _csv(out)["actieve_trajecten"]["waarde"] == "6.00"
    _, out, _ = _run(capsys, *REPORT, db_file)
    assert _csv(out)["actieve_trajecten"]["waarde"] == "9.00"  # 3 + 6


def test_a_provider_filter_without_matching_data_reports_zero(db_file, capsys):
    # P2, a provider of the region, has no trajectories: 0 active; the population rate is not shown with a
    # provider filter. (A provider the region does not know is refused: see the usage errors below.)
    con = connect(db_file)
    add_provider(con, provider="P2", regions="IJmond")
    con.close()
    _, out, _ = _run(capsys, *REPORT, db_file, "--aanbieder", "P2")
    rows = _csv(out)
    assert rows["actieve_trajecten"]["waarde"] == "0.00"
    assert (rows["jeugdhulp_per_1000"]["waarde"], rows["jeugdhulp_per_1000"]["status"]) == ("", "grijs")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--regio", "Atlantis", "--periode", "2026-10"], "onbekende regio: Atlantis"),
        (["--regio", "IJmond", "--periode", "2026-13"], "geen geldige maand"),
        (["--regio", "IJmond", "--periode", "2026-10", "--perceel", "Complexe"], "onbekend perceel"),
        (["--regio", "IJmond", "--periode", "2026-10", "--aanbieder", "XYZ"], "onbekende aanbieder in regio IJmond"),
        (["--regio", "IJmond", "--periode", "2099-01"], "periode 2099-01 is nog niet begonnen"),
        (["--regio", "IJmond", "--periode", "2026-10", "--gemeente", "GM0392"], "hoort niet bij regio IJmond"),
        (["--regio", "IJmond", "--periode", "2026-10", "--gemeente", "Haarlem"], "geen geldige gemeentecode"),
        (["--regio", "IJmond", "--periode", "2026-10", "--format", "xml"], "onbekend formaat"),
    ],
)
def test_wrong_usage_exits_2_with_a_dutch_message(db_file, capsys, args, message):
    code, out, err = _run(capsys, "report", "--db", db_file, *args)
    assert (code, out) == (2, "")
    assert message in err


def test_a_missing_database_is_wrong_usage(tmp_path, capsys):
    code, _, err = _run(capsys, *REPORT, str(tmp_path / "geen.duckdb"))
    assert code == 2 and "kan de database" in err and "dat bestand bestaat niet" in err
    assert not (tmp_path / "geen.duckdb").exists()  # read-only: nothing created


def test_a_file_that_is_no_database_is_named_in_dutch_without_duckdbs_english(tmp_path, capsys):
    text_file = tmp_path / "notities.duckdb"
    text_file.write_text("geen database")
    code, _, err = _run(capsys, *REPORT, str(text_file))
    assert code == 2 and "dat bestand is geen DuckDB-database" in err
    assert "Error" not in err and "exists" not in err


def test_the_agenda_prints_red_then_amber_items_one_per_line(db_file, capsys):
    # Without dialogues: onderwijs_dialoog 0 sessions (norm 2, marge 1) rood; weigeringen 2 rood;
    # dialoogsessies 0 (2, 1) rood; themadekking 0% (75, 10) rood; tevredenheid 75% (80, 5) oranje.
    code, out, _ = _run(capsys, "agenda", *REPORT[1:], db_file)
    assert code == 0
    codes = [line.split("\t")[0] for line in out.splitlines()]
    assert codes == ["onderwijs_dialoog", "weigeringen", "dialoogsessies", "themadekking", "tevredenheid"]


def test_a_theme_discussed_in_the_window_takes_its_items_off_the_agenda(db_file, capsys):
    # A region-wide session on theme 17 on 2026-09-15 lies in (2026-07-31, 2026-10-31]: theme 17 covers
    # dialoogsessies, themadekking and tevredenheid. A session of P2 on theme 6 does not count for P1.
    con = connect(db_file)
    add_dialogue(con, day=date(2026, 9, 15), theme=17)
    add_dialogue(con, day=date(2026, 9, 15), theme=6, provider="P2")
    con.close()
    # onderwijs_dialoog is a region norm that does not judge one provider (indicators.md, "Norms and
    # single providers"): grijs for P1, so off its agenda.
    _, out, _ = _run(capsys, "agenda", *REPORT[1:], db_file, "--aanbieder", "P1")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["weigeringen"]
    assert out.splitlines()[0].split("\t")[1:3] == ["rood", "<5"]


def test_the_report_command_runs_as_a_module(db_file):
    done = subprocess.run(
        [sys.executable, "-m", "levers", "report", "--db", db_file, "--regio", "IJmond", "--periode", "2026-K4"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _csv(done.stdout)["weigeringen"]["waarde"] == "<5"
    failed = subprocess.run(
        [sys.executable, "-m", "levers", "agenda", "--db", db_file, "--regio", "Nergens", "--periode", "2026"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert failed.returncode == 2 and "onbekende regio: Nergens" in failed.stderr
