"""Tables of the Uploaden page: the error list and the upload history, with Dutch column names.

Pure pandas (no Streamlit), so the page stays short and the tables can be tested directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import pandas as pd

from data.contracts import template
from wording import fmt, texts

MAX_ERRORS_SHOWN = 1000  # csv-contract.md: up to 1,000 errors shown, all downloadable


def template_bytes(kind: str) -> bytes:
    """The empty template of a kind for Excel: UTF-8 with BOM, `;`-separated header."""
    return ("\ufeff" + template(kind)).encode("utf-8")


def errors_table(errors: Sequence) -> pd.DataFrame:
    """Rij, Kolom, Melding: one line per RowError (row number as in the file, header = row 1)."""
    names = texts.UPLOAD_ERROR_COLUMNS
    return pd.DataFrame(
        [(error.row, error.column, error.message) for error in errors],
        columns=[names["row"], names["column"], names["message"]],
    )


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    """The upload history with Dutch column names, in the order a reader scans it."""
    names = texts.HISTORY_COLUMNS
    return history[list(names)].rename(columns=names)


def _screen_cell(value: object) -> object:
    """Dutch text for a decoded cell: `2.500.000`, `1.234,5`, `23-11-2026`; empty stays empty."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, datetime):
        return fmt.day(value.date())
    if isinstance(value, date):
        return fmt.day(value)
    if isinstance(value, (float, Decimal)):
        fraction = Decimal(repr(float(value))).normalize().as_tuple().exponent
        return fmt.number(float(value), min(2, max(0, -int(fraction))))
    return value


def for_screen(table: pd.DataFrame, *, counts: Iterable[str] = ()) -> pd.DataFrame:
    """A copy to show: decimals and dates the Dutch way, `counts` columns with a thousands dot.

    Whole-number columns other than `counts` (a year, a theme number) are left as they are; files
    are made from the original table, which keeps numbers as numbers.
    """
    shown = table.astype(object).map(_screen_cell)
    for column in counts:
        shown[column] = table[column].map(lambda value: "" if pd.isna(value) else fmt.count(value))
    return shown
