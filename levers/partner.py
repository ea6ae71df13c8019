"""One provider as the Partner page introduces it, and the scope its peers are compared in.

indicators.md: providers in scope are those whose regio includes the region and whose perceel
matches ('beide' matches both). A provider is compared with the other providers of its own perceel;
a provider working in both percelen is compared within the perceel the user chose, or both.

A provider user sees its peers only anonymously ("aanbieder A, B, …"). With one or two peers a
letter is no disguise — a provider knows who else works in its perceel — so an anonymous comparison
needs at least MIN_ANONYMOUS_PEERS other providers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import duckdb

from levers.scope import LOTS, Scope

MIN_ANONYMOUS_PEERS = 3

_CARD = """
select provider, name, lot, role, consortium, regions, certificate_valid_until
from providers
where provider = $provider
"""


@dataclass(frozen=True)
class ProviderCard:
    code: str
    name: str
    lot: str  # 'complex' | 'enkelvoudig' | 'beide'
    role: str  # 'strategisch_partner' | 'ontwikkelpartner' | 'overig'
    consortium: str | None
    regions: str  # one jeugdregio, or several separated by '/'
    certificate_valid_until: date | None


def provider_card(con: duckdb.DuckDBPyConnection, code: str) -> ProviderCard | None:
    """The provider's reference row, None for an unknown code."""
    row = con.execute(_CARD, {"provider": code}).fetchone()
    return ProviderCard(*row) if row else None


def peer_scope(scope: Scope, card: ProviderCard) -> Scope:
    """The scope of the comparison: the region's providers in the provider's perceel, unfiltered."""
    lot = card.lot if card.lot in LOTS else scope.lot
    return replace(scope, lot=lot, providers=())


def own_scope(scope: Scope, card: ProviderCard) -> Scope:
    """The scope of the provider's own figures: the region narrowed to this provider."""
    return scope.with_providers((card.code,))


def may_compare_peers(peer_count: int, *, anonymous: bool) -> bool:
    """Whether a comparison with `peer_count` other providers may be shown (see the module note)."""
    return peer_count >= (MIN_ANONYMOUS_PEERS if anonymous else 1)
