"""The derived-total rule (issue 12, "The provider's view"; levers.contributors) from the levers to the
pages, the exports and the council PDF.

A provider user (P1) sees region and perceel totals; where only one other provider adds to a total,
"total minus own" is that provider's figure, so the total is withheld ("–" with the reason). Two hand-
made databases, region IJmond, oktober 2026 (every trajectory still running):
  P1 complex      20 clients in Velsen,    started 15-01-2026, no stay;  costs oktober € 12.000
  P2 enkelvoudig  30 clients in Beverwijk, started 01-03-2026, no stay;  costs oktober € 15.000
  P3 complex      15 clients in Heemskerk, started 01-02-2026, 13 with a stay (productcategorie 36);
                  costs oktober € 5.500 — only in the database "two others".
One other (P1, P2): the region total would be 20 + 30 = 50 youths, 100% without stay: P2's 30 is
50 − 20, so P1 sees "–". Two others (P1, P2, P3): 20 + 30 + 15 = 65 youths, (65 − 13) / 65 = 80,0%
without stay, (12.000 + 15.000 + 5.500) / 65 = € 500 per youth — shown. P1's own figures: 20 youths,
100,0% without stay, 12.000 / 20 = € 600 per youth — always shown. A third database adds P4 (complex,
10 clients in Velsen) for the rule across percelen.
"""

from __future__ import annotations

import io
from datetime import date

import duckdb
import pytest
import streamlit as st
from pypdf import PdfReader

from auth.rights import Rights
from data.store.db import DB_ENV_VAR
from exports.tables import indicator_table, to_csv_bytes
from figures.figures import of_connection
from levers.catalogue import CODES
from levers import contributors
from levers.contributors import BASES
from levers.reasons import Reason
from levers.registry import all_indicators, pick
from levers.scope import Period, Scope
from levers.series import series
from reports.council import council_report
from reports.council_pdf import council_pdf
from tests.builders import BEVERWIJK, HEEMSKERK, VELSEN, add_cost, add_dialogue, add_provider, add_trajectory
from tests.conftest import copy_db
from tests.fixtures.rendered import rendered_text
from tests.fixtures.small_db import open_app
from wording.reasons import reason_text

WITHHELD = "minder dan twee andere aanbieders, afgeschermd"  # the reason as every output words it

P1 = Rights("aanbieder", regions=("IJmond",), providers=("P1",))
MANAGER = Rights("contractmanager", regions=("IJmond",))
OCTOBER = Period.month(2026, 10)
IJMOND = Scope("IJmond")
OCTOBER_LINK = {"regio": "IJmond", "periode": "2026-10"}


def _fill(con: duckdb.DuckDBPyConnection, *, two_others: bool, complex_peer: bool = False) -> None:
    add_provider(con, provider="P1", name="Eigen Zorg", lot="complex")
    add_provider(con, provider="P2", name="Tweede Zorg", lot="enkelvoudig", role="overig")
    for i in range(20):
        add_trajectory(con, client=f"V{i}", start=date(2026, 1, 15), municipality=VELSEN, provider="P1")
    for i in range(30):
        add_trajectory(con, client=f"B{i}", start=date(2026, 3, 1), municipality=BEVERWIJK, provider="P2",
                       lot="enkelvoudig")
    add_cost(con, month=date(2026, 10, 1), amount=12_000, municipality=VELSEN, provider="P1")
    add_cost(con, month=date(2026, 10, 1), amount=15_000, municipality=BEVERWIJK, provider="P2", lot="enkelvoudig")
    add_dialogue(con, day=date(2026, 10, 15), theme=3, subject="regio-overleg")
    if two_others:
        add_provider(con, provider="P3", name="Derde Zorg", lot="complex", role="overig")
        for i in range(15):
            add_trajectory(con, client=f"H{i}", start=date(2026, 2, 1), municipality=HEEMSKERK, provider="P3",
                           category=36 if i < 13 else 45)
        add_cost(con, month=date(2026, 10, 1), amount=5_500, municipality=HEEMSKERK, provider="P3")
    if complex_peer:  # P4 complex: 10 clients in Velsen, started 15-01-2026
        add_provider(con, provider="P4", name="Vierde Zorg", lot="complex", role="overig")
        for i in range(10):
            add_trajectory(con, client=f"W{i}", start=date(2026, 1, 15), municipality=VELSEN, provider="P4")


