"""Rights.narrow per role: every expectation below is written out by hand from design.md's table."""

import itertools

import pytest

from auth.rights import Rights
from levers.scope import Scope
from tests.builders import BEVERWIJK, HAARLEM, VELSEN

ALDERMAN = Rights("bestuurder", ("IJmond",), email="wethouder@ijmond.nl")
MANAGER = Rights("contractmanager", ("IJmond", "Zuid-Kennemerland"))
PROVIDER = Rights("aanbieder", ("IJmond",), ("P1",))
CONSORTIUM = Rights("aanbieder", ("IJmond",), ("P1", "P4"))
ADMIN = Rights("beheerder")
REGIONAL_ADMIN = Rights("beheerder", ("Achterhoek",))

IJMOND = Scope("IJmond")
KENNEMERLAND = Scope("Zuid-Kennemerland")


@pytest.mark.parametrize("rights, requested, expected", [
    # bestuurder: its region as asked, any municipality/perceel/provider; another region: nothing
    (ALDERMAN, IJMOND, IJMOND),
    (ALDERMAN, Scope("IJmond", (VELSEN,), "complex", ("P2",)), Scope("IJmond", (VELSEN,), "complex", ("P2",))),
    (ALDERMAN, KENNEMERLAND, None),
    (ALDERMAN, Scope("Zuid-Kennemerland", (HAARLEM,), providers=("P2",)), None),
    # contractmanager: both of its regions, not a third
    (MANAGER, KENNEMERLAND, KENNEMERLAND),
    (MANAGER, Scope("IJmond", providers=("P2", "P3")), Scope("IJmond", providers=("P2", "P3"))),
    (MANAGER, Scope("Achterhoek"), None),
    # aanbieder: region total (perceel allowed) or its own figures, never another provider's
    # (and the narrowed scope names it as the viewer, for the derived-total rule in levers.contributors)
    (PROVIDER, IJMOND, Scope("IJmond", viewer=("P1",))),
    (PROVIDER, Scope("IJmond", lot="enkelvoudig"), Scope("IJmond", lot="enkelvoudig", viewer=("P1",))),
    (PROVIDER, Scope("IJmond", providers=("P1",)), Scope("IJmond", providers=("P1",), viewer=("P1",))),
    (PROVIDER, Scope("IJmond", providers=("P2",)), Scope("IJmond", providers=("P1",), viewer=("P1",))),
    (PROVIDER, Scope("IJmond", providers=("P1", "P2")), Scope("IJmond", providers=("P1",), viewer=("P1",))),
    (PROVIDER, Scope("IJmond", (VELSEN,)), Scope("IJmond", (VELSEN,), providers=("P1",), viewer=("P1",))),
    (PROVIDER, Scope("IJmond", (VELSEN, BEVERWIJK), "complex", ("P2",)),
     Scope("IJmond", (VELSEN, BEVERWIJK), "complex", ("P1",), viewer=("P1",))),
    (PROVIDER, Scope("Zuid-Kennemerland", providers=("P1",)), None),
    (PROVIDER, Scope("Zuid-Kennemerland", providers=("P2",)), None),
    (PROVIDER, KENNEMERLAND, None),
    # a consortium account: any of its own codes, the others cut off
    (CONSORTIUM, Scope("IJmond", providers=("P4", "P9")), Scope("IJmond", providers=("P4",), viewer=("P1", "P4"))),
    (CONSORTIUM, Scope("IJmond", providers=("P9",)), Scope("IJmond", providers=("P1", "P4"), viewer=("P1", "P4"))),
    # beheerder: everything; one that names regions is held to them
    (ADMIN, Scope("Helmond-De Peel", (VELSEN,), "complex", ("P7",)), Scope("Helmond-De Peel", (VELSEN,), "complex", ("P7",))),
    (REGIONAL_ADMIN, Scope("Achterhoek"), Scope("Achterhoek")),
    (REGIONAL_ADMIN, IJMOND, None),
])
def test_narrow_gives_each_role_exactly_what_the_design_allows(rights, requested, expected):
    assert rights.narrow(requested) == expected


@pytest.mark.parametrize("requested", [
    Scope(region, municipalities, lot, providers)
    for region, municipalities, lot, providers in itertools.product(
        ("IJmond", "Zuid-Kennemerland"), ((), (VELSEN,)), (None, "complex"), ((), ("P1",), ("P2",), ("P1", "P2")),
    )
])
def test_a_provider_never_gets_a_scope_that_contains_another_providers_figures(requested):
    narrowed = PROVIDER.narrow(requested)
    if narrowed is None:
        assert requested.region != "IJmond"
        return
    is_region_total = narrowed.providers == () and narrowed.municipalities == ()
    is_own = narrowed.providers == ("P1",)
    assert is_region_total or is_own


@pytest.mark.parametrize("rights, requested, expected", [
    (PROVIDER, IJMOND, Scope("IJmond", providers=("P1",), viewer=("P1",))),
    (PROVIDER, Scope("IJmond", providers=("P2",)), Scope("IJmond", providers=("P1",), viewer=("P1",))),
    (PROVIDER, KENNEMERLAND, None),
    (ALDERMAN, IJMOND, IJMOND),
    (ALDERMAN, KENNEMERLAND, None),
])
def test_narrow_listing_keeps_a_provider_to_its_own_rows(rights, requested, expected):
    assert rights.narrow_listing(requested) == expected


def test_a_provider_account_without_provider_code_is_refused():
    # An empty code list would read as "no provider filter": everyone's figures.
    with pytest.raises(ValueError, match="aanbiedercode"):
        Rights("aanbieder", ("IJmond",))


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="onbekende rol"):
        Rights("wethouder", ("IJmond",))


def test_rights_are_equal_and_hash_alike_whatever_the_order_of_regions():
    # Caches key on rights: the same rights must give the same key.
    first = Rights("contractmanager", ("Zuid-Kennemerland", "IJmond"))
    second = Rights("contractmanager", ("IJmond", "Zuid-Kennemerland", "IJmond"))
    assert first == second and hash(first) == hash(second)
