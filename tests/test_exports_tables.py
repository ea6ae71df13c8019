"""Exports: suppression survives into the files, formula text is neutralised, Dutch Excel flavour."""

import csv
import io
import zipfile
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from exports.tables import comparison_table, indicator_table, neutralise, to_csv_bytes, to_xlsx_bytes
from levers.scope import Period, Scope
from tests.builders import indicator_result
from wording.reasons import reason_text

SCOPE = Scope("IJmond")
PERIOD = Period.month(2026, 10)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _xlsx_rows(data: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def _xlsx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.endswith(".xml"))


@pytest.fixture
def suppressed_table(empty_db):
    # 4 young people in care: a count from 1 to 4, so it must be shown as <5 (indicators.md).
    # 87,5% without stay over 8 trajectories: denominator below 10, so the value is not shown (–),
    # while the denominator 8 itself (≥ 5) may be shown.
    return indicator_table([
        indicator_result(empty_db, SCOPE, PERIOD, "unieke_jeugdigen", 4),
        indicator_result(empty_db, SCOPE, PERIOD, "zonder_verblijf", 87.5, 8),
    ], reason_text=reason_text)


def test_a_suppressed_count_stays_suppressed_in_the_csv(suppressed_table):
    data = to_csv_bytes(suppressed_table)
    header, count_row, ratio_row = _csv_rows(data)
    assert count_row[header.index("Waarde")] == "<5"
    assert ratio_row[header.index("Waarde")] == "–"
    assert ratio_row[header.index("Noemer")] == "8"
    text = data.decode("utf-8-sig")
    assert "4" not in text  # the exact count appears nowhere, not even as a digit
    assert "87" not in text


def test_a_suppressed_count_stays_suppressed_in_the_xlsx(suppressed_table):
    data = to_xlsx_bytes(suppressed_table)
    header, count_row, ratio_row = _xlsx_rows(data)
    assert count_row[header.index("Waarde")] == "<5"
    assert ratio_row[header.index("Waarde")] == "–"
    cells = [value for row in _xlsx_rows(data) for value in row]
    assert 4 not in cells and "4" not in cells and 87.5 not in cells
    xml = _xlsx_xml(data)
    assert "<v>4</v>" not in xml and ">4<" not in xml and "87.5" not in xml


def test_a_small_denominator_is_shown_as_less_than_five(empty_db):
    # 3 of 4 ended according to plan: denominator 4 < 10 hides the 75%, and 4 itself is a small count.
    table = indicator_table([indicator_result(empty_db, SCOPE, PERIOD, "volgens_plan", 75.0, 4)],
                            reason_text=reason_text)
    header, row = _csv_rows(to_csv_bytes(table))
    assert (row[header.index("Waarde")], row[header.index("Noemer")]) == ("–", "<5")
    assert row[header.index("Status")] == "grijs"


def test_indicator_table_rounds_values_and_keeps_norm_and_status(empty_db):
    # 26 of 30 trajectories without stay = 86,666…% → 86,7; default norm 90, marge 3:
    # 86,67 < 90 − 3 = 87, so rood.
    table = indicator_table([indicator_result(empty_db, SCOPE, PERIOD, "zonder_verblijf", 26 / 30 * 100, 30)],
                            reason_text=reason_text)
    row = table.iloc[0]
    assert (row["Waarde"], row["Norm"], row["Marge"], row["Status"]) == (86.7, 90, 3, "rood")
    assert row["Noemer"] == 30


def test_indicator_table_puts_the_labels_first(empty_db):
    results = [indicator_result(empty_db, SCOPE, PERIOD, "instroom", 12)] * 2
    table = indicator_table(results, reason_text=reason_text, labels=["Velsen", "Beverwijk"],
                            label_column="Gemeente")
    assert list(table.columns[:2]) == ["Gemeente", "Indicator"]
    assert list(table["Gemeente"]) == ["Velsen", "Beverwijk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=cmd()", "'=cmd()"),
        ("+31 20", "'+31 20"),
        ("-12", "'-12"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Velsen", "Velsen"),
        ("<5", "<5"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_only_formula_triggers(text, expected):
    assert neutralise(text) == expected


def test_formula_text_is_neutralised_but_negative_numbers_stay_numbers():
    df = pd.DataFrame({"toelichting": ["=cmd()", "gewoon"], "bedrag": [-12.5, 3.0]})
    header, first, second = _csv_rows(to_csv_bytes(df))
    assert first == ["'=cmd()", "-12,5"]
    assert second == ["gewoon", "3"]

    book = load_workbook(io.BytesIO(to_xlsx_bytes(df)))
    cell = book.active["A2"]
    assert (cell.value, cell.data_type) == ("'=cmd()", "s")
    assert book.active["B2"].value == -12.5
    assert "<f>" not in _xlsx_xml(to_xlsx_bytes(df))  # no formula anywhere in the workbook


def test_a_formula_in_a_column_name_is_neutralised_too():
    df = pd.DataFrame({"=HYPERLINK(x)": [1]})
    assert _csv_rows(to_csv_bytes(df))[0] == ["'=HYPERLINK(x)"]
    assert _xlsx_rows(to_xlsx_bytes(df))[0] == ("'=HYPERLINK(x)",)


def test_csv_is_dutch_excel_flavoured():
    df = pd.DataFrame({
        "datum": [date(2026, 11, 23)],
        "tijd": [datetime(2026, 11, 23, 9, 5)],
        "bedrag": [1234.5],
        "aantal": [7],
        "tekst": ["a;b"],
        "leeg": [None],
    })
    data = to_csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0] == "datum;tijd;bedrag;aantal;tekst;leeg"
    assert _csv_rows(data)[1] == ["23-11-2026", "23-11-2026 09:05", "1234,5", "7", "a;b", ""]


def test_xlsx_keeps_dates_as_dates_with_a_dutch_format():
    df = pd.DataFrame({"datum": [pd.Timestamp(2026, 11, 23)], "aantal": [7]})
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    assert sheet["A2"].value == datetime(2026, 11, 23)
    assert sheet["A2"].number_format == "DD-MM-YYYY"
    assert sheet["B2"].value == 7


def test_comparison_table_has_a_row_per_unit_and_a_column_per_indicator(empty_db):
    def results(youths, without_stay, trajectories):
        return [indicator_result(empty_db, SCOPE, PERIOD, "unieke_jeugdigen", youths),
                indicator_result(empty_db, SCOPE, PERIOD, "zonder_verblijf", without_stay, trajectories)]

    # P1: 600 youths, 540 of 600 trajectories without stay = 90,0%; aanbieder A: 2 youths (<5),
    # 100% over 2 trajectories (fewer than 10: –).
    table = comparison_table([("P1", results(600, 90.0, 600)), ("aanbieder A", results(2, 100.0, 2))],
                             label_column="Aanbieder")
    assert list(table.columns) == ["Aanbieder", "Jeugdigen in zorg (aantal)", "Jeugdhulp zonder verblijf (%)"]
    assert table.values.tolist() == [["P1", 600, 90.0], ["aanbieder A", "<5", "–"]]
    text = to_csv_bytes(table).decode("utf-8-sig")
    assert "100" not in text and ";2;" not in text


def test_comparison_table_can_hold_formatted_text_for_the_screen(empty_db):
    rows = [("P1", [indicator_result(empty_db, SCOPE, PERIOD, "unieke_jeugdigen", 1234)])]
    table = comparison_table(rows, label_column="Aanbieder", cell=lambda r: f"{r.value:,.0f}".replace(",", "."))
    assert table.iloc[0, 1] == "1.234"
