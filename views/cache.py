"""Cached lever results, keyed on the data's version, the scope as the user's rights narrow it, and period.

Every function narrows the scope with the user's rights before a cached function (and so a lever)
sees it, so a cached result can never be served to someone with fewer rights: what the rights let
a user see (the narrowed scope) is the key, and the levers only ever get the narrowed scope. The
first key is `views.db.versions(...)` of the tables a result reads: a write to one of them (in any
process) gives new keys, a write elsewhere (the audit log, accounts) leaves the cached figures in
place. Old entries age out by `max_entries`.
"""

from __future__ import annotations

import streamlit as st

from auth.rights import Rights
from data.tables import TABLE_OF_KIND
from levers import agenda as agenda_lever
from levers import choices, compare, registry
from levers import freshness as freshness_lever
from levers import price_volume as price_volume_lever
from levers import referrers as referrers_lever
from levers import series as series_lever
from levers.agenda import AgendaItem
from levers.compare import ComparisonRow
from levers.freshness import Freshness
from levers.national import NationalFigure, national_figures
from levers.partner import MIN_ANONYMOUS_PEERS
from levers.price_volume import PriceVolume
from levers.referrers import ReferrerRow
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.series import Series
from levers.variation import Variation
from views import db, shared_results

_CACHE = {"show_spinner": False, "max_entries": 1024}
# The processes of one database share what they compute, and keep it across restarts: an upload
# makes one of them compute each new figure, not every process at once, and a restart computes
# nothing it computed before (views.shared_results). The writer keeps only what no write ran beside.
_shared = shared_results.across_processes(shared_results.enabled, fence=db.fence)
# What the cached functions read: figures read every upload kind's table (and the reference lists,
# which only these tables override); the region list reads the municipalities' region overrides.
FIGURE_TABLES = tuple(sorted(TABLE_OF_KIND.values()))
REGION_TABLES = (TABLE_OF_KIND["gemeenten"],)


def _figures():
    return db.versions(*FIGURE_TABLES)


def indicators(rights: Rights, scope: Scope, period: Period, lever: str | None = None) -> tuple[IndicatorResult, ...]:
    """One lever's indicators, or all of them (lever None), in catalogue order."""
    seen = rights.narrow(scope)
    return () if seen is None else _indicators(_figures(), seen, period, lever)


def series(rights: Rights, scope: Scope, period: Period, lever: str) -> tuple[Series, ...]:
    """The series of every indicator of a lever in the period's grain, in catalogue order."""
    seen = rights.narrow(scope)
    return () if seen is None else _series(_figures(), seen, period, lever)


def variations(rights: Rights, scope: Scope, period: Period, codes: tuple[str, ...]) -> dict[str, Variation]:
    """The variatie and zekerheid of the series of `codes` (e.g. a tile's headline indicators), by code."""
    seen = rights.narrow(scope)
    return {} if seen is None else dict(_variations(_figures(), seen, period, codes))


def national(period: Period) -> dict[str, NationalFigure]:
    """The national (CBS) figure beside each indicator for P, by code. Not narrowed by rights: it is
    published data and nobody's own figures, the same for every reader."""
    return dict(_national(db.versions(TABLE_OF_KIND["landelijk"]), period))


def freshness(rights: Rights, scope: Scope, period: Period) -> Freshness | None:
    """The data date of each kind for the scope's region (None when the rights exclude the region)."""
    seen = rights.narrow(scope)
    return None if seen is None else _freshness(_figures(), seen, period) or None


