"""An Excel workbook as an upload: its first sheet, written out as the CSV the rest of the loader reads.

Turning the sheet into CSV text (`;`, UTF-8, one line per sheet row, empty rows kept) means a
workbook goes through exactly the same contract, checks, messages and all-or-nothing store as a CSV
file, and its row numbers are Excel's (header = row 1). Real Excel values are written the way the
contract reads them: a date as jjjj-mm-dd, a whole number without decimals, a fraction with a point.
openpyxl reads the file (read-only, cached formula values); no XML is handled here.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

from data.validate import Refused, RowError

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls workbook (Excel 97-2003)
UNREADABLE = ("het bestand lijkt een Excel-werkmap, maar is niet te lezen; sla het in Excel opnieuw op als "
              "'Excel-werkmap (.xlsx)' of als 'CSV (puntkomma)'")
OLD_EXCEL = ("het bestand is een oude Excel-werkmap (.xls); sla het in Excel op als 'Excel-werkmap (.xlsx)' "
             "of als 'CSV (puntkomma)'")


def is_workbook(raw: bytes) -> bool:
    return raw.startswith(ZIP_MAGIC)


def as_csv(raw: bytes) -> bytes:
    """A workbook's first sheet as `;`-separated UTF-8 CSV bytes; any other file is returned as it is."""
    if raw.startswith(OLE_MAGIC):
        raise Refused([RowError(1, "", OLD_EXCEL)])
    if not is_workbook(raw):
        return raw
    from openpyxl import load_workbook  # only needed for workbooks

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Refused([RowError(1, "", UNREADABLE)]) from None
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the size the file states may be wrong: read every row and cell there is
        rows = [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _csv_bytes(rows)


def _csv_bytes(rows: list[list[str]]) -> bytes:
    """The rows, cut to the header's width plus any filled cell beyond it, trailing empty rows dropped."""
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((len(row) - next((i for i, text in enumerate(reversed(row)) if text), len(row)) for row in rows),
                default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow((row + [""] * width)[:width])
    return buffer.getvalue().encode("utf-8")


def cell_text(value: object) -> str:
    """A cell as the contract reads text: dates ISO, numbers as Excel shows them without float noise, empty as ''."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"  # as Dutch Excel shows it; no column of the contract takes it
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # at most 15 significant digits, as Excel shows a number: 0.1 + 0.2 is 0.3
        if value.is_integer():
            return str(int(value))
        return format(Decimal(format(value, ".15g")), "f")
    return str(value)