def _database(folder, template, *, two_others: bool, complex_peer: bool = False):
    path = copy_db(template, folder, "two.duckdb" if two_others else "one.duckdb")
    con = duckdb.connect(str(path))
    try:
        _fill(con, two_others=two_others, complex_peer=complex_peer)
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def one_other(schema_db_file, tmp_path_factory):
    return _database(tmp_path_factory.mktemp("one_other"), schema_db_file, two_others=False)


@pytest.fixture(scope="module")
def two_others(schema_db_file, tmp_path_factory):
    return _database(tmp_path_factory.mktemp("two_others"), schema_db_file, two_others=True)


@pytest.fixture(scope="module")
def three_others(schema_db_file, tmp_path_factory):
    return _database(tmp_path_factory.mktemp("three_others"), schema_db_file, two_others=True, complex_peer=True)


def _results(path, rights: Rights, scope: Scope = IJMOND):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return all_indicators(con, rights.narrow(scope), OCTOBER)
    finally:
        con.close()


def _values(results, *codes) -> list:
    return [pick(results, code).value for code in codes]


# --- the rule in the levers --------------------------------------------------------------------------

def test_only_region_level_figures_add_up_no_provider_rows():
    # indicators.md: the education dialogue and the four dialogue figures are region-level, not sums over providers
    region_level = {"onderwijs_dialoog", "dialoogsessies", "themadekking", "open_acties", "acties_verlopen"}
    assert {code for code in CODES if not BASES[code]} == region_level


def test_every_row_set_an_indicator_names_is_counted_by_the_contributors_query():
    named = {base for bases in BASES.values() for base in bases}
    sql = contributors.counting_sql(sorted(named))  # the row sets beside the family queries, in one query
    assert named and all(f"'{base}'" in sql for base in named)


def test_a_total_with_one_other_provider_is_withheld_for_the_provider_user_only(one_other):
    withheld = _results(one_other, P1)
    for code in ("unieke_jeugdigen", "zonder_verblijf", "kosten_per_jeugdige"):
        result = pick(withheld, code)
        assert (result.value, result.value_label, result.denominator, result.status, result.reason) == (
            None, None, None, "grijs", Reason.FEW_OTHER_PROVIDERS)
    # the same total for a contract manager: 20 + 30 youths, 50 / 50 without stay, 27.000 / 50 per youth
    assert _values(_results(one_other, MANAGER), "unieke_jeugdigen", "zonder_verblijf", "kosten_per_jeugdige") == [
        50, 100.0, 540.0]


def test_a_total_with_two_other_providers_is_shown(two_others):
    results = _results(two_others, P1)
    assert _values(results, "unieke_jeugdigen", "zonder_verblijf", "kosten_per_jeugdige") == [65, 80.0, 500.0]
    assert pick(results, "unieke_jeugdigen").reason != Reason.FEW_OTHER_PROVIDERS


@pytest.mark.parametrize("lot", ["complex", "enkelvoudig"])
def test_a_perceel_total_with_one_other_provider_is_withheld_even_where_the_region_total_is_shown(two_others, lot):
    # complex: P1 and P3 (one other); enkelvoudig: P2 alone (one other, P1 has none there)
    results = _results(two_others, P1, Scope("IJmond", lot=lot))
    assert _values(results, "unieke_jeugdigen", "actieve_trajecten") == [None, None]
    assert pick(results, "unieke_jeugdigen").reason == Reason.FEW_OTHER_PROVIDERS


