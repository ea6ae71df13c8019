"""Many readers beside one writer: published read-only snapshots, and the audit files of reader processes."""

import hashlib
import shutil
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from data.store import audit, db, snapshots

INSERT = "insert into budgets (year, municipality, lot, budget) values (2026, 'GM0375', 'complex', $amount)"


@pytest.fixture
def main(tmp_path) -> Path:
    """A writer's file with one budget row (€ 100), published as the first snapshot."""
    path = tmp_path / "m.duckdb"
    con = db.connect(path)
    _add_budget(con, 100)
    con.close()
    return path


def _add_budget(con, amount: int) -> None:
    with db.writing(con) as write:
        write.cursor.execute(INSERT, {"amount": amount})
        db.touched("budgets")


def _budgets(cursor) -> list[int]:
    return [int(amount) for (amount,) in cursor.execute("select budget from budgets order by budget").fetchall()]


def _published_state(main: Path) -> tuple[str, str]:
    snapshot = snapshots.published(main)
    return snapshot.name, hashlib.sha256(snapshot.read_bytes()).hexdigest()


def test_a_reader_opened_before_a_write_keeps_its_view_and_its_next_run_sees_the_new_data(main):
    reader = snapshots.Reader(main)
    before = reader.connection().cursor()
    con = db.connect(main)
    for amount in (200, 300, 400):  # three publishes: the snapshot `before` reads is removed meanwhile
        _add_budget(con, amount)
    assert _budgets(before) == [100]
    assert _budgets(reader.connection().cursor()) == [100, 200, 300, 400]
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100, 200, 300, 400]
    assert len(list(snapshots.directory(main).glob("gen-*.duckdb"))) == snapshots.KEEP
    con.close()


def test_a_writer_that_fails_halfway_leaves_the_published_snapshot_untouched(main):
    published = _published_state(main)
    con = db.connect(main)
    with pytest.raises(ZeroDivisionError), db.writing(con) as write:
        write.cursor.execute(INSERT, {"amount": 200})
        db.touched("budgets")
        1 / 0
    con.close()
    assert _published_state(main) == published
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100]


def test_a_writer_killed_halfway_leaves_the_published_snapshot_untouched(main):
    published = _published_state(main)
    script = textwrap.dedent(f"""
        import os, signal
        from data.store import db
        con = db.connect({str(main)!r})
        with db.writing(con) as write:
            write.cursor.execute("begin transaction")
            write.cursor.execute({INSERT!r}, {{"amount": 200}})
            db.touched("budgets")
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    killed = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1], timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert _published_state(main) == published
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100]
    con = db.connect(main)  # the writer's own file: the uncommitted row is gone, as after any crash
    assert _budgets(con) == [100]
    con.close()


def test_a_publish_that_fails_halfway_keeps_the_old_snapshot_and_leaves_no_temporary_file(main, monkeypatch):
    published = _published_state(main)

    def copy_then_fail(source, target):
        Path(target).write_bytes(Path(source).read_bytes()[:4096])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshots, "_copy_held", copy_then_fail)  # the copy of a file the writer holds
    con = db.connect(main)
    _add_budget(con, 200)  # the write itself stands; the snapshot is a copy for readers
    assert _budgets(con) == [100, 200]
    assert _published_state(main) == published
    assert [path.name for path in snapshots.directory(main).iterdir() if path.name.startswith(".")] == []
    monkeypatch.undo()
    _add_budget(con, 300)  # the next write publishes both
    con.close()
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100, 200, 300]


def test_a_publisher_killed_while_copying_leaves_temporary_files_that_the_next_writer_removes(main):
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from data.store import db, snapshots
        def copy_then_die(source, target):
            Path(target).write_bytes(Path(source).read_bytes()[:4096])
            os.kill(os.getpid(), signal.SIGKILL)
        snapshots._copy_held = copy_then_die
        con = db.connect({str(main)!r})
        with db.writing(con) as write:
            write.cursor.execute({INSERT!r}, {{"amount": 200}})
            db.touched("budgets")
    """)
    killed = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1], timeout=120)
    assert killed.returncode == -signal.SIGKILL
    folder = snapshots.directory(main)
    assert len(list(folder.glob(".*.tmp"))) == 1  # the half copy of the killed publisher
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100]  # readers keep the old snapshot
    db.connect(main).close()  # a writer opens the file: no other process can be publishing now
    assert list(folder.glob(".*")) == []


def test_a_read_only_process_audits_to_its_file_and_the_writer_imports_each_entry_once(main):
    reader = snapshots.Reader(main).connection().cursor()
    audit.record(reader, "cm@ijmond.nl", "login", "lokaal account")
    audit.record(reader, "cm@ijmond.nl", "export", "data.csv (3 rijen)")
    (audit_file,) = audit.directory(main).iterdir()
    assert audit_file.name.endswith(f"-{os.getpid()}-{audit_file.name[-14:-6]}.jsonl")
    assert len(audit_file.read_bytes().splitlines()) == 2
    published = _published_state(main)
    con = db.connect(main)
    expected = [("cm@ijmond.nl", "login", "lokaal account"), ("cm@ijmond.nl", "export", "data.csv (3 rijen)")]
    for _ in range(2):  # the second write finds nothing new
        with db.writing(con):
            pass
        assert con.execute("select actor, action, details from audit_log where actor = 'cm@ijmond.nl' "
                           "order by audit_id").fetchall() == expected
    assert _published_state(main) == published  # audit entries alone publish nothing
    con.close()


