import random
from datetime import date

import pytest

from levers.agenda import agenda_items, agenda_window, discussed_themes, theme_names
from levers.catalogue import definition
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from tests.builders import add_dialogue
from wording.agenda import why


def _result(code: str, status: str, value: float | None = 50.0, value_label: str | None = None) -> IndicatorResult:
    """A hand-made shown result: the catalogue entry with its default norm and the given status."""
    entry = definition(code)
    return IndicatorResult(
        code=code, lever=entry.lever, name=entry.name, unit=entry.unit, value=value, value_label=value_label,
        norm=entry.norm, margin=entry.margin, better=entry.better, status=status, reason=None,
        is_suppressed=value_label is not None, denominator=20.0, denominator_label=None,
    )


# Agenda order: rood before oranje, then lever order (gedeelde waarden, kaders, data, interactie),
# then catalogue order within the lever.
EXPECTED_ORDER = [
    "wachttijd_mediaan",  # rood, shared values, theme 9
    "herhaald_beroep",  # rood, shared values (after wachttijd_mediaan in the catalogue), theme 1
    "weigeringen",  # rood, boundaries, theme 6
    "uitval",  # rood, diagnostics, theme 1
    "acties_verlopen",  # rood, interaction, theme 17
    "zonder_verblijf",  # oranje, shared values, theme 3
    "budgetuitputting",  # oranje, boundaries, theme 5
    "doorverwijzing",  # oranje, diagnostics, theme 16
]
RESULTS = [
    _result("wachttijd_mediaan", "rood", 70.0),
    _result("herhaald_beroep", "rood", 25.0),
    _result("weigeringen", "rood", None, "<5"),
    _result("uitval", "rood", 30.0),
    _result("acties_verlopen", "rood", 3.0),
    _result("zonder_verblijf", "oranje", 88.0),
    _result("budgetuitputting", "oranje", 103.0),
    _result("doorverwijzing", "oranje", 12.0),
    _result("volgens_plan", "groen", 80.0),  # groen: never on the agenda
    _result("tevredenheid", "grijs", None),  # grijs: never on the agenda
    _result("crisis_per_1000", "rood", 2.0),  # theme 14 was discussed
    _result("dialoogsessies", "oranje", 1.0),  # oranje, interaction, theme 17 (not discussed)
]
DISCUSSED = {14, 18}


def test_the_agenda_lists_red_then_amber_in_lever_and_catalogue_order():
    shuffled = RESULTS[:]
    random.Random(7).shuffle(shuffled)
    codes = [item.code for item in agenda_items(shuffled, DISCUSSED)]
    # dialoogsessies (oranje, interaction, theme 17) comes last: after doorverwijzing (diagnostics).
    assert codes == [*EXPECTED_ORDER, "dialoogsessies"]


def test_a_discussed_theme_keeps_all_its_indicators_off_the_agenda():
    # Theme 17 covers acties_verlopen and dialoogsessies; theme 1 herhaald_beroep and uitval.
    codes = [item.code for item in agenda_items(RESULTS, {1, 14, 17})]
    assert codes == ["wachttijd_mediaan", "weigeringen", "zonder_verblijf", "budgetuitputting", "doorverwijzing"]


def test_nothing_red_or_amber_means_an_empty_agenda():
    assert agenda_items([_result("uitval", "groen", 10.0), _result("instroom", "grijs", None)], set()) == ()


def test_an_item_shows_value_norm_theme_and_why():
    names = {9: "Wachtlijst/wachttijden"}
    (item,) = agenda_items([_result("wachttijd_mediaan", "rood", 70.0)], set(), names)
    assert (item.value, item.norm, item.margin) == (70.0, 42.0, 14.0)
    assert (item.theme, item.theme_name) == (9, "Wachtlijst/wachttijden")
    assert (item.lever_name, item.status) == ("Gedeelde waarden", "rood")
    # 70 > 42 + 14 = 56: worse than norm plus marge.
    assert why(item) == (
        "Wachttijd van aanmelding tot start (mediaan): 70 dagen (rood), slechter dan de norm 42 dagen plus de marge 14 dagen; "
        "thema 9 (Wachtlijst/wachttijden) is de afgelopen 3 maanden niet besproken."
    )


def test_a_suppressed_refusal_count_is_on_the_agenda_as_less_than_five():
    (item,) = agenda_items([_result("weigeringen", "rood", None, "<5")], set())
    assert (item.value, item.value_label) == (None, "<5")
    assert ": <5 (rood)" in why(item)


