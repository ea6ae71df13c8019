"""Upload page tables: errors as Rij/Kolom/Melding, the history with Dutch column names."""

from datetime import date, datetime
from decimal import Decimal

from typing import NamedTuple

import pandas as pd

from views.upload_tables import (
    errors_table, for_screen, history_for_screen, history_table, preview_table, replacement_words,
)


class RowError(NamedTuple):  # the shape of data.ingest.validate.RowError: row, column, message
    row: int
    column: str
    message: str


def test_errors_become_one_line_each_with_row_column_and_message():
    table = errors_table([RowError(14, "einddatum", "31-02-2024 is geen geldige datum"),
                          RowError(1, "", "verplichte kolom ontbreekt")])
    assert list(table.columns) == ["Rij", "Kolom", "Melding"]
    assert table.values.tolist() == [[14, "einddatum", "31-02-2024 is geen geldige datum"],
                                     [1, "", "verplichte kolom ontbreekt"]]


def test_no_errors_give_an_empty_table_with_its_columns():
    assert list(errors_table([]).columns) == ["Rij", "Kolom", "Melding"]


def test_history_columns_are_dutch_and_in_reading_order():
    history = pd.DataFrame([{
        "uploaded_at": datetime(2026, 11, 23, 9, 5), "uploader": "cm@ijmond.nl", "kind": "kosten",
        "file_name": "kosten.csv", "row_count": 12, "sha256": "ab" * 32, "scope_replaced": "periode 2026-10",
    }])
    table = history_table(history)
    assert list(table.columns) == ["Tijdstip", "Door", "Soort", "Bestand", "Rijen", "Vervangen", "SHA-256"]
    assert table.iloc[0]["Bestand"] == "kosten.csv" and table.iloc[0]["Rijen"] == 12


def test_the_upload_history_shows_and_downloads_amsterdam_time():
    history = pd.DataFrame([{
        "uploaded_at": moment, "uploader": "cm@ijmond.nl", "kind": "kosten", "file_name": "kosten.csv",
        "row_count": 1234, "sha256": "ab" * 32, "scope_replaced": "periode oktober 2026",
    } for moment in (datetime(2026, 6, 15, 16, 17), datetime(2027, 1, 15, 16, 17))])  # stored in UTC
    table = history_table(history)
    assert list(table["Tijdstip"]) == [datetime(2026, 6, 15, 18, 17), datetime(2027, 1, 15, 17, 17)]  # the files
    shown = history_for_screen(table)
    assert list(shown["Tijdstip"]) == ["15-06-2026 18:17", "15-01-2027 17:17"]
    assert list(shown["Rijen"]) == ["1.234", "1.234"]


def test_for_screen_writes_decimals_dates_and_counts_the_dutch_way():
    table = pd.DataFrame({
        "jaar": [2027, 2027],
        "budget": [2_500_000.0, 1234.5],
        "deadline": [date(2026, 11, 23), None],
        "rijen": [42_429, 12],
        "aanbieder": [None, "P1"],
    })
    shown = for_screen(table, counts=["rijen"])
    assert shown.values.tolist() == [
        [2027, "2.500.000", "23-11-2026", "42.429", "–"],  # a year keeps its digits together; empty is a dash
        [2027, "1.234,5", "–", "12", "P1"],
    ]
    assert table["budget"].tolist() == [2_500_000.0, 1234.5]  # the original (for files) is untouched


def test_the_preview_writes_months_as_okt_2026_quarters_as_k3_2026_and_empty_cells_as_a_dash():
    costs = pd.DataFrame({"periode": [pd.Timestamp(2026, 10, 1), pd.Timestamp(2026, 3, 1)],
                          "productcategorie": [45.0, float("nan")], "aanbieder": ["P1", None]})
    assert preview_table(costs, "kosten").values.tolist() == [["okt 2026", "45", "P1"], ["mrt 2026", "–", "–"]]
    outcomes = pd.DataFrame({"periode": [date(2026, 7, 1), date(2026, 1, 1)], "toelichting": [None, "x"]})
    assert preview_table(outcomes, "uitkomsten").values.tolist() == [["K3 2026", "–"], ["K1 2026", "x"]]


def test_the_preview_writes_ijw_codes_with_their_leading_zero_as_the_code_lists_do():
    trajectories = pd.DataFrame({"verwijzer": [2.0, None], "reden_einde": [2, 31], "productcategorie": [45, 54]})
    assert preview_table(trajectories, "trajecten").values.tolist() == [["02", "02", "45"], ["–", "31", "54"]]


def test_the_preview_shows_an_amount_in_euros():
    costs = pd.DataFrame({"bedrag": [Decimal("1436.4"), Decimal("-12"), None], "soort": ["declaratie"] * 3})
    assert preview_table(costs, "kosten")["bedrag"].tolist() == ["€ 1.436,40", "€ -12,00", "–"]


def test_the_replacement_sentence_names_the_counts_the_kind_and_its_replace_key():
    assert replacement_words("kosten", 33, 3) == {"replaced": "33", "rijen": "rijen", "kind": "kosten", "rows": "3",
                                                  "key": "combinatie van periode en gemeente"}
    assert replacement_words("aanbieders", 1_200, 1)["replaced"] == "1.200"
    assert replacement_words("aanbieders", 1, 0)["rijen"] == "rij"
    assert replacement_words("aanbieders", 2, 1)["key"] == "aanbieder"
