"""What a command line asks for, checked against what exists (commands.asked; issue 23)."""

from datetime import date

import pytest

from commands import asked
from levers.scope import Period
from tests.builders import add_provider


@pytest.mark.parametrize(("text", "lot"), [("Complex", "complex"), (" ENKELVOUDIG ", "enkelvoudig"),
                                           ("beide", None), (None, None)])
def test_a_perceel_is_read_in_any_case(text, lot):
    assert asked.lot(text) == lot


def test_an_unknown_perceel_is_refused():
    with pytest.raises(ValueError, match="onbekend perceel: complexe"):
        asked.lot("complexe")


def test_providers_must_belong_to_the_region_and_are_given_as_stored(empty_db):
    add_provider(empty_db, provider="P1", regions="IJmond")
    add_provider(empty_db, provider="P2", regions="Achterhoek")
    assert asked.providers(empty_db, "IJmond", ["p1"]) == ("P1",)
    with pytest.raises(ValueError, match=r"onbekende aanbieder in regio IJmond: P2, XYZ \(bekend: P1\)"):
        asked.providers(empty_db, "IJmond", ["P2", "XYZ"])


def test_the_running_month_may_be_asked_but_not_a_later_one():
    today = date(2026, 12, 7)
    assert asked.begun(Period.parse("2026-12"), today) == Period.parse("2026-12")
    assert asked.begun(Period.parse("2026-K4"), today) == Period.parse("2026-K4")
    with pytest.raises(ValueError, match="periode 2027-01 is nog niet begonnen"):
        asked.begun(Period.parse("2027-01"), today)
