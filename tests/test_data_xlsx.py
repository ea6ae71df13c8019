"""Excel workbooks as uploads and as templates (issue 11): the first sheet goes through the CSV contract.

Workbooks are written here with openpyxl, with real Excel dates and numbers, as Excel saves them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook, load_workbook

from data.ingest.contracts import KINDS, columns
from data.ingest.load import load_file
from data.ingest.templates import code_lists, csv_template, workbook
from data.ingest.xlsxfile import cell_text
from tests.fixtures.csv import add_providers, database_with_providers, run_data_cli, snapshot

TODAY = date(2026, 11, 29)


def xlsx(*sheets: list[list[object]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for number, rows in enumerate(sheets):
        sheet = book.create_sheet(f"blad{number + 1}")
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


TRAJECTORY_HEADER = ["traject_id", "client_id", "gemeente", "aanbieder", "perceel", "productcategorie", "verwijzer",
                     "aanmelddatum", "startdatum", "einddatum", "reden_einde", "leeftijdsklasse"]


@pytest.fixture
def database(tmp_path) -> Path:
    return database_with_providers(tmp_path / "werkmap.duckdb")


def test_a_workbook_with_real_excel_dates_and_numbers_loads_through_the_command_line(database, tmp_path):
    file = tmp_path / "trajecten.xlsx"
    file.write_bytes(xlsx(
        [TRAJECTORY_HEADER,
         ["T-1", "k-1", 392, "ZORG-A", "complex", 45, 2, datetime(2025, 1, 6), datetime(2025, 1, 15),
          date(2025, 6, 30), 31, "12-17"],
         ["T-2", "k-2", "GM0453", "ZORG-B", "enkelvoudig", "054", None, None, "5-10-2025", None, None, None]],
        [["this sheet is not read"], ["x"]]))
    result = run_data_cli("load", "--db", str(database), str(file))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert result.stdout.decode().startswith("trajecten: 2 rijen opgeslagen uit trajecten.xlsx")
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute("select trajectory_id, municipality, product_category, referrer, registration_date, "
                           "start_date, end_date, end_reason from trajectories order by 1").fetchall()
    assert rows == [("T-1", "GM0392", 45, 2, date(2025, 1, 6), date(2025, 1, 15), date(2025, 6, 30), 31),
                    ("T-2", "GM0453", 54, None, None, date(2025, 10, 5), None, None)]


def test_a_workbook_month_as_a_real_date_and_amounts_as_numbers_are_stored_exactly(empty_db):
    add_providers(empty_db)
    raw = xlsx([["periode", "gemeente", "aanbieder", "perceel", "soort", "bedrag"],
                [datetime(2025, 10, 1), "GM0392", "ZORG-A", "complex", "declaratie", 12345.67],
                [date(2025, 9, 1), "GM0392", "ZORG-A", "complex", "lumpsum", 1000]])
    report = load_file(empty_db, raw, "kosten.xlsx", uploader="test")
    assert report.errors == () and report.stored
    assert empty_db.execute("select month, amount::varchar from costs order by month").fetchall() == [
        (date(2025, 9, 1), "1000.00"), (date(2025, 10, 1), "12345.67")]


def test_a_bad_workbook_is_refused_with_excel_row_numbers_and_stores_nothing(empty_db):
    add_providers(empty_db)
    before = snapshot(empty_db)
    raw = xlsx([["gemeente", "jaar", "inwoners_0_17"],
                ["GM0392", 2025, 100],
                [None, None, None],  # an empty Excel row keeps its number
                ["GM0453", 2025, -5],
                ["GM9999", datetime(2025, 1, 1), 10]])
    report = load_file(empty_db, raw, "gemeenten.xlsx", uploader="test")
    assert [str(error) for error in report.errors] == [
        "rij 4, kolom inwoners_0_17: -5 moet groter dan 0 zijn",
        "rij 5, kolom gemeente: GM9999 is geen bekende gemeentecode",
        "rij 5, kolom jaar: 2025-01-01 is geen geldig jaartal (schrijf het jaar met vier cijfers, bijvoorbeeld 2026)"]
    assert not report.stored and snapshot(empty_db) == before


@pytest.mark.parametrize("value, text", [
    (None, ""), ("T-1", "T-1"), (45, "45"), (45.0, "45"), (12345.67, "12345.67"), (0.1 + 0.2, "0.3"),
    (1e-05, "0.00001"), (-250.5, "-250.5"), (datetime(2025, 1, 6), "2025-01-06"), (date(2025, 1, 6), "2025-01-06"),
    (datetime(2025, 1, 6, 12, 30), "2025-01-06 12:30:00"), (True, "WAAR"),
])
def test_a_cell_is_written_as_the_text_the_contract_reads(value, text):
    assert cell_text(value) == text


def _with_dimension(raw: bytes, ref: bytes) -> bytes:
    """The workbook with another stated size of its first sheet (some programs write a wrong one)."""
    source, out = zipfile.ZipFile(io.BytesIO(raw)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="' + ref + b'"/>', data)
            target.writestr(item, data)
    return out.getvalue()


def test_every_row_and_cell_is_read_even_when_the_workbook_states_a_smaller_size(empty_db):
    raw = _with_dimension(xlsx([["gemeente", "jaar", "inwoners_0_17"], ["GM0392", 2025, 100],
                                ["GM0453", 2025, -5]]), b"A1:B2")
    report = load_file(empty_db, raw, "gemeenten.xlsx", uploader="test")
    assert [str(error) for error in report.errors] == ["rij 3, kolom inwoners_0_17: -5 moet groter dan 0 zijn"]


def test_an_old_xls_workbook_is_refused_with_advice(empty_db):
    report = load_file(empty_db, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "oud.xls", uploader="test")
    assert [str(error) for error in report.errors] == [
        "rij 1: het bestand is een oude Excel-werkmap (.xls); sla het in Excel op als 'Excel-werkmap (.xlsx)' "
        "of als 'CSV (puntkomma)'"]


def test_a_broken_workbook_is_refused_in_dutch_through_the_command_line(database, tmp_path):
    file = tmp_path / "kapot.xlsx"
    file.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = run_data_cli("load", "--db", str(database), "--kind", "budget", str(file))
    assert result.returncode == 1
    assert result.stdout.decode().startswith("rij 1: het bestand lijkt een Excel-werkmap, maar is niet te lezen")
    assert b"Traceback" not in result.stderr


# the sheets of a kind's template workbook: the file itself, then one per code list its columns take
TEMPLATE_SHEETS = {
    "trajecten": ["trajecten", "Lijst gemeenten", "Lijst aanbieders", "Lijst JZ020 productcategorie",
                  "Lijst COD327 verwijzer", "Lijst JZ588 reden_einde"],
    "kosten": ["kosten", "Lijst gemeenten", "Lijst aanbieders", "Lijst JZ020 productcategorie"],
    "budget": ["budget", "Lijst gemeenten", "Lijst aanbieders"],
    "uitkomsten": ["uitkomsten", "Lijst regio's", "Lijst aanbieders"],
    "dialoog": ["dialoog", "Lijst regio's", "Lijst aanbieders", "Lijst dialoogthema's"],
    "normen": ["normen", "Lijst regio's", "Lijst aanbieders"],
    "aanbieders": ["aanbieders", "Lijst aanbieders", "Lijst regio's"],
    "gemeenten": ["gemeenten", "Lijst gemeenten"],
    "landelijk": ["landelijk"],
    "procesbreuken": ["procesbreuken", "Lijst regio's"],
    "contracten": ["contracten", "Lijst regio's", "Lijst aanbieders"],  # gebied and indicator are CBS's own codes: no list of the region's
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_template_workbook_has_the_header_two_marked_examples_and_a_sheet_per_code_list(empty_db, kind):
    add_providers(empty_db)
    book = load_workbook(io.BytesIO(workbook(kind, code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"])))
    assert book.sheetnames == TEMPLATE_SHEETS[kind]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == columns(kind) and len(rows) == 3
    assert all(str(row[0]).startswith("VOORBEELD ") for row in rows[1:])


@pytest.mark.parametrize("kind", KINDS)
def test_a_csv_template_has_the_header_and_two_marked_examples_as_dutch_excel_saves_them(empty_db, kind):
    text = csv_template(kind, code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"]).decode("utf-8")
    lines = text.split("\r\n")
    assert text.startswith("\ufeff") and lines[0] == "\ufeff" + ";".join(columns(kind))
    assert len(lines) == 4 and lines[3] == "" and all(line.startswith("VOORBEELD ") for line in lines[1:3])


def test_the_csv_template_writes_dates_and_decimals_the_dutch_way(empty_db):
    lines = csv_template("trajecten", code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"]).decode("utf-8").split("\r\n")
    # T-0001: registered 6 January, started 15 January, ended 30 June of last year; Beverwijk, first of IJmond
    assert lines[1] == "VOORBEELD T-0001;k-7f3a9c;GM0375;ZORG-A;complex;45;02;6-1-2025;15-1-2025;30-6-2025;31;12-17"
    budget = csv_template("budget", code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"]).decode("utf-8")
    assert budget.split("\r\n")[2].endswith(";1200000,5")


def test_a_providers_template_uses_its_own_code_in_the_examples(empty_db):
    add_providers(empty_db)
    lists = code_lists(empty_db, ["IJmond"])  # the first provider of the list is 87654321
    rows = csv_template("uitkomsten", lists, TODAY, ["IJmond"], provider="ZORG-B").decode("utf-8").split("\r\n")
    # periode;regio;aanbieder;...: the region the template was asked for, the provider's own code
    assert [row.split(";")[1:3] for row in rows[1:3]] == [["IJmond", "ZORG-B"]] * 2
    book = load_workbook(io.BytesIO(workbook("uitkomsten", lists, TODAY, ["IJmond"], provider="ZORG-B")))
    assert [row[1:3] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == [("IJmond", "ZORG-B")] * 2


def test_the_code_lists_hold_the_ijw_codes_and_only_the_regions_municipalities_and_providers(empty_db):
    add_providers(empty_db)  # ZORG-A, ZORG-B, 87654321 in IJmond/Zuid-Kennemerland
    empty_db.execute("insert into providers (provider, name, lot, role, regions) "
                     "values ('ELDERS', 'Elders', 'complex', 'overig', 'Amsterdam-Amstelland')")
    book = load_workbook(io.BytesIO(workbook("trajecten", code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"])))
    sheet = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    # IJmond: Beverwijk, Heemskerk and Velsen (CBS reference list), by name
    assert sheet["Lijst gemeenten"] == [("gemeente", "naam"), ("GM0375", "Beverwijk"), ("GM0396", "Heemskerk"),
                                        ("GM0453", "Velsen")]
    assert [row[0] for row in sheet["Lijst aanbieders"]] == ["aanbieder", "87654321", "ZORG-A", "ZORG-B"]
    assert sheet["Lijst JZ588 reden_einde"][1] == ("02", "Overlijden")
    assert len(sheet["Lijst JZ020 productcategorie"]) == 1 + 24 and len(sheet["Lijst COD327 verwijzer"]) == 1 + 7


def test_the_region_list_names_each_region_of_the_user_with_its_municipalities(empty_db):
    regions = load_workbook(io.BytesIO(workbook("uitkomsten", code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"])))
    assert list(regions["Lijst regio's"].iter_rows(values_only=True)) == [
        ("regio", "gemeenten"), ("IJmond", "Beverwijk, Heemskerk, Velsen")]  # CBS reference list, by name
    every = code_lists(empty_db)["regio"].rows  # a beheerder: every youth-care region of the reference list
    assert ("Zuid-Kennemerland", "Bloemendaal, Haarlem, Heemstede, Zandvoort") in every
    with open(Path(__file__).resolve().parents[1] / "data" / "reference" / "gemeenten_2025.csv", encoding="utf-8") as file:
        reference = {row["jeugdregio"] for row in csv.DictReader(file) if row["jeugdregio"]}
    assert [region for region, _ in every] == sorted(reference)


def _without_marker(raw: bytes) -> bytes:
    if not raw.startswith(b"PK"):  # the CSV template
        return raw.replace(b"VOORBEELD ", b"")
    book = load_workbook(io.BytesIO(raw))
    for row in book.worksheets[0].iter_rows(min_row=2):
        row[0].value = row[0].value.removeprefix("VOORBEELD ")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("write", [workbook, csv_template], ids=["xlsx", "csv"])
def test_a_template_left_with_its_examples_is_refused_and_its_examples_are_otherwise_valid(empty_db, kind, write):
    add_providers(empty_db)
    raw = write(kind, code_lists(empty_db, ["IJmond"]), TODAY, ["IJmond"])
    before = snapshot(empty_db)
    report = load_file(empty_db, raw, f"sjabloon_{kind}", uploader="test")
    first = columns(kind)[0]
    message = ("dit is een voorbeeldrij uit het sjabloon (de eerste cel begint met VOORBEELD); "
               "verwijder de voorbeeldrijen en lever het bestand opnieuw aan")
    assert [str(error) for error in report.errors] == [f"rij 2, kolom {first}: {message}",
                                                       f"rij 3, kolom {first}: {message}"]
    assert snapshot(empty_db) == before
    report = load_file(empty_db, _without_marker(raw), kind, uploader="test")
    assert report.errors == () and report.stored and report.rows == 2


def test_the_command_line_writes_a_template_workbook(tmp_path):
    result = run_data_cli("template", "kosten", "--xlsx", "--db", str(tmp_path / "geen.duckdb"))
    assert result.returncode == 0
    book = load_workbook(io.BytesIO(result.stdout))
    assert book.sheetnames[0] == "kosten" and [c.value for c in book.worksheets[0][1]] == columns("kosten")
    assert not (tmp_path / "geen.duckdb").exists()  # a template creates no database


def test_a_template_workbook_without_a_readable_database_still_has_the_public_code_lists(tmp_path):
    result = run_data_cli("template", "trajecten", "--xlsx", "--db", str(tmp_path))  # a directory
    assert result.returncode == 0
    assert "de database kon niet worden geopend" in result.stderr.decode()
    book = load_workbook(io.BytesIO(result.stdout))
    assert len(list(book["Lijst JZ588 reden_einde"].iter_rows())) == 1 + 11
    assert len(list(book["Lijst aanbieders"].iter_rows())) == 1  # the heading only
