"""Size limits of an upload: a cell, a row (a line of a CSV file) and a workbook's sheet.

A 200 MB cell or a 30 MB line is no table a municipality keeps: it is refused with a Dutch message
naming its row and column before the reading starts (issue 22), rather than dropped by a reader's
own limit (DuckDB silently lost a last row over ~32 MB; Python's csv module raised on 128 KiB). A
cell within the row limit but over the cell limit is found with the other cell errors, in one pass.
"""

from __future__ import annotations

import csv
import io

import duckdb

from data.ingest.contracts import columns
from data.ingest.validate import FIRST_ROW, RowError, quote

CELL_LIMIT = 10_000  # characters in one cell
ROW_LIMIT = 1_000_000  # bytes in one line of a CSV file: far above any valid row (a dozen cells of 10,000)
SHEET_LIMIT = 2_000_000_000  # bytes of a workbook's sheet unpacked (Excel's largest sheets stay below)
_CELLS, _ROW = f"{CELL_LIMIT:,}".replace(",", "."), f"{ROW_LIMIT:,}".replace(",", ".")
CELL_MESSAGE = f"deze cel bevat meer dan {_CELLS} tekens; een cel mag hoogstens {_CELLS} tekens bevatten"
ROW_MESSAGE = f"deze rij is langer dan {_ROW} tekens; een cel mag hoogstens {_CELLS} tekens bevatten"
_FLAG = "_too_long"


def long_line(body: bytes, delimiter: str, header: list[str]) -> RowError | None:
    """The first line of `body` longer than `ROW_LIMIT` bytes, as an error naming its row and, when
    one cell makes it long, that cell's column; None when every line fits."""
    start = 0  # where a line begins; each step looks at the next ROW_LIMIT + 1 bytes for its last line break
    while len(body) - start > ROW_LIMIT:
        end = body.rfind(b"\n", start, start + ROW_LIMIT + 1)
        if end < 0:  # ROW_LIMIT + 1 bytes without a line break: the line from `start` is too long
            stop = body.find(b"\n", start)
            line = body[start:stop if stop >= 0 else len(body)]
            return RowError(body.count(b"\n", 0, start) + 1, _long_column(line, delimiter, header), ROW_MESSAGE)
        start = end + 1
    return None


def _long_column(line: bytes, delimiter: str, header: list[str]) -> str:
    """The column of the first cell over the cell limit in one line ('' when none is, or it cannot be read)."""
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(len(line) + 1)
        fields = next(csv.reader(io.StringIO(line.decode("utf-8", "replace")), delimiter=delimiter), [])
    except csv.Error:
        return ""
    finally:
        csv.field_size_limit(limit)
    index = next((i for i, field in enumerate(fields) if len(field) > CELL_LIMIT), None)
    if index is None:
        return ""
    return header[index] if index < len(header) and header[index] else f"{index + 1}"


def flags(kind: str) -> dict[str, str]:
    """A `_dec` column: the first column (in contract order) whose cell is over the cell limit, else NULL.
    Characters are counted only in a cell of more bytes than that (never fewer bytes than characters)."""
    texts = [quote("nl:" + name) for name in columns(kind)]
    whens = " ".join(f"when strlen({text}) > {CELL_LIMIT} and length({text}) > {CELL_LIMIT} then {i}"
                     for i, text in enumerate(texts))
    return {_FLAG: f"case {whens} end"}


def errors(cur: duckdb.DuckDBPyConnection, kind: str) -> list[RowError]:
    """One error per row with a cell over the limit, on that cell's column; nothing of it is shown."""
    rows = cur.execute(f"select rowid, {quote(_FLAG)} from _dec where {quote(_FLAG)} is not null "
                       "order by rowid").fetchall()
    names = columns(kind)
    return [RowError(rid + FIRST_ROW, names[column], CELL_MESSAGE) for rid, column in rows]
