"""Figures kept beside the database across restarts of the writing process, never after a write."""

from datetime import date

import pytest
import streamlit as st

from auth.rights import Rights
from data.store import db
from data.store.db import touched
from levers.registry import pick
from levers.scope import Period, Scope
from tests.builders import add_trajectory
from figures import shared_results
from figures.versions import fence
from levers import registry
from views import cache
from views import db as view_db

OCTOBER = Period.parse("2026-10")
ADMIN = Rights(role="beheerder")
IJMOND = Scope("IJmond")


@pytest.fixture
def own_db(own_small_db, monkeypatch):
    """A private copy of the small database in a writing process; sharing on whatever the environment says."""
    monkeypatch.delenv(view_db.READ_ONLY_ENV, raising=False)
    monkeypatch.delenv(shared_results.ENV, raising=False)
    st.cache_data.clear()
    yield own_small_db
    view_db.clear_caches()


def _youths() -> int:
    return pick(cache.indicators(ADMIN, IJMOND, OCTOBER, "diagnostics"), "unieke_jeugdigen").value


def _restart() -> None:
    """What a new process starts with: no figures in memory (the kept ones stay on disk)."""
    st.cache_data.clear()


@pytest.fixture
def lever_calls(monkeypatch) -> list[int]:
    """One entry per computation of a lever's indicators (the levers are not asked for kept figures)."""
    calls: list[int] = []
    computed = registry.lever_indicators
    monkeypatch.setattr(registry, "lever_indicators", lambda *args: (calls.append(1), computed(*args))[1])
    return calls


def test_a_restarted_writing_process_reads_the_figures_it_computed_before_without_computing(own_db, lever_calls):
    assert _youths() == 600 + 400 + 234  # the small database: youths in care in IJmond in October 2026
    _restart()
    assert _youths() == 1234
    assert lever_calls == [1]


def test_after_a_write_and_a_restart_the_kept_figures_of_before_the_write_are_not_served(own_db, lever_calls):
    assert _youths() == 1234
    with view_db.writing() as con:
        add_trajectory(con, client="NEW1", start=date(2026, 10, 1), municipality="GM0453")
        touched("trajectories")
    _restart()
    assert _youths() == 1235  # one more youth in Velsen
    assert lever_calls == [1, 1]


def _kept(main) -> int:
    return len(list(shared_results.folder_of(main).rglob("*.pickle")))


def test_a_figure_computed_while_a_write_runs_is_not_kept(own_db, lever_calls):
    with view_db.writing() as con:
        add_trajectory(con, client="NEW1", start=date(2026, 10, 1), municipality="GM0453")
        assert _youths() == 1235  # the new row under the old generation: a reader of the old snapshot may ask
        touched("trajectories")
    assert _kept(own_db) == 0
    _restart()
    assert _youths() == 1235
    assert _kept(own_db) == 1
    _restart()
    assert _youths() == 1235
    assert lever_calls == [1, 1]  # computed during the write, then once more after it (and kept)


def test_the_fence_of_a_writing_process_keeps_only_figures_no_write_ran_beside(own_db):
    version = view_db.versions("trajectories", "costs")
    assert [table for table, _ in version[1:]] == ["trajectories", "costs"]
    quiet = fence(view_db.SOURCE, version)
    assert quiet() is True

    beside = fence(view_db.SOURCE, version)
    with view_db.writing():
        touched("audit_log")  # a write to a table the figures do not read still runs beside them
    assert beside() is False

    with view_db.writing():
        during = fence(view_db.SOURCE, version)
    assert during() is False

    with view_db.writing():
        touched("trajectories")
    after = fence(view_db.SOURCE, version)  # VERSION was read before that write: its generations are old
    assert after() is False
    assert fence(view_db.SOURCE, view_db.versions("trajectories", "costs"))() is True


def test_the_write_epoch_is_odd_only_inside_an_outer_writing_block(own_db):
    with view_db._connected() as con:
        start = db.write_epoch()
        assert start % 2 == 0
        with db.writing(con):
            assert db.write_epoch() == start + 1
            with db.writing(con):  # part of the outer block
                assert db.write_epoch() == start + 1
        assert db.write_epoch() == start + 2


def test_the_fence_of_a_read_only_process_always_keeps(monkeypatch):
    monkeypatch.setenv(view_db.READ_ONLY_ENV, "1")
    assert fence(view_db.SOURCE, ("/nowhere.duckdb", ("trajectories", 3)))() is True


def test_a_result_is_stored_only_when_keep_allows_it(tmp_path):
    assert shared_results.computed_once(tmp_path, "k", lambda: 1, keep=lambda: False) == 1
    assert shared_results.computed_once(tmp_path, "k", lambda: 2, keep=lambda: True) == 2
    assert shared_results.computed_once(tmp_path, "k", lambda: 3) == 2


def test_the_code_fingerprint_changes_with_code_or_sql_and_not_with_other_files(tmp_path):
    (tmp_path / "levers" / "sql").mkdir(parents=True)
    (tmp_path / "levers" / "sql" / "youths.sql").write_text("select 1")
    (tmp_path / "levers" / "notes.md").write_text("a note")
    first = shared_results.code_fingerprint(tmp_path)
    (tmp_path / "levers" / "notes.md").write_text("another note")
    assert shared_results.code_fingerprint.__wrapped__(tmp_path) == first
    (tmp_path / "levers" / "sql" / "youths.sql").write_text("select 2")
    assert shared_results.code_fingerprint.__wrapped__(tmp_path) != first


def test_figures_stored_by_other_code_are_computed_again(tmp_path, monkeypatch):
    main, calls = tmp_path / "m.duckdb", []

    @shared_results.across_processes(lambda: True)
    def youths(version, region):
        calls.append(region)
        return 1234

    monkeypatch.setattr(shared_results, "code_fingerprint", lambda: "old code")
    assert youths((str(main), ("trajectories", 1)), "IJmond") == 1234
    assert youths((str(main), ("trajectories", 1)), "IJmond") == 1234
    monkeypatch.setattr(shared_results, "code_fingerprint", lambda: "new code")
    assert youths((str(main), ("trajectories", 1)), "IJmond") == 1234
    assert calls == ["IJmond", "IJmond"]
