"""Right after publishing an upload, the writer computes the Overzicht of the regions it touched for the readers.

The small database (tests/fixtures/small_db.py): in oktober 2026 IJmond has 1.234 youths in care
(Velsen 600, Beverwijk 400, Heemskerk 234). The upload below adds one new client in Velsen.
"""

from datetime import date

import pytest
import streamlit as st

from auth.rights import Rights
from data import db as store
from data import snapshots
from data.load import load_file
from levers.registry import pick
from levers.scope import Period, Scope
from tests.fixtures.small_db import open_app
from figures import shared_results
from levers import compare, registry
from levers import freshness as freshness_lever
from levers import series as series_lever
from views import cache, filters, warm

OCTOBER = Period.parse("2026-10")
ALDERMAN = Rights(role="bestuurder", regions=("IJmond",), email="wethouder@velsen.nl")
ONE_NEW_CLIENT = (
    "traject_id;client_id;gemeente;aanbieder;perceel;productcategorie;verwijzer;aanmelddatum;startdatum;"
    "einddatum;reden_einde;leeftijdsklasse\r\n"
    "NIEUW-1;NIEUWE-CLIENT-1;GM0453;P1;complex;45;01;;01-10-2026;;;12-17\r\n").encode("cp1252")
# What the Overzicht computes; none of it may run in a reader once the writer computed it.
COMPUTATIONS = [(registry, "all_indicators"), (series_lever, "series_of_codes"),
                (compare, "by_provider"), (compare, "by_municipality"),
                (freshness_lever, "freshness")]


@pytest.fixture
def uploaded(own_small_db, monkeypatch):
    """The small database after a writer with views.warm loaded ONE_NEW_CLIENT; in November 2026 (so the
    default period is oktober); this process then acts as a reader of the published snapshots."""
    monkeypatch.setattr(filters, "today", lambda: date(2026, 11, 20))
    snapshots.publish_file(own_small_db)  # what the readers have before the upload
    monkeypatch.setattr(snapshots, "AFTER_PUBLISH", [warm.after_publish])
    con = store.connect(own_small_db)
    try:
        report = load_file(con, ONE_NEW_CLIENT, "trajecten.csv", uploader="test", preview=False)
    finally:
        con.close()
    assert report.stored, report.errors
    st.cache_data.clear()  # this process's own caches: what follows must come from the shared results
    monkeypatch.setenv("JEUGDMONITOR_READ_ONLY", "1")
    yield own_small_db
    st.cache_data.clear()
    shared_results.clear(own_small_db)


def _never_compute(monkeypatch):
    for module, name in COMPUTATIONS:
        monkeypatch.setattr(module, name, lambda *args, _name=name, **kwargs: pytest.fail(f"a reader computed {_name}"))


def test_after_an_upload_a_reader_reads_the_regions_new_figures_the_writer_computed(uploaded, monkeypatch):
    _never_compute(monkeypatch)
    results = cache.indicators(ALDERMAN, Scope("IJmond"), OCTOBER)
    assert pick(results, "unieke_jeugdigen").value == 1235  # 1.234 + the one new client
    rows = cache.by_municipality(ALDERMAN, Scope("IJmond"), OCTOBER, "jeugdhulp_per_1000")
    assert sorted(row.name for row in rows) == ["Beverwijk", "Heemskerk", "Velsen"]


def test_the_figures_the_writer_stored_equal_those_a_reader_computes_itself(uploaded, monkeypatch):
    stored = (cache.indicators(ALDERMAN, Scope("IJmond"), OCTOBER),
              cache.variations(ALDERMAN, Scope("IJmond"), OCTOBER, ("unieke_jeugdigen", "zonder_verblijf")),
              cache.by_provider(ALDERMAN, Scope("IJmond"), OCTOBER, "boundaries"))
    st.cache_data.clear()
    monkeypatch.setenv(shared_results.ENV, "0")  # computes here, reads nothing shared
    computed = (cache.indicators(ALDERMAN, Scope("IJmond"), OCTOBER),
                cache.variations(ALDERMAN, Scope("IJmond"), OCTOBER, ("unieke_jeugdigen", "zonder_verblijf")),
                cache.by_provider(ALDERMAN, Scope("IJmond"), OCTOBER, "boundaries"))
    assert pick(computed[0], "unieke_jeugdigen").value == 1235
    assert computed == stored


