"""Reference lists the store keeps so that data/ needs no other package of the project."""

from data.ingest.contracts import INDICATOR_CODES
from levers.catalogue import CODES


def test_the_indicator_code_list_is_the_catalogues_codes_in_catalogue_order():
    assert INDICATOR_CODES == CODES


def test_the_indicator_code_list_holds_the_codes_of_indicators_md_built_so_far_and_via_gemeente():
    # indicators.md (version 3) lists 9 + 7 + 11 + 5 codes in its four lever tables (counted by hand); of
    # them all are built (wachtenden and lang_wachtenden by issue 20); issue 13 adds via_gemeente: 32 + 1.
    assert len(INDICATOR_CODES) == 33
    assert len(set(INDICATOR_CODES)) == 33
    assert (INDICATOR_CODES[0], INDICATOR_CODES[-1]) == ("jeugdhulp_per_1000", "aanlevering")
