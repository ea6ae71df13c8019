"""The reporting burden is counted from the `uitkomsten` contract (indicators.md, "Reporting burden")."""

from data.ingest.contracts import number_columns
from levers.deliveries import Burden, burden


def test_the_number_columns_of_uitkomsten_are_the_five_a_provider_fills_in():
    assert number_columns("uitkomsten") == ["afgesloten_trajecten", "doelen_behaald", "tevredenheid_respondenten",
                                            "tevredenheid_positief", "weigeringen"]


def test_the_burden_is_five_numbers_a_quarter_and_twenty_a_year_without_a_region_yet():
    assert burden() == Burden(numbers=5, per_region=False)
    assert burden().yearly == 20
