"""Right after publishing an upload, the writer computes the Overzicht of the regions it touched (opt-in).

After an upload every figure has a new key (views.cache), so the first reader to open a region's
Overzicht computes it (about a second of one core for a national region on a quiet machine, many
more beside twenty sessions) while the other processes wait for it (figures.shared_results). With
JEUGDMONITOR_WRITER_FIGURES=1 the writer, right after it published the snapshot
(data.snapshots.AFTER_PUBLISH), computes them into the results the readers share: a reader who asks
meanwhile waits for the writer's lock and reads, a reader who comes later only reads. Only the
default view (everyone but an aanbieder: the region, both percelen, the default period) of at most
MAX_REGIONS regions, those with the most rows in the upload; the rest readers compute as before.

Off by default, by measurement: on a quiet machine the new figures appear no sooner (upload to
every process: 1.60 s against 1.56 s, benchmarks/readers.py), the load command takes 1.4 s longer,
and on 2 busy cores a starved writer holding the lock held the readers back (new figures 43 s after
the upload started against 32 s, benchmarks/concurrency.py). It pays where nobody looks at a region
when the upload lands: the first visitor after it then gets a page that only reads.
"""

from __future__ import annotations

import os
from pathlib import Path

from auth.rights import Rights
from data import db as store
from data import history, snapshots
from levers.scope import Period, Scope
from figures import shared_results
from views import cache, db, filters
from wording.sentences import COMPARED, HEADLINE_CODES

MAX_REGIONS = 3
ENV = "JEUGDMONITOR_WRITER_FIGURES"  # 1: writer processes compute an upload's Overzicht after publishing
_REGION_VIEWER = Rights(role="beheerder")  # every user but an aanbieder narrows a region's scope to itself


def overview(region: str, period: Period) -> None:
    """Compute (or find) every shared figure the Overzicht of `region` reads for a region-wide user.

    The page's list a second time: tests/test_views_warm.py fails when the page reads a figure this misses."""
    scope = Scope(region)
    cache.regions(_REGION_VIEWER)
    cache.municipalities(region)
    cache.providers(_REGION_VIEWER, region)
    cache.freshness(_REGION_VIEWER, scope, period)
    cache.indicators(_REGION_VIEWER, scope, period)
    cache.variations(_REGION_VIEWER, scope, period, HEADLINE_CODES)
    cache.national(period)
    cache.by_provider(_REGION_VIEWER, scope, period, "boundaries")
    cache.by_municipality(_REGION_VIEWER, scope, period, COMPARED[0])


def after_publish(main: Path, snapshot: Path, previous: Path | None) -> None:
    """data.snapshots.AFTER_PUBLISH: the Overzicht of the regions of a new upload, on `snapshot`."""
    if not shared_results.enabled() or previous is None:
        return  # the first publish of a file: no reader has been waiting for it
    con = store.connect(snapshot, read_only=True)
    try:
        if history.newest_upload_id(con) in (None, _newest_upload(previous)):
            return  # this write stored no upload (a note, an account): readers compute what it changed
        regions = history.regions_of_newest_upload(con)[:MAX_REGIONS]
        with db.preparing(main, con):
            for region in regions:
                overview(region, filters.last_full_month())
    finally:
        con.close()


def _newest_upload(snapshot: Path) -> int | None:
    """The newest upload in `snapshot`, None before the first (or when it is gone already)."""
    try:
        con = store.connect(snapshot, read_only=True)
    except Exception:  # noqa: BLE001  removed meanwhile: then compute, as for a new upload
        return None
    try:
        return history.newest_upload_id(con)
    finally:
        con.close()


def enabled() -> bool:
    """Whether writer processes compute an upload's Overzicht after publishing ($JEUGDMONITOR_WRITER_FIGURES)."""
    return os.environ.get(ENV) == "1"


def register() -> None:
    """Let this writer process compute the figures of each upload right after publishing it (once per process)."""
    if enabled() and after_publish not in snapshots.AFTER_PUBLISH:
        snapshots.AFTER_PUBLISH.append(after_publish)