def test_a_line_still_being_appended_is_imported_when_it_is_complete(main):
    folder = audit.directory(main)
    folder.mkdir()
    line = b'{"at": "2026-11-29T10:00:00", "actor": "a@b.nl", "action": "logout", "details": "lokaal"}\n'
    (folder / "host-1-20261129.jsonl").write_bytes(line[:30])
    con = db.connect(main)
    with db.writing(con):
        pass
    assert con.execute("select count(*) from audit_log where actor = 'a@b.nl'").fetchone() == (0,)
    with (folder / "host-1-20261129.jsonl").open("ab") as handle:
        handle.write(line[30:])
    with db.writing(con):
        pass
    assert con.execute("select logged_at::varchar, action from audit_log where actor = 'a@b.nl'").fetchall() == [
        ("2026-11-29 10:00:00", "logout")]
    con.close()


def test_a_reader_process_writes_its_own_audit_file(main):
    script = ("from data.store import audit, snapshots\n"
              f"cursor = snapshots.Reader({str(main)!r}).connection().cursor()\n"
              "audit.record(cursor, 'x@y.nl', 'login', 'lokaal account')\n")
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1], check=True, timeout=120)
    assert len(list(audit.directory(main).glob("*.jsonl"))) == 2  # one per process
    con = db.connect(main)
    with db.writing(con):
        pass
    assert con.execute("select count(*) from audit_log where actor = 'x@y.nl'").fetchone() == (2,)
    con.close()


def test_a_file_that_gets_a_newer_schema_on_connect_publishes_it_to_its_readers(main):
    con = db.connect(main)
    con.execute("update store_meta set value = 'an older schema' where key = 'schema'")
    con.close()
    before = snapshots.published(main)
    db.connect(main).close()
    after = snapshots.published(main)
    assert after != before
    assert db.stored_fingerprint(snapshots.Reader(main).connection().cursor()) == db.SCHEMA_FINGERPRINT


def test_a_new_demo_is_published_for_read_only_processes(tmp_path, monkeypatch):
    import data.demo.build

    def build(con, **options):  # stands in for the demo's rows (seconds of work), written as build_demo does
        con.execute(INSERT, {"amount": 7})

    monkeypatch.setattr(data.demo.build, "build_demo", build)
    data.demo.build.build_demo_file(tmp_path / "demo.duckdb")
    assert _budgets(snapshots.Reader(tmp_path / "demo.duckdb").connection().cursor()) == [7]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["demo.duckdb", "demo.duckdb.snapshots"]


def test_a_reader_needs_only_the_published_snapshots_not_the_writers_file(main, tmp_path):
    elsewhere = tmp_path / "elders" / "m.duckdb"  # another machine: the snapshot folder copied, nothing else
    elsewhere.parent.mkdir()
    shutil.copytree(snapshots.directory(main), snapshots.directory(elsewhere))
    assert _budgets(snapshots.Reader(elsewhere).connection().cursor()) == [100]
    assert not elsewhere.exists()


def _write_unpublished(main: Path, amount: int) -> None:
    """A row in the writer's own file that no snapshot has: what a reader must never see."""
    import duckdb

    con = duckdb.connect(str(main))
    con.execute(INSERT, {"amount": amount})
    con.close()


def test_a_reader_that_finds_current_naming_a_removed_snapshot_reads_current_again_not_the_writers_file(
        main, monkeypatch):
    _write_unpublished(main, 999)
    good = snapshots.published(main)
    current = snapshots.directory(main) / snapshots.CURRENT
    current.write_text("gen-000009.duckdb\n", encoding="utf-8")  # as if gen 9 was removed after a newer publish

    def newer_current_meanwhile(seconds):  # the publisher that removed it has pointed CURRENT on meanwhile
        current.write_text(good.name + "\n", encoding="utf-8")

    monkeypatch.setattr(snapshots.time, "sleep", newer_current_meanwhile)
    assert _budgets(snapshots.Reader(main).connection().cursor()) == [100]


def test_a_reader_never_falls_back_to_the_writers_file_when_the_published_snapshot_is_gone_for_good(
        main, monkeypatch):
    _write_unpublished(main, 999)
    (snapshots.directory(main) / snapshots.CURRENT).write_text("gen-000009.duckdb\n", encoding="utf-8")
    monkeypatch.setattr(snapshots.time, "sleep", lambda seconds: None)
    with pytest.raises(FileNotFoundError, match="gen-000009"):
        snapshots.Reader(main).connection()


def test_a_rebuilt_demo_carries_every_table_generation_on_so_cached_figures_of_the_old_one_never_match(
        tmp_path, monkeypatch):
    import data.demo.build

    monkeypatch.setattr(data.demo.build, "build_demo", lambda con, **options: con.execute(INSERT, {"amount": 7}))
    path = tmp_path / "demo.duckdb"
    data.demo.build.build_demo_file(path)  # a first build: every table at generation 1
    con = db.connect(path)
    _add_budget(con, 8)
    _add_budget(con, 9)  # budgets at 1 + 2 = 3
    con.close()
    data.demo.build.build_demo_file(path)  # a rebuild while readers run: one above what they have seen
    reader = snapshots.Reader(path).connection().cursor()
    assert db.generations(reader, ("budgets", "trajectories", "notes")) == (4, 2, 2)
    assert _budgets(reader) == [7]
