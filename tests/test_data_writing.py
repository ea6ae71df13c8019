"""The one write path (data.store.db.writing): one lock, one audit format, generations of what a write touched,
and no DDL on a connect that does not need it."""

import hashlib

import pytest

from data.store import db, snapshots
from data.ingest import load

BUDGET = b"jaar;gemeente;perceel;aanbieder;budget\r\n2026;GM0375;complex;;2500000\r\n"
BAD_BUDGET = b"jaar;gemeente;perceel;aanbieder;budget\r\n2026;GM0375;complex;;veel\r\n"
TABLES = ("audit_log", "budgets", "trajectories", "uploads")


@pytest.fixture
def store(tmp_path):
    con = db.connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def _audit(con) -> list[tuple[str, str, str]]:
    return con.execute("select actor, action, details from audit_log order by audit_id").fetchall()


class _RecordingLock:
    """Stands in for WRITE_LOCK: says whether it is held."""

    def __init__(self):
        self.held = 0

    def __enter__(self):
        self.held += 1

    def __exit__(self, *exc):
        self.held -= 1


def test_a_stored_load_writes_its_rows_while_holding_the_one_write_lock(store, monkeypatch):
    lock, held_while_inserting = _RecordingLock(), []
    insert_rows = load.store.insert_rows
    monkeypatch.setattr(db, "WRITE_LOCK", lock)
    monkeypatch.setattr(load.store, "insert_rows", lambda *a, **k: (held_while_inserting.append(lock.held),
                                                                   insert_rows(*a, **k)))
    report = load.load_file(store, BUDGET, "budget.csv", uploader="t")
    assert report.stored and held_while_inserting == [1] and lock.held == 0
    assert not hasattr(load, "WRITE_LOCK")  # the loader's own lock is gone: one lock per process


def test_a_refused_file_is_audited_once_in_one_format_whether_checked_or_stored(store):
    expected = ("t", "upload_refused",
                f"budget.csv: soort budget, 1 fout, sha256 {hashlib.sha256(BAD_BUDGET).hexdigest()}")
    load.load_file(store, BAD_BUDGET, "budget.csv", uploader="t", dry_run=True)  # the upload page's check
    assert _audit(store) == [expected]
    load.load_file(store, BAD_BUDGET, "budget.csv", uploader="t")  # the command line's load
    assert _audit(store) == [expected, expected]


def test_a_write_bumps_the_generation_of_exactly_the_tables_it_touched(store):
    assert db.generations(store, TABLES) == (0, 0, 0, 0)
    load.load_file(store, BUDGET, "budget.csv", uploader="t")  # rows, upload record, audit entry
    assert db.generations(store, TABLES) == (1, 1, 0, 1)
    load.load_file(store, BAD_BUDGET, "budget.csv", uploader="t")  # a refusal: only the audit log
    assert db.generations(store, TABLES) == (2, 1, 0, 1)
    load.load_file(store, BUDGET, "budget.csv", uploader="t")  # the same bytes again: nothing written
    assert db.generations(store, TABLES) == (2, 1, 0, 1)


def test_a_block_inside_a_block_is_one_write(store):
    with db.writing(store) as outer:
        outer.cursor.execute("insert into budgets (year, municipality, lot, budget) "
                             "values (2026, 'GM0375', 'complex', 1)")
        db.touched("budgets")
        with db.writing(store) as inner:
            inner.cursor.execute("delete from budgets")
            db.touched("budgets")
    assert db.generations(store, ("budgets",)) == (1,)


def test_a_write_that_raises_bumps_nothing_and_publishes_nothing(store, tmp_path):
    load.load_file(store, BUDGET, "budget.csv", uploader="t")
    published = snapshots.published(tmp_path / "w.duckdb")
    with pytest.raises(RuntimeError), db.writing(store) as write:
        write.cursor.execute("delete from budgets")
        db.touched("budgets")
        raise RuntimeError("halfway")
    assert db.generations(store, ("budgets",)) == (1,)
    assert snapshots.published(tmp_path / "w.duckdb") == published


def test_connecting_to_an_up_to_date_file_runs_no_ddl_and_changes_no_byte(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    monkeypatch.setattr(db, "ensure_schema", lambda con: pytest.fail("DDL on an up-to-date file"))
    con = db.connect(path)
    assert con.execute("select count(*) from municipalities").fetchone()[0] > 0
    con.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not path.with_name("w.duckdb.wal").exists()


def test_a_file_from_before_the_current_schema_gets_it_on_connect(tmp_path):
    path = tmp_path / "w.duckdb"
    con = db.connect(path)
    con.execute("update store_meta set value = 'an older schema' where key = 'schema'")
    con.execute("drop table table_generations")
    con.close()
    con = db.connect(path)
    assert db.stored_fingerprint(con) == db.SCHEMA_FINGERPRINT
    assert con.execute("select count(*) from table_generations").fetchone() == (0,)
    con.close()
