"""Figures as the dashboard keeps them: keyed on the scope the rights narrow to; the levers only ever see that scope."""

from datetime import date

import duckdb
import pytest

from auth.rights import Rights
from data.store.db import touched
from levers.registry import pick
from levers.scope import Period, Scope
from levers import choices, registry
from tests.builders import add_trajectory
from views import cache
from views import db as view_db

OCTOBER = Period.parse("2026-10")
ADMIN = Rights(role="beheerder")
P2_USER = Rights(role="aanbieder", regions=("IJmond",), providers=("P2",))


@pytest.fixture
def own_db(own_small_db):
    """A private copy of the fixture database: these tests write, clear caches and read again."""
    yield own_small_db
    view_db.clear_caches()


def _youths(rights, scope):
    return pick(cache.indicators(rights, scope, OCTOBER, "diagnostics"), "unieke_jeugdigen").value


def test_the_same_scope_gives_each_user_what_their_rights_allow(own_db):
    asked = Scope("IJmond", providers=("P1",))
    assert _youths(ADMIN, asked) == 600  # P1: the 600 Velsen clients
    assert _youths(P2_USER, asked) == 400  # cut to its own provider: the 400 Beverwijk clients, not the cached 600


def test_users_whose_rights_narrow_to_the_same_scope_share_one_computed_figure(own_db, monkeypatch):
    computed = []
    compute = registry.lever_indicators
    monkeypatch.setattr(registry, "lever_indicators",
                        lambda con, lever, scope, period: (computed.append(scope), compute(con, lever, scope, period))[1])
    alderman = Rights(role="bestuurder", regions=("IJmond",), email="wethouder@velsen.nl")
    assert _youths(ADMIN, Scope("IJmond")) == 1234
    assert _youths(alderman, Scope("IJmond")) == 1234
    assert computed == [Scope("IJmond")]  # the alderman read the beheerder's figure
    # A provider sees the region's total too, but with itself as the viewer (a total may hide a lone
    # other provider): another narrowed scope, so its own computation, never the beheerder's.
    assert _youths(P2_USER, Scope("IJmond")) == 1234
    assert computed == [Scope("IJmond"), Scope("IJmond", viewer=("P2",))]


def test_a_region_outside_the_rights_gives_nothing(own_db):
    alderman = Rights(role="bestuurder", regions=("IJmond",))
    assert cache.indicators(alderman, Scope("Zuid-Kennemerland"), OCTOBER) == ()
    assert cache.by_municipality(alderman, Scope("Zuid-Kennemerland"), OCTOBER, "instroom") == ()


def test_a_provider_gets_its_own_rows_per_municipality(own_db):
    rows = cache.by_municipality(P2_USER, Scope("IJmond"), OCTOBER, "unieke_jeugdigen")
    assert {row.name: row.result.value for row in rows} == {"Beverwijk": 400, "Heemskerk": 0, "Velsen": 0}


def test_a_provider_chooses_only_among_its_own_providers(own_db):
    assert cache.providers(P2_USER, "IJmond") == (("P2", "Kinderpraktijk De Duinen"),)
    assert [code for code, _ in cache.providers(ADMIN, "IJmond")] == ["P5", "P1", "P2", "P3"]  # by name


def test_a_write_to_a_table_the_figures_read_recomputes_them(own_db):
    assert _youths(ADMIN, Scope("IJmond")) == 1234
    with view_db.writing() as con:
        add_trajectory(con, client="NEW1", start=date(2026, 10, 1), municipality="GM0453")
        touched("trajectories")
    assert _youths(ADMIN, Scope("IJmond")) == 1235


def test_an_audit_entry_or_an_account_change_keeps_the_cached_figures(own_db):
    assert _youths(ADMIN, Scope("IJmond")) == 1234
    with duckdb.connect(str(own_db)) as con:  # changed behind the write path's back: no generation bumped
        add_trajectory(con, client="NEW1", start=date(2026, 10, 1), municipality="GM0453")
    view_db.audit("beheer@regio.nl", "export", "data.csv (1 rij)")
    with view_db.writing() as con:
        con.execute("update users set failed_attempts = 0")
        touched("users")
    assert _youths(ADMIN, Scope("IJmond")) == 1234  # still the cached figure
    with view_db.writing() as con:
        touched("trajectories")
    assert _youths(ADMIN, Scope("IJmond")) == 1235


def test_the_region_list_stays_cached_when_only_trajectories_change(own_db):
    calls = []
    regions = choices.regions
    choices.regions = lambda con: (calls.append(1), regions(con))[1]
    try:
        assert "IJmond" in cache.regions(ADMIN)
        with view_db.writing():
            touched("trajectories")
        cache.regions(ADMIN)
        assert calls == [1]
        with view_db.writing():
            touched("populations")  # a gemeenten upload can move a municipality to another region
        cache.regions(ADMIN)
        assert calls == [1, 1]
    finally:
        choices.regions = regions
