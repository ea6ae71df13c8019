"""Templates of the upload kinds: a CSV file and an XLSX workbook for Excel that show how to fill them.

Both hold the header and two example rows that the loader refuses when left in (data/ingest/examples.py).
The workbook's first sheet is the file itself (header in row 1); one more sheet per code list a column
of the kind takes (iJw lists, the region's municipalities and providers, the dialogue themes), so a
user picks codes without leaving Excel. openpyxl writes it; no streamlit here, so the CLI offers the same.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from data.ingest.contracts import columns, template
from data.ingest.examples import example_rows

CSV_BOM = "\ufeff"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "d-m-yyyy"  # Dutch Excel's own short date
DEFAULT_CODES = {"gemeente": "GM0392", "aanbieder": "ZORG-A"}
DEFAULT_REGION = "IJmond"


@dataclass(frozen=True)
class CodeList:
    """One sheet: its title, the two column headings and the rows (code, meaning)."""

    title: str
    headings: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


def _ijw(list_code: str, column: str) -> tuple[str, tuple[str, str], str]:
    return (f"Lijst {list_code} {column}", ("code", "omschrijving"),
            f"select lpad(code::varchar, 2, '0'), label from ijw_codes where list_code = '{list_code}' order by code")


# Dutch column -> (sheet title, headings, query); `$regions` is the user's regions (empty: all)
_LISTS = {
    "productcategorie": _ijw("JZ020", "productcategorie"),
    "reden_einde": _ijw("JZ588", "reden_einde"),
    "verwijzer": _ijw("COD327", "verwijzer"),
    "gemeente": ("Lijst gemeenten", ("gemeente", "naam"),
                 "select municipality, name from municipality_regions "
                 "where len($regions) = 0 or list_contains($regions, region) order by name"),
    "aanbieder": ("Lijst aanbieders", ("aanbieder", "naam"),
                  "select provider, name from providers "
                  "where len($regions) = 0 or list_has_any($regions, string_split(regions, '/')) order by provider"),
    "regio": ("Lijst regio's", ("regio", "gemeenten"),
              "select region, string_agg(name, ', ' order by name) from municipality_regions "
              "where region is not null and (len($regions) = 0 or list_contains($regions, region)) "
              "group by region order by region"),
    "thema": ("Lijst dialoogthema's", ("thema", "naam"),
              "select theme::varchar, name from dialogue_themes order by theme"),
}


def csv_template(kind: str, lists: dict[str, CodeList], today: date, regions: Sequence[str] = (),
                 provider: str | None = None) -> bytes:
    """The CSV template of a kind as Dutch Excel saves it: UTF-8 with BOM, `;`, the header, two marked examples.

    The examples are written as Dutch Excel writes them (dates d-m-jjjj, a decimal comma); a
    provider's own code, when given, is the one its examples use (it may upload no other).
    """
    names = columns(kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([[_dutch_text(row.get(name)) for name in names]
                      for row in example_rows(kind, today, **_example_codes(lists, regions, provider))])
    return (CSV_BOM + template(kind) + buffer.getvalue()).encode("utf-8")


def _dutch_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def code_lists(con: duckdb.DuckDBPyConnection, regions: Sequence[str] = ()) -> dict[str, CodeList]:
    """Every code list a template may show, by Dutch column name (municipalities and providers of `regions`)."""
    cur = con.cursor()
    try:
        lists = {}
        for column, (title, headings, sql) in _LISTS.items():
            params = {"regions": list(regions)} if "$regions" in sql else {}
            lists[column] = CodeList(title, headings, tuple(cur.execute(sql, params).fetchall()))
        return lists
    finally:
        cur.close()


def workbook(kind: str, lists: dict[str, CodeList], today: date, regions: Sequence[str] = (),
             provider: str | None = None) -> bytes:
    """The XLSX template of `kind`: the sheet to fill (header, two marked examples), then its code lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = kind
    names = columns(kind)
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    example = Font(italic=True, color="595959")
    shade = PatternFill("solid", fgColor="EDEDED")
    for row in example_rows(kind, today, **_example_codes(lists, regions, provider)):
        sheet.append([row.get(name) for name in names])
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = example, shade
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    for letter, name in zip(_letters(len(names)), names):
        sheet.column_dimensions[letter].width = max(12, len(name) + 4)
    sheet.column_dimensions["A"].width = 24  # the marked example cell
    sheet.freeze_panes = "A2"
    for name in names:
        if name in lists:
            _add_list(book, lists[name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _example_codes(lists: dict[str, CodeList], regions: Sequence[str], provider: str | None) -> dict[str, str]:
    """Codes the examples use: the first municipality and provider of the lists, so they are real ones."""
    def first(column: str) -> str:
        rows = lists[column].rows if column in lists else ()
        return rows[0][0] if rows else DEFAULT_CODES[column]

    return {"municipality": first("gemeente"), "provider": provider or first("aanbieder"),
            "region": regions[0] if regions else DEFAULT_REGION}


def _add_list(book, code_list: CodeList) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(code_list.title[:31])
    sheet.append(list(code_list.headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for code, meaning in code_list.rows:
        sheet.append([code, meaning])
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 70


def _letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, count + 1)]
