"""The catalogue carries each indicator's rules and Dutch texts (issue 9: one place per indicator)."""

import pytest

from levers.catalogue import CATALOGUE, QUARTERLY, definition
from wording.sentences import COMPARED, HEADLINES


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda entry: entry.code)
def test_every_indicator_has_a_plain_dutch_description(entry):
    assert entry.description.strip() and entry.description != entry.definition


def test_every_headline_has_a_short_name_and_every_compared_indicator_a_label():
    assert all(definition(code).short_name for codes in HEADLINES.values() for code in codes)
    assert all(definition(code).compare_label for code in COMPARED)


def test_the_indicators_on_quarterly_uitkomsten_have_a_quarterly_cadence():
    # indicators.md: doelrealisatie, tevredenheid, weigeringen and aanlevering come from `uitkomsten`.
    assert {entry.code for entry in CATALOGUE if entry.cadence == QUARTERLY} == {
        "doelrealisatie", "tevredenheid", "weigeringen", "aanlevering",
    }


def test_only_refusals_keep_their_status_when_suppressed_and_only_certificates_have_an_own_rule():
    assert [entry.code for entry in CATALOGUE if entry.keeps_status_when_suppressed] == ["weigeringen"]
    assert [entry.code for entry in CATALOGUE if entry.own_rule] == ["certificaten"]