def test_a_perceel_total_is_withheld_when_the_region_total_minus_it_gives_the_other_perceel_away(three_others):
    # region: 20 + 30 + 15 + 10 = 75 youths (P2, P3, P4 besides P1); perceel complex has two others (P3, P4)
    # and would be 20 + 15 + 10 = 45, but 75 − 45 = 30 is enkelvoudig, where P2 is the only provider
    assert _values(_results(three_others, P1), "unieke_jeugdigen") == [75]
    for lot in ("complex", "enkelvoudig"):
        assert _values(_results(three_others, P1, Scope("IJmond", lot=lot)), "unieke_jeugdigen") == [None]
    assert _values(_results(three_others, MANAGER, Scope("IJmond", lot="complex")), "unieke_jeugdigen") == [45]


@pytest.mark.parametrize(("others", "lot", "is_withheld"), [
    # (other providers per perceel and in all: base 'active'), the scope's perceel
    ({}, None, False),  # only the viewer's own rows
    ({("active", None): 1}, None, True),
    ({("active", None): 2}, None, False),
    ({("active", None): 3, ("active", "complex"): 2, ("active", "enkelvoudig"): 1}, "complex", True),
    ({("active", None): 3, ("active", "complex"): 2, ("active", "enkelvoudig"): 1}, None, False),
    ({("active", None): 4, ("active", "complex"): 2, ("active", "enkelvoudig"): 2}, "complex", False),
    ({("active", None): 1, ("active", "complex"): 0, ("active", "enkelvoudig"): 1}, "complex", False),
    ({("active", None): 1, ("active", "enkelvoudig"): 1}, "enkelvoudig", True),
])
def test_which_totals_give_a_provider_away(others, lot, is_withheld):
    assert contributors.is_withheld("unieke_jeugdigen", others, lot) is is_withheld
    assert contributors.is_withheld("dialoogsessies", others, lot) is False  # adds up no provider rows


def test_the_providers_own_figures_are_never_withheld(one_other):
    own = _results(one_other, P1, Scope("IJmond", providers=("P1",)))
    assert _values(own, "unieke_jeugdigen", "zonder_verblijf", "kosten_per_jeugdige") == [20, 100.0, 600.0]


def test_figures_that_add_up_no_providers_rows_stay_shown(one_other):
    # the region-wide dialogue on 15-10-2026 is the one session of the last 6 months
    assert _values(_results(one_other, P1), "dialoogsessies") == [1]


def test_each_point_of_a_series_follows_the_rule_for_its_own_month(two_others):
    con = duckdb.connect(str(two_others), read_only=True)
    try:
        trend = series(con, "unieke_jeugdigen", P1.narrow(IJMOND), OCTOBER)
    finally:
        con.close()
    by_month = {point.period_label: point.value for point in trend.points}
    # January: P1's own 20 only (no other provider); February: P1 + P3 (one other); March: all three
    assert (by_month["2026-01"], by_month["2026-02"], by_month["2026-03"]) == (20, None, 65)


# --- exports and the council PDF --------------------------------------------------------------------

def test_the_exported_table_says_why_a_total_is_withheld(one_other, two_others):
    withheld = indicator_table(_results(one_other, P1), reason_text=reason_text).set_index("Code")
    assert (withheld.loc["zonder_verblijf", "Waarde"], withheld.loc["zonder_verblijf", "Toelichting"]) == (
        "–", WITHHELD)
    assert withheld.loc["unieke_jeugdigen", "Waarde"] == "–"
    shown = indicator_table(_results(two_others, P1), reason_text=reason_text).set_index("Code")
    assert (shown.loc["zonder_verblijf", "Waarde"], shown.loc["unieke_jeugdigen", "Waarde"]) == (80.0, 65)


def test_the_csv_file_carries_the_dash_and_the_reason_not_the_total(one_other, two_others):
    withheld = indicator_table(_results(one_other, P1), reason_text=reason_text)
    rows = {line.split(";")[-1]: line for line in to_csv_bytes(withheld).decode("utf-8-sig").splitlines()}
    assert rows["zonder_verblijf"] == f"Jeugdigen met hulp zonder verblijf;–;;%;90;3;grijs;{WITHHELD};;zonder_verblijf"
    table = indicator_table(_results(two_others, P1), reason_text=reason_text)
    shown = {line.split(";")[-1]: line for line in to_csv_bytes(table).decode("utf-8-sig").splitlines()}
    # 80 < 90 − 3: rood; the denominator is the 65 trajectories
    assert shown["zonder_verblijf"] == "Jeugdigen met hulp zonder verblijf;80;;%;90;3;rood;;65;zonder_verblijf"


