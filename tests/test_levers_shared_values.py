"""Gedeelde waarden on hand-made datasets; every expected value is worked out in the test.

Most tests switch the small-number thresholds off (`exact`) so that a handful of rows shows the
arithmetic; the tests marked "as shown" keep them on.
"""

from datetime import date

import pytest

from levers import suppression
from levers.reasons import Reason
from levers.registry import lever_indicators, lever_series
from levers.catalogue import of_lever
from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import (
    BEVERWIJK, HAARLEM, HEEMSKERK, VELSEN, add_dialogue, add_outcome, add_population, add_provider,
    add_trajectory,
)

IJMOND = Scope("IJmond")


@pytest.fixture
def exact(monkeypatch):
    """Small-number suppression off: thresholds are settings, the arithmetic is what is tested here."""
    monkeypatch.setattr(suppression, "SMALL_COUNT_LIMIT", 0)
    monkeypatch.setattr(suppression, "MIN_DENOMINATOR", 0)


def shown(con, code, scope=IJMOND, period="2024-02"):
    """The shown result of one indicator, computed by its lever; 2024-02 holds a leap day."""
    return indicator(con, code, scope, Period.parse(period))


# jeugdhulp_per_1000 ------------------------------------------------------------------------------
def _care_population(con):
    add_population(con, municipality=VELSEN, year=2023, youths=1000)
    add_population(con, municipality=VELSEN, year=2024, youths=2000)
    add_population(con, municipality=BEVERWIJK, year=2022, youths=500)  # its latest year up to 2024
    add_population(con, municipality=HEEMSKERK, year=2025, youths=800)  # later than 2024: not used then
    add_population(con, municipality=HAARLEM, year=2024, youths=9999)  # another region


def _care_trajectories(con):
    add_trajectory(con, client="c1", start=date(2024, 1, 10))
    add_trajectory(con, client="c1", start=date(2024, 2, 5), provider="P2", lot="enkelvoudig")  # parallel
    add_trajectory(con, client="c2", start=date(2023, 5, 1), end=date(2024, 1, 31))  # ends the day before
    add_trajectory(con, client="c3", start=date(2024, 2, 29))  # starts on the last day
    add_trajectory(con, client="c4", start=date(2023, 1, 1), end=date(2024, 2, 1), municipality=BEVERWIJK)
    add_trajectory(con, client="c1", start=date(2024, 2, 10), municipality=BEVERWIJK)  # another person
    add_trajectory(con, client="c5", start=date(2024, 1, 1), municipality=HAARLEM)  # another region
    add_trajectory(con, client="c6", start=date(2024, 3, 1))  # after February


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        # persons Velsen c1, c3 and Beverwijk c4, c1 = 4; youths 2000 (Velsen 2024) + 500 (Beverwijk 2022)
        ("2024-02", 4 / 2500 * 1000),  # = 1.6
        # + Velsen c2 (ends 2024-01-31) and c6 (starts 2024-03-01) = 6
        ("2024-K1", 6 / 2500 * 1000),  # = 2.4
        # open ones: Velsen c1, c3, c6, Beverwijk c1 = 4; youths 2000 (Velsen 2024) + 500 + 800 (Heemskerk)
        ("2025", 4 / 3300 * 1000),
    ],
)
def test_jeugdhulp_per_1000_counts_persons_over_the_latest_population(empty_db, period, expected):
    _care_population(empty_db)
    _care_trajectories(empty_db)
    result = shown(empty_db, "jeugdhulp_per_1000", period=period)
    assert result.value == pytest.approx(expected)
    assert result.status == "grijs"  # no default norm


def test_jeugdhulp_per_1000_is_not_shown_with_a_provider_filter(empty_db):
    _care_population(empty_db)
    _care_trajectories(empty_db)
    result = shown(empty_db, "jeugdhulp_per_1000", scope=Scope("IJmond", providers=("P1",)))
    assert (result.value, result.status) == (None, "grijs")
    assert result.reason == Reason.PROVIDER_FILTER


def test_jeugdhulp_per_1000_without_population_has_no_value(empty_db):
    _care_trajectories(empty_db)
    result = shown(empty_db, "jeugdhulp_per_1000")
    assert (result.value, result.reason) == (None, Reason.NO_POPULATION)