def test_a_readers_overzicht_of_the_uploaded_region_computes_no_figure_itself(uploaded, monkeypatch):
    _never_compute(monkeypatch)
    app = open_app(params={"regio": "IJmond"}, rights=ALDERMAN)  # the Overzicht is the first page
    assert not app.exception, app.exception
    assert app.title[0].value.startswith("Jeugdhulp IJmond · oktober 2026")


def test_another_region_is_left_to_the_readers(uploaded, monkeypatch):
    calls = []
    all_indicators = registry.all_indicators
    monkeypatch.setattr(registry, "all_indicators",
                        lambda con, scope, period: (calls.append(scope.region), all_indicators(con, scope, period))[1])
    cache.indicators(Rights(role="beheerder"), Scope("Zuid-Kennemerland"), OCTOBER)
    assert calls == ["Zuid-Kennemerland"]


def test_a_writer_process_computes_for_the_readers_only_when_asked_to(monkeypatch):
    monkeypatch.setattr(snapshots, "AFTER_PUBLISH", [])
    monkeypatch.delenv(warm.ENV, raising=False)
    warm.register()
    assert snapshots.AFTER_PUBLISH == []
    monkeypatch.setenv(warm.ENV, "1")
    warm.register()
    warm.register()  # once per process
    assert snapshots.AFTER_PUBLISH == [warm.after_publish]


def test_the_load_command_computes_for_the_readers_when_asked_and_unhooks_after(own_small_db, tmp_path, monkeypatch):
    from data.__main__ import main  # noqa: PLC0415  (the command, in this process)

    monkeypatch.setattr(filters, "today", lambda: date(2026, 11, 20))
    monkeypatch.setattr(snapshots, "AFTER_PUBLISH", [])
    snapshots.publish_file(own_small_db)
    upload = tmp_path / "trajecten.csv"
    upload.write_bytes(ONE_NEW_CLIENT)
    monkeypatch.setenv(warm.ENV, "1")
    try:
        assert main(["load", "--db", str(own_small_db), str(upload)]) == 0
        assert snapshots.AFTER_PUBLISH == []  # the hook lived as long as the load
        st.cache_data.clear()
        monkeypatch.setenv("JEUGDMONITOR_READ_ONLY", "1")
        _never_compute(monkeypatch)
        assert pick(cache.indicators(ALDERMAN, Scope("IJmond"), OCTOBER), "unieke_jeugdigen").value == 1235
    finally:
        st.cache_data.clear()
        shared_results.clear(own_small_db)


def test_the_writer_computes_every_figure_a_region_wide_overzicht_reads(own_small_db, monkeypatch):
    """views.warm lists the Overzicht's figures a second time; this keeps that list from going stale."""
    monkeypatch.setattr(filters, "today", lambda: date(2026, 11, 20))
    asked = []
    kept = cache._kept  # every figure the dashboard keeps passes here, named by its function in figures/
    monkeypatch.setattr(cache, "_kept", lambda name, version, args, compute:
                        (asked.append((name.rsplit(".", 1)[-1], args)), kept(name, version, args, compute))[1])
    app = open_app(params={"regio": "IJmond"}, rights=ALDERMAN)
    assert not app.exception, app.exception
    # the toelichtingen were never among the figures the writer computes (they change with a note, not an upload)
    read_by_the_page, asked[:] = {(name, args) for name, args in asked if name != "_notes"}, []
    warm.overview("IJmond", OCTOBER)
    assert ("_indicators", (Scope("IJmond"), OCTOBER, None)) in read_by_the_page  # the recording works
    assert read_by_the_page <= set(asked), read_by_the_page - set(asked)
