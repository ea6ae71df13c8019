"""The lever pages' summary table (issue 26) against `python -m levers report`, on the regional demo.

The demo (tests/fixtures/levers_output.py, data up to 31-10-2026) has series long enough for variatie
and zekerheid. What the table should say is worked out here from the report's own codes, with the
words written out by hand; the values are compared as numbers, to the decimals the table shows.
"""

import json
import re
import subprocess
import sys

import pytest
import streamlit as st

from data.store.db import DB_ENV_VAR
from tests.conftest import copy_db

REGION, PERIOD = "IJmond", "2026-10"
PAGES = {
    "Gedeelde waarden": "views/pages/shared_values.py",
    "Kaders en randvoorwaarden": "views/pages/boundaries.py",
    "Data en informatie": "views/pages/diagnostics.py",
    "Interactie en dialoog": "views/pages/interaction.py",
}
STATUS = {"groen": "op koers", "oranje": "let op", "rood": "buiten de norm", "grijs": "geen oordeel"}
VARIATIE = {"gewoon": "gewone variatie", "verbetering": "verbetering", "zorg": "zorgelijke verandering",
            "bijzonder": "bijzondere variatie", "": "te weinig punten"}
ZEKERHEID = {"haalt": "haalt de norm", "haalt_niet": "haalt de norm niet", "wisselend": "wisselend"}


@pytest.fixture(scope="module")
def demo(levers_demo_path, tmp_path_factory):
    """A private copy (pages append audit rows) and its report for IJmond, oktober 2026, by lever name."""
    path = copy_db(levers_demo_path, tmp_path_factory.mktemp("lever_table"))
    shown = subprocess.run([sys.executable, "-m", "levers", "report", "--db", str(path), "--regio", REGION,
                            "--periode", PERIOD, "--format", "json"], capture_output=True, text=True, check=True)
    report: dict[str, list[dict]] = {}
    for row in json.loads(shown.stdout):
        report.setdefault(row["hefboom"], []).append(row)
    return path, report


@pytest.fixture(scope="module")
def open_page(demo):
    from tests.fixtures.small_db import open_app

    shown_errors = st.get_option("client.showErrorDetails")
    st.set_option("client.showErrorDetails", "full")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DB_ENV_VAR, str(demo[0]))
        opened = {}

        def page(lever: str, **params):
            wanted = {"regio": REGION, "periode": PERIOD, **params}
            if params:
                return open_app(PAGES[lever], params=wanted)
            if lever not in opened:
                opened[lever] = open_app(PAGES[lever], params=wanted)
            return opened[lever]
        yield page
    st.set_option("client.showErrorDetails", shown_errors)


def _number(text: str) -> tuple[float, int]:
    """`€ 1.482`, `85,0%`, `32 dagen` → (the number, its decimals)."""
    digits = re.search(r"-?[\d.]+(?:,\d+)?", text).group()
    whole, _, decimals = digits.replace(".", "").partition(",")
    return float(f"{whole}.{decimals or 0}"), len(decimals)


def _word(cell: str) -> str:
    """The word after the icon: `✕ buiten de norm` → `buiten de norm`."""
    icon, word = cell.split(" ", 1)
    assert len(icon) == 1 and not icon.isalnum()  # every cell carries an icon before its word
    return word


def _expected_quarter(row: dict) -> str:
    """`K3 2026` for a value from a quarter instead of the asked month, else ''."""
    if not row["periode_waarde"]:
        return ""
    year, quarter = row["periode_waarde"].split("-")
    return f"{quarter} {year}"


@pytest.mark.parametrize("lever", PAGES)
def test_the_summary_table_says_what_the_report_says_for_every_indicator(open_page, demo, lever):
    app = open_page(lever)
    assert not app.exception
    table = {row["Indicator"]: row for row in app.dataframe[0].value.to_dict("records")}
    report = demo[1][lever]
    assert sorted(table) == sorted(row["naam"] for row in report)
    for expected in report:
        shown = table[expected["naam"]]
        value, _, quarter = shown["Waarde"].partition(" (")
        assert quarter.rstrip(")") == _expected_quarter(expected), expected["code"]
        if expected["waarde"] in ("", "<5"):
            assert value == (expected["waarde"] or "–"), expected["code"]
        else:
            number, decimals = _number(value)
            assert abs(number - float(expected["waarde"])) <= 0.5 * 10 ** -decimals + 1e-9, expected["code"]
        assert _word(shown["Status"]) == STATUS[expected["status"]], expected["code"]
        assert _word(shown["Variatie"]) == VARIATIE[expected["variatie"]], expected["code"]
        no_zekerheid = "geen norm" if expected["norm"] == "" else "te weinig punten"
        assert _word(shown["Zekerheid"]) == ZEKERHEID.get(expected["zekerheid"], no_zekerheid), expected["code"]


