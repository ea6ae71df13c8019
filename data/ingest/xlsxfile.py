"""An Excel workbook as an upload: its first visible sheet, written out as the CSV the rest of the loader reads.

Turning the sheet into CSV text (`;`, UTF-8, one line per sheet row, empty rows kept) means a
workbook goes through exactly the same contract, checks, messages and all-or-nothing store as a CSV
file, and its row numbers are Excel's (header = row 1). Real Excel values are written the way the
contract reads them: a date as jjjj-mm-dd, a whole number without decimals, a fraction with a point.
openpyxl reads the file (read-only, cached formula values). Before it does, the sheet's XML is looked
through once (issue 22) for what openpyxl would read wrongly or slowly: a cell over the cell limit (a
200 MB string took 12 s and 1.6 GB, then lost its row), a formula without a cached value (a script's
workbook: openpyxl reads it as empty), and rows without cells (a million of them took 46 s: they are
left out of what openpyxl parses; the rows keep their numbers).
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal

from data.ingest.limits import CELL_LIMIT, CELL_MESSAGE, SHEET_LIMIT
from data.ingest.validate import Refused, RowError

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls workbook (Excel 97-2003)
UNREADABLE = ("het bestand lijkt een Excel-werkmap, maar is niet te lezen; sla het in Excel opnieuw op als "
              "'Excel-werkmap (.xlsx)' of als 'CSV (puntkomma)'")
OLD_EXCEL = ("het bestand is een oude Excel-werkmap (.xls); sla het in Excel op als 'Excel-werkmap (.xlsx)' "
             "of als 'CSV (puntkomma)'")
PROTECTED = ("het bestand is met een wachtwoord beveiligd; haal in Excel de beveiliging eraf (Bestand > Info > "
             "Werkmap beveiligen > Versleutelen met wachtwoord, het wachtwoord leegmaken) en sla het opnieuw op")
NO_SHEET = "de werkmap heeft geen zichtbaar werkblad; maak het werkblad met de gegevens zichtbaar en sla het opnieuw op"
FORMULA = "cel {cell} bevat een formule zonder berekende waarde; open en sla het bestand op in Excel"
TOO_LARGE = "het werkblad is te groot (uitgepakt meer dan 2 GB); lever de gegevens als CSV aan of splits het bestand"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected workbook keeps its contents in
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]+)"')
_FORMULA_ONLY = re.compile(rb'<(?:\w+:)?c\s[^>]*?r="([A-Z]{1,3}[0-9]+)"[^>]*>\s*<(?:\w+:)?f[\s>/][^<]*'
                           rb'(?:</(?:\w+:)?f>)?\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
# as Excel and openpyxl write an empty row (a literal start: ten times faster to find than any spelling)
_EMPTY_ROW = re.compile(rb"<row [^>]*/>|<row [^>]*></row>")
_MANY_EMPTY_ROWS = 1000  # below this, leaving them in costs nothing worth a copy of the sheet


def is_workbook(raw: bytes) -> bool:
    return raw.startswith(ZIP_MAGIC)


def as_csv(raw: bytes) -> bytes:
    """A workbook's first visible sheet as `;`-separated UTF-8 CSV bytes; any other file is returned as it is."""
    if raw.startswith(OLE_MAGIC):
        raise Refused([RowError(1, "", PROTECTED if _ENCRYPTED in raw else OLD_EXCEL)])
    if not is_workbook(raw):
        return raw
    from openpyxl import load_workbook  # only needed for workbooks

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Refused:
        raise
    except Exception:  # a broken archive or XML: openpyxl raises many kinds (issue 22)
        raise Refused([RowError(1, "", UNREADABLE)]) from None
    try:
        sheet = next((sheet for sheet in book.worksheets if sheet.sheet_state == "visible"), None)
        if sheet is None:  # none at all: a sheet's part is missing
            raise Refused([RowError(1, "", NO_SHEET if book.worksheets else UNREADABLE)])
        xml = _checked_sheet(book._archive, sheet._worksheet_path)
        if xml is not None:
            sheet._get_source = lambda: io.BytesIO(xml)  # the sheet without its empty rows
        sheet.reset_dimensions()  # the size the file states may be wrong: read every row and cell there is
        rows = [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except Refused:
        raise
    except Exception:
        raise Refused([RowError(1, "", UNREADABLE)]) from None
    finally:
        book.close()
    return _csv_bytes(rows)


def _checked_sheet(archive: zipfile.ZipFile, path: str) -> bytes | None:
    """Refuse a sheet that is too large, holds a cell over the cell limit or a formula without a value;
    the sheet's XML without its empty rows when it has many (else None: openpyxl reads the archive)."""
    if archive.getinfo(path).file_size > SHEET_LIMIT:
        raise Refused([RowError(1, "", TOO_LARGE)])
    xml = archive.read(path)
    errors = [_long_cell(xml, start, end) for start, end in _long_texts(xml)]
    strings = "xl/sharedStrings.xml"
    if strings in archive.namelist() and archive.getinfo(strings).file_size > CELL_LIMIT:
        shared = archive.read(strings)
        errors += [_shared_cell(xml, shared, start) for start, _ in _long_texts(shared)]
    if b"<f" in xml or b":f" in xml:
        errors += [RowError(_row_of(cell), "", FORMULA.format(cell=cell.decode())) for cell in _FORMULA_ONLY.findall(xml)]
    if errors:
        raise Refused(sorted({(e.row, e.column, e.message): e for e in errors}.values(), key=lambda e: e.row))
    if xml.count(b"<row ") < xml.count(b"<c ") + _MANY_EMPTY_ROWS:  # at most a few rows without a cell
        return None
    return _EMPTY_ROW.sub(b"", xml)


def _long_texts(xml: bytes) -> list[tuple[int, int]]:
    """Where the XML holds a text (between `>` and `<`) of more than `CELL_LIMIT` characters, entities read."""
    if len(xml) <= CELL_LIMIT:
        return []
    import numpy as np  # a pass over every byte, in C

    opens = np.flatnonzero(np.frombuffer(xml, np.uint8) == ord("<"))
    found = []
    for i in np.flatnonzero(np.diff(opens) > CELL_LIMIT):
        start, end = xml.index(b">", int(opens[i])) + 1, int(opens[i + 1])
        if end - start > CELL_LIMIT and len(html.unescape(xml[start:end].decode("utf-8", "replace"))) > CELL_LIMIT:
            found.append((start, end))
    return found


def _long_cell(xml: bytes, start: int, end: int) -> RowError:
    """The cell (by its reference before `start`) whose text is too long."""
    refs = _CELL_REF.findall(xml, max(0, start - 2000), start)
    if not refs:
        return RowError(1, "", CELL_MESSAGE)
    column, row = refs[-1]
    return RowError(int(row), "", f"cel {column.decode()}{row.decode()}: {CELL_MESSAGE}")


def _shared_cell(xml: bytes, shared: bytes, start: int) -> RowError:
    """The cell that uses the too long shared text at `start` of the shared strings part."""
    index = shared.count(b"<si", 0, start) - 1
    found = re.search(rb'<(?:\w+:)?c\s[^>]*?r="([A-Z]{1,3})([0-9]+)"[^>]*?t="s"[^>]*>\s*<(?:\w+:)?v>'
                      + str(index).encode() + rb"</", xml)
    if found is None:
        return RowError(1, "", CELL_MESSAGE)
    return RowError(int(found[2]), "", f"cel {found[1].decode()}{found[2].decode()}: {CELL_MESSAGE}")


def _row_of(cell: bytes) -> int:
    return int(re.sub(rb"[A-Z]", b"", cell))


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