def by_municipality(rights: Rights, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
    """An indicator (or lever) per municipality of the scope."""
    # A municipality total is not a region-level figure: a provider user gets its own rows per municipality.
    seen = rights.narrow_listing(scope)
    return () if seen is None else _by_municipality(_figures(), seen, period, what)


def by_provider(rights: Rights, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
    """An indicator (or lever) per provider; a provider user sees its peers anonymised."""
    seen = rights.narrow(scope)
    viewer = rights.providers if rights.is_provider else ()
    return () if seen is None else _by_provider(_figures(), seen, period, what, viewer)


def agenda(rights: Rights, scope: Scope, period: Period) -> tuple[AgendaItem, ...]:
    """The dialogue agenda for the scope."""
    seen = rights.narrow_listing(scope)
    return () if seen is None else _agenda(_figures(), seen, period)


def regions(rights: Rights) -> tuple[str, ...]:
    """The regions this user may choose."""
    return tuple(region for region in _regions(db.versions(*REGION_TABLES)) if rights.may_see_region(region))


def price_volume(rights: Rights, scope: Scope, period: Period) -> tuple[PriceVolume, ...]:
    """Spending against a year earlier split into volume and price (levers.price_volume)."""
    seen = rights.narrow_listing(scope)  # per-provider rows: an aanbieder only its own
    return () if seen is None else _price_volume(_figures(), seen, period)


def referrers(rights: Rights, scope: Scope, period: Period) -> tuple[ReferrerRow, ...]:
    """Started trajectories by referrer, now and a year earlier (levers.referrers)."""
    seen = rights.narrow_listing(scope)
    return () if seen is None else _referrers(_figures(), seen, period)


def municipalities(region: str) -> tuple[tuple[str, str], ...]:
    """(code, name) of the region's municipalities."""
    return _municipalities(db.versions(*REGION_TABLES), region)


def providers(rights: Rights, region: str, lot: str | None = None) -> tuple[tuple[str, str], ...]:
    """(code, name) of the providers this user may pick in the region (and perceel): an aanbieder only its own."""
    return tuple(row for row in _providers(_figures(), region, lot) if rights.may_see_provider(row[0]))


# --- the cached functions: the version of what they read is the first key ----------------------
# They get the scope as the user's rights narrowed it, never the rights: two users who may see the same
# (the aldermen of one region, a beheerder) share one computed figure, and one the writer stored
# (views.warm); a figure can only reach someone whose rights narrow to the very same scope.

def _reading(compute):
    with db.reading() as con:
        return compute(con)


@st.cache_data(**_CACHE)
@_shared
def _indicators(version: tuple, scope: Scope, period: Period, lever: str | None):
    if lever is None:
        return _reading(lambda con: registry.all_indicators(con, scope, period))
    return _reading(lambda con: registry.lever_indicators(con, lever, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _series(version: tuple, scope: Scope, period: Period, lever: str):
    return _reading(lambda con: series_lever.series_of_lever(con, lever, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _variations(version: tuple, scope: Scope, period: Period, codes: tuple[str, ...]):
    return _reading(lambda con: tuple(
        (trend.code, trend.variation) for trend in series_lever.series_of_codes(con, scope, period, codes)))


@st.cache_data(**_CACHE)
@_shared
def _national(version: tuple, period: Period) -> tuple[tuple[str, NationalFigure], ...]:
    return _reading(lambda con: tuple(national_figures(con, period).items()))


@st.cache_data(**_CACHE)
@_shared
def _freshness(version: tuple, scope: Scope, period: Period):
    return _reading(lambda con: freshness_lever.freshness(con, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _by_municipality(version: tuple, scope: Scope, period: Period, what: str):
    return _reading(lambda con: compare.by_municipality(con, scope, period, what))


@st.cache_data(**_CACHE)
@_shared
def _by_provider(version: tuple, scope: Scope, period: Period, what: str, viewer: tuple[str, ...]):
    """Per provider; for a provider user (`viewer`: its codes) the others anonymised, or left out."""
    if not viewer:
        return _reading(lambda con: compare.by_provider(con, scope, period, what))
    own = viewer[0] if len(viewer) == 1 else None
    rows = _reading(lambda con: compare.by_provider(con, scope, period, what, anonymise=True, own_provider=own))
    peers = [row for row in rows if row.key not in viewer]
    if len(peers) < MIN_ANONYMOUS_PEERS:  # a letter is no disguise among one or two others
        return tuple(row for row in rows if row.key in viewer)
    return rows


@st.cache_data(**_CACHE)
@_shared
def _agenda(version: tuple, scope: Scope, period: Period):
    return _reading(lambda con: agenda_lever.agenda(con, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _price_volume(version: tuple, scope: Scope, period: Period):
    return _reading(lambda con: price_volume_lever.price_volume(con, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _referrers(version: tuple, scope: Scope, period: Period):
    return _reading(lambda con: referrers_lever.referrer_split(con, scope, period))


@st.cache_data(**_CACHE)
@_shared
def _regions(version: tuple) -> tuple[str, ...]:
    return _reading(choices.regions)


@st.cache_data(**_CACHE)
@_shared
def _municipalities(version: tuple, region: str) -> tuple[tuple[str, str], ...]:
    return _reading(lambda con: choices.municipalities(con, region))


@st.cache_data(**_CACHE)
@_shared
def _providers(version: tuple, region: str, lot: str | None) -> tuple[tuple[str, str], ...]:
    return _reading(lambda con: tuple(compare.providers_in_scope(con, Scope(region, lot=lot))))
