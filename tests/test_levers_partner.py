"""Provider card and the scopes of the Partner page."""

from datetime import date

import pytest

from levers.partner import may_compare_peers, own_scope, peer_scope, provider_card
from levers.scope import Scope
from tests.builders import add_provider


def test_the_card_shows_the_reference_row_of_the_provider(empty_db):
    add_provider(empty_db, provider="P1", name="Kompas Jeugd", lot="enkelvoudig", role="overig",
                 certificate_valid_until=date(2027, 1, 31))
    card = provider_card(empty_db, "P1")
    assert (card.name, card.lot, card.role, card.regions) == ("Kompas Jeugd", "enkelvoudig", "overig", "IJmond")
    assert card.certificate_valid_until == date(2027, 1, 31)


def test_an_unknown_provider_has_no_card(empty_db):
    assert provider_card(empty_db, "NOPE") is None


@pytest.mark.parametrize(
    ("provider_lot", "chosen_lot", "expected"),
    [
        ("complex", None, "complex"),  # compared within its own perceel
        ("enkelvoudig", "complex", "enkelvoudig"),  # its own perceel wins over the sidebar's
        ("beide", "complex", "complex"),  # both percelen: the user's choice
        ("beide", None, None),  # both percelen and no choice: all providers of the region
    ],
)
def test_peers_are_compared_within_the_providers_perceel(empty_db, provider_lot, chosen_lot, expected):
    add_provider(empty_db, provider="P1", lot=provider_lot)
    card = provider_card(empty_db, "P1")
    scope = Scope("IJmond", lot=chosen_lot, providers=("P1",))
    assert peer_scope(scope, card) == Scope("IJmond", lot=expected)
    assert own_scope(Scope("IJmond", lot=chosen_lot), card).providers == ("P1",)


@pytest.mark.parametrize(
    ("peers", "anonymous", "expected"),
    [(0, False, False), (1, False, True), (2, True, False), (3, True, True)],
)
def test_an_anonymous_comparison_needs_three_peers(peers, anonymous, expected):
    # With one or two others a provider can tell who "aanbieder A" is; named comparisons need one peer.
    assert may_compare_peers(peers, anonymous=anonymous) is expected
