"""Tables of the Uploaden page: the error list and the upload history, with Dutch column names.

Pure pandas (no Streamlit), so the page stays short and the tables can be tested directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import pandas as pd

from data.ingest import decode
from data.ingest.contracts import MODELS
from data.ingest.validate import plan
from wording import fmt, texts

MAX_ERRORS_SHOWN = 1000  # csv-contract.md: up to 1,000 errors shown, all downloadable
EMPTY = "–"  # an empty cell on screen (style.md: never `None`)
# The iJw lists the upload kinds use (JZ020, COD327, JZ588) write every code in two digits: a referrer
# typed as `02` is stored as the number 2 and shown as `02` again, as the template and code sheets write it.
_CODE_DIGITS = 2


def errors_table(errors: Sequence) -> pd.DataFrame:
    """Rij, Kolom, Melding: one line per RowError (row number as in the file, header = row 1)."""
    names = texts.UPLOAD_ERROR_COLUMNS
    return pd.DataFrame(
        [(error.row, error.column, error.message) for error in errors],
        columns=[names["row"], names["column"], names["message"]],
    )


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    """The upload history with Dutch column names, in the order a reader scans it; times in Amsterdam
    time (stored in UTC), so the screen and the downloaded files show the sidebar's clock."""
    names = texts.HISTORY_COLUMNS
    table = history[list(names)].rename(columns=names)
    table[names["uploaded_at"]] = [fmt.amsterdam(value) for value in history["uploaded_at"]]
    return table


def history_for_screen(table: pd.DataFrame) -> pd.DataFrame:
    """`history_table` as text: counts with a thousands dot, the time as `23-11-2026 17:17`."""
    names = texts.HISTORY_COLUMNS
    shown = for_screen(table, counts=[names["row_count"]])
    shown[names["uploaded_at"]] = [fmt.clock(value) for value in table[names["uploaded_at"]]]
    return shown


def _is_empty(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def _screen_cell(value: object) -> object:
    """Dutch text for a decoded cell: `2.500.000`, `1.234,5`, `23-11-2026`; empty is a dash."""
    if _is_empty(value):
        return EMPTY
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
        shown[column] = table[column].map(lambda value: EMPTY if pd.isna(value) else fmt.count(value))
    return shown


def _quarter(value: date) -> str:
    return f"K{(value.month + 2) // 3} {value.year}"


def preview_table(preview: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The preview of a checked file: as `for_screen`, with months as `okt 2026`, quarters as `K3 2026`,
    amounts as `€ 1.234,50` and iJw codes as their lists write them (`02`)."""
    shown = for_screen(preview)
    periods = {decode.SQL_MONTH: fmt.month_short, decode.SQL_QUARTER: _quarter}
    for column in plan(kind):
        if column.decoder is decode.SQL_MONEY and column.name in preview.columns:  # an amount: `€ 1.234,50`
            shown[column.name] = preview[column.name].map(
                lambda value: EMPTY if _is_empty(value) else "€ " + fmt.number(float(value), 2))
        if column.decoder is decode.SQL_CODE and column.name in preview.columns:
            shown[column.name] = preview[column.name].map(
                lambda value: EMPTY if _is_empty(value) else f"{int(value):0{_CODE_DIGITS}d}")
        if column.decoder in periods and column.name in preview.columns:
            label = periods[column.decoder]
            shown[column.name] = preview[column.name].map(
                lambda value: EMPTY if _is_empty(value) else label(pd.Timestamp(value).date()))
    return shown


def replacement_words(kind: str, replaced: int, rows: int) -> dict[str, str]:
    """The words of 'Dit bestand vervangt 33 bestaande rijen van kosten door 3 nieuwe' (texts.UPLOAD_REPLACES_*)."""
    names = {column.attr: column.name for column in plan(kind)}
    key = [names[attr] for attr in MODELS[kind].REPLACE_KEY]
    return {"replaced": fmt.count(replaced), "rijen": "rij" if replaced == 1 else "rijen", "kind": kind,
            "rows": fmt.count(rows),
            "key": key[0] if len(key) == 1 else "combinatie van " + ", ".join(key[:-1]) + " en " + key[-1]}