# crisis_per_1000 ---------------------------------------------------------------------------------
def _crisis(con):
    add_population(con, municipality=VELSEN, year=2024, youths=1000)
    add_trajectory(con, client="a", start=date(2024, 2, 29), category=46)  # last day of February
    add_trajectory(con, client="b", start=date(2024, 1, 31), category=46)  # active, but started before
    add_trajectory(con, client="c", start=date(2024, 2, 1), category=46, end=date(2024, 2, 10))
    add_trajectory(con, client="c", start=date(2024, 2, 15), category=46)  # same person again
    add_trajectory(con, client="d", start=date(2024, 2, 3), category=45)  # no crisis
    add_trajectory(con, client="e", start=date(2024, 3, 1), category=46)  # March


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2024-02", 2 / 1000 * 1000),  # a, c = 2 persons
        ("2024-K1", 4 / 1000 * 1000),  # a, b, c, e = 4 persons
    ],
)
def test_crisis_per_1000_counts_persons_with_a_crisis_start(empty_db, exact, period, expected):
    _crisis(empty_db)
    assert shown(empty_db, "crisis_per_1000", period=period).value == pytest.approx(expected)


def test_crisis_per_1000_is_not_shown_with_a_provider_filter(empty_db):
    _crisis(empty_db)
    result = shown(empty_db, "crisis_per_1000", scope=Scope("IJmond", providers=("P1",)))
    assert (result.value, result.reason) == (None, Reason.PROVIDER_FILTER)


# zonder_verblijf ---------------------------------------------------------------------------------
def _stays(con):
    add_trajectory(con, client="a", start=date(2024, 1, 1), category=45)
    add_trajectory(con, client="a", start=date(2024, 2, 2), category=45)  # parallel, same person
    add_trajectory(con, client="b", start=date(2023, 6, 1), category=35, lot="enkelvoudig", provider="P2")
    add_trajectory(con, client="c", start=date(2023, 6, 1), category=44)
    add_trajectory(con, client="d", start=date(2024, 2, 7), category=46)  # crisis is no stay
    add_trajectory(con, client="e", start=date(2023, 6, 1), end=date(2024, 2, 1), category=45)
    add_trajectory(con, client="f", start=date(2023, 6, 1), end=date(2024, 1, 31), category=36)  # not active
    add_trajectory(con, client="g", start=date(2024, 2, 29), category=45)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        # active: a 45, a 45, b 35, c 44, d 46, e 45, g 45 = 7; without stay: a, a, d, e, g = 5
        (IJMOND, 5 / 7 * 100),
        # perceel complex drops b (35, enkelvoudig): 6 active, 5 without stay
        (Scope("IJmond", lot="complex"), 5 / 6 * 100),
        # provider P2 keeps only b: 1 active, 0 without stay
        (Scope("IJmond", providers=("P2",)), 0 / 1 * 100),
    ],
)
def test_zonder_verblijf_is_the_share_of_active_trajectories_without_stay(empty_db, exact, scope, expected):
    _stays(empty_db)
    result = shown(empty_db, "zonder_verblijf", scope=scope)
    assert result.value == pytest.approx(expected)
    assert result.denominator == {IJMOND: 7, Scope("IJmond", lot="complex"): 6}.get(scope, 1)


def test_zonder_verblijf_as_shown_needs_ten_trajectories(empty_db):
    _stays(empty_db)  # 7 active trajectories < 10
    result = shown(empty_db, "zonder_verblijf")
    assert (result.value, result.status, result.is_suppressed) == (None, "grijs", True)


# wachttijd_mediaan -------------------------------------------------------------------------------
def add_waits(con):
    """Waits of trajectories started in 2024-02: 31, 28, 0, 62 days; and some that do not count."""
    add_trajectory(con, client="a", start=date(2024, 2, 1), registered=date(2024, 1, 1))  # 31
    add_trajectory(con, client="b", start=date(2024, 2, 29), registered=date(2024, 2, 1))  # 28
    add_trajectory(con, client="c", start=date(2024, 2, 10), registered=date(2024, 2, 10))  # 0
    add_trajectory(con, client="d", start=date(2024, 2, 20), registered=date(2023, 12, 20))  # 11+31+20 = 62
    add_trajectory(con, client="e", start=date(2024, 2, 15))  # no aanmelddatum
    add_trajectory(con, client="f", start=date(2024, 1, 31), registered=date(2024, 1, 21))  # 10, January
    add_trajectory(con, client="g", start=date(2024, 3, 1), registered=date(2024, 2, 1))  # 29 (leap Feb), March


@pytest.mark.parametrize(
    ("period", "expected", "count"),
    [
        ("2024-02", (28 + 31) / 2, 4),  # sorted 0, 28, 31, 62: mean of the middle two = 29.5
        ("2024-K1", (28 + 29) / 2, 6),  # sorted 0, 10, 28, 29, 31, 62 = 28.5
        ("2024-03", 29, 1),  # one value
    ],
)
def test_wachttijd_mediaan_is_the_median_wait_of_starts_with_aanmelddatum(empty_db, exact, period, expected, count):
    add_waits(empty_db)
    result = shown(empty_db, "wachttijd_mediaan", period=period)
    assert (result.value, result.denominator) == (pytest.approx(expected), count)
    assert result.status == "groen"  # <= 42


