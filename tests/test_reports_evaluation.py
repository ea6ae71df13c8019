"""The evaluatiepakket (ahead.md §3): every figure in it is the one `python -m levers report` prints for the
same scope and period, and the command writes it as PDF and Markdown. On the regional demo of
tests/fixtures/levers_output.py (data to 31-10-2026), whose contracts are the seeds' (data/demo/contracts.py).
"""

from __future__ import annotations

import json

import duckdb
import pytest

from levers.catalogue import CATALOGUE

from commands import levers as levers_command
from commands.reports import main as reports_main
from figures.figures import of_connection
from reports.evaluation import evaluation_markdown, evaluation_pack
from tests.fixtures.levers_output import TODAY
from tests.fixtures.small_demo import pdf_text


@pytest.fixture(scope="module")
def pack(levers_demo_path):
    """The pack of the residential contract re-tendered early (RV-2025-01: IJmond and Zuid-Kennemerland,
    complex, one provider), made on the demo's today."""
    con = duckdb.connect(str(levers_demo_path), read_only=True)
    try:
        yield evaluation_pack(of_connection(con, levers_demo_path), "RV-2025-01", made_on=TODAY)
    finally:
        con.close()


def _report(capsys, path, scope, period_label: str) -> dict[str, dict[str, str]]:
    """`python -m levers report --format json` for the scope and period, by code."""
    capsys.readouterr()
    args = ["report", "--db", str(path), "--regio", scope.region, "--periode", period_label, "--format", "json"]
    args += ["--perceel", scope.lot] if scope.lot else []
    args += ["--aanbieder", *scope.providers] if scope.providers else []
    assert levers_command.main(args) == 0
    return {row["code"]: row for row in json.loads(capsys.readouterr().out)}


def _same(result, row: dict[str, str]) -> None:
    """One indicator of the pack against the report's row: the value (2 decimals, or `<5`), denominator, status."""
    if row["waarde"] in ("", "<5"):
        assert (result.value_label or "") == row["waarde"] and result.value is None, result.code
    else:
        assert result.value == pytest.approx(float(row["waarde"]), abs=0.005 + 1e-9), result.code
    assert result.status == row["status"], result.code
    if row["noemer"] not in ("", "<5"):
        assert result.denominator == pytest.approx(float(row["noemer"]), abs=0.005 + 1e-9), result.code


def test_the_pack_compares_the_twelve_months_before_the_start_with_the_last_four_whole_quarters(pack):
    # start 1-7-2025; data to 31-10-2026, so the last whole quarter is 2026-K3
    assert (pack.before.label, pack.recent.label, pack.signal_period.label) == (
        "2024-07..2025-06", "2025-10..2026-09", "2026-09")
    assert [region.region for region in pack.regions] == ["IJmond", "Zuid-Kennemerland"]


def test_every_figure_of_the_pack_equals_the_levers_report_for_the_same_scope_and_period(pack, levers_demo_path,
                                                                                          capsys):
    checked = 0
    for region in pack.regions:
        assert (region.scope.lot, region.scope.providers) == ("complex", ("87040885",))
        for period, results in ((pack.before, region.before), (pack.recent, region.recent)):
            report = _report(capsys, levers_demo_path, region.scope, period.label)
            assert [result.code for result in results] == list(report)  # all four levers, none left out
            for result in results:
                _same(result, report[result.code])
                checked += 1
    assert checked == 2 * 2 * len(CATALOGUE)  # two regions, two periods, the whole catalogue


def test_the_variation_signals_of_the_pack_are_the_reports_for_the_last_month(pack, levers_demo_path, capsys):
    for region in pack.regions:
        report = _report(capsys, levers_demo_path, region.scope, pack.signal_period.label)
        for code, row in report.items():
            found = region.variation(code)
            assert (found.variatie if found else "", found.zekerheid if found else "") == (
                row["variatie"], row["zekerheid"]), code


