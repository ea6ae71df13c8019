"""The three stores (issue 27): a DuckDB file, DuckLake on SQLite, DuckLake on PostgreSQL.

On each: the levers print the guarded fixture byte for byte (tests/test_levers_output.py's cases of
one region); two loads from two processes both land whole, whichever starts first; a reader
process sees the data before a load or after it, never a mix. PostgreSQL is started once for this
module by scripts/start-postgres.sh; where it cannot be installed its cases are skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from data.ingest.load import load_file
from data.store import db
from tests.conftest import copy_db
from tests.fixtures.csv import HERE, trajectories_file
from tests.fixtures.levers_output import _each_query_run_once, cases, load_fixture, run_case

ROOT = Path(__file__).resolve().parents[1]
STORES = ("file", "sqlite", "postgres")
LAKE_DEPS = db.lake_available()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_dsn():
    """One throwaway PostgreSQL cluster for the module (the server runs as `postgres`: its folder is
    not under pytest's root-only folder)."""
    folder = tempfile.mkdtemp(prefix="jm-pg-")
    started = subprocess.run(["bash", str(ROOT / "scripts" / "start-postgres.sh"), folder, str(_free_port())],
                             capture_output=True, text=True, timeout=600)
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started here: {started.stderr.strip()}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(ROOT / "scripts" / "start-postgres.sh"), "--stop", folder], timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


_made = iter(range(1, 10_000))


@pytest.fixture
def new_store(request, tmp_path):
    """A function that names a new, empty store of a kind: a file, or a lake (a new PostgreSQL database each)."""
    def make(kind: str) -> str:
        if kind == "file":
            return str(tmp_path / "monitor.duckdb")
        if not LAKE_DEPS:
            pytest.skip("the DuckLake extensions (duckdb-extension-* in requirements.txt) are not installed")
        if kind == "sqlite":
            return f"ducklake:sqlite:{tmp_path}/catalogue.sqlite"
        dsn = request.getfixturevalue("postgres_dsn")
        name = f"lake_{os.getpid()}_{next(_made)}"
        subprocess.run(["psql", dsn, "-qc", f"create database {name}"], check=True, capture_output=True)
        return f"ducklake:postgres:{dsn.replace('dbname=jeugdmonitor', 'dbname=' + name)} data_path={tmp_path}/lake"
    return make


# --- the levers' figures ---------------------------------------------------------------------------

def test_a_lake_setting_names_its_catalogue_and_data_path():
    sqlite = db.lake_of("ducklake:sqlite:/srv/jm/catalogue.sqlite")
    assert (sqlite.catalogue, sqlite.data_path) == ("sqlite:/srv/jm/catalogue.sqlite", "/srv/jm/catalogue.sqlite.files/")
    postgres = db.lake_of("ducklake:postgres:host=db port=5432 dbname=jm data_path=/mnt/lake")
    assert (postgres.catalogue, postgres.data_path) == ("postgres:host=db port=5432 dbname=jm", "/mnt/lake/")
    assert db.lake_of("data/monitor.duckdb") is None


@pytest.mark.parametrize("kind", STORES)
def test_the_levers_print_the_guarded_fixture_byte_for_byte_on_every_store(kind, new_store, levers_demo_path):
    expected = load_fixture()
    if kind == "file":
        store = str(levers_demo_path)
    else:
        store = new_store(kind)
        db.import_file(store, levers_demo_path)
    # One region without a filter: 3 periods x 2 commands. A perceel or provider is one more predicate in
    # the same SQL; the periods' grains (24 months, 12 quarters, 5 years) are what differ per store.
    first_region = [args for args in cases(Path(store)) if args[2] == "Achterhoek" and len(args) == 5]
    assert len(first_region) == 3 * 2
    with _each_query_run_once():
        for args in first_region:
            assert run_case(Path(store), args) == expected[" ".join(args)], args


# --- writers and readers in other processes -----------------------------------------------------

def _load(store: str, file: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "data", "load", str(file), "--db", store], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


