"""One figure, three outputs (issue 19, acceptance 3): the Partner page, the council PDF and `python -m levers
report` show the same value for a provider, because all three ask figures.Figures.

The database is made here, by hand. Region IJmond, oktober 2026, two complex providers, every trajectory
started 01-03-2026 and still running:
  P1 De Kleine Haven   3 clients in Velsen     → 3 youths in care: a count of 1-4, shown as <5
  P2 Groot Jeugdwerk  40 clients in Beverwijk  → 40 youths in care, shown as 40 (40.00 for machines)
The dashboard reads a copy of the file: it keeps its own open for writing, which would lock the commands out.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from auth.rights import Rights
from data.store.db import DB_ENV_VAR, ensure_schema
from reports.__main__ import main as reports_command
from tests.builders import BEVERWIJK, VELSEN, add_provider, add_trajectory
from tests.conftest import copy_db
from tests.fixtures.small_demo import pdf_text

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",))
CLIENTS = {"P1": (3, VELSEN), "P2": (40, BEVERWIJK)}
NAME, CODE, LEVER = "Jeugdigen in zorg", "unieke_jeugdigen", "Data en informatie"


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("one_path") / "monitor.duckdb"
    con = duckdb.connect(str(path))
    try:
        ensure_schema(con)
        add_provider(con, provider="P1", name="De Kleine Haven", lot="complex")
        add_provider(con, provider="P2", name="Groot Jeugdwerk", lot="complex")
        for provider, (clients, municipality) in CLIENTS.items():
            for number in range(clients):
                add_trajectory(con, client=f"{provider}-{number}", start=date(2026, 3, 1), provider=provider,
                               municipality=municipality)
    finally:
        con.close()
    return path


def on_screen(database: Path, provider: str, monkeypatch, folder: Path) -> str:
    """The value in the Partner page's row of NAME, for a contract manager who picked `provider`."""
    from tests.fixtures.small_db import open_app  # noqa: PLC0415  (imports the dashboard's session module)

    monkeypatch.setenv(DB_ENV_VAR, str(copy_db(database, folder, "scherm.duckdb")))
    app = open_app("views/pages/partner.py", params={"regio": "IJmond", "periode": "2026-10", "partner": provider},
                   rights=CONTRACT_MANAGER)
    assert not app.exception
    rows = [line for block in app.markdown for line in block.value.splitlines()]  # a lever tile is one table
    return re.search(r"\*\*(.+?)\*\*", next(row for row in rows if row.startswith(f"| {NAME} |"))).group(1)


def on_paper(database: Path, provider: str, folder: Path) -> str:
    """The value in the council PDF's table of every indicator of LEVER, on the line under NAME's signals."""
    out = folder / f"raad-{provider}.pdf"
    assert reports_command(["council", "--db", str(database), "--regio", "IJmond", "--periode", "2026-10",
                            "--aanbieder", provider, "--out", str(out)]) == 0
    table = pdf_text(out.read_bytes()).split(f"{LEVER}: alle indicatoren", 1)[1].split("Verloop van", 1)[0]
    lines = table.splitlines()
    below = lines[lines.index(NAME) + 1:]
    signals = next(number for number, line in enumerate(below) if " · " in line)  # `○ te weinig punten · …`
    return below[signals + 1].split(" ")[0]  # `<5 geen norm geen oordeel`


def on_the_command_line(database: Path, provider: str) -> str:
    """The `waarde` of CODE in `python -m levers report`'s CSV."""
    done = subprocess.run([sys.executable, "-m", "levers", "report", "--db", str(database), "--regio", "IJmond",
                           "--periode", "2026-10", "--aanbieder", provider], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return next(row["waarde"] for row in csv.DictReader(io.StringIO(done.stdout)) if row["code"] == CODE)


@pytest.mark.parametrize(("provider", "shown", "machine"), [("P1", "<5", "<5"), ("P2", "40", "40.00")])
def test_a_providers_youths_in_care_are_the_same_on_screen_on_paper_and_on_the_command_line(
        database, provider, shown, machine, monkeypatch, tmp_path):
    # P1's 3 youths are suppressed the same way everywhere; P2's 40 show that the three paths read real
    # figures (the command writes numbers for machines: a decimal point and two decimals, levers.report).
    found = {"screen": on_screen(database, provider, monkeypatch, tmp_path),
             "paper": on_paper(database, provider, tmp_path), "command": on_the_command_line(database, provider)}
    assert found == {"screen": shown, "paper": shown, "command": machine}
