"""Reading an uploaded file: bytes -> text, delimiter, header, and the rows as a DuckDB source.

Real files come from Dutch Excel: Windows-1252 or UTF-8 (with or without BOM), `;` or `,`, quotes
as RFC 4180. DuckDB's own CSV reader does the bulk work (blank lines filled with empty fields so it
keeps them as rows); Python's csv module takes over only when DuckDB cannot read the file, or a
blank line lies inside a quoted value, and then says precisely which row is malformed. Both readers
accept empty fields after the last column (Excel writes them) and nothing else beyond it.

DuckDB reads the bytes as they came wherever it can: UTF-8 as UTF-8, and Windows-1252 without a byte
in 0x80-0x9F as Latin-1 (the two agree on every other byte). Only a file it cannot read as it is
(CR-only line ends, blank lines, Windows-1252's euro sign or curly quotes) is rewritten, and a file
the command line names on disk is then read in place, without a scratch copy (issue 14).
"""

from __future__ import annotations

import contextlib
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

from data.ingest.decode import clean
from data.ingest.limits import ROW_LIMIT, ROW_MESSAGE
from data.ingest.masking import normalised_file, unchanged_file
from data.ingest.validate import Refused, RowError, Source

if TYPE_CHECKING:
    import pyarrow as pa

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# bytes 0x80-0xBF: Windows-1252's C1 range (euro sign, curly quotes, dashes) and UTF-8's continuation bytes
_NOT_80_TO_BF = bytes(range(0x80)) + bytes(range(0xC0, 0x100))
_NOT_80_TO_9F = bytes(range(0x80)) + bytes(range(0xA0, 0x100))
_HEAD = 1 << 16  # bytes tried as UTF-8 before the whole file is
_BLANK_LINE = re.compile(rb"\n[ \t]*\r?\n")
_BLANK_LINE_START = re.compile(rb"\n[ \t]*(?=\r?\n)")  # a blank line begins after this line break
_WORKDIR_PREFIX = "upload-"
_OLD_WORKDIR_BASES = (Path("/dev/shm"),)  # earlier versions copied uploads there
_STALE_AFTER_SECONDS = 3600  # a scratch directory without a process id counts as stale after this


@dataclass(frozen=True)
class CsvFile:
    body: bytes  # what DuckDB reads, in `duckdb_encoding`: the file, a CR-only file with LF line ends
    encoding: str  # 'utf-8' or 'cp1252' (as uploaded)
    delimiter: str
    header: list[str]  # cleaned, lower case
    duckdb_encoding: str = "utf-8"  # or 'latin-1': Windows-1252 without a byte in 0x80-0x9F
    # whether `body` holds the uploaded bytes unchanged; a BOM aside: in a file DuckDB reads in place it
    # only precedes the header, which DuckDB skips
    as_uploaded: bool = True

    @cached_property
    def data(self) -> bytes:
        """The file as UTF-8, without BOM (Python's reader)."""
        return self.body if self.duckdb_encoding == "utf-8" else self.body.decode("latin-1").encode("utf-8")

    @cached_property
    def has_blank_lines(self) -> bool:
        return bool(_BLANK_LINE.search(self.body))

    @property
    def read_as_is(self) -> bool:
        """Whether DuckDB can read the uploaded file itself (no blank line to fill, no line ends to change)."""
        return self.as_uploaded and not self.has_blank_lines

    @cached_property
    def duckdb_data(self) -> bytes:
        """The body with each blank line made a row of empty fields, so that DuckDB keeps it as a row.

        DuckDB drops blank lines, which would shift the row numbers; Python's reader, which keeps
        them, takes three times the time and memory on a large file. Line breaks, spaces and the
        delimiter are the same byte in every encoding read here.
        """
        if not self.has_blank_lines:
            return self.body
        empty_row = b"\n" + self.delimiter.encode() * (len(self.header) - 1)
        return _BLANK_LINE_START.sub(empty_row, self.body)

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


def readable_body(raw: bytes) -> tuple[bytes, str, str, bool]:
    """The file without BOM as DuckDB can read it, the encoding it came in (UTF-8, else Windows-1252),
    the encoding DuckDB reads it in ('utf-8', or 'latin-1' for Windows-1252 that Latin-1 reads alike),
    and whether those are the uploaded bytes unchanged (but for a BOM).

    A file that is valid UTF-8 except for some bytes is refused at the first bad line rather than
    read as Windows-1252 (which would turn every accented letter into two). CR-only line ends (old
    Mac) become LF, so both readers see the same lines.
    """
    if raw.startswith(_UTF16_BOMS) or _looks_utf16(raw):
        raise _file_error("het bestand is UTF-16; sla het in Excel op als 'CSV UTF-8' of 'CSV (puntkomma)'")
    data = raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
    body, encoding, duckdb_encoding = _readable(data)
    as_uploaded = body is data
    # every check and message sees NFKC text without format characters (issue 22)
    if not body.isascii() and not unchanged_file(body, duckdb_encoding):
        text = body.decode(duckdb_encoding)
        tidy = normalised_file(text)
        if tidy != text:
            body, duckdb_encoding, as_uploaded = tidy.encode("utf-8"), "utf-8", False
    if b"\r" in body and b"\n" not in body:
        body, as_uploaded = body.replace(b"\r", b"\n"), False
    return body, encoding, duckdb_encoding, as_uploaded


