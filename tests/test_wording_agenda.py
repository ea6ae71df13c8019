"""The agenda's numbers and sentences come from wording (wording.agenda for the sentence and the command
line, wording.fmt for the screen and the agenda document); every expected string is written by hand."""

import pytest

from levers.agenda import AgendaItem, Judgement
from levers.norms import Status
from wording import fmt
from wording.agenda import dutch_number, shown_value, why


def _item(unit: str, value: float | None, *, label: str | None = None, code: str = "zonder_verblijf",
          name: str = "Jeugdhulp zonder verblijf", status: Status = Status.RED, norm: float | None = 90.0,
          margin: float | None = 3.0, judgement: Judgement = Judgement.BEYOND_MARGIN) -> AgendaItem:
    return AgendaItem(code=code, lever="shared_values", lever_name="Gedeelde waarden", name=name, unit=unit,
                      status=status, value=value, value_label=label, norm=norm, margin=margin, theme=3,
                      theme_name="Ambulantisering", judgement=judgement)


@pytest.mark.parametrize(("value", "written"), [
    (90, "90"),
    (48.45, "48,5"),  # one decimal, a half rounds up
    (1234.5, "1.234,5"),  # thousands point, decimal comma
    (1436, "1.436"),
    (0.04, "0"),
    (-2.25, "-2,3"),  # half-up away from zero, as on the tiles
    (None, "–"),
])
def test_the_agenda_writes_a_number_the_dutch_way(value, written):
    assert dutch_number(value) == written


@pytest.mark.parametrize(("unit", "value", "label", "agenda", "screen"), [
    # (unit, value, label) → the command line and the sentence; the screen and the agenda document
    ("%", 90.0, None, "90%", "90,0%"),
    ("% van 18", 61.11, None, "61,1% van 18", "61,1%"),
    ("euro", 1436.0, None, "1.436 euro", "€ 1.436"),
    ("dagen", 48.5, None, "48,5 dagen", "48,5 dagen"),
    ("sessies", 1.0, None, "1 sessie", "1"),
    ("sessies", 3.0, None, "3 sessies", "3"),
    ("aantal", 1234.0, None, "1.234", "1.234"),
    ("aantal", None, "<5", "<5", "<5"),
    ("%", None, None, "–", "–"),
])
def test_an_item_shows_its_value_in_its_unit(unit, value, label, agenda, screen):
    item = _item(unit, value, label=label)
    assert (shown_value(item), fmt.value(item)) == (agenda, screen)


@pytest.mark.parametrize(("status", "judgement", "middle"), [
    (Status.RED, Judgement.BEYOND_MARGIN, "slechter dan de norm 90% plus de marge 3 procentpunt"),
    (Status.AMBER, Judgement.WITHIN_MARGIN, "slechter dan de norm 90%, binnen de marge 3 procentpunt"),
    (Status.GREEN, Judgement.CONCERN, "het verloop toont een zorgelijke verandering (procesgrafiek)"),
    (Status.RED, Judgement.OWN_RULE, "status rood volgens de eigen regel"),  # zonder_verblijf has no own rule text
])
def test_each_judgement_has_its_own_words(status, judgement, middle):
    item = _item("%", 85.0, status=status, judgement=judgement)
    assert why(item) == (f"Jeugdhulp zonder verblijf: 85% ({status}), {middle}; "
                         "thema 3 (Ambulantisering) is de afgelopen 3 maanden niet besproken.")


def test_an_own_rule_is_worded_by_the_catalogue_and_an_unknown_theme_by_its_number():
    item = _item("aantal", 0.0, code="certificaten", name="Aanbieders met verlopen kwaliteitscertificaat",
                 status=Status.AMBER, norm=0.0, margin=0.0, judgement=Judgement.OWN_RULE)
    item = AgendaItem(**{**item.__dict__, "theme": 12, "theme_name": ""})
    assert why(item) == ("Aanbieders met verlopen kwaliteitscertificaat: 0 (oranje), een kwaliteitscertificaat "
                         "verloopt binnen 90 dagen; thema 12 (thema 12) is de afgelopen 3 maanden niet besproken.")

