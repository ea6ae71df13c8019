"""Kaders en randvoorwaarden on hand-made datasets; every expected value is worked out in the test."""

from datetime import date

import pytest

from levers.registry import lever_indicators, lever_series
from levers.catalogue import of_lever
from levers.reasons import Reason
from levers.scope import Period, Scope
from tests.builders import (
    BEVERWIJK, HAARLEM, VELSEN, add_budget, add_cost, add_norm, add_outcome, add_provider, add_trajectory,
)
from tests.test_levers_shared_values import (  # noqa: F401 (exact is a fixture)
    IJMOND, add_outcome_providers, add_waits, exact, quarter, shown,
)



# budgetuitputting --------------------------------------------------------------------------------
def _budget(con):
    add_budget(con, year=2024, municipality=VELSEN, lot="complex", budget=120_000)  # perceel level
    add_budget(con, year=2024, municipality=VELSEN, lot="complex", provider="P1", budget=50_000)
    add_budget(con, year=2024, municipality=VELSEN, lot="enkelvoudig", provider="P2", budget=30_000)
    add_budget(con, year=2024, municipality=VELSEN, lot="enkelvoudig", provider="P3", budget=30_000)
    add_budget(con, year=2024, municipality=BEVERWIJK, lot="complex", budget=60_000)
    add_budget(con, year=2024, municipality=HAARLEM, lot="complex", budget=999_999)  # another region
    add_budget(con, year=2023, municipality=VELSEN, lot="complex", budget=1)  # another year
    add_cost(con, month=date(2024, 1, 1), amount=10_000)  # Velsen, P1, complex
    add_cost(con, month=date(2024, 2, 1), amount=10_000)
    add_cost(con, month=date(2024, 2, 1), amount=6_000, provider="P2", lot="enkelvoudig")
    add_cost(con, month=date(2024, 1, 1), amount=4_000, municipality=BEVERWIJK)
    add_cost(con, month=date(2024, 1, 1), amount=-1_000, municipality=BEVERWIJK, kind="correctie")
    add_cost(con, month=date(2024, 3, 1), amount=50_000)  # after February
    add_cost(con, month=date(2023, 12, 1), amount=99_999)  # the year before
    add_cost(con, month=date(2024, 2, 1), amount=77_777, municipality=HAARLEM)  # another region


@pytest.mark.parametrize(
    ("scope", "period", "spent", "months", "budget", "status"),
    [
        # Σ Jan–Feb = 10000 + 10000 + 6000 + 4000 − 1000 = 29000; budget 120000 (Velsen complex, perceel
        # row wins over P1's) + 30000 + 30000 (Velsen enkelvoudig has only provider rows) + 60000
        (IJMOND, "2024-02", 29_000, 2, 240_000, "groen"),  # 29000 / 2 × 12 / 240000 = 72.5%
        (IJMOND, "2024-K1", 29_000 + 50_000, 3, 240_000, "rood"),  # 79000 / 3 × 12 / 240000 = 131.7%
        (IJMOND, "2024", 79_000, 12, 240_000, "groen"),  # 32.9%
        (Scope("IJmond", lot="complex"), "2024-02", 23_000, 2, 180_000, "groen"),  # 76.7%
        (Scope("IJmond", lot="enkelvoudig"), "2024-02", 6_000, 2, 60_000, "groen"),  # 60%
        # provider P1: its costs 10000 + 10000 + 4000 − 1000 and only its own budget row
        (Scope("IJmond", providers=("P1",)), "2024-02", 23_000, 2, 50_000, "rood"),  # 276%
        (Scope("IJmond", providers=("P2", "P3")), "2024-02", 6_000, 2, 60_000, "groen"),  # 60%
        (Scope("IJmond", municipalities=(BEVERWIJK,)), "2024-02", 3_000, 2, 60_000, "groen"),  # 30%
    ],
)
def test_budgetuitputting_forecasts_the_year_from_spending_so_far(empty_db, scope, period, spent, months, budget,
                                                                  status):
    _budget(empty_db)
    result = shown(empty_db, "budgetuitputting", scope=scope, period=period)
    assert result.value == pytest.approx(spent / months * 12 / budget * 100)
    assert {key: result.detail[key] for key in ("gerealiseerd", "pro_rata")} == {
        "gerealiseerd": pytest.approx(spent / budget * 100), "pro_rata": pytest.approx(months / 12 * 100),
    }
    assert (result.denominator, result.status) == (budget, status)


