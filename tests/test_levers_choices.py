"""The filter choices: regions and their municipalities, from the reference list and uploads."""

from levers import choices
from tests.builders import add_population


def test_regions_are_the_four_regions_of_the_reference_list_alphabetically(empty_db):
    # gemeenten_2025.csv names four jeugdregio's; every other municipality has none.
    assert choices.regions(empty_db) == ("Achterhoek", "Helmond-De Peel", "IJmond", "Zuid-Kennemerland")


def test_municipalities_of_ijmond_are_its_three_by_name(empty_db):
    assert choices.municipalities(empty_db, "IJmond") == (
        ("GM0375", "Beverwijk"), ("GM0396", "Heemskerk"), ("GM0453", "Velsen"),
    )


def test_an_uploaded_region_override_moves_a_municipality_and_adds_a_region(empty_db):
    # Haarlemmermeer (GM0394) has no region in the reference list; an upload places it in "Amstelland".
    add_population(empty_db, year=2026, youths=30_000, municipality="GM0394", region="Amstelland")
    assert "Amstelland" in choices.regions(empty_db)
    assert choices.municipalities(empty_db, "Amstelland") == (("GM0394", "Haarlemmermeer"),)


def test_an_unknown_region_has_no_municipalities(empty_db):
    assert choices.municipalities(empty_db, "Nergensland") == ()
