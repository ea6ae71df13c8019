"""Reading an uploaded file: bytes -> text, delimiter, header, and the rows as a DuckDB source.

Real files come from Dutch Excel: Windows-1252 or UTF-8 (with or without BOM), `;` or `,`, quotes
as RFC 4180. DuckDB's own CSV reader does the bulk work; Python's csv module takes over only when
the file has blank lines between rows (DuckDB would skip them and shift the row numbers) or when
DuckDB cannot read it, and then says precisely which row is malformed.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from data.decode import clean
from data.validate import Refused, RowError, Source

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BLANK_LINE = re.compile(rb"\n[ \t]*\r?\n")
_SHM = Path("/dev/shm")


@dataclass(frozen=True)
class CsvFile:
    data: bytes  # UTF-8, without BOM
    encoding: str  # 'utf-8' or 'cp1252' (as uploaded)
    delimiter: str
    header: list[str]  # cleaned, lower case

    def may_skip_lines(self, records: int) -> bool:
        """Whether DuckDB, having read `records` rows, may have skipped blank lines between them.

        DuckDB drops blank lines, which would shift the row numbers. When the file has exactly one
        line per row (plus the header) nothing was dropped; otherwise (blank lines, or line breaks
        inside quoted values) a search decides.
        """
        data, end = self.data, len(self.data)
        while end and data[end - 1] in b"\r\n \t":  # blank lines at the very end do not matter
            end -= 1
        if data.count(b"\n", 0, end) == records:
            return False
        return bool(_BLANK_LINE.search(data, 0, end))


def _file_error(message: str) -> Refused:
    return Refused([RowError(1, "", message)])


def utf8_data(raw: bytes) -> tuple[bytes, str]:
    """The file as UTF-8 bytes without BOM, and the encoding it came in: UTF-8, else Windows-1252."""
    if raw.startswith(_UTF16_BOMS):
        raise _file_error("het bestand is UTF-16; sla het in Excel op als 'CSV UTF-8' of 'CSV (puntkomma)'")
    data = raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
    if data.isascii():
        return data, "utf-8"
    try:
        data.decode("utf-8")
        return data, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252"
    except UnicodeDecodeError:
        raise _file_error("het bestand is geen tekst in UTF-8 of Windows-1252") from None


def read_header(raw: bytes) -> CsvFile:
    """Decode the bytes and read the header row; the delimiter is the one the header uses most."""
    data, encoding = utf8_data(raw)
    if not data[:4096].strip() and not data.strip():
        raise _file_error("het bestand is leeg")
    end = data.find(b"\n")
    first_line = data[:end if end >= 0 else len(data)].decode("utf-8").rstrip("\r")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    header = next(csv.reader([first_line], delimiter=delimiter), [])
    return CsvFile(data, encoding, delimiter, [clean(name).lower() for name in header])


def duckdb_source(file: CsvFile, workdir: str) -> Source:
    """The rows as DuckDB's CSV reader sees them, from a copy of the (UTF-8) bytes in `workdir`."""
    path = Path(workdir) / "upload.csv"
    path.write_bytes(file.data)
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in file.header)
    sql = (f"read_csv($path, delim = '{file.delimiter}', quote = '\"', escape = '\"', header = true, "
           f"auto_detect = false, strict_mode = true, columns = {{{columns}}})")
    return Source(sql, {"path": str(path)}, frozenset(file.header))


def python_source(cur: duckdb.DuckDBPyConnection, file: CsvFile) -> Source:
    """The rows as Python's csv module reads them, registered on `cur`; raises Refused when malformed."""
    cur.register("_upload_rows", python_rows(file))
    return Source("_upload_rows", {}, frozenset(file.header))


def python_rows(file: CsvFile) -> pa.Table:
    """All rows by Python's csv module; a blank line becomes an all-empty row (so numbering holds)."""
    reader = csv.reader(io.StringIO(file.data.decode("utf-8"), newline=""), delimiter=file.delimiter, strict=True)
    width, rows, errors = len(file.header), [], []
    row_number = 1
    try:
        next(reader)
        for row_number, fields in enumerate(reader, start=2):
            if not "".join(fields).strip():
                rows.append([None] * width)
            elif len(fields) != width:
                errors.append(RowError(row_number, "", f"deze rij heeft {len(fields)} velden, de kopregel {width}"))
            else:
                rows.append(fields)
    except csv.Error:
        errors.append(RowError(row_number + 1, "", "de aanhalingstekens (\") in deze rij kloppen niet"))
    if errors:
        raise Refused(errors)
    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(file.header)})


def workdir() -> tempfile.TemporaryDirectory:
    """A scratch directory for the upload, in memory (/dev/shm) where the system has one."""
    return tempfile.TemporaryDirectory(prefix="upload-", dir=_SHM if _SHM.is_dir() else None)