def test_budgetuitputting_with_a_provider_without_budget_rows_is_grey(empty_db):
    _budget(empty_db)
    result = shown(empty_db, "budgetuitputting", scope=Scope("IJmond", providers=("P4",)))
    assert (result.value, result.status) == (None, "grijs")
    assert result.reason == Reason.NO_PROVIDER_BUDGET


def test_budgetuitputting_without_budget_for_the_year_is_grey(empty_db):
    _budget(empty_db)
    result = shown(empty_db, "budgetuitputting", period="2025-03")  # budgets exist for 2023 and 2024 only
    assert (result.value, result.reason) == (None, Reason.NO_BUDGET)


# weigeringen -------------------------------------------------------------------------------------
def _refusals(con):
    """All roles are strategisch_partner (builder default) except P5; P4 works in another region."""
    add_outcome_providers(con)
    add_outcome(con, **quarter("2024-K1"), provider="P1", refusals=3)
    add_outcome(con, **quarter("2024-K1"), provider="P3", refusals=2)
    add_outcome(con, **quarter("2024-K1"), provider="P3", lot="enkelvoudig", refusals=7)  # not complex
    add_outcome(con, **quarter("2024-K1"), provider="P2", lot="enkelvoudig", refusals=4)  # not complex
    add_outcome(con, **quarter("2024-K1"), provider="P5", refusals=6)  # not a strategic partner
    add_outcome(con, **quarter("2024-K1"), provider="P4", refusals=8)  # another region
    add_outcome(con, **quarter("2023-K4"), provider="P1", refusals=10)  # before K1
    add_outcome(con, **quarter("2024-K2"), provider="P1", refusals=1)
    add_outcome(con, **quarter("2024-K3"), provider="P1", refusals=0)


@pytest.mark.parametrize(
    ("scope", "period", "expected", "status"),
    [
        (IJMOND, "2024-K1", 3 + 2, "rood"),
        (IJMOND, "2024", 3 + 2 + 1 + 0, "rood"),
        (Scope("IJmond", lot="complex"), "2024-K1", 5, "rood"),
        (Scope("IJmond", providers=("P3",)), "2024-K1", 2, "rood"),
        (Scope("IJmond", providers=("P1",)), "2024-K3", 0, "groen"),
        (Scope("IJmond", providers=("P5",)), "2024-K1", None, "grijs"),  # no strategic partner: no data
        (Scope("IJmond", lot="enkelvoudig"), "2024-K1", None, "grijs"),  # the duty is perceel complex
    ],
)
def test_weigeringen_sums_refusals_of_strategic_partners_in_complex(empty_db, exact, scope, period, expected,
                                                                     status):
    _refusals(empty_db)
    result = shown(empty_db, "weigeringen", scope=scope, period=period)
    assert (result.value, result.status) == (expected, status)


def test_weigeringen_as_shown_hides_a_small_count_but_stays_red(empty_db):
    _refusals(empty_db)
    result = shown(empty_db, "weigeringen", scope=Scope("IJmond", providers=("P1",)), period="2024-K1")  # 3
    assert (result.value, result.value_label, result.status) == (None, "<5", "rood")