def test_wachttijd_mediaan_as_shown_needs_ten_starts(empty_db):
    add_waits(empty_db)
    result = shown(empty_db, "wachttijd_mediaan")
    assert (result.value, result.status, result.denominator_label) == (None, "grijs", "<5")


# herhaald_beroep ---------------------------------------------------------------------------------
def _returns(con):
    """Trajectories ended volgens plan and what followed. For 2024-02 the base window is
    (2024-02-29 − 24 months, 2024-02-29 − 12 months] = (2022-02-28, 2023-02-28]."""
    add_trajectory(con, client="a", start=date(2022, 1, 1), end=date(2023, 2, 28))  # last day of the window
    add_trajectory(con, client="a", start=date(2024, 2, 28), provider="P2", lot="enkelvoudig")  # +365 days
    add_trajectory(con, client="b", start=date(2021, 1, 1), end=date(2022, 2, 28))  # before the window
    add_trajectory(con, client="c", start=date(2021, 1, 1), end=date(2022, 3, 1))
    add_trajectory(con, client="c", start=date(2023, 3, 1))  # 2022-03-01 + 365 days
    add_trajectory(con, client="d", start=date(2021, 1, 1), end=date(2022, 6, 1))
    add_trajectory(con, client="d", start=date(2023, 6, 2))  # + 366 days: too late
    add_trajectory(con, client="e", start=date(2021, 1, 1), end=date(2022, 10, 10), reason=32)  # not reden 31
    add_trajectory(con, client="e", start=date(2022, 11, 1))
    add_trajectory(con, client="k", start=date(2021, 1, 1), end=date(2022, 7, 1), reason=20)  # not reden 31
    add_trajectory(con, client="k", start=date(2022, 8, 1))
    add_trajectory(con, client="f", start=date(2021, 1, 1), end=date(2022, 12, 1))
    add_trajectory(con, client="f", start=date(2022, 12, 1))  # same day: not after einddatum
    add_trajectory(con, client="g", start=date(2021, 1, 1), end=date(2023, 1, 15))
    add_trajectory(con, client="g", start=date(2023, 2, 1), municipality=BEVERWIJK)  # another person
    add_trajectory(con, client="h", start=date(2021, 1, 1), end=date(2022, 5, 5), provider="P2")
    add_trajectory(con, client="h", start=date(2022, 5, 6))  # the next day, at P1
    add_trajectory(con, client="i", start=date(2021, 1, 1), end=date(2023, 3, 1))
    add_trajectory(con, client="i", start=date(2024, 2, 29))  # 2023-03-01 + 365 days (leap year)
    add_trajectory(con, client="j", start=date(2021, 1, 1), end=date(2023, 3, 20))


@pytest.mark.parametrize(
    ("scope", "period", "expected", "base"),
    [
        # B = a, c, d, f, g, h (6); returned a, c, h (3)
        (IJMOND, "2024-02", 3 / 6 * 100, 6),
        # (2022-03-31, 2023-03-31]: B = a, d, f, g, h, i, j (7); returned a, h, i (3)
        (IJMOND, "2024-03", 3 / 7 * 100, 7),
        # year 2024: (2022-12-31, 2023-12-31]: B = a, g, i, j (4); returned a, i (2)
        (IJMOND, "2024", 2 / 4 * 100, 4),
        # provider P2 narrows B to h, whose return at P1 still counts: 1 / 1
        (Scope("IJmond", providers=("P2",)), "2024-02", 1 / 1 * 100, 1),
        # perceel enkelvoudig: no base trajectory (all ended in complex)
        (Scope("IJmond", lot="enkelvoudig"), "2024-02", None, 0),
    ],
)
def test_herhaald_beroep_is_the_share_of_planned_endings_followed_by_new_care(
    empty_db, exact, scope, period, expected, base
):
    _returns(empty_db)
    result = shown(empty_db, "herhaald_beroep", scope=scope, period=period)
    assert result.value == (None if expected is None else pytest.approx(expected))
    assert result.denominator == base


