"""The first start: a fresh clone builds the demo behind a progress bar and then shows the Overzicht."""

import importlib.util

import pytest

from data.store.db import DB_ENV_VAR
from views import first_start


def test_a_missing_database_is_built_and_the_first_run_ends_on_the_overzicht(tmp_path, monkeypatch):
    from tests.fixtures.small_db import open_app

    path = tmp_path / "nieuw" / "monitor.duckdb"
    monkeypatch.setenv(DB_ENV_VAR, str(path))
    app = open_app()
    assert not app.exception
    assert path.exists()
    assert app.title[0].value  # the Overzicht's header, drawn in the same run as the build
    assert not app.get("progress")  # the bar is cleared once the database is there


@pytest.mark.parametrize("name", first_start.WARM_MODULES)
def test_every_module_warmed_during_the_build_exists(name):
    assert importlib.util.find_spec(name) is not None
