"""Reading awkward files (issue 12, "Crashes" and "Values stored silently wrong"): line ends, encodings,
NUL bytes, empty fields after the last column, blank lines, and the scratch copy of an upload."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from data.ingest import csvfile
from data.ingest.load import load_file
from tests.fixtures.csv import snapshot

HEADER = b"gemeente;jaar;inwoners_0_17\r\n"


def stored(db) -> list[tuple]:
    return db.execute("select municipality, year, youths_0_17 from populations order by all").fetchall()


def test_old_mac_line_ends_are_read_like_windows_line_ends(empty_db):
    report = load_file(empty_db, b"gemeente;jaar;inwoners_0_17\rGM0392;2025;32666;\r453;2025;100\r", "mac.csv",
                       kind="gemeenten", uploader="test")
    assert report.errors == () and report.stored
    assert stored(empty_db) == [("GM0392", 2025, 32666), ("GM0453", 2025, 100)]


def test_old_mac_line_ends_count_rows_like_any_other_file(empty_db):
    report = load_file(empty_db, b"gemeente;jaar;inwoners_0_17\r392;2025;1\r\r453;2025;-1\r", "mac.csv",
                       uploader="test")
    assert [str(e) for e in report.errors] == ["rij 4, kolom inwoners_0_17: -1 moet groter dan 0 zijn"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_refused_in_dutch(empty_db, encoding):
    raw = "gemeente;jaar;inwoners_0_17\r\n392;2025;100\r\n".encode(encoding)
    report = load_file(empty_db, raw, "utf16.csv", kind="gemeenten", uploader="test")
    assert [str(e) for e in report.errors] == [
        "rij 1: het bestand is UTF-16; sla het in Excel op als 'CSV UTF-8' of 'CSV (puntkomma)'"]


def test_one_windows_byte_in_a_utf8_file_refuses_the_file_at_its_row_instead_of_garbling_it(empty_db):
    # a Windows-1252 'ë' on row 3, a UTF-8 one on row 4
    raw = HEADER + b"392;2025;100\r\n" + b"453;2025;10\xeb\r\n" + "80;2025;ë\r\n".encode("utf-8")
    report = load_file(empty_db, raw, "gemengd.csv", uploader="test")
    assert [str(e) for e in report.errors] == [
        "rij 3: het bestand is UTF-8, maar deze rij bevat een teken dat geen UTF-8 is; "
        "sla het bestand opnieuw op als 'CSV UTF-8'"]
    assert stored(empty_db) == []


@pytest.mark.parametrize("before", [b"", b"a" * 65534, b"a" * 65535, b"a" * 65536, b"a" * 70000])
def test_the_first_byte_that_is_no_utf8_is_found_wherever_it_lies(before):
    # a whole 'ë' (2 bytes) first, cut by the first 64 KiB in one case; then a Windows-1252 'ë' alone
    data = before + "ë".encode("utf-8") + b";x;" + "ë".encode("cp1252") + b"\r\n"
    assert csvfile._first_bad_utf8(data) == len(before) + 5
    assert csvfile._first_bad_utf8(before + "ëx".encode("cp1252")) == len(before)
    assert csvfile._first_bad_utf8(before + "ëx".encode("utf-8")) is None
    assert csvfile._first_bad_utf8(before + "ë".encode("utf-8")[:1]) == len(before)  # cut off at the end


def test_a_plain_windows_1252_file_is_still_read_as_such(empty_db):
    raw = "gemeente;jaar;inwoners_0_17;jeugdregio\r\n392;2025;100;Zuid-Kennemerland\r\n".encode("cp1252")
    assert load_file(empty_db, raw, "excel.csv", uploader="test").stored


def test_a_nul_byte_in_a_cell_is_refused_with_its_row_and_column(empty_db):
    raw = HEADER + b"392;2025;100\r\n453;20\x0025;100\r\n"
    before = snapshot(empty_db)
    report = load_file(empty_db, raw, "nul.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(3, "jaar")]
    assert "NUL-teken" in report.errors[0].message
    assert snapshot(empty_db) == before


@pytest.mark.parametrize("blank", [b"", b"\r\n"])  # DuckDB's path; with a blank line (filled for DuckDB)
def test_empty_fields_after_the_last_column_are_accepted_by_both_readers(empty_db, blank):
    raw = HEADER + b"392;2025;100;;\r\n" + blank + b"453;2025;50;\r\n"
    report = load_file(empty_db, raw, "excel.csv", uploader="test")
    assert report.errors == ()
    assert stored(empty_db) == [("GM0392", 2025, 100), ("GM0453", 2025, 50)]


@pytest.mark.parametrize("blank", [b"", b"\r\n"])
def test_a_filled_field_after_the_last_column_is_refused_by_both_readers(empty_db, blank):
    raw = HEADER + b"392;2025;100\r\n" + blank + b"453;2025;50;x\r\n"
    report = load_file(empty_db, raw, "excel.csv", uploader="test")
    row = 3 + len(blank) // 2
    assert [str(e) for e in report.errors] == [f"rij {row}: deze rij heeft 4 velden, de kopregel 3"]


def test_blank_lines_are_kept_by_duckdb_as_empty_rows_without_python_reading_the_file(empty_db, monkeypatch):
    def no_python(*args):
        raise AssertionError("Python's reader was used")

    monkeypatch.setattr(csvfile, "python_rows", no_python)
    raw = HEADER + b"392;2025;100\r\n\r\n  \r\n453;2025;-5\r\n\r\n"
    report = load_file(empty_db, raw, "leeg.csv", uploader="test")
    assert [str(e) for e in report.errors] == ["rij 5, kolom inwoners_0_17: -5 moet groter dan 0 zijn"]


def test_a_blank_line_inside_a_quoted_value_falls_back_to_pythons_reader(empty_db):
    raw = (b"gemeente;jaar;inwoners_0_17;jeugdregio\r\n392;2025;100;\"IJ\r\n\r\nmond\"\r\n\r\n"
           b"453;2025;-5;\r\n")
    report = load_file(empty_db, raw, "quote.csv", uploader="test")
    # row 2 spans three lines (a blank one inside the quotes), row 3 is blank, row 4 is bad
    assert [(e.row, e.column) for e in report.errors] == [(2, "jeugdregio"), (4, "inwoners_0_17")]


def test_the_scratch_copy_lives_in_the_ordinary_temp_dir_and_is_gone_afterwards(empty_db, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen = []
    original = csvfile.duckdb_source

    def spy(file, workdir, *in_place):
        seen.append(Path(workdir))
        return original(file, workdir, *in_place)

    monkeypatch.setattr(csvfile, "duckdb_source", spy)
    load_file(empty_db, HEADER + b"392;2025;100\r\n", "g.csv", uploader="test")
    load_file(empty_db, HEADER + b"392;2025;0\r\n", "g.csv", uploader="test")  # refused: also cleaned up
    assert [path.parent for path in seen] == [tmp_path, tmp_path]
    assert all(path.name.startswith(f"upload-{os.getpid()}-") for path in seen)
    assert list(tmp_path.glob("upload-*")) == []


def test_scratch_copies_of_dead_processes_are_removed_and_those_of_living_ones_kept(empty_db, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"upload-{dead.stdout.strip()}-abc"
    alive = tmp_path / f"upload-{os.getppid()}-def"
    for path in (stale, alive):
        path.mkdir()
        (path / "upload.csv").write_bytes(b"x" * 1000)
    load_file(empty_db, HEADER + b"392;2025;100\r\n", "g.csv", uploader="test")
    assert sorted(p.name for p in tmp_path.glob("upload-*")) == [alive.name]


def test_a_region_override_must_be_a_region_of_the_reference_list(empty_db):
    raw = b"gemeente;jaar;inwoners_0_17;jeugdregio\r\n392;2025;100;Nergensland\r\n453;2025;100;IJmond\r\n"
    report = load_file(empty_db, raw, "g.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, "jeugdregio")]
    assert report.errors[0].message.startswith("Nergensland is geen bekende jeugdregio")


PROVIDERS_HEADER = "aanbieder;naam;perceel;rol;regio\r\n"


def test_text_is_read_in_nfkc_without_format_characters_so_that_a_half_and_a_hidden_space_change_it(empty_db):
    raw = (PROVIDERS_HEADER + "ZORG-C;De Brücke ½\u00a0\u200bHof;complex;overig;IJmond\r\n").encode("utf-8")
    assert csvfile.read_header(raw).data == (PROVIDERS_HEADER + "ZORG-C;De Brücke 1\u20442 Hof;complex;overig;"
                                             "IJmond\r\n").encode("utf-8")


def test_a_full_width_semicolon_stays_inside_its_value():
    raw = (PROVIDERS_HEADER + "ZORG-C;A\uff1bB;complex;overig;IJmond\r\n").encode("utf-8")
    assert csvfile.read_header(raw).data == raw


@pytest.mark.parametrize("name, duckdb_encoding", [
    ("De Brücke § à 100%", "latin-1"),  # Windows-1252 and Latin-1 agree on every byte here
    ("Zorgboerderij ’t Hof", "utf-8"),  # a curly quote: 0x92, which Latin-1 reads as a control character
    ("Kosten in €", "utf-8"),
])
def test_windows_1252_is_read_as_it_came_unless_it_has_a_sign_latin_1_reads_otherwise(empty_db, name,
                                                                                      duckdb_encoding):
    raw = (PROVIDERS_HEADER + f"ZORG-C;{name};complex;overig;IJmond\r\n").encode("cp1252")
    file = csvfile.read_header(raw)
    assert (file.encoding, file.duckdb_encoding, file.body == raw) == ("cp1252", duckdb_encoding,
                                                                         duckdb_encoding == "latin-1")
    assert file.data == raw.decode("cp1252").encode("utf-8")
    assert load_file(empty_db, raw, "aanbieders.csv", uploader="test").stored
    assert empty_db.execute("select name from providers where provider = 'ZORG-C'").fetchone() == (name,)


def read_sources(monkeypatch) -> list[str]:
    """The paths DuckDB is given to read, one per `duckdb_source` call."""
    paths, original = [], csvfile.duckdb_source

    def spy(*args):
        source = original(*args)
        paths.append(source.params["path"])
        return source

    monkeypatch.setattr(csvfile, "duckdb_source", spy)
    return paths


@pytest.mark.parametrize("raw, in_place", [
    (HEADER + b"392;2025;100\r\n453;2025;50\r\n", True),
    (csvfile.UTF8_BOM + HEADER + b"392;2025;100\r\n453;2025;50\r\n", True),  # DuckDB skips the header, BOM and all
    ((PROVIDERS_HEADER + "ZORG-C;De Brücke;complex;overig;IJmond\r\n").encode("cp1252"), True),
    (HEADER + b"392;2025;100\r\n\r\n453;2025;50\r\n", False),  # the blank line is filled in a copy
    (HEADER.replace(b"\r\n", b"\r") + b"392;2025;100\r453;2025;50\r", False),  # CR-only line ends
    ((PROVIDERS_HEADER + "ZORG-C;’t Hof;complex;overig;IJmond\r\n").encode("cp1252"), False),  # made UTF-8
])
def test_a_file_on_disk_is_read_in_place_when_duckdb_can_read_it_as_it_is(empty_db, monkeypatch, tmp_path, raw,
                                                                         in_place):
    path = tmp_path / "bestand.csv"
    path.write_bytes(raw)
    paths = read_sources(monkeypatch)
    read, on_disk = csvfile.OnDisk.read(path)
    assert read == raw
    report = load_file(empty_db, raw, path.name, uploader="test", on_disk=on_disk)
    assert report.stored and report.rows == (1 if b"aanbieder" in raw else 2)
    assert len(paths) == 1 and (paths[0] == str(path)) == in_place
    assert path.read_bytes() == raw  # the upload itself is never written to


def test_a_file_changed_on_disk_after_it_was_read_is_loaded_from_the_bytes_that_were_read(empty_db, monkeypatch,
                                                                                          tmp_path):
    path = tmp_path / "gemeenten.csv"
    path.write_bytes(HEADER + b"392;2025;100\r\n")
    raw, on_disk = csvfile.OnDisk.read(path)
    path.write_bytes(HEADER + b"453;2025;77\r\n")
    paths = read_sources(monkeypatch)
    assert load_file(empty_db, raw, path.name, uploader="test", on_disk=on_disk).stored
    assert paths != [str(path)]
    assert stored(empty_db) == [("GM0392", 2025, 100)]


def test_a_file_that_changes_while_duckdb_reads_it_is_read_again_from_the_bytes_that_were_read(empty_db,
                                                                                             monkeypatch, tmp_path):
    path = tmp_path / "gemeenten.csv"
    path.write_bytes(HEADER + b"392;2025;100\r\n")
    raw, on_disk = csvfile.OnDisk.read(path)
    path.write_bytes(HEADER + b"453;2025;77\r\n")
    answers = iter([True, False])  # unchanged before DuckDB reads it, changed afterwards
    monkeypatch.setattr(csvfile.OnDisk, "unchanged", lambda self: next(answers))
    paths = read_sources(monkeypatch)
    report = load_file(empty_db, raw, path.name, uploader="test", on_disk=on_disk)
    assert report.stored and paths[0] == str(path) and paths[1] != str(path)
    assert stored(empty_db) == [("GM0392", 2025, 100)]