# onderwijs_dialoog -------------------------------------------------------------------------------
def _education_sessions(con):
    """For 2024-02 the 12 months are (2023-02-28, 2024-02-29]."""
    add_dialogue(con, day=date(2023, 2, 28), theme=18, provider="P1")  # just before the window
    add_dialogue(con, day=date(2023, 3, 1), theme=18, provider="P1")
    add_dialogue(con, day=date(2023, 3, 1), theme=18, provider="P1", subject="tweede onderwerp")  # same session
    add_dialogue(con, day=date(2023, 3, 1), theme=18)  # region-wide: a session of its own
    add_dialogue(con, day=date(2024, 2, 28), theme=18, provider="P3")
    add_dialogue(con, day=date(2024, 2, 29), theme=18, provider="P2")
    add_dialogue(con, day=date(2024, 1, 10), theme=17, provider="P1")  # another theme
    add_dialogue(con, day=date(2024, 1, 10), theme=18, provider="P1", region="Zuid-Kennemerland")
    add_dialogue(con, day=date(2024, 3, 1), theme=18, provider="P1")  # after p_end


@pytest.mark.parametrize(
    ("scope", "period", "expected", "status"),
    [
        (IJMOND, "2024-02", 4, "groen"),  # (03-01, P1), (03-01, regio), (2024-02-28, P3), (02-29, P2)
        (Scope("IJmond", providers=("P1",)), "2024-02", 2, "groen"),  # (03-01, P1), (03-01, regio)
        (Scope("IJmond", providers=("P3",)), "2024-02", 2, "groen"),  # (03-01, regio), (02-28, P3)
        (Scope("IJmond", providers=("P4",)), "2024-02", 1, "oranje"),  # only (03-01, regio); 2 − 1 <= 1
        # (2024-02-28, 2025-02-28] holds the leap day: (2024-02-29, P2), (2024-03-01, P1)
        (IJMOND, "2025-02", 2, "groen"),
        (IJMOND, "2024", 3, "groen"),  # (2023-12-31, 2024-12-31]: 02-28 P3, 02-29 P2, 03-01 P1
        (IJMOND, "2022-12", 0, "rood"),  # (2021-12-31, 2022-12-31]: none
    ],
)
def test_onderwijs_dialoog_counts_distinct_sessions_on_theme_18(empty_db, scope, period, expected, status):
    _education_sessions(empty_db)
    result = shown(empty_db, "onderwijs_dialoog", scope=scope, period=period)
    assert (result.value, result.status) == (expected, status)


# aanbieders_per_jeugdige -------------------------------------------------------------------------
def _provider_mix(con):
    add_trajectory(con, client="a", start=date(2024, 1, 1), provider="P1")
    add_trajectory(con, client="a", start=date(2024, 2, 1), provider="P2", lot="enkelvoudig")  # {P1, P2}
    add_trajectory(con, client="b", start=date(2024, 1, 1), provider="P1")
    add_trajectory(con, client="b", start=date(2024, 2, 9), provider="P1")  # parallel, {P1}
    add_trajectory(con, client="c", start=date(2024, 1, 1), provider="P3", lot="enkelvoudig")  # {P3}
    add_trajectory(con, client="d", start=date(2024, 1, 1), provider="P1")
    add_trajectory(con, client="d", start=date(2023, 1, 1), end=date(2024, 1, 31), provider="P2")  # ended: {P1}
    add_trajectory(con, client="e", start=date(2024, 1, 1), provider="P1")
    add_trajectory(con, client="e", start=date(2024, 2, 29), provider="P3", lot="enkelvoudig")  # {P1, P3}
    add_trajectory(con, client="a", start=date(2024, 1, 1), provider="P1", municipality=BEVERWIJK)  # {P1}


@pytest.mark.parametrize(
    ("scope", "expected", "persons", "status"),
    [
        # persons with a complex trajectory: a 2, b 1, d 1, e 2, Beverwijk a 1 = 7 / 5 = 1.4
        (Scope("IJmond", lot="complex"), 7 / 5, 5, "oranje"),  # 1.3 < 1.4 <= 1.5
        # both percelen add c 1: 8 / 6
        (IJMOND, 8 / 6, 6, "oranje"),
        # provider P3: c {P3} 1, e {P1, P3} 2 = 3 / 2
        (Scope("IJmond", providers=("P3",)), 3 / 2, 2, "oranje"),
        # provider P2: a {P1, P2} 2 (d's P2 trajectory ended in January) = 2 / 1
        (Scope("IJmond", providers=("P2",)), 2 / 1, 1, "rood"),
    ],
)
def test_aanbieders_per_jeugdige_counts_providers_of_all_active_trajectories(
    empty_db, exact, scope, expected, persons, status
):
    _provider_mix(empty_db)
    result = shown(empty_db, "aanbieders_per_jeugdige", scope=scope)
    assert (result.value, result.denominator, result.status) == (pytest.approx(expected), persons, status)


