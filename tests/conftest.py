"""Shared fixtures: databases built once per test session, handed out as cheap copies.

Building a database costs far more than copying its file, so every kind is built once into a
template that nothing ever opens again, and tests get copies:
- `empty_db`: a connection to a private copy of the schema and reference lists (nothing else);
- `schema_db_file`: that template's path, for a test that needs its own file (copy it, see `copy_db`);
- `small_db_path`: the hand-made small database (tests/fixtures/small_db.py) that page tests share
  read-only (pages append to its audit log, which no figure reads);
- `own_small_db`: a private, writable copy of the small database, with JEUGDMONITOR_DB pointing at it;
- `small_env` / `small_app`: JEUGDMONITOR_DB at the shared small database for a module; yield
  `open_app` (tests/fixtures/small_db.py) to run the dashboard as a browser would.
- `levers_demo_path`: the regional demo with a fixed today (tests/fixtures/levers_output.py), read-only.
- `browser`, `demo_db`, `server`: one Chromium and one dashboard on a demo for the browser tests
  (tests/fixtures/browser.py, registered below as a plugin).
Do not import these fixtures into a test module: an imported fixture is registered again for that
module alone, and its database is built again.

The suite runs on two pytest-xdist workers (pytest.ini). Each test module runs whole on one worker, so
its module fixtures are built once; modules that use a costly session fixture (`browser`,
`levers_demo_path`) share one worker, so that is built once too; see `pytest_collection_modifyitems`.

Every AppTest scans all installed packages for Streamlit components (about half a second each
time); the installed packages do not change during a test run, so the scan runs once.
"""

from __future__ import annotations

import logging
import shutil
from functools import cache
from pathlib import Path

import duckdb
import pytest
from streamlit.logger import get_logger

from data.store.db import DB_ENV_VAR, ensure_schema

pytest_plugins = ("tests.fixtures.browser",)

# Tests import and call the cached view functions (views/cache.py, figures/) without a Streamlit server, so
# Streamlit decorates and stores them in its in-memory fallback and says so once per function at
# import: "No runtime found, using MemoryCacheStorageManager". That fallback is exactly what a test
# wants (the dashboard itself always runs with a runtime), so the notice is noise, not a fault. Only
# this one logger is quietened; every other Streamlit warning still shows. (commands/ does
# the same for the command line.)
get_logger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)


def copy_db(template: Path, folder: Path, name: str | None = None) -> Path:
    """A copy of a closed database file in `folder` (a file copy: milliseconds, not a rebuild)."""
    copy = folder / (name or template.name)
    shutil.copyfile(template, copy)
    return copy


# Session fixtures that cost seconds to build: every module using one runs on the same xdist worker,
# and these modules run first (the longest work first, so the two workers finish close together).
# The browser tests on the demo dashboard (demo_db) and those with their own small server (browser
# only) are two groups, so both workers share the browser work.
_BUILT_ONCE = ("demo_db", "browser", "levers_demo_path")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """One xdist group per test module, or per costly session fixture its tests share."""
    groups: dict[str, str] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        shared = next((name for name in _BUILT_ONCE if name in item.fixturenames), None)
        if shared or module not in groups:
            groups[module] = shared or groups.get(module, module)
    for item in items:
        item.add_marker(pytest.mark.xdist_group(groups[item.nodeid.split("::")[0]]))
    rank = {group: order for order, group in enumerate(_BUILT_ONCE)}
    items.sort(key=lambda item: rank.get(groups[item.nodeid.split("::")[0]], len(rank)))


@pytest.fixture(scope="session", autouse=True)
def _components_scanned_once():
    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", cache(manifest_scanner.scan_component_manifests))
        yield


@pytest.fixture(scope="session")
def schema_db_file(tmp_path_factory) -> Path:
    """A database file with the schema and the reference lists only. Never open it: copy it."""
    path = tmp_path_factory.mktemp("schema") / "schema.duckdb"
    con = duckdb.connect(str(path))
    try:
        ensure_schema(con)
    finally:
        con.close()
    return path


@pytest.fixture
def empty_db(schema_db_file, tmp_path) -> duckdb.DuckDBPyConnection:
    """A DuckDB with the schema and the reference lists, and nothing else: this test's own copy."""
    con = duckdb.connect(str(copy_db(schema_db_file, tmp_path, "empty.duckdb")))
    yield con
    con.close()


@pytest.fixture(scope="session")
def small_db_template(tmp_path_factory) -> Path:
    """The small fixture database, built once per session. Never open it: copy it."""
    from tests.fixtures.small_db import build_small_db

    return build_small_db(tmp_path_factory.mktemp("small_template") / "small.duckdb")


@pytest.fixture(scope="session")
def small_db_path(small_db_template, tmp_path_factory) -> Path:
    """The small fixture database that page tests share; pages only read it (and append audit rows)."""
    return copy_db(small_db_template, tmp_path_factory.mktemp("small_db"))


@pytest.fixture(scope="session")
def levers_demo_path(tmp_path_factory) -> Path:
    """The regional demo of tests/fixtures/levers_output.py (fixed today, one thread), built once per session.

    Tests open it read-only only: the levers output guard and the series checks on the demo share it.
    """
    from tests.fixtures.levers_output import build_demo_database

    return build_demo_database(tmp_path_factory.mktemp("levers_demo"))


@pytest.fixture
def own_small_db(small_db_template, tmp_path, monkeypatch) -> Path:
    """A private copy of the small database, for a test whose page writes; JEUGDMONITOR_DB points at it."""
    path = copy_db(small_db_template, tmp_path)
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    return path


@pytest.fixture(scope="module")
def small_env(small_db_path):
    """JEUGDMONITOR_DB points at the shared small database for a whole test module; yields `open_app`.

    Module scope lets a test module open a page once and make several read-only checks on it.
    """
    import streamlit as st

    from tests.fixtures.small_db import open_app

    shown_errors = st.get_option("client.showErrorDetails")
    st.set_option("client.showErrorDetails", "full")  # a failing test shows the real exception, not "redacted"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DB_ENV_VAR, str(small_db_path))
        yield open_app
    st.set_option("client.showErrorDetails", shown_errors)


@pytest.fixture
def small_app(small_env):
    """`open_app(...)` bound to the shared small database."""
    return small_env


@pytest.fixture
def decode_calls(monkeypatch) -> list[str]:
    """The kinds decoded so far in this test, one entry per call of data.ingest.validate.decode_rows (the one
    function that turns a file's text into typed rows): shows how often a file was decoded."""
    from data.ingest import validate

    calls: list[str] = []
    original = validate.decode_rows

    def counted(cur, kind, *args, **kwargs):
        calls.append(kind)
        return original(cur, kind, *args, **kwargs)

    monkeypatch.setattr(validate, "decode_rows", counted)
    return calls