def test_the_markdown_shows_each_figure_and_ends_with_an_empty_advice(pack):
    text = evaluation_markdown(pack).decode("utf-8")
    assert text.startswith("# Evaluatiepakket contract RV-2025-01")
    assert "| Wachttijd van aanmelding tot start (mediaan) |" in text
    assert "## Toelichting van de aanbieder" in text and "## Besproken dialoogthema's" in text
    assert "## Afgeronde acties" in text and "## Openstaande acties" in text
    advice = text.split("## Advies verlengen")[1]
    assert advice.strip().splitlines()[0].startswith("_In te vullen door de contractmanager")
    assert len([line for line in advice.splitlines() if line.strip()]) == 2  # the hint and the suppression note


def test_the_command_writes_the_pack_as_pdf_and_refuses_an_unknown_contract(levers_demo_path, tmp_path, capsys):
    out = tmp_path / "pakket.pdf"
    assert reports_main(["evaluatie", "--db", str(levers_demo_path), "--contract", "CX-2023-01",
                         "--out", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert "Evaluatiepakket contract CX-2023-01" in text and "Advies verlengen" in text
    assert "lumpsum" in text and "IJmond en Zuid-Kennemerland" in text
    assert reports_main(["evaluatie", "--db", str(levers_demo_path), "--contract", "XX-1",
                         "--out", str(tmp_path / "x.pdf")]) == 2
    assert "contract XX-1 bestaat niet" in capsys.readouterr().err


def test_funding_forms_are_compared_per_1000_youths_as_the_reports_of_their_scopes_add_up(levers_demo_path, capsys):
    from levers.contracts import last_twelve_months
    from levers.scope import Period, Scope

    period = last_twelve_months(TODAY)  # data to 31-10-2026: 2025-10..2026-09, matched for every contract
    con = duckdb.connect(str(levers_demo_path), read_only=True)
    try:
        rows = {row.funding: row for row in of_connection(con, levers_demo_path).funding_comparison(period)}
    finally:
        con.close()
    assert period == Period.parse("2025-10..2026-09")
    # RV-2025-01 (one provider) is left out; RV-2023-03 ended before the period
    assert {form: row.contracts for form, row in rows.items()} == {
        "lumpsum": ("CX-2023-01",), "pxq": ("EV-2023-02", "HP-2023-01"), "resultaatgericht": ("AH-2023-01",)}
    # lump sum: the joint complex contract, IJmond and Zuid-Kennemerland added up from their reports
    parts = [_report(capsys, levers_demo_path, Scope(region, lot="complex"), period.label)["jeugdhulp_per_1000"]
             for region in ("IJmond", "Zuid-Kennemerland")]
    youths = sum(float(part["noemer"]) for part in parts)
    expected = sum(float(part["waarde"]) * float(part["noemer"]) for part in parts) / youths
    assert rows["lumpsum"].youths == youths
    assert rows["lumpsum"].values["jeugdhulp_per_1000"] == pytest.approx(expected, abs=0.01)


def test_a_contract_manager_of_one_region_gets_the_joint_contracts_pack_for_that_region_only(levers_demo_path):
    from auth.rights import Rights
    from figures.figures import Figures
    from figures.versions import connection_source

    con = duckdb.connect(str(levers_demo_path), read_only=True)
    try:
        figures = Figures(connection_source(con, levers_demo_path), Rights("contractmanager", regions=("IJmond",)))
        pack = evaluation_pack(figures, "CX-2023-01", made_on=TODAY)
        regions = {row[0] for row in con.execute(
            "select distinct region from dialogues where session_date >= date '2023-01-01'").fetchall()}
    finally:
        con.close()
    assert [region.region for region in pack.regions] == ["IJmond"]
    assert "Zuid-Kennemerland" in regions  # the other region has dialogue rows in the term, and none reach the pack
    assert pack.dialogue and all(row.region == "IJmond" for row in pack.dialogue)