def _readable(data: bytes) -> tuple[bytes, str, str]:
    if data.isascii():
        return data, "utf-8", "utf-8"
    first_bad = _first_bad_utf8(data)
    if first_bad is None:
        return data, "utf-8", "utf-8"
    # one cheap pass: without bytes 0x80-0xBF there is no UTF-8 sequence (it needs a continuation
    # byte) and no byte where Windows-1252 and Latin-1 differ (0x80-0x9F)
    middle = data.translate(None, _NOT_80_TO_BF)
    if middle and _has_utf8_sequence(data):
        raise Refused([RowError(_line_of(data, first_bad), "", (
            "het bestand is UTF-8, maar deze rij bevat een teken dat geen UTF-8 is; "
            "sla het bestand opnieuw op als 'CSV UTF-8'"))])
    if not middle.translate(None, _NOT_80_TO_9F):
        return data, "cp1252", "latin-1"
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252", "utf-8"
    except UnicodeDecodeError as error:
        raise Refused([RowError(_line_of(data, error.start), "", (
            "het bestand is geen tekst in UTF-8 of Windows-1252: deze rij bevat een onleesbaar teken"))]) from None


def _first_bad_utf8(data: bytes) -> int | None:
    """Where `data` stops being UTF-8; None when it is UTF-8 throughout.

    A failing decode still costs a pass over the whole file, and a Windows-1252 file usually shows
    a bad byte near its start: the first 64 KiB are tried first (a sequence cut off at their end
    is no error yet).
    """
    for end in (_HEAD, len(data)) if len(data) > _HEAD else (len(data),):
        try:
            data[:end].decode("utf-8")
        except UnicodeDecodeError as error:
            if end == len(data) or error.reason != "unexpected end of data":
                return error.start
    return None


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
    body, encoding, duckdb_encoding, as_uploaded = readable_body(raw)
    if not body[:4096].strip() and not body.strip():
        raise _file_error("het bestand is leeg")
    end = body.find(b"\n")
    if (end if end >= 0 else len(body)) > ROW_LIMIT:
        raise Refused([RowError(1, "", "de kopregel is te lang: " + ROW_MESSAGE.split("; ", 1)[1])])
    first_line = body[:end if end >= 0 else len(body)].decode(duckdb_encoding).rstrip("\r")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    with _field_limit():
        header = [clean(name).lower() for name in next(csv.reader([first_line], delimiter=delimiter), [])]
    while header and not header[-1]:  # empty fields after the last name: Excel writes them (`…;;`)
        header.pop()
    return CsvFile(body, encoding, delimiter, header, duckdb_encoding, as_uploaded)


@contextlib.contextmanager
def _field_limit():
    """Python's csv module reads a field up to a line's limit (its own default is 128 KiB)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(ROW_LIMIT + 1)
    try:
        yield
    finally:
        csv.field_size_limit(limit)


@dataclass(frozen=True)
class OnDisk:
    """The uploaded file where it lies (the command line has one): DuckDB may read it there, if it is
    still the file that was read (`read`), rather than from a scratch copy of its bytes."""

    path: str
    stamp: tuple[int, int, int, int]  # device, inode, size, modification time when it was read

    @classmethod
    def read(cls, path: str | os.PathLike) -> tuple[bytes, OnDisk]:
        with open(path, "rb") as file:
            raw, status = file.read(), os.fstat(file.fileno())
        return raw, cls(str(path), _stamp(status))

    def unchanged(self) -> bool:
        """Whether the file is still the one that was read (checked before DuckDB reads it, and after)."""
        try:
            return _stamp(os.stat(self.path)) == self.stamp
        except OSError:
            return False


def _stamp(status: os.stat_result) -> tuple[int, int, int, int]:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def in_place(file: CsvFile, on_disk: OnDisk | None) -> bool:
    """Whether DuckDB may read the uploaded file where it lies: it needs no change and is unchanged."""
    return on_disk is not None and file.read_as_is and on_disk.unchanged()


def duckdb_source(file: CsvFile, workdir: str, in_place_path: str | None = None) -> Source:
    """The rows as DuckDB's CSV reader sees them: from `in_place_path` (the uploaded file, when
    `in_place`), else from a copy of the bytes it needs in `workdir`."""
    if in_place_path is not None:
        path = in_place_path
    else:
        path = str(Path(workdir) / "upload.csv")
        Path(path).write_bytes(file.duckdb_data)
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in file.header)
    sql = (f"read_csv($path, delim = '{file.delimiter}', quote = '\"', escape = '\"', header = true, "
           f"auto_detect = false, strict_mode = true, encoding = '{file.duckdb_encoding}', columns = {{{columns}}})")
    return Source(sql, {"path": path}, frozenset(file.header))


def python_source(cur: duckdb.DuckDBPyConnection, file: CsvFile) -> Source:
    """The rows as Python's csv module reads them, registered on `cur`; raises Refused when malformed."""
    cur.register("_upload_rows", python_rows(file))
    return Source("_upload_rows", {}, frozenset(file.header))


def python_rows(file: CsvFile) -> pa.Table:
    """All rows by Python's csv module; a blank line becomes an all-empty row (so numbering holds)."""
    reader = csv.reader(io.StringIO(file.data.decode("utf-8"), newline=""), delimiter=file.delimiter, strict=True)
    width, rows, errors = len(file.header), [], []
    try:
        _rows_into(reader, width, rows, errors)
    except csv.Error as error:
        # the error came at the row after the last one read
        row_number = len(rows) + len(errors) + 2
        errors.append(RowError(row_number, "", ROW_MESSAGE if "larger than field limit" in str(error) else
                               "de aanhalingstekens (\") in deze rij kloppen niet"))
    if errors:
        raise Refused(errors)
    import pyarrow as pa  # only for a file DuckDB cannot read

    return pa.table({name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(file.header)})


def _rows_into(reader, width: int, rows: list, errors: list) -> None:
    with _field_limit():
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