# tevredenheid ------------------------------------------------------------------------------------
def add_outcome_providers(con):
    """P1 complex, P2 enkelvoudig, P3 both percelen in two regions, P4 complex in another region,
    P5 a development partner (complex); all with IJmond's role defaults unless stated."""
    add_provider(con, provider="P1", lot="complex")
    add_provider(con, provider="P2", lot="enkelvoudig")
    add_provider(con, provider="P3", lot="beide", regions="IJmond / Zuid-Kennemerland")
    add_provider(con, provider="P4", lot="complex", regions="Zuid-Kennemerland")
    add_provider(con, provider="P5", lot="complex", role="ontwikkelpartner")


def quarter(text):
    period = Period.parse(text)
    return {"quarter_start": period.start, "quarter_end": period.end}


def _satisfaction(con):
    add_outcome_providers(con)
    add_outcome(con, **quarter("2024-K1"), provider="P1", responses=20, positive=16)
    add_outcome(con, **quarter("2024-K1"), provider="P3", responses=10, positive=9)
    add_outcome(con, **quarter("2024-K1"), provider="P3", lot="enkelvoudig", responses=10, positive=5)
    add_outcome(con, **quarter("2024-K1"), provider="P2", lot="enkelvoudig", responses=10, positive=6)
    add_outcome(con, **quarter("2024-K1"), provider="P4", responses=100, positive=0)  # other region
    add_outcome(con, **quarter("2023-K4"), provider="P1", responses=50, positive=0)  # before K1
    add_outcome(con, **quarter("2024-K2"), provider="P1", responses=50, positive=50)  # after K1


@pytest.mark.parametrize(
    ("scope", "period", "expected", "respondents", "status"),
    [
        (IJMOND, "2024-K1", (16 + 9 + 5 + 6) / (20 + 10 + 10 + 10) * 100, 50, "rood"),  # 72 < 80 − 5
        (IJMOND, "2024-03", 36 / 50 * 100, 50, "rood"),  # March ends K1: K1 reports
        (IJMOND, "2024", (36 + 50) / (50 + 50) * 100, 100, "groen"),  # 86
        (Scope("IJmond", lot="complex"), "2024-K1", (16 + 9) / (20 + 10) * 100, 30, "groen"),  # 83.3
        (Scope("IJmond", lot="enkelvoudig"), "2024-K1", (5 + 6) / (10 + 10) * 100, 20, "rood"),  # 55
        (Scope("IJmond", providers=("P3",)), "2024-K1", (9 + 5) / (10 + 10) * 100, 20, "rood"),  # 70
        (Scope("IJmond", providers=("P4",)), "2024-K1", None, 0, "grijs"),  # not in the region
    ],
)
def test_tevredenheid_sums_positive_over_respondents_of_providers_in_scope(
    empty_db, scope, period, expected, respondents, status
):
    _satisfaction(empty_db)
    result = shown(empty_db, "tevredenheid", scope=scope, period=period)
    assert result.value == (None if expected is None else pytest.approx(expected))
    assert (result.denominator, result.status) == (respondents, status)


def test_a_municipality_filter_narrows_trajectories_but_not_provider_level_or_dialogue_figures(empty_db):
    _care_population(empty_db)
    _care_trajectories(empty_db)
    _education_sessions(empty_db)
    _satisfaction(empty_db)
    beverwijk = Scope("IJmond", municipalities=(BEVERWIJK,))
    # Beverwijk's persons c4 and c1 over its 500 youths (2022)
    assert shown(empty_db, "jeugdhulp_per_1000", scope=beverwijk).value == pytest.approx(2 / 500 * 1000)
    # as IJmond (its K1 rows)
    assert shown(empty_db, "tevredenheid", scope=beverwijk, period="2024-K1").value == pytest.approx(36 / 50 * 100)
    assert shown(empty_db, "onderwijs_dialoog", scope=beverwijk).value == 4  # as IJmond


# the lever as a whole ----------------------------------------------------------------------------
def test_compute_over_three_periods_equals_indicators_per_period(empty_db):
    _care_population(empty_db)
    _care_trajectories(empty_db)
    add_waits(empty_db)
    _returns(empty_db)
    _education_sessions(empty_db)
    _satisfaction(empty_db)
    periods = [Period.parse("2024-01"), Period.parse("2024-02"), Period.parse("2024-K1")]
    scope = Scope("IJmond", lot="complex")
    series = lever_series(empty_db, "shared_values", scope, periods)
    assert series == [lever_indicators(empty_db, "shared_values", scope, period) for period in periods]
    assert [r.code for r in series[0]] == [d.code for d in of_lever("shared_values")]