def _attention(row: dict) -> int:
    """rood, oranje, then a worrying process (zorg, or haalt_niet), then the rest."""
    if row["status"] in ("rood", "oranje"):
        return ("rood", "oranje").index(row["status"])
    return 2 if "zorg" == row["variatie"] or row["zekerheid"] == "haalt_niet" else 3


@pytest.mark.parametrize("lever", PAGES)
def test_the_rows_needing_attention_come_first(open_page, demo, lever):
    report = demo[1][lever]  # in catalogue order
    expected = [row["naam"] for row in sorted(report, key=_attention)]
    assert list(open_page(lever).dataframe[0].value["Indicator"]) == expected


def _card(app) -> tuple[str, str]:
    """The one card's heading and its 'Waarde' metric."""
    titles = [header.value for header in app.subheader]
    values = [metric.value for metric in app.metric if metric.label == "Waarde"]
    assert titles[0] == "Alle indicatoren van deze hefboom" and len(values) == 1
    return titles[1], values[0]


def test_without_a_choice_the_card_shows_the_first_row(open_page, demo):
    app = open_page("Kaders en randvoorwaarden")
    first = sorted(demo[1]["Kaders en randvoorwaarden"], key=_attention)[0]
    assert _card(app)[0] == first["naam"]
    assert app.query_params["indicator"] == first["code"]


def test_choosing_an_indicator_shows_its_card_and_puts_it_in_the_url(open_page):
    app = open_page("Data en informatie", gemeente="GM0453")  # its own session: it changes the choice
    app.selectbox(key="lever_pick_diagnostics").set_value("instroom").run()
    title, value = _card(app)
    assert title == "Gestarte trajecten"
    table = app.dataframe[0].value.set_index("Indicator")
    assert value == table.loc["Gestarte trajecten", "Waarde"]
    assert app.query_params["indicator"] == "instroom"
    assert len(app.get("plotly_chart")) == 1  # that card's trend only


def test_a_link_with_an_indicator_reopens_its_card(open_page):
    app = open_page("Gedeelde waarden", indicator="wachttijd_mediaan")
    assert app.selectbox(key="lever_pick_shared_values").value == "wachttijd_mediaan"
    assert _card(app)[0] == "Wachttijd van aanmelding tot start (mediaan)"


def test_a_link_with_an_unknown_indicator_opens_the_first_row(open_page, demo):
    app = open_page("Gedeelde waarden", indicator="bestaat_niet")
    assert _card(app)[0] == sorted(demo[1]["Gedeelde waarden"], key=_attention)[0]["naam"]


def test_each_signal_of_the_overview_links_to_its_row_in_the_lever_table(open_page, demo):
    from tests.fixtures.small_db import open_app

    app = open_app(params={"regio": REGION, "periode": PERIOD})
    links = [link.proto for link in app.get("page_link") if link.proto.label.startswith("In de tabel van ")]
    report = [row for rows in demo[1].values() for row in rows]  # lever by lever, in catalogue order
    first_red = next(row for row in report if row["status"] == "rood")  # rood first, the region's own first
    pages = {"Gedeelde waarden": "gedeelde_waarden", "Kaders en randvoorwaarden": "kaders",
             "Data en informatie": "data", "Interactie en dialoog": "interactie"}
    linked = []
    for link in links:
        lever = link.label.removeprefix("In de tabel van ")
        query = dict(part.split("=") for part in link.query_string.split("&"))
        assert query["regio"] == REGION and query["periode"] == PERIOD
        assert query["indicator"] in {row["code"] for row in demo[1][lever]}
        assert pages[lever] in link.page
        linked.append(query["indicator"])
    assert linked[0] == first_red["code"]