def _pdf_text(path) -> str:
    """The council report's text for P1, whitespace made single spaces."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        report = council_report(of_connection(con), P1.narrow(IJMOND), OCTOBER, made_on=date(2026, 11, 29))
        pdf = council_pdf(report)
    finally:
        con.close()
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_council_pdf_withholds_a_total_with_one_other_provider(one_other, two_others):
    withheld = _pdf_text(one_other)
    assert f"Jeugdigen met hulp zonder verblijf {WITHHELD}" in withheld  # its row in the lever's table
    # per municipality: Velsen holds P1's own rows only (shown), Beverwijk P2's alone (withheld)
    assert "Velsen 100,0%" in withheld and "Beverwijk –" in withheld
    shown = _pdf_text(two_others)
    assert f"Jeugdigen met hulp zonder verblijf {WITHHELD}" not in shown
    assert "80,0% van de jeugdigen krijgt hulp zonder verblijf" in shown  # the signal sentence of the region's total


# --- the pages ---------------------------------------------------------------------------------------

@pytest.fixture
def page(monkeypatch):
    shown_errors = st.get_option("client.showErrorDetails")
    st.set_option("client.showErrorDetails", "full")

    def opened(path, page_file=None, params=OCTOBER_LINK, rights=P1, state=None):
        monkeypatch.setenv(DB_ENV_VAR, str(path))
        app = open_app(page_file, params=params, rights=rights, state=state)
        assert not app.exception
        return app

    yield opened
    st.set_option("client.showErrorDetails", shown_errors)


def _tile_value(app, label: str) -> str:
    """The bold value on the Overzicht line named `label` (the markdown right after the name)."""
    texts = [m.value for m in app.markdown]
    return texts[texts.index(label) + 1].split("**")[1]


def test_the_overview_shows_a_dash_and_the_reason_for_a_total_with_one_other_provider(one_other, two_others, page):
    withheld = page(one_other)
    assert (_tile_value(withheld, "Zonder verblijf"), _tile_value(withheld, "Jeugdigen in zorg")) == ("–", "–")
    assert WITHHELD in rendered_text(withheld)
    shown = page(two_others)
    assert (_tile_value(shown, "Zonder verblijf"), _tile_value(shown, "Jeugdigen in zorg")) == ("80,0%", "65")
    own = page(one_other, params={**OCTOBER_LINK, "aanbieder": "P1"})
    assert (_tile_value(own, "Zonder verblijf"), _tile_value(own, "Jeugdigen in zorg")) == ("100,0%", "20")


def _summary_row(app, name: str) -> dict:
    table = app.dataframe[0].value
    return table[table["Indicator"] == name].iloc[0].to_dict()


def test_a_lever_page_lists_the_withheld_total_with_its_reason(one_other, two_others, page):
    app = page(one_other, "views/pages/shared_values.py", params={**OCTOBER_LINK, "indicator": "zonder_verblijf"})
    assert _summary_row(app, "Jeugdigen met hulp zonder verblijf")["Waarde"] == "–"
    assert WITHHELD in rendered_text(app)  # the chosen indicator's card says why
    shown = _summary_row(page(two_others, "views/pages/shared_values.py"), "Jeugdigen met hulp zonder verblijf")
    assert shown["Waarde"] == "80,0%"


def test_the_partner_page_shows_the_providers_own_figures_where_a_total_would_be_withheld(one_other, page):
    app = page(one_other, "views/pages/partner.py")
    text = rendered_text(app)
    assert "**100,0%**" in text and "**20**" in text and "**€ 600**" in text  # P1's own, never withheld
    assert WITHHELD not in text
    assert "**50**" not in text and "Tweede Zorg" not in text  # no total with P2 in it, no P2
