"""The writer computes the Overzicht of the regions an upload touched, before readers get the new data.

After an upload every figure has a new key (views.cache), so the first reader to open a region's
Overzicht computes it (about a second of one core for a national region on a quiet machine, many
more beside twenty sessions) while the other processes wait for it (views.shared_results). Here
the writer does that on the new snapshot before CURRENT names it (data.snapshots.BEFORE_CURRENT),
into the results the readers share: their first run on the new data only reads. Only the default
view (everyone but an aanbieder: the region, both percelen, the default period) of at most
MAX_REGIONS regions, those with the most rows in the upload: a national file must not hold every
reader back while each region is computed. The rest is computed by readers as before.
"""

from __future__ import annotations

from pathlib import Path

from auth.rights import Rights
from data import db as store
from data import history, snapshots
from levers.scope import Period, Scope
from views import cache, db, filters, shared_results
from wording.sentences import COMPARED, HEADLINE_CODES

MAX_REGIONS = 3
_REGION_VIEWER = Rights(role="beheerder")  # every user but an aanbieder narrows a region's scope to itself


def overview(region: str, period: Period) -> None:
    """Compute (or find) every shared figure the Overzicht of `region` reads for a region-wide user."""
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


def before_current(main: Path, snapshot: Path) -> None:
    """data.snapshots.BEFORE_CURRENT: the Overzicht of the regions of the newest upload, on `snapshot`."""
    published = snapshots.published(main)
    if not shared_results.enabled() or published is None:
        return  # the first publish of a file: no reader has been waiting for it
    con = store.connect(snapshot, read_only=True)
    try:
        if history.newest_upload_id(con) in (None, _newest_upload(published)):
            return  # this write stored no upload (a note, an account): readers compute what it changed
        regions = history.regions_of_newest_upload(con)[:MAX_REGIONS]
        with db.preparing(main, con):
            for region in regions:
                overview(region, filters.last_full_month())
    finally:
        con.close()


def _newest_upload(snapshot: Path) -> int | None:
    """The newest upload in `snapshot` (the one readers have now), None before the first."""
    con = store.connect(snapshot, read_only=True)
    try:
        return history.newest_upload_id(con)
    finally:
        con.close()


def register() -> None:
    """Let this writer process compute the figures of each upload before publishing it (once per process)."""
    if before_current not in snapshots.BEFORE_CURRENT:
        snapshots.BEFORE_CURRENT.append(before_current)

