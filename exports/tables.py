"""Tables as files a Dutch spreadsheet user can open safely.

Two dangers are handled here, once for every export:
- Privacy: `indicator_table` builds the table from IndicatorResults, which carry no exact small
  number (levers/result.py); suppressed values become `<5` or `–` here, never a figure.
- CSV/formula injection (OWASP): a text cell starting with `=`, `+`, `-`, `@`, tab or CR would be run
  as a formula by Excel; such text gets a leading `'`. Numbers stay numbers, negative ones included.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from levers.result import IndicatorResult
from levers.reasons import Reason
from levers.rounding import half_up

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NOT_SHOWN = "–"  # a value that may not or cannot be shown (too few observations, no data)
CSV_SEPARATOR = ";"
DATE_FORMAT = "%d-%m-%Y"
DATETIME_FORMAT = "%d-%m-%Y %H:%M"
XLSX_DATE_FORMAT = "DD-MM-YYYY"
XLSX_DATETIME_FORMAT = "DD-MM-YYYY HH:MM"

# Column names of the indicator table (Dutch: users read them in the file).
COLUMNS = ("Indicator", "Waarde", "Eenheid", "Norm", "Marge", "Status", "Toelichting", "Noemer", "Code")

# Decimals kept in exported values, per catalogue unit; other units keep one decimal.
_DECIMALS = {"aantal": 0, "sessies": 0, "euro": 0, "gemiddelde": 2}


def neutralise(text: str) -> str:
    """Text that a spreadsheet shows as text: a leading formula character gets a `'` in front."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _rounded(value: float | None, unit: str) -> float | int | None:
    if value is None:
        return None
    decimals = _DECIMALS.get(unit, 1)
    return int(half_up(value, 0)) if decimals == 0 else float(half_up(value, decimals))


def _shown(value: float | None, label: str | None, unit: str) -> float | int | str:
    """A figure as it may be shown: the number, its label (`<5`), or `–` when hidden or missing."""
    if label is not None:
        return label
    rounded = _rounded(value, unit)
    return NOT_SHOWN if rounded is None else rounded


def export_value(result: IndicatorResult) -> float | int | str:
    """The value of a result as an export cell: a rounded number, `<5`, or `–`."""
    return _shown(result.value, result.value_label, result.unit)


def comparison_table(rows: Sequence[tuple[str, Sequence[IndicatorResult]]], *, label_column: str,
                     cell: Callable[[IndicatorResult], object] = export_value) -> pd.DataFrame:
    """One row per compared unit (e.g. a provider), one column per indicator (its name).

    `cell` turns a result into what the table holds: numbers for files (default), whose column
    names then carry the unit (`Jeugdhulp zonder verblijf (%)`), or formatted text with its unit for
    the screen (wording.fmt.value). Either way a suppressed value is `<5` or `–`.
    """
    in_file = cell is export_value
    names = [f"{r.name} ({r.unit})" if in_file else r.name for r in rows[0][1]] if rows else []
    records = [[label, *(cell(result) for result in results)] for label, results in rows]
    return pd.DataFrame(records, columns=[label_column, *names]).astype(object)


def indicator_table(results: Iterable[IndicatorResult], *, reason_text: Callable[[Reason | None], str],
                    labels: Iterable[str] | None = None, label_column: str = "Onderdeel") -> pd.DataFrame:
    """One row per result, suppression applied: the table pages show and exports write.

    `reason_text` words a grijs result's reason (wording.reasons.reason_text, which exports may not import:
    they sit on one level). `labels` (one per result) adds a first column, e.g. the municipality or
    provider each row is about.
    """
    rows = [
        {
            "Indicator": r.name,
            "Waarde": export_value(r),
            "Eenheid": r.unit,
            "Norm": _rounded(r.norm, r.unit),
            "Marge": _rounded(r.margin, r.unit),
            "Status": r.status,
            "Toelichting": reason_text(r.reason),
            "Noemer": _shown(r.denominator, r.denominator_label, "aantal")
            if (r.denominator is not None or r.denominator_label) else "",
            "Code": r.code,
        }
        for r in results
    ]
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype({"Waarde": object, "Noemer": object})
    if labels is not None:
        table.insert(0, label_column, list(labels))
    return table


# --- CSV ----------------------------------------------------------------------------------------

def _is_missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _number_text(value: float | int | Decimal) -> str:
    """`1234,5` — decimal comma, no thousands separator (Excel nl-NL reads it as a number)."""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text).replace(".", ",")


def _csv_cell(value: object) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.strftime(DATE_FORMAT if value == datetime(value.year, value.month, value.day)
                              else DATETIME_FORMAT)
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if hasattr(value, "item"):  # numpy scalar
        return _csv_cell(value.item())
    return neutralise(str(value))


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for Dutch Excel: `;`, decimal comma, DD-MM-JJJJ dates, UTF-8 with BOM, CRLF lines."""
    cells = pd.DataFrame(
        {i: df.iloc[:, i].astype(object).map(_csv_cell) for i in range(df.shape[1])},
        index=df.index,
    )
    cells.columns = [neutralise(str(name)) for name in df.columns]
    text = cells.to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


# --- XLSX ---------------------------------------------------------------------------------------

def _xlsx_cell(value: object) -> tuple[object, str | None]:
    """(value to write, number format or None)."""
    if _is_missing(value):
        return None, None
    if hasattr(value, "item") and not isinstance(value, (str, datetime, date)):
        value = value.item()
    if isinstance(value, bool):
        return ("ja" if value else "nee"), None
    if isinstance(value, datetime):
        plain = value.replace(tzinfo=None)
        is_day = plain == datetime(plain.year, plain.month, plain.day)
        return plain, XLSX_DATE_FORMAT if is_day else XLSX_DATETIME_FORMAT
    if isinstance(value, date):
        return value, XLSX_DATE_FORMAT
    if isinstance(value, (int, float)):
        return value, None
    if isinstance(value, Decimal):
        return float(value), None
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(str(value))), None


def to_xlsx_bytes(df: pd.DataFrame, *, sheet_name: str = "Gegevens") -> bytes:
    """An Excel workbook with one sheet: bold header, frozen first row, dates as DD-MM-JJJJ."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    sheet.append([_xlsx_cell(str(name))[0] for name in df.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in df.itertuples(index=False, name=None):
        converted = [_xlsx_cell(value) for value in record]
        sheet.append([value for value, _ in converted])
        row = sheet.max_row
        for column, (_, number_format) in enumerate(converted, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            if number_format:
                cell.number_format = number_format
    for column, name in enumerate(df.columns, start=1):
        width = max([len(str(name))] + [len(_csv_cell(v)) for v in df.iloc[:200, column - 1]])
        sheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