# tijdig_gestart ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        (None, 3 / 4 * 100),  # waits 0, 28, 31, 62; default N = 42: 0, 28, 31 within = 75%
        (31, 3 / 4 * 100),  # exactly N counts: 0, 28, 31
        (30, 2 / 4 * 100),  # 0, 28
    ],
)
def test_tijdig_gestart_uses_the_norm_of_wachttijd_mediaan(empty_db, exact, norm, expected):
    add_waits(empty_db)
    if norm is not None:
        add_norm(empty_db, indicator="wachttijd_mediaan", year=2024, norm=norm, margin=5)
    result = shown(empty_db, "tijdig_gestart")
    assert (result.value, result.denominator) == (pytest.approx(expected), 4)


def test_tijdig_gestart_over_a_quarter_counts_every_start_with_aanmelddatum(empty_db, exact):
    add_waits(empty_db)  # 2024-K1 waits: 10, 31, 28, 0, 62, 29; within 42: all but 62
    result = shown(empty_db, "tijdig_gestart", period="2024-K1")
    assert (result.value, result.denominator, result.status) == (pytest.approx(5 / 6 * 100), 6, "rood")


def test_tijdig_gestart_ignores_a_norm_of_another_year(empty_db, exact):
    add_waits(empty_db)
    add_norm(empty_db, indicator="wachttijd_mediaan", year=2023, norm=1)
    assert shown(empty_db, "tijdig_gestart").value == pytest.approx(3 / 4 * 100)  # N = 42 still


# volumegroei_enkelvoudig -------------------------------------------------------------------------
def _volume(con):
    """Enkelvoudig persons in 2024-02 and in 2023-02 (2023-02-01 .. 2023-02-28)."""
    add_trajectory(con, client="a", start=date(2023, 1, 1), lot="enkelvoudig")  # both
    add_trajectory(con, client="b", start=date(2023, 2, 28), end=date(2023, 12, 31), lot="enkelvoudig")  # before
    add_trajectory(con, client="c", start=date(2024, 2, 29), lot="enkelvoudig")  # now
    add_trajectory(con, client="d", start=date(2024, 1, 1), lot="enkelvoudig", provider="P2")  # now
    add_trajectory(con, client="e", start=date(2024, 2, 1), lot="enkelvoudig")  # now
    add_trajectory(con, client="e", start=date(2024, 2, 2), lot="enkelvoudig")  # parallel: same person
    add_trajectory(con, client="f", start=date(2022, 5, 1), end=date(2023, 2, 1), lot="enkelvoudig")  # before
    add_trajectory(con, client="g", start=date(2022, 1, 1))  # complex: never counted
    add_trajectory(con, client="h", start=date(2023, 3, 1), end=date(2024, 1, 31), lot="enkelvoudig")  # K1 only
    add_trajectory(con, client="a", start=date(2024, 1, 1), lot="enkelvoudig", municipality=HAARLEM)  # elsewhere


@pytest.mark.parametrize(
    ("scope", "period", "now", "before", "status"),
    [
        (IJMOND, "2024-02", 4, 3, "rood"),  # a, c, d, e / a, b, f: (4 / 3 − 1) × 100 = 33.3%
        (IJMOND, "2024-K1", 5, 4, "rood"),  # + h in both quarters: (5 / 4 − 1) × 100 = 25%
        (Scope("IJmond", lot="enkelvoudig"), "2024-02", 4, 3, "rood"),
        (Scope("IJmond", providers=("P1",)), "2024-02", 3, 3, "groen"),  # without d (P2): 0%
    ],
)
def test_volumegroei_enkelvoudig_compares_persons_with_a_year_earlier(empty_db, exact, scope, period, now, before,
                                                                      status):
    _volume(empty_db)
    result = shown(empty_db, "volumegroei_enkelvoudig", scope=scope, period=period)
    assert result.value == pytest.approx((now / before - 1) * 100)
    assert (result.denominator, result.status) == (before, status)


def test_volumegroei_enkelvoudig_is_grey_for_perceel_complex(empty_db, exact):
    _volume(empty_db)
    result = shown(empty_db, "volumegroei_enkelvoudig", scope=Scope("IJmond", lot="complex"))
    assert (result.value, result.status, result.reason) == (None, "grijs", Reason.NOT_COMPLEX)


