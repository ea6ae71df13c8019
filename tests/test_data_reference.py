"""Reference lists the store keeps so that data/ needs no other package of the project."""

from data.contracts import INDICATOR_CODES
from levers.catalogue import CODES


def test_the_indicator_code_list_is_the_catalogues_codes_in_catalogue_order():
    assert INDICATOR_CODES == CODES


def test_the_indicator_code_list_holds_the_28_codes_of_indicators_md_and_via_gemeente():
    # indicators.md lists 8 + 5 + 10 + 5 codes in its four lever tables (counted by hand); issue 13 adds
    # via_gemeente to Data en informatie.
    assert len(INDICATOR_CODES) == 29
    assert len(set(INDICATOR_CODES)) == 29
    assert (INDICATOR_CODES[0], INDICATOR_CODES[-1]) == ("jeugdhulp_per_1000", "aanlevering")
