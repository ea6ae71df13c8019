"""Sentences and chart titles an alderman reads, generated from results."""

from dataclasses import replace

import pytest

from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.series import Series, SeriesPoint
from wording import sentences

IJMOND = Scope("IJmond")


def _result(code, lever, status, value, *, unit="%", norm=None, label=None, name=None):
    return IndicatorResult(
        code=code, lever=lever, name=name or code, unit=unit, value=value, value_label=label, norm=norm,
        margin=None, better="lower", status=status, reason=None, is_suppressed=label is not None,
        denominator=None, denominator_label=None,
    )


def test_signals_put_red_first_then_lever_order_then_catalogue_order():
    results = [
        _result("themadekking", "interaction", "rood", 11.1),
        _result("budgetuitputting", "boundaries", "oranje", 103),
        _result("zonder_verblijf", "shared_values", "oranje", 88),
        _result("wachttijd_mediaan", "shared_values", "rood", 60),
        _result("unieke_jeugdigen", "diagnostics", "grijs", 1234),
        _result("uitval", "diagnostics", "groen", 5),
    ]
    assert [r.code for r in sentences.signals(results)] == [
        "wachttijd_mediaan", "themadekking", "zonder_verblijf", "budgetuitputting",
    ]


def test_an_overrun_budget_is_said_in_percent_over_budget():
    budget = _result("budgetuitputting", "boundaries", "oranje", 103.0, unit="% van budget", norm=100)
    assert sentences.indicator_sentence(budget, IJMOND) == "Het budget dreigt 3,0% te worden overschreden."


def test_the_budget_sentence_names_the_perceel():
    budget = _result("budgetuitputting", "boundaries", "rood", 112.46, unit="% van budget", norm=100)
    assert sentences.indicator_sentence(budget, Scope("IJmond", lot="complex")) == (
        "Het budget voor complexe jeugdhulp dreigt 12,5% te worden overschreden."
    )


def test_a_budget_over_a_strict_norm_but_under_budget_is_not_called_an_overrun():
    budget = _result("budgetuitputting", "boundaries", "rood", 97.0, unit="% van budget", norm=90)
    assert sentences.indicator_sentence(budget, IJMOND) == "De prognose is 97,0% van het budget; de norm is 90,0%."


def test_a_suppressed_refusal_count_is_said_as_less_than_five():
    refusals = _result("weigeringen", "boundaries", "rood", None, unit="aantal", norm=0, label="<5")
    assert sentences.indicator_sentence(refusals, IJMOND) == (
        "Strategische partners weigerden verwijzingen (<5), terwijl de acceptatieplicht geldt."
    )


def test_a_lever_without_signals_gets_its_calm_sentence():
    results = [_result("wachttijd_mediaan", "shared_values", "groen", 30, unit="dagen", norm=42)]
    assert sentences.lever_sentence("shared_values", results, IJMOND) == (
        "De indicatoren van de regiovisie zitten binnen de norm."
    )


def test_a_lever_without_any_judged_value_says_there_is_too_little_data():
    results = [_result("wachttijd_mediaan", "shared_values", "grijs", None, unit="dagen", norm=42)]
    assert sentences.lever_sentence("shared_values", results, IJMOND) == (
        "Te weinig gegevens voor een oordeel over deze periode."
    )


def test_the_data_lever_states_its_facts_even_without_norms():
    results = [
        _result("unieke_jeugdigen", "diagnostics", "grijs", 1234, unit="aantal"),
        _result("instroom", "diagnostics", "grijs", 234, unit="aantal"),
    ]
    assert sentences.lever_sentence("diagnostics", results, IJMOND) == (
        "1.234 jeugdigen kregen jeugdhulp; er startten 234 trajecten."
    )


def _series(values, kind="maand"):
    first = {"maand": Period.month(2024, 11), "kwartaal": Period.parse("2023-K4"), "jaar": Period.parse("2022")}[kind]
    step = {"maand": 1, "kwartaal": 3, "jaar": 12}[kind]
    periods = [first.shifted(step * i) for i in range(len(values))]
    points = tuple(
        SeriesPoint(p.label, p.start, p.end, v, None, 42, "groen", False) for p, v in zip(periods, values)
    )
    return Series("wachttijd_mediaan", points)


