"""Every figure a reader gets, on screen, on paper or from a command, through one object: `Figures`.

`Figures(source, rights)` narrows each asked scope with the reader's rights before a lever sees it,
applies the peer-anonymity rule to comparisons by provider, and leaves small-number suppression to
the levers' results (levers.suppression), so a figure is computed and suppressed in one place for
every output. A computed figure may be kept under its version (figures.versions): `keep` holds it in
the process (the dashboard passes st.cache_data), `share` across processes and restarts
(figures.shared_results). A command passes neither: it reads once.

The kept functions get the narrowed scope, never the rights: two users who may see the same (the
aldermen of one region, a beheerder) share one computed figure, and a figure can only reach someone
whose rights narrow to the very same scope.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from auth.rights import Rights
from data.store.tables import TABLE_OF_KIND
from figures import shared_results
from figures.versions import Source, connection_source, fence, versions
from levers import agenda as agenda_lever
from levers import choices, compare, dialogue_log, registry
from levers import freshness as freshness_lever
from levers import notes as notes_lever
from levers import partner
from levers import price_volume as price_volume_lever
from levers import referrers as referrers_lever
from levers import series as series_lever
from levers.agenda import AgendaItem
from levers.catalogue import CODES
from levers.chart_model import TrendModel
from levers.compare import ComparisonRow
from levers.dialogue_log import DialogueLog
from levers.freshness import Freshness
from levers.national import NationalFigure, national_figures
from levers.notes import Note
from levers.partner import MIN_ANONYMOUS_PEERS, ProviderCard
from levers.price_volume import PriceVolume
from levers.referrers import ReferrerRow
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.series import Series
from levers.spending import monthly_spending
from levers.variation import Variation

T = TypeVar("T")
# keep(name, version, args, compute): compute() or what an earlier call with the same name, version and
# args returned (the dashboard: one st.cache_data function).
Keep = Callable[[str, tuple, tuple, Callable[[], Any]], Any]

# What the figures read: every upload kind's table (and the reference lists, which only these tables
# override); the region lists read the municipalities' region overrides; the notes their own tables.
FIGURE_TABLES = tuple(sorted(TABLE_OF_KIND.values()))
REGION_TABLES = (TABLE_OF_KIND["gemeenten"],)
NATIONAL_TABLES = (TABLE_OF_KIND["landelijk"],)
NOTE_TABLES = ("notes", "outcomes", "providers")
LOG_TABLES = ("dialogues", "populations", "providers")  # a cost upload or an audit entry keeps the log
ALL = Rights(role="beheerder")  # the commands' rights: every region, every provider


class Figures:
    """The figures `rights` may see, read from `source`."""

    def __init__(self, source: Source, rights: Rights, *, keep: Keep | None = None, share: bool = False):
        self.source, self.rights, self._keep, self._share = source, rights, keep, share

    # --- by scope and period: the scope narrowed by the rights first --------------------------------

    def indicators(self, scope: Scope, period: Period, lever: str | None = None) -> tuple[IndicatorResult, ...]:
        """One lever's indicators, or all of them (lever None), in catalogue order."""
        seen = self.rights.narrow(scope)
        return () if seen is None else self._figure(FIGURE_TABLES, _indicators, seen, period, lever)

    def series(self, scope: Scope, period: Period, lever: str | None = None) -> tuple[Series, ...]:
        """The series of every indicator of a lever (or of the catalogue) in the period's grain."""
        seen = self.rights.narrow(scope)
        return () if seen is None else self._figure(FIGURE_TABLES, _series, seen, period, lever)

    def variations(self, scope: Scope, period: Period, codes: tuple[str, ...] = CODES, *,
                   baseline: int | None = None) -> dict[str, Variation]:
        """The variatie and zekerheid of the series of `codes` (default: every indicator), by code;
        `baseline`: limits frozen on the first N valued points (signals.md §3a)."""
        seen = self.rights.narrow(scope)
        return {} if seen is None else dict(
            self._figure(FIGURE_TABLES, _variations, seen, period, tuple(codes), baseline))

    def freshness(self, scope: Scope, period: Period) -> Freshness | None:
        """The data date of each kind for the scope's region (None when the rights exclude the region)."""
        seen = self.rights.narrow(scope)
        return None if seen is None else self._figure(FIGURE_TABLES, _freshness, seen, period) or None

    def by_municipality(self, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
        """An indicator (or lever) per municipality of the scope."""
        # A municipality total is not a region-level figure: a provider user gets its own rows per municipality.
        seen = self.rights.narrow_listing(scope)
        return () if seen is None else self._figure(FIGURE_TABLES, _by_municipality, seen, period, what)

    def by_provider(self, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
        """An indicator (or lever) per provider; a provider user sees its peers anonymised."""
        seen = self.rights.narrow(scope)
        viewer = self.rights.providers if self.rights.is_provider else ()
        return () if seen is None else self._figure(FIGURE_TABLES, _by_provider, seen, period, what, viewer)

    def agenda(self, scope: Scope, period: Period) -> tuple[AgendaItem, ...]:
        """The dialogue agenda for the scope."""
        seen = self.rights.narrow_listing(scope)
        return () if seen is None else self._figure(FIGURE_TABLES, _agenda, seen, period)

    def price_volume(self, scope: Scope, period: Period) -> tuple[PriceVolume, ...]:
        """Spending against a year earlier split into volume and price (levers.price_volume)."""
        seen = self.rights.narrow_listing(scope)  # per-provider rows: an aanbieder only its own
        return () if seen is None else self._figure(FIGURE_TABLES, _price_volume, seen, period)

    def spending(self, scope: Scope, period: Period) -> TrendModel | None:
        """Σ bedrag per month over the 24 months up to p_end as a process chart (levers.spending)."""
        seen = self.rights.narrow(scope)
        return None if seen is None else self._figure(FIGURE_TABLES, monthly_spending, seen, period)

    def referrers(self, scope: Scope, period: Period) -> tuple[ReferrerRow, ...]:
        """Started trajectories by referrer, now and a year earlier (levers.referrers)."""
        seen = self.rights.narrow_listing(scope)
        return () if seen is None else self._figure(FIGURE_TABLES, _referrers, seen, period)

    def notes(self, scope: Scope, period: Period) -> tuple[Note, ...]:
        """The toelichtingen of the scope and period; narrowed like a listing, so a provider never reads a
        note written for another provider."""
        seen = self.rights.narrow_listing(scope)
        return () if seen is None else self._figure(NOTE_TABLES, _notes, seen, period)

    def dialogue_log(self, scope: Scope, period: Period) -> DialogueLog | None:
        """The dialogue log of the scope as these rights may list it (an aanbieder: its own and
        region-wide rows); None when the rights exclude the region."""
        seen = self.rights.narrow_listing(scope)
        return None if seen is None else self._figure(LOG_TABLES, _dialogue_log, seen, period)

    def national(self, period: Period) -> dict[str, NationalFigure]:
        """The national (CBS) figure beside each indicator for P, by code. Not narrowed by rights: it is
        published data and nobody's own figures, the same for every reader."""
        return dict(self._figure(NATIONAL_TABLES, _national, period))

    # --- the choices: regions, municipalities, providers --------------------------------------------

    def regions(self) -> tuple[str, ...]:
        """The regions these rights may choose."""
        return tuple(region for region in self._figure(REGION_TABLES, _regions) if self.rights.may_see_region(region))

    def municipalities(self, region: str) -> tuple[tuple[str, str], ...]:
        """(code, name) of the region's municipalities."""
        return self._figure(REGION_TABLES, _municipalities, region)

    def providers(self, region: str, lot: str | None = None) -> tuple[tuple[str, str], ...]:
        """(code, name) of the providers these rights may pick in the region (and perceel), by name."""
        rows = self._figure(FIGURE_TABLES, _providers, region, lot)
        return tuple(row for row in rows if self.rights.may_see_provider(row[0]))

    def provider_card(self, code: str) -> ProviderCard | None:
        """The provider's reference row; None for an unknown code or one these rights may not see."""
        if not self.rights.may_see_provider(code):
            return None
        with self.source.reading() as con:
            return partner.provider_card(con, code)

    # --- computing, or finding what was computed ----------------------------------------------------

    def _figure(self, tables: tuple[str, ...], compute: Callable[..., T], *args: Any) -> T:
        """compute(cursor, *args), kept under the version of `tables` when this object keeps or shares."""
        def read() -> T:
            with self.source.reading() as con:
                return compute(con, *args)

        if self._keep is None and not self._share:
            return read()
        version = versions(self.source, tables)
        name = f"{__name__}.{compute.__qualname__}"

        def shared() -> T:
            if not self._share:
                return read()
            return shared_results.computed_for(version, name, args, read, fence(self.source, version))

        return shared() if self._keep is None else self._keep(name, version, args, shared)


def of_connection(con: Any, path: str | Path | None = None, rights: Rights = ALL) -> Figures:
    """The figures of one open connection, computed on every call (a command's, a test's); all rights unless given."""
    return Figures(connection_source(con, path), rights)


# --- what is computed: a cursor and the narrowed scope in, frozen results out ---------------------------

def _indicators(con, scope: Scope, period: Period, lever: str | None):
    if lever is None:
        return registry.all_indicators(con, scope, period)
    return registry.lever_indicators(con, lever, scope, period)


def _series(con, scope: Scope, period: Period, lever: str | None):
    if lever is None:
        return series_lever.all_series(con, scope, period)
    return series_lever.series_of_lever(con, lever, scope, period)


def _variations(con, scope: Scope, period: Period, codes: tuple[str, ...], baseline: int | None = None):
    return tuple((trend.code, trend.variation)
                 for trend in series_lever.series_of_codes(con, scope, period, codes, baseline=baseline))


def _freshness(con, scope: Scope, period: Period):
    return freshness_lever.freshness(con, scope, period)


def _by_municipality(con, scope: Scope, period: Period, what: str):
    return compare.by_municipality(con, scope, period, what)


def _by_provider(con, scope: Scope, period: Period, what: str, viewer: tuple[str, ...]):
    """Per provider; for a provider user (`viewer`: its codes) the others anonymised, or left out."""
    if not viewer:
        return compare.by_provider(con, scope, period, what)
    own = viewer[0] if len(viewer) == 1 else None
    rows = compare.by_provider(con, scope, period, what, anonymise=True, own_provider=own)
    peers = [row for row in rows if row.key not in viewer]
    if len(peers) < MIN_ANONYMOUS_PEERS:  # a letter is no disguise among one or two others
        return tuple(row for row in rows if row.key in viewer)
    return rows


def _agenda(con, scope: Scope, period: Period):
    return agenda_lever.agenda(con, scope, period)


def _price_volume(con, scope: Scope, period: Period):
    return price_volume_lever.price_volume(con, scope, period)


def _referrers(con, scope: Scope, period: Period):
    return referrers_lever.referrer_split(con, scope, period)


def _notes(con, scope: Scope, period: Period):
    return notes_lever.notes(con, scope, period)


def _dialogue_log(con, scope: Scope, period: Period):
    return dialogue_log.dialogue_log(con, scope, period)


def _national(con, period: Period) -> tuple[tuple[str, NationalFigure], ...]:
    return tuple(national_figures(con, period).items())


def _regions(con) -> tuple[str, ...]:
    return tuple(choices.regions(con))


def _municipalities(con, region: str) -> tuple[tuple[str, str], ...]:
    return tuple(choices.municipalities(con, region))


def _providers(con, region: str, lot: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(compare.providers_in_scope(con, Scope(region, lot=lot)))
