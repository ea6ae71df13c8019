"""Pages and uploads per role, as written out in design.md's "Who sees what" table."""

import pytest

from auth import pages
from auth.rights import Rights

ALL_KINDS = ("trajecten", "kosten", "budget", "uitkomsten", "dialoog", "normen", "aanbieders", "gemeenten",
             "landelijk", "procesbreuken", "contracten")


@pytest.mark.parametrize("role, expected", [
    ("bestuurder", ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner", "contracten",
                    "scenario")),
    ("contractmanager", ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner", "contracten",
                         "scenario", "uploaden", "beheer")),  # Beheer: only its regions' process changes
    ("aanbieder", ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner", "uploaden")),
    ("beheerder", ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner", "contracten",
                   "scenario", "uploaden", "beheer")),
    ("wethouder", ()),
])
def test_each_role_gets_its_pages_in_navigation_order(role, expected):
    assert pages.pages_for(role) == expected


@pytest.mark.parametrize("role, page, allowed", [
    ("bestuurder", "uploaden", False),
    ("bestuurder", "beheer", False),
    ("aanbieder", "beheer", False),
    ("contractmanager", "beheer", True),
    ("contractmanager", "uploaden", True),
    ("beheerder", "beheer", True),
    ("aanbieder", "partner", True),
    ("aanbieder", "contracten", False),
    ("bestuurder", "contracten", True),
])
def test_may_see_page_follows_the_role(role, page, allowed):
    assert pages.may_see_page(role, page) is allowed


@pytest.mark.parametrize("role, expected", [
    ("bestuurder", ()),
    ("contractmanager", ALL_KINDS),
    ("aanbieder", ("uitkomsten",)),
    ("beheerder", ALL_KINDS),
])
def test_each_role_may_upload_only_its_kinds(role, expected):
    assert pages.upload_kinds_for(role) == expected


def test_a_provider_upload_of_outcomes_is_held_to_its_own_codes():
    assert pages.upload_providers(Rights("aanbieder", ("IJmond",), ("P4", "P1")), "uitkomsten") == ("P1", "P4")


def test_a_contract_manager_upload_has_no_provider_restriction():
    assert pages.upload_providers(Rights("contractmanager", ("IJmond",)), "uitkomsten") is None


@pytest.mark.parametrize("rights, kind", [
    (Rights("bestuurder", ("IJmond",)), "uitkomsten"),
    (Rights("aanbieder", ("IJmond",), ("P1",)), "trajecten"),
    (Rights("aanbieder", ("IJmond",), ("P1",)), "normen"),
])
def test_an_upload_the_role_may_not_make_is_refused(rights, kind):
    assert not pages.may_upload(rights, kind)
    with pytest.raises(PermissionError, match="mag geen bestanden"):
        pages.upload_providers(rights, kind)


@pytest.mark.parametrize("role, dialogue, manage", [
    ("bestuurder", False, False),
    ("contractmanager", True, False),
    ("aanbieder", False, False),
    ("beheerder", True, True),
])
def test_dialogue_entry_and_management_rights(role, dialogue, manage):
    assert (pages.may_enter_dialogue(role), pages.may_manage(role)) == (dialogue, manage)