@pytest.mark.parametrize(
    ("values", "kind", "title"),
    [
        # months: 12 months before the last (30) is 35
        ([40.0] * 11 + [35.0] + [33.0] * 11 + [30.0], "maand", "Gedaald van 35 dagen naar 30 dagen in een jaar"),
        # quarters: 4 quarters before the last (45) is 40
        ([50.0] * 7 + [40.0, 41.0, 42.0, 43.0, 45.0], "kwartaal", "Gestegen van 40 dagen naar 45 dagen in een jaar"),
        # years: the year before
        ([20.0, 21.0, 22.0, 30.0, 30.0], "jaar", "Gelijk gebleven op 30 dagen in een jaar"),
    ],
)
def test_a_trend_title_compares_the_last_point_with_the_point_a_year_earlier(values, kind, title):
    assert sentences.trend_title("dagen", _series(values, kind)) == title


def test_a_trend_without_a_latest_value_says_so_and_still_has_a_line():
    title = sentences.trend_title("dagen", _series([30.0] * 23 + [None]))
    assert title == "Geen waarde in oktober 2026; eerdere punten staan in de grafiek"


def test_a_trend_whose_latest_value_is_a_small_count_says_it_is_there_but_not_shown():
    small = _series([3.0] * 24)
    points = small.points[:-1] + (replace(small.points[-1], value=None, value_label="<5"),)
    title = sentences.trend_title("aantal", replace(small, points=points))
    assert title == ("Minder dan 5 in oktober 2026 (kleine aantallen worden niet getoond); "
                     "eerdere punten staan in de grafiek")


def test_a_series_of_fewer_than_two_valued_points_has_no_trend():
    assert sentences.trend_title("dagen", _series([None] * 23 + [30.0])) == "Te weinig gegevens voor een verloop"


def test_a_short_series_states_its_latest_value_and_its_period():
    title = sentences.trend_title("dagen", _series([30.0, 31.5]))
    assert title == "31,5 dagen in december 2024"



def test_a_comparison_title_names_highest_and_lowest_and_ignores_hidden_values():
    rows = [
        ("Velsen", _result("x", "diagnostics", "groen", 40.46, unit="per 1.000")),
        ("Beverwijk", _result("x", "diagnostics", "groen", 44.44, unit="per 1.000")),
        ("Heemskerk", _result("x", "diagnostics", "grijs", None, unit="per 1.000", label="<5")),
    ]
    assert sentences.comparison_title(rows) == "Het hoogst in Beverwijk (44,4), het laagst in Velsen (40,5)"


def test_the_header_reads_region_period_and_percelen():
    assert sentences.header("IJmond", Period.parse("2026-10"), IJMOND) == (
        "Jeugdhulp IJmond · oktober 2026 · beide percelen"
    )
    assert sentences.header("IJmond", Period.parse("2025"), Scope("IJmond", lot="enkelvoudig")) == (
        "Jeugdhulp IJmond · 2025 · perceel enkelvoudig"
    )


def test_with_one_municipality_chosen_the_header_names_it_and_with_two_the_region():
    names = {"GM0453": "Velsen", "GM0375": "Beverwijk"}
    velsen = Scope("IJmond", municipalities=("GM0453",))
    assert sentences.header("IJmond", Period.parse("2026-10"), velsen, names) == (
        "Jeugdhulp Velsen · oktober 2026 · beide percelen")
    both = Scope("IJmond", municipalities=("GM0453", "GM0375"))
    assert sentences.header("IJmond", Period.parse("2026-10"), both, names).startswith("Jeugdhulp IJmond ·")



def test_a_certificate_that_only_expires_soon_is_said_so():
    # certificaten 0 expired, oranje by its own rule: the catalogue's sentence for a value of at most 0.
    soon = _result("certificaten", "boundaries", "oranje", 0.0, unit="aantal", norm=0)
    assert sentences.indicator_sentence(soon, IJMOND) == (
        "Bij een aanbieder verloopt binnen 90 dagen het kwaliteitscertificaat."
    )
    expired = _result("certificaten", "boundaries", "rood", 2.0, unit="aantal", norm=0)
    assert sentences.indicator_sentence(expired, IJMOND) == "Aanbieders met een verlopen kwaliteitscertificaat: 2."


def test_an_indicator_without_its_own_sentence_gets_the_general_one():
    result = _result("gemiddelde_duur", "diagnostics", "rood", 200.0, unit="dagen", norm=150, name="Gemiddelde duur")
    assert sentences.indicator_sentence(result, IJMOND) == "Gemiddelde duur is 200 dagen; de norm is 150 dagen."
