"""`python -m reports council|agenda` (issue 13 §5): the download buttons' documents without a browser."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from data.demo.build import build_demo_file
from commands.reports import main
from tests.fixtures.small_demo import SCALE, TODAY, pdf_text

ROOT = Path(__file__).resolve().parents[1]
LEVER_HEADINGS = ("Gedeelde waarden", "Kaders en randvoorwaarden", "Data en informatie", "Interactie en dialoog")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> str:
    """The small demo (data up to oktober 2026) as a database file, as a scheduled job finds it."""
    path = tmp_path_factory.mktemp("reports_cli") / "monitor.duckdb"
    build_demo_file(path, today=TODAY, scale=SCALE)
    return str(path)


def _written_text(tmp_path: Path, *args: str) -> str:
    """Run the command in-process with `--out` in tmp_path; the text of the PDF it wrote."""
    out = tmp_path / "document.pdf"
    assert main([*args, "--out", str(out)]) == 0
    return pdf_text(out.read_bytes())


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reports", *args], cwd=ROOT, capture_output=True, timeout=300)


def test_the_council_report_is_written_as_a_pdf_naming_region_period_and_the_four_levers(demo_file, tmp_path):
    out = tmp_path / "raad.pdf"
    result = _cli("council", "--db", demo_file, "--regio", "ijmond", "--periode", "2026-10", "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert "geschreven naar" in result.stdout.decode()
    text = pdf_text(out.read_bytes())
    assert "IJmond · oktober 2026 · beide percelen" in text
    for name in LEVER_HEADINGS:
        assert f"{name}: alle indicatoren" in text


def test_the_agenda_is_a_pdf_naming_region_period_and_the_lever_of_each_point(demo_file, tmp_path):
    text = _written_text(tmp_path, "agenda", "--db", demo_file, "--regio", "IJmond", "--periode", "2026-10")
    assert "Agenda voor het volgende gesprek" in text
    assert "IJmond · oktober 2026" in text
    assert any(name in text for name in LEVER_HEADINGS)


def test_an_empty_agenda_of_a_perceel_still_names_its_region_and_period(demo_file, tmp_path):
    text = _written_text(tmp_path, "agenda", "--db", demo_file, "--regio", "IJmond", "--perceel", "complex",
                         "--periode", "2026-K3")
    assert "IJmond · 3e kwartaal 2026 · perceel complex" in text


def test_the_agenda_in_markdown_holds_the_same_points_with_their_lever(demo_file, tmp_path):
    out = tmp_path / "agenda.md"
    assert main(["agenda", "--db", demo_file, "--regio", "IJmond", "--periode", "2026-10", "--out", str(out),
                 "--markdown"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Agenda voor het volgende gesprek")
    assert "IJmond · oktober 2026" in text
    levers = {line.split(":** ")[1] for line in text.splitlines() if line.startswith("- **Hefboom:** ")}
    assert levers and levers <= set(LEVER_HEADINGS)


@pytest.mark.parametrize("args, message", [
    (["--regio", "Atlantis", "--periode", "2026-10"], "onbekende regio: Atlantis"),
    (["--regio", "IJmond", "--periode", "2026-13"], "2026-13 is geen geldige maand"),
    (["--regio", "IJmond", "--periode", "2026-10", "--perceel", "groot"], "onbekend perceel: groot"),
    (["--regio", "IJmond", "--periode", "2026-10", "--gemeente", "GM0392"], "GM0392 hoort niet bij regio IJmond"),
    (["--regio", "IJmond", "--periode", "2026-10", "--markdown"], "bestaat alleen als PDF"),
])
def test_wrong_usage_exits_2_with_a_dutch_message_and_writes_nothing(demo_file, tmp_path, capsys, args, message):
    out = tmp_path / "raad.pdf"
    assert main(["council", "--db", demo_file, *args, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_output_file_that_cannot_be_written_exits_1(demo_file, tmp_path, capsys):
    out = tmp_path / "bestaat-niet" / "raad.pdf"
    assert main(["agenda", "--db", demo_file, "--regio", "IJmond", "--periode", "2026-10", "--out", str(out)]) == 1
    assert "kan" in capsys.readouterr().err and not out.exists()


def test_the_council_report_has_an_nl_column_with_the_fictief_demo_figure_of_the_same_definition_only(demo_file, tmp_path):
    text = _written_text(tmp_path, "council", "--db", demo_file, "--regio", "IJmond", "--periode", "2025")
    # the demo's national file (data/demo/national.py): zonder verblijf 2025 = 89,0 + 0,15 × 4,5 = 89,675 -> 89,7
    # beside IJmond's own value over the same year (signals.md §7), and in the NL column (the year is P itself)
    assert " · Nederland 2025: 89,7% (fictief). Bron: CBS 85099NED (fictief)" in text
    assert "IJmond 2025: " in text and "89,7%" in text.split("Waarde NL Norm Status")[1]
    # the demo's crisis figure names CBS's own definition (crisis products): never beside ours (signals.md §7)
    assert "crisisproducten" not in text and "Nederland 2025: 1,7" not in text
    assert text.count("Waarde NL Norm Status") == 4  # the table header of each lever


def test_a_database_written_by_an_older_version_gets_the_current_schema_before_it_is_read(tmp_path, schema_db_file):
    import duckdb

    from data.store.db import SCHEMA_FINGERPRINT, stored_fingerprint
    from commands.args import open_read_only

    old = tmp_path / "old.duckdb"
    old.write_bytes(schema_db_file.read_bytes())
    con = duckdb.connect(str(old))
    con.execute("drop table notes")  # a table a later version added
    con.execute("update store_meta set value = 'older' where key = 'schema'")
    con.close()

    con = open_read_only(str(old))
    assert stored_fingerprint(con) == SCHEMA_FINGERPRINT
    assert con.execute("select count(*) from notes").fetchone() == (0,)


def test_an_unknown_provider_a_period_not_begun_and_a_missing_folder_are_refused_in_dutch(demo_file, tmp_path, capsys):
    base = ["agenda", "--db", demo_file, "--regio", "IJmond"]
    assert main([*base, "--aanbieder", "XYZ", "--periode", "2026-10", "--out", str(tmp_path / "a.md")]) == 2
    assert "onbekende aanbieder in regio IJmond: XYZ" in capsys.readouterr().err
    assert main([*base, "--periode", "2099-01", "--out", str(tmp_path / "a.md")]) == 2
    assert "periode 2099-01 is nog niet begonnen" in capsys.readouterr().err
    assert main([*base, "--periode", "2026-10", "--out", str(tmp_path / "geen-map" / "a.md")]) == 1
    error = capsys.readouterr().err
    assert "die map bestaat niet" in error and "No such file" not in error
    assert not (tmp_path / "a.md").exists()


def test_a_perceel_is_accepted_in_any_case_as_uploads_accept_it(demo_file, tmp_path):
    text = _written_text(tmp_path, "agenda", "--db", demo_file, "--regio", "IJmond", "--perceel", "Complex",
                         "--periode", "2026-K3")
    assert "perceel complex" in text