def test_volumegroei_enkelvoudig_without_persons_a_year_earlier_is_grey(empty_db, exact):
    _volume(empty_db)
    result = shown(empty_db, "volumegroei_enkelvoudig", period="2022-02")  # only f was active: none before
    assert (result.value, result.denominator, result.reason) == (None, 0, Reason.NO_EARLIER_YEAR)


# certificaten ------------------------------------------------------------------------------------
def _certificates(con):
    """p_end 2024-02-29; p_end + 90 days = 2024-05-29."""
    add_provider(con, provider="P1", lot="complex", certificate_valid_until=date(2024, 2, 28))  # expired
    add_provider(con, provider="P2", lot="enkelvoudig", certificate_valid_until=date(2024, 2, 29))  # expiring
    add_provider(con, provider="P3", lot="beide", certificate_valid_until=date(2024, 5, 28))  # expiring
    add_provider(con, provider="P5", lot="complex", certificate_valid_until=date(2024, 5, 29))  # still valid then
    add_provider(con, provider="P6", lot="complex")  # no certificate date
    add_provider(con, provider="P4", regions="Zuid-Kennemerland", certificate_valid_until=date(2020, 1, 1))


@pytest.mark.parametrize(
    ("scope", "period", "expected", "expiring", "status"),
    [
        (IJMOND, "2024-02", 1, 2, "rood"),  # P1 expired; P2, P3 expiring; one expired is rood anyway
        (Scope("IJmond", lot="enkelvoudig"), "2024-02", 0, 2, "oranje"),  # P2, P3 expire within 90 days
        (Scope("IJmond", lot="complex"), "2024-02", 1, 1, "rood"),  # P1 expired; P3 expiring
        (Scope("IJmond", providers=("P5",)), "2024-02", 0, 0, "groen"),  # 2024-05-29 is not < 2024-05-29
        # p_end 2024-01-31, + 90 days = 2024-04-30: nothing expired, P1 and P2 expiring
        (IJMOND, "2024-01", 0, 2, "oranje"),
        (IJMOND, "2024", 4, 0, "rood"),  # p_end 2024-12-31: P1, P2, P3 and P5 expired; P6 has no date
    ],
)
def test_certificaten_counts_expired_certificates_and_warns_ahead(empty_db, scope, period, expected, expiring,
                                                                  status):
    _certificates(empty_db)
    result = shown(empty_db, "certificaten", scope=scope, period=period)
    assert (result.value, result.status, result.detail["bijna_verlopen"]) == (expected, status, expiring)


def test_certificaten_without_providers_in_scope_is_grey(empty_db):
    _certificates(empty_db)
    result = shown(empty_db, "certificaten", scope=Scope("IJmond", providers=("P4",)))  # not in IJmond
    assert (result.value, result.status, result.reason) == (None, "grijs", Reason.NO_PROVIDERS)


def test_certificaten_oranje_only_turns_a_green_count(empty_db):
    _certificates(empty_db)
    add_norm(empty_db, indicator="certificaten", year=2024, norm=1)  # one expired is now within the norm
    result = shown(empty_db, "certificaten")
    assert (result.value, result.status) == (1, "oranje")  # P2 and P3 expire within 90 days


# the lever as a whole ----------------------------------------------------------------------------
def test_compute_over_three_periods_equals_indicators_per_period(empty_db):
    _budget(empty_db)
    _refusals(empty_db)
    add_waits(empty_db)
    _volume(empty_db)
    periods = [Period.parse("2024-01"), Period.parse("2024-02"), Period.parse("2024")]
    series = lever_series(empty_db, "boundaries", IJMOND, periods)
    assert series == [lever_indicators(empty_db, "boundaries", IJMOND, period) for period in periods]
    assert [r.code for r in series[0]] == [d.code for d in of_lever("boundaries")]