@pytest.fixture
def prepared(new_store, small_db_template, tmp_path):
    """A function: a store of a kind holding the small fixture database and the fixture providers."""
    def make(kind: str) -> str:
        store = new_store(kind)
        if kind == "file":
            copy_db(small_db_template, tmp_path, "monitor.duckdb")
        else:
            db.import_file(store, small_db_template)
        con = db.connect(store)
        try:  # in this process: a command's start-up is not what these tests are about
            report = load_file(con, (HERE / "aanbieders_utf8.csv").read_bytes(), "aanbieders_utf8.csv", uploader="test")
        finally:
            con.close()
        assert report.stored, report.summary
        return store
    return make


def _counts(store: str) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Trajectories, uploads, and per trajecten upload (row_count, rows that carry its upload_id)."""
    con = db.connect(store, wait=60)
    try:
        per_upload = con.execute(
            "select u.row_count, (select count(*) from trajectories as t where t.upload_id = u.upload_id) "
            "from uploads as u where u.kind = 'trajecten' order by u.upload_id").fetchall()
        return (con.execute("select count(*) from trajectories").fetchone()[0],
                con.execute("select count(*) from uploads").fetchone()[0], per_upload)
    finally:
        con.close()


@pytest.mark.parametrize("kind", STORES)
def test_two_loads_from_two_processes_both_land_whole_whichever_starts_first(kind, prepared, tmp_path):
    store = prepared(kind)
    rows, uploads, _ = _counts(store)
    sizes = {"a": 1500, "b": 700, "c": 900, "d": 1100}
    files = {name: trajectories_file(tmp_path / f"{name}.csv", 10_000 * number, sizes[name])
             for number, name in enumerate(sizes, start=1)}
    for first, second in (("a", "b"), ("d", "c")):  # the larger file first, then the smaller one first
        started = [_load(store, files[first]), _load(store, files[second])]
        results = [_finished(process) for process in started]
        assert [code for code, _, _ in results] == [0, 0], results
    found_rows, found_uploads, per_upload = _counts(store)
    assert (found_rows, found_uploads) == (rows + 1500 + 700 + 900 + 1100, uploads + 4)
    # every upload whole: each has exactly its own rows, and the four sizes are the files' sizes
    assert sorted(per_upload[-4:]) == [(700, 700), (900, 900), (1100, 1100), (1500, 1500)]


READER = """
import sys
from data.store import snapshots
ROWS = "select count(*) from trajectories"
LOADED = "select coalesce(sum(row_count), 0) from uploads where kind = 'trajecten'"
reader = snapshots.reader(sys.argv[1])
run = reader.connection()  # a page run: the view it chose
print(run.cursor().execute(ROWS).fetchall()[0][0], flush=True)
sys.stdin.readline()  # meanwhile another process loads
print(run.cursor().execute(LOADED).fetchall()[0][0], flush=True)  # the same run, a second query
run = reader.connection()  # the next page run
print(run.cursor().execute(ROWS).fetchall()[0][0], run.cursor().execute(LOADED).fetchall()[0][0], flush=True)
"""


@pytest.mark.parametrize("kind", STORES)
def test_a_reader_process_sees_the_data_before_or_after_a_load_never_a_mix(kind, prepared, tmp_path):
    store = prepared(kind)
    rows, _, _ = _counts(store)
    reader = subprocess.Popen([sys.executable, "-c", READER, store], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_query = reader.stdout.readline()
    code, _, err = _finished(_load(store, trajectories_file(tmp_path / "t.csv", 50_000, 2000)))
    assert code == 0, err
    out, err = reader.communicate("go\n", timeout=120)
    assert reader.returncode == 0, err
    # the fixture's trajectories came without an upload; the load brings 2000 rows and its record of 2000:
    # the run that began before the load sees neither in its second query, the next run sees both
    assert [first_query, *out.splitlines()] == [f"{rows}\n", "0", f"{rows + 2000} 2000"]
