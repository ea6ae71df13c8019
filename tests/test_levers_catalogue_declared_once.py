"""Each indicator is declared once (issue 19): walking the catalogue proves nothing else must list codes.

Freshness, the derived-total row sets, the reference list of codes, the chart's band, the drawn value
range and the tile's window all come from the catalogue entry; a scan of the product's modules finds
no indicator code written anywhere else except in the catalogue and the family modules.
"""

from __future__ import annotations

import ast
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from data.store.tables import TABLE_OF_KIND
from levers import contributors
from levers.catalogue import CATALOGUE, CODES, codes_csv, definition
from levers.chart_model import trend_model
from levers.families import FAMILIES
from levers.freshness import KIND_CODES, KINDS, PROVISIONAL_CODES
from levers.scope import Period
from levers.result import make_result
from levers.series import Series, build_series
from levers.sql_files import SQL_DIR, load_sql
from levers.variation import unit_range
from tests.builders import VELSEN, add_cost, add_outcome, add_provider, add_trajectory
from wording.sentences import COMPARED, HEADLINES, tile_label

ROOT = Path(__file__).resolve().parent.parent


# --- freshness ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda entry: entry.code)
def test_every_indicator_reads_known_data_kinds_and_freshness_names_it_under_each(entry):
    assert entry.reads and set(entry.reads) <= set(TABLE_OF_KIND)
    assert {kind for kind in KINDS if entry.code in KIND_CODES[kind]} == set(entry.reads) & set(KINDS)


def test_freshness_names_what_indicators_md_says_each_kind_feeds():
    # Written out from indicators.md: kosten feeds the budget and the costs per youth, uitkomsten the four
    # quarterly figures, dialoog the five dialogue figures; certificaten reads the register only.
    assert KIND_CODES["kosten"] == ("budgetuitputting", "kosten_per_jeugdige")
    assert KIND_CODES["uitkomsten"] == ("tevredenheid", "weigeringen", "doelrealisatie", "aanlevering")
    assert KIND_CODES["dialoog"] == (
        "onderwijs_dialoog", "dialoogsessies", "themadekking", "open_acties", "acties_verlopen")
    assert "via_gemeente" in KIND_CODES["trajecten"]  # the side table forgot it; the declaration cannot
    assert [code for code in CODES if not any(code in KIND_CODES[kind] for kind in KINDS)] == ["certificaten"]
    assert PROVISIONAL_CODES == {"budgetuitputting", "kosten_per_jeugdige"}


# --- contributor row sets -------------------------------------------------------------------------------------

def test_every_row_set_an_indicator_adds_up_is_declared_by_exactly_one_family():
    declared = [base for family in FAMILIES.values() for base in family.row_sets]
    assert len(declared) == len(set(declared))
    assert {base for entry in CATALOGUE for base in entry.provider_rows} == set(declared)


def _every_row_set(con) -> dict:
    """Rows of provider P2 (the viewer is P1) that fall in every row set for oktober 2026; its params."""
    add_provider(con, provider="P2", lot="beide", role="strategisch_partner")
    add_trajectory(con, client="E", start=date(2025, 9, 1), provider="P2", lot="enkelvoudig")  # now and before
    add_trajectory(con, client="C", start=date(2026, 10, 5), end=date(2026, 10, 20), registered=date(2026, 9, 20),
                   provider="P2", category=46)  # started, registered, crisis, ended with a known reason
    add_trajectory(con, client="R", start=date(2025, 1, 1), end=date(2025, 6, 15), provider="P2")  # recurrence base
    add_trajectory(con, client="S", start=date(2026, 6, 1), provider="P2", category=37)  # residential stay
    add_cost(con, month=date(2026, 10, 1), amount=100, provider="P2")
    add_outcome(con, quarter_start=date(2026, 7, 1), quarter_end=date(2026, 9, 30), provider="P2", refusals=1)
    return {"region": "IJmond", "municipalities": [VELSEN], "providers": [], "p_starts": [date(2026, 10, 1)],
            "p_ends": [date(2026, 10, 31)], "quarter_ordinals": [0], "quarter_starts": [date(2026, 7, 1)]}


def test_each_familys_rows_file_yields_exactly_the_row_sets_it_declares(empty_db):
    params = _every_row_set(empty_db)
    for family in (f for f in FAMILIES.values() if f.row_sets):
        counted = contributors.others_per_period(empty_db, params, ["P1"], 1, family.row_sets)[0]
        assert {base for base, _ in counted} == set(family.row_sets), family.name
        assert all(providers == 1 for providers in counted.values())


def test_the_row_sets_of_every_indicator_count_together_and_leave_out_the_viewers_own(empty_db):
    params = _every_row_set(empty_db)
    bases = sorted({base for entry in CATALOGUE for base in entry.provider_rows})
    assert {base for base, _ in contributors.others_per_period(empty_db, params, ["P1"], 1, bases)[0]} == set(bases)
    assert contributors.others_per_period(empty_db, params, ["P2"], 1, bases) == [{}]


def test_every_rows_file_belongs_to_a_family_that_declares_row_sets():
    files = {path.name for path in SQL_DIR.glob("*.rows.sql")}
    assert files == {family.rows_file for family in FAMILIES.values() if family.row_sets}


