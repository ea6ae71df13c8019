"""The dashboard's figures: `figures.Figures` on this process's data, kept by Streamlit between runs.

Everything a figure is (the rights narrowing the scope, the peer rule, the version keys, the sharing
between processes) is figures/; this module only hands it the session's source (views.db.SOURCE) and
one st.cache_data function to keep what it computed, keyed on the figure's name, the version of what
it read and the narrowed scope. Old entries age out by `max_entries`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from auth.rights import Rights
from figures import shared_results
from figures.figures import Figures
from levers.agenda import AgendaItem
from levers.compare import ComparisonRow
from levers.contracts import ContractTerm, DialogueRow, FundingRow
from levers.freshness import Freshness
from levers.national import NationalFigure, NationalPair
from levers.price_volume import PriceVolume
from levers.referrers import ReferrerRow
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.series import Series
from levers.variation import Variation
from levers.waiting_list import WaitBand
from views import db

# The national figures and a region's municipalities are the same for every reader: no rights narrow them.
_EVERYONE = Rights(role="beheerder")
# One entry per figure, version and narrowed scope; twelve kinds of figure used to hold 1,024 each.
_MAX_ENTRIES = 8192


def _kept(name: str, version: tuple, args: tuple, compute: Callable[[], Any]) -> Any:
    """figures.figures.Keep for Streamlit: `compute` runs once per name, version and args.

    The key is their repr, as figures.shared_results keys them (frozen dataclasses, tuples, strings):
    Streamlit hashes one string far faster than it walks the dataclasses in them, which took a
    quarter of a warm page's script time (issue 26)."""
    return _kept_by_key(repr((name, version, args)), compute)


@st.cache_data(show_spinner=False, max_entries=_MAX_ENTRIES)
def _kept_by_key(key: str, _compute: Callable[[], Any]) -> Any:
    return _compute()


def figures(rights: Rights) -> Figures:
    """The figures `rights` may see in this process, kept here and shared with the other processes
    of this database (figures.shared_results; the writer keeps only what no write ran beside)."""
    return Figures(db.SOURCE, rights, keep=_kept, share=shared_results.enabled())


# Thin names for the pages: each is `figures(rights).<the same name>`.

def indicators(rights: Rights, scope: Scope, period: Period, lever: str | None = None) -> tuple[IndicatorResult, ...]:
    return figures(rights).indicators(scope, period, lever)


def series(rights: Rights, scope: Scope, period: Period, lever: str, baseline: int | None = None) -> tuple[Series, ...]:
    return figures(rights).series(scope, period, lever, baseline=baseline)


def variations(rights: Rights, scope: Scope, period: Period, codes: tuple[str, ...],
               baseline: int | None = None) -> dict[str, Variation]:
    return figures(rights).variations(scope, period, codes, baseline=baseline)


def national(period: Period) -> dict[str, NationalFigure]:
    return figures(_EVERYONE).national(period)


def national_pairs(rights: Rights, scope: Scope, period: Period) -> dict[str, NationalPair]:
    return figures(rights).national_pairs(scope, period)


def national_rows() -> tuple[NationalFigure, ...]:
    return figures(_EVERYONE).national_rows()


def freshness(rights: Rights, scope: Scope, period: Period) -> Freshness | None:
    return figures(rights).freshness(scope, period)


def by_municipality(rights: Rights, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
    return figures(rights).by_municipality(scope, period, what)


def by_provider(rights: Rights, scope: Scope, period: Period, what: str) -> tuple[ComparisonRow, ...]:
    return figures(rights).by_provider(scope, period, what)


def agenda(rights: Rights, scope: Scope, period: Period) -> tuple[AgendaItem, ...]:
    return figures(rights).agenda(scope, period)


def regions(rights: Rights) -> tuple[str, ...]:
    return figures(rights).regions()


def price_volume(rights: Rights, scope: Scope, period: Period) -> tuple[PriceVolume, ...]:
    return figures(rights).price_volume(scope, period)


def referrers(rights: Rights, scope: Scope, period: Period) -> tuple[ReferrerRow, ...]:
    return figures(rights).referrers(scope, period)


def waiting_bands(rights: Rights, scope: Scope, period: Period) -> tuple[WaitBand, ...]:
    return figures(rights).waiting_bands(scope, period)


def data_start():
    """The first month of the data, for the period picker (the same for every reader)."""
    return figures(_EVERYONE).data_start()


def municipalities(region: str) -> tuple[tuple[str, str], ...]:
    return figures(_EVERYONE).municipalities(region)


def providers(rights: Rights, region: str, lot: str | None = None) -> tuple[tuple[str, str], ...]:
    return figures(rights).providers(region, lot)


def contracts(rights: Rights, regions: str | tuple[str, ...]) -> tuple[ContractTerm, ...]:
    return figures(rights).contracts(regions)


def contract(rights: Rights, contract_id: str) -> ContractTerm | None:
    return figures(rights).contract(contract_id)


def contract_dialogue(rights: Rights, term: ContractTerm, until) -> tuple[DialogueRow, ...]:
    return figures(rights).contract_dialogue(term, until)


def funding_comparison(rights: Rights, period: Period) -> tuple[FundingRow, ...]:
    return figures(rights).funding_comparison(period)
