"""First start: a missing database is built from demo data, with progress, before any page shows."""

from data.store.db import DB_ENV_VAR
from tests.fixtures.small_db import build_small_db, open_app


def test_a_missing_database_is_built_with_progress_before_the_overview_opens(tmp_path, monkeypatch):
    target = tmp_path / "nieuw.duckdb"
    calls = []

    def fake_build(path, *, progress=None, **options):
        # Stands in for data.demo.build.build_demo_file (seconds of work): reports progress, writes a database.
        progress(0.5, "trajecten aanmaken")
        progress(1.0, "klaar")
        calls.append(path)
        build_small_db(path)

    monkeypatch.setattr("data.demo.build.build_demo_file", fake_build)
    monkeypatch.setenv(DB_ENV_VAR, str(target))
    app = open_app(params={"regio": "IJmond", "periode": "2026-10"})
    assert calls == [target]
    assert not app.exception
    assert app.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"


def test_an_existing_database_is_not_rebuilt(small_db_path, monkeypatch):
    calls = []
    monkeypatch.setattr("data.demo.build.build_demo_file", lambda path, **options: calls.append(path))
    monkeypatch.setenv(DB_ENV_VAR, str(small_db_path))
    assert not open_app(params={"regio": "IJmond", "periode": "2026-10"}).exception
    assert calls == []


def test_a_read_only_process_reads_the_published_snapshot_without_the_writers_file(small_db_path, tmp_path,
                                                                                  monkeypatch):
    import shutil

    from data.store import snapshots

    main = tmp_path / "elders.duckdb"
    shutil.copyfile(small_db_path, main)
    snapshots.publish_file(main)
    main.unlink()  # another machine: only the snapshot folder was copied there
    calls = []
    monkeypatch.setattr("data.demo.build.build_demo_file", lambda path, **options: calls.append(path))
    monkeypatch.setenv(DB_ENV_VAR, str(main))
    monkeypatch.setenv("JEUGDMONITOR_READ_ONLY", "1")
    app = open_app(params={"regio": "IJmond", "periode": "2026-10"})
    assert not app.exception
    assert app.title[0].value == "Jeugdhulp IJmond · oktober 2026 · beide percelen"
    assert calls == [] and not main.exists()