def test_only_the_families_of_the_row_sets_asked_are_counted():
    sql = contributors.counting_sql(["costs_year"])
    assert "costs_year" in sql and "'active'" not in sql and "crisis_started" not in sql


# --- the reference list of codes ------------------------------------------------------------------------------

def test_the_committed_code_list_is_what_the_catalogue_generates():
    committed = (ROOT / "data" / "reference" / "indicatoren.csv").read_text(encoding="utf-8")
    assert committed == codes_csv(), "run: python scripts/indicator_codes.py"
    lines = committed.splitlines()
    assert lines[0] == "indicator" and lines[1] == "jeugdhulp_per_1000" and len(lines) == 1 + 31


# --- chart bands, value ranges, windows, norms per provider ---------------------------------------------------

def _budget_like(code: str, details: tuple) -> Series:
    """A two-month series of `code` built as the levers build it, each result carrying `details`."""
    periods = (Period.parse("2026-09"), Period.parse("2026-10"))
    results = [make_result(code, value, 100.0, norm=None, details=details) for value in (98.0, 103.0)]
    return build_series(code, periods, results)


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda entry: entry.code)
def test_a_chart_draws_a_band_exactly_where_the_declaration_names_its_fields(entry):
    details = (("gerealiseerd", 80.0), ("prognose_laag", 95.5), ("prognose_hoog", 110.0))
    expected = (95.5, 110.0) if entry.code == "budgetuitputting" else None
    assert trend_model(_budget_like(entry.code, details), entry.unit).band == expected


def test_a_band_with_a_missing_bound_is_not_drawn():
    series = _budget_like("budgetuitputting", (("prognose_laag", None), ("prognose_hoog", 110.0)))
    assert trend_model(series, "% van budget").band is None


def test_the_drawn_value_range_comes_from_the_declaration():
    assert unit_range("zonder_verblijf") == (0.0, 100.0)  # a share
    assert unit_range("budgetuitputting") == (0.0, None)  # a forecast may pass 100% of the budget
    assert unit_range("volumegroei_enkelvoudig") == (None, None)  # growth: negative or above 100
    assert unit_range("kosten_per_jeugdige") == (0.0, None)


def test_the_windows_are_those_of_signals_md_3a():
    windows = {entry.code: entry.window_months for entry in CATALOGUE if entry.window_months}
    assert windows == {"herhaald_beroep": 12, "onderwijs_dialoog": 12, "themadekking": 12, "dialoogsessies": 6}
    assert [entry.code for entry in CATALOGUE if entry.year_to_date] == ["budgetuitputting"]
    assert [entry.code for entry in CATALOGUE if entry.counts_earlier_months] == [
        "herhaald_beroep", "onderwijs_dialoog", "budgetuitputting", "dialoogsessies", "themadekking"]


def test_a_tile_names_the_declared_window_in_a_quarter_and_not_in_a_month():
    assert tile_label("dialoogsessies", Period.parse("2026-10")) == "Sessies (6 mnd)"
    assert tile_label("dialoogsessies", Period.parse("2026-K4")) == "Sessies jul–dec 2026"


def test_region_norms_judge_a_single_provider_where_indicators_md_says_per_aanbieder_ja():
    # indicators.md "Norms and single providers" (wachtenden and lang_wachtenden are not in the catalogue yet).
    assert {entry.code for entry in CATALOGUE if entry.region_norm_per_provider} == {
        "budgetuitputting", "wachttijd_mediaan", "tijdig_gestart", "tevredenheid", "volgens_plan", "uitval",
        "doelrealisatie", "gemiddelde_duur", "doorverwijzing", "weigeringen", "certificaten", "dialoogsessies",
        "acties_verlopen", "aanlevering",
    }


def test_a_definition_takes_keywords_only():
    entry = definition("uitval")
    values = {field.name: getattr(entry, field.name) for field in fields(entry)}
    assert type(entry)(**values) == entry
    with pytest.raises(TypeError):
        type(entry)(*values.values())


# --- nothing else lists codes ---------------------------------------------------------------------------------

SCANNED = ("levers", "views", "reports", "wording", "exports")
DECLARING = {Path("levers/catalogue.py")} | {path.relative_to(ROOT) for path in (ROOT / "levers/families").glob("*.py")}
# Modules that may name indicators, and why: which indicators a page headlines or compares is the page's
# choice, not a fact about an indicator; the budget's amounts sentence is that indicator's own wording.
ALLOWED = {
    Path("wording/sentences.py"): {code for codes in HEADLINES.values() for code in codes} | set(COMPARED),
}
BAND_FIELDS = {field for entry in CATALOGUE for field in entry.band_fields or ()}


def _named(path: Path) -> set[str]:
    """Indicator codes and band fields written as a whole string constant in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in set(CODES) | BAND_FIELDS}


def test_no_module_outside_the_catalogue_and_the_families_names_an_indicator():
    found = {}
    for package in SCANNED:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative in DECLARING:
                continue
            if extra := _named(path) - ALLOWED.get(relative, set()):
                found[str(relative)] = sorted(extra)
    assert found == {}


def test_the_scan_finds_a_code_written_in_a_module(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('KIND = {"uitval": 1}\nBAND = ("prognose_laag", "x")\nTEXT = "uitval is a code"\n')
    assert _named(module) == {"uitval", "prognose_laag"}