def test_an_amber_status_from_an_own_rule_says_so():
    # certificaten 0 expired meets its norm 0, but one expires within 90 days: oranje.
    (item,) = agenda_items([_result("certificaten", "oranje", 0.0)], set())
    assert "een kwaliteitscertificaat verloopt binnen 90 dagen" in why(item)


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2026-10", date(2026, 7, 31), date(2026, 10, 31)),  # rows 2026-08-01 … 2026-10-31
        ("2026-05", date(2026, 2, 28), date(2026, 5, 31)),  # 31 May − 3 months clamps to 28 Feb
        ("2024-05", date(2024, 2, 29), date(2024, 5, 31)),  # leap year: 29 Feb
        ("2026-K3", date(2026, 6, 30), date(2026, 9, 30)),
        ("2026", date(2026, 9, 30), date(2026, 12, 31)),  # a year: its last 3 months
    ],
)
def test_the_agenda_window_is_the_three_months_ending_at_p_end(period, start, end):
    assert agenda_window(Period.parse(period)) == (start, end)


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        (date(2026, 7, 31), False),  # p_end − 3 months: outside (the window excludes its start)
        (date(2026, 8, 1), True),  # first day inside
        (date(2026, 10, 31), True),  # p_end itself
        (date(2026, 11, 1), False),  # after p_end
    ],
)
def test_a_theme_counts_as_discussed_inside_the_window_only(empty_db, day, counts):
    add_dialogue(empty_db, day=day, theme=9)
    themes = discussed_themes(empty_db, Scope(regions="IJmond"), Period.parse("2026-10"))
    assert themes == ({9} if counts else set())


def test_a_provider_agenda_counts_its_own_and_region_wide_rows_only(empty_db):
    day = date(2026, 10, 5)
    add_dialogue(empty_db, day=day, theme=1, provider="P1")  # its own row
    add_dialogue(empty_db, day=day, theme=5)  # region-wide row
    add_dialogue(empty_db, day=day, theme=9, provider="P2")  # another provider's row
    add_dialogue(empty_db, day=day, theme=12, region="Achterhoek")  # another region's row
    october = Period.parse("2026-10")
    assert discussed_themes(empty_db, Scope(regions="IJmond", providers=("P1",)), october) == {1, 5}
    # The whole region: any row of the region, whichever provider.
    assert discussed_themes(empty_db, Scope(regions="IJmond"), october) == {1, 5, 9}


def test_theme_names_come_from_the_reference_list(empty_db):
    names = theme_names(empty_db)
    assert (len(names), names[6], names[9]) == (18, "Acceptatieplicht", "Wachtlijst/wachttijden")



@pytest.mark.parametrize(
    ("code", "value", "shown"),
    [
        ("acties_verlopen", 5.0, ": 5 (rood)"),  # an aantal is a bare number
        ("zonder_verblijf", 86.25, ": 86,3% (rood)"),  # one decimal, comma; a half rounds up, as on the tile
        ("budgetuitputting", 1234.5, ": 1.234,5% van budget (rood)"),  # thousands point
    ],
)
def test_an_item_writes_its_value_the_dutch_way(code, value, shown):
    (item,) = agenda_items([_result(code, "rood", value)], set())
    assert shown in why(item)


def test_an_indicator_whose_variatie_is_zorg_joins_the_agenda_after_rood_and_oranje():
    # groen tevredenheid and grijs kosten_per_jeugdige with variatie zorg come last, in lever order;
    # groen volgens_plan with verbetering stays off; rood uitval and oranje doorverwijzing go first.
    results = [
        _result("kosten_per_jeugdige", "grijs", 1500.0),
        _result("tevredenheid", "groen", 85.0),
        _result("volgens_plan", "groen", 80.0),
        _result("doorverwijzing", "oranje", 12.0),
        _result("uitval", "rood", 30.0),
    ]
    variaties = {"kosten_per_jeugdige": "zorg", "tevredenheid": "zorg", "volgens_plan": "verbetering",
                 "uitval": "gewoon"}
    items = agenda_items(results, set(), None, variaties)
    assert [(item.code, item.variatie) for item in items] == [
        ("uitval", "gewoon"), ("doorverwijzing", ""), ("tevredenheid", "zorg"), ("kosten_per_jeugdige", "zorg"),
    ]
    assert why(items[2]) == (
        "Cliënttevredenheid: 85% positief (groen), het verloop toont een zorgelijke verandering "
        "(procesgrafiek); thema 17 (thema 17) is de afgelopen 3 maanden niet besproken."
    )


def test_a_worrying_change_is_off_the_agenda_when_its_theme_was_discussed():
    items = agenda_items([_result("tevredenheid", "groen", 85.0)], {17}, None, {"tevredenheid": "zorg"})
    assert items == ()
