"""Reading an uploaded file: bytes -> text, delimiter, header, and the rows as a DuckDB source.

Real files come from Dutch Excel: Windows-1252 or UTF-8 (with or without BOM), `;` or `,`, quotes
as RFC 4180. DuckDB's own CSV reader does the bulk work (blank lines filled with empty fields so it
keeps them as rows); Python's csv module takes over only when DuckDB cannot read the file, or a
blank line lies inside a quoted value, and then says precisely which row is malformed. Both readers
accept empty fields after the last column (Excel writes them) and nothing else beyond it.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from data.decode import clean
from data.validate import Refused, RowError, Source

if TYPE_CHECKING:
    import pyarrow as pa

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BLANK_LINE = re.compile(rb"\n[ \t]*\r?\n")
_BLANK_LINE_START = re.compile(rb"\n[ \t]*(?=\r?\n)")  # a blank line begins after this line break
_WORKDIR_PREFIX = "upload-"
_OLD_WORKDIR_BASES = (Path("/dev/shm"),)  # earlier versions copied uploads there
_STALE_AFTER_SECONDS = 3600  # a scratch directory without a process id counts as stale after this


@dataclass(frozen=True)
class CsvFile:
    data: bytes  # UTF-8, without BOM
    encoding: str  # 'utf-8' or 'cp1252' (as uploaded)
    delimiter: str
    header: list[str]  # cleaned, lower case

    @cached_property
    def has_blank_lines(self) -> bool:
        return bool(_BLANK_LINE.search(self.data))

    @cached_property
    def duckdb_data(self) -> bytes:
        """The data with each blank line made a row of empty fields, so that DuckDB keeps it as a row.

        DuckDB drops blank lines, which would shift the row numbers; Python's reader, which keeps
        them, takes three times the time and memory on a large file.
        """
        if not self.has_blank_lines:
            return self.data
        empty_row = b"\n" + self.delimiter.encode() * (len(self.header) - 1)
        return _BLANK_LINE_START.sub(empty_row, self.data)

    def may_skip_lines(self, records: int) -> bool:
        """Whether DuckDB, having read `records` rows of `duckdb_data`, may have numbered them wrongly.

        Without blank lines nothing was dropped. With them, filling is right only when no blank line
        lay inside a quoted value: then every line is one row (a quoted line break makes fewer rows).
        """
        if not self.has_blank_lines:
            return False
        data, end = self.duckdb_data, len(self.duckdb_data)
        while end and data[end - 1] in b"\r\n":  # the line break after the last row
            end -= 1
        return data.count(b"\n", 0, end) != records


def _file_error(message: str) -> Refused:
    return Refused([RowError(1, "", message)])


def utf8_data(raw: bytes) -> tuple[bytes, str]:
    """The file as UTF-8 bytes without BOM, and the encoding it came in: UTF-8, else Windows-1252.

    A file that is valid UTF-8 except for some bytes is refused at the first bad line rather than
    read as Windows-1252 (which would turn every accented letter into two). CR-only line ends (old
    Mac) become LF, so both readers see the same lines.
    """
    if raw.startswith(_UTF16_BOMS) or _looks_utf16(raw):
        raise _file_error("het bestand is UTF-16; sla het in Excel op als 'CSV UTF-8' of 'CSV (puntkomma)'")
    data = raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
    data, encoding = _as_utf8(data)
    if b"\r" in data and b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    return data, encoding


def _as_utf8(data: bytes) -> tuple[bytes, str]:
    if data.isascii():
        return data, "utf-8"
    try:
        data.decode("utf-8")
        return data, "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _has_utf8_sequence(data):
        raise Refused([RowError(_line_of(data, first_bad), "", (
            "het bestand is UTF-8, maar deze rij bevat een teken dat geen UTF-8 is; "
            "sla het bestand opnieuw op als 'CSV UTF-8'"))])
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252"
    except UnicodeDecodeError as error:
        raise Refused([RowError(_line_of(data, error.start), "", (
            "het bestand is geen tekst in UTF-8 of Windows-1252: deze rij bevat een onleesbaar teken"))]) from None


def _has_utf8_sequence(data: bytes) -> bool:
    """Whether `data` holds a valid multi-byte UTF-8 sequence somewhere.

    Decoded with every invalid byte kept as one character, the text is shorter than the bytes
    exactly when some characters took two to four bytes: one pass in C, ten times cheaper than
    searching a large Windows-1252 file for such sequences with a regular expression.
    """
    return len(data.decode("utf-8", "surrogateescape")) != len(data)


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without BOM: in the first bytes every other byte is NUL (ASCII text in two-byte units)."""
    head = raw[:2000]
    half = len(head) // 2
    return half >= 2 and max(head[0::2].count(0), head[1::2].count(0)) > half * 0.6


def _line_of(data: bytes, position: int) -> int:
    """The file row (header = 1) of a byte position; CR-only files count CRs."""
    newline = b"\n" if b"\n" in data else b"\r"
    return data.count(newline, 0, position) + 1


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
    path.write_bytes(file.duckdb_data)
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
            elif len(fields) > width and not "".join(fields[width:]):
                rows.append(fields[:width])  # empty fields after the last column: DuckDB's rule too
            elif len(fields) != width:
                errors.append(RowError(row_number, "", f"deze rij heeft {len(fields)} velden, de kopregel {width}"))
            else:
                rows.append(fields)
    except csv.Error:
        errors.append(RowError(row_number + 1, "", "de aanhalingstekens (\") in deze rij kloppen niet"))
    if errors:
        raise Refused(errors)
    import pyarrow as pa  # only for a file DuckDB cannot read

    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(file.header)})


def workdir() -> tempfile.TemporaryDirectory:
    """A scratch directory for the upload in the ordinary temporary directory, named after this process.

    Removed when the load ends however it ends; what a killed process left is removed by the next
    load (`remove_stale_workdirs`).
    """
    remove_stale_workdirs()
    return tempfile.TemporaryDirectory(prefix=f"{_WORKDIR_PREFIX}{os.getpid()}-")


def workdir_path() -> str:
    """A scratch directory like `workdir`'s that outlives the load (a dry run's checked rows): the
    caller removes it; when this process is gone, the next load does."""
    remove_stale_workdirs()
    return tempfile.mkdtemp(prefix=f"{_WORKDIR_PREFIX}{os.getpid()}-")


def remove_stale_workdirs() -> None:
    """Remove scratch directories of uploads whose process is gone (killed, or out of memory)."""
    for base in {Path(tempfile.gettempdir()), *_OLD_WORKDIR_BASES}:
        try:
            candidates = list(base.glob(f"{_WORKDIR_PREFIX}*"))
        except OSError:
            continue
        for path in candidates:
            if _is_stale(path):
                shutil.rmtree(path, ignore_errors=True)


def _is_stale(path: Path) -> bool:
    pid = path.name[len(_WORKDIR_PREFIX):].split("-")[0]
    if not pid.isdigit():  # an earlier version's name: judge by age
        try:
            return time.time() - path.stat().st_mtime > _STALE_AFTER_SECONDS
        except OSError:
            return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False
