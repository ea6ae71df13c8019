"""Data en informatie: every indicator on a small hand-made dataset, expected values worked out by hand.

The family records hold exact figures; the lever's results add norms, status and suppression.
"""

from datetime import date

import pytest

from levers.families import FAMILIES
from levers.registry import lever_indicators, lever_series, pick
from levers.runner import records
from levers.reasons import Reason
from levers.scope import Period, Scope
from tests.builders import (
    BEVERWIJK, HAARLEM, add_cost, add_mixed_providers, add_outcome, add_trajectory,
)

IJMOND = Scope(regions="IJmond")


def _records(name):
    return lambda con, scope, periods: records(con, FAMILIES[name], scope, periods)


caseload, referrals, spending, goal_attainment = (_records(name) for name in ("caseload", "referrals", "caseload", "goals"))  # spending: caseload
FEB_2024 = Period.parse("2024-02")  # leap month: 2024-02-01 .. 2024-02-29
K1_2024 = Period.parse("2024-K1")
YEAR_2024 = Period.parse("2024")


def _clear_end_reason(con, trajectory_id):
    """The builder fills reden 31 for an ended trajectory; an unknown (empty) reason needs an update."""
    con.execute("update trajectories set end_reason = null where trajectory_id = $id", {"id": trajectory_id})


@pytest.fixture
def caseload_db(empty_db):
    """Ten trajectories around February 2024 (all Velsen, P1 complex, unless said otherwise)."""
    con = empty_db
    add_trajectory(con, client="a", start=date(2023, 6, 1), registered=date(2023, 5, 1))  # A open at the end
    add_trajectory(con, client="b", start=date(2023, 10, 1), end=date(2024, 1, 31))  # B ends the day before
    add_trajectory(con, client="c", start=date(2024, 2, 29))  # C starts on the last (leap) day
    add_trajectory(con, client="d", start=date(2024, 1, 10), end=date(2024, 2, 1), reason=31)  # D
    add_trajectory(con, client="a", start=date(2023, 12, 1), end=date(2024, 2, 29), reason=32,  # E parallel to A
                   provider="P2", lot="enkelvoudig")
    add_trajectory(con, client="e", start=date(2024, 3, 1))  # F starts the day after
    add_trajectory(con, client="a", start=date(2024, 2, 10), municipality=BEVERWIJK)  # G another person
    add_trajectory(con, client="f", start=date(2024, 2, 5), end=date(2024, 2, 15), reason=36)  # H unknown reason
    add_trajectory(con, client="g", start=date(2024, 1, 15), end=date(2024, 2, 20), trajectory_id="I")  # I
    _clear_end_reason(con, "I")  # I ended without a reason
    add_trajectory(con, client="h", start=date(2024, 1, 1), end=date(2024, 2, 10), reason=33)  # J no aanmelddatum
    add_trajectory(con, client="x", start=date(2024, 2, 1), municipality=HAARLEM)  # outside the region
    return con


def test_caseload_of_a_leap_february_counts_exactly_the_trajectories_active_started_and_ended_in_it(caseload_db):
    [load] = caseload(caseload_db, IJMOND, [FEB_2024])
    # active in P (start ≤ 02-29, end empty or ≥ 02-01): A C D E G H I J = 8 (B ended 01-31, F starts 03-01)
    assert load.active == 8
    # persons: a@Velsen (A, E), c, d, a@Beverwijk (G), f, g, h = 7
    assert load.persons == 7
    # started in P: C (02-29), G (02-10), H (02-05) = 3
    assert load.started == 3
    # ended in P: D (02-01), E (02-29), H, I, J = 5
    assert load.ended == 5
    # days: D 01-10→02-01 = 22, E 2023-12-01→02-29 = 31+31+28 = 90, H 10, I 01-15→02-20 = 16+20 = 36,
    # J 01-01→02-10 = 40; mean = (22 + 90 + 10 + 36 + 40) / 5 = 198 / 5 = 39.6
    assert load.mean_days == pytest.approx(39.6)
    # known reasons: D 31, E 32, J 33 = 3 (H 36 and I empty are unknown)
    assert (load.known_end, load.by_plan, load.dropped_out) == (3, 1, 2)
    # volgens_plan 1 / 3 × 100 = 33.33; uitval (E 32, J 33) 2 / 3 × 100 = 66.67
    assert load.by_plan_pct == pytest.approx(100 / 3)
    assert load.dropped_out_pct == pytest.approx(200 / 3)


def test_caseload_of_a_quarter_and_a_year_include_the_edges_of_february(caseload_db):
    quarter, year = caseload(caseload_db, IJMOND, [K1_2024, YEAR_2024])
    # Q1 2024 adds B (ended 01-31) and F (started 03-01): active 8 + 2 = 10; persons 7 + b + e = 9.
    # started in Q1: C G H + D (01-10) + I (01-15) + J (01-01) + F (03-01) = 7
    # ended in Q1: the 5 of February + B = 6; B: 2023-10-01→2024-01-31 = 31 + 30 + 31 + 30 = 122 days
    # mean = (198 + 122) / 6 = 53.33; known: D E J + B (31) = 4; plan D B = 2 → 50 %; uitval E J = 2 → 50 %
    assert (quarter.active, quarter.persons, quarter.started, quarter.ended) == (10, 9, 7, 6)
    assert quarter.mean_days == pytest.approx(320 / 6)
    assert (quarter.known_end, quarter.by_plan_pct, quarter.dropped_out_pct) == (4, 50.0, 50.0)
    # the year 2024 holds nothing more than Q1 here (no trajectory starts or ends after March)
    assert year == quarter


def test_caseload_follows_the_perceel_and_provider_of_the_scope(caseload_db):
    complex_only, p2_only = (
        caseload(caseload_db, scope, [FEB_2024])[0]
        for scope in (Scope("IJmond", lot="complex"), Scope("IJmond", providers=("P2",)))
    )
    # E is the only P2 / enkelvoudig trajectory: complex = 8 − 1 = 7 active; a@Velsen still has A → 7 persons
    assert (complex_only.active, complex_only.persons, complex_only.ended) == (7, 7, 4)
    # P2: E only: 1 active, 1 person, ended 1 with reden 32 → uitval 1 / 1 = 100 %
    assert (p2_only.active, p2_only.persons, p2_only.ended, p2_only.dropped_out_pct) == (1, 1, 1, 100.0)


def test_an_empty_period_has_zero_counts_and_no_ratios(caseload_db):
    [load] = caseload(caseload_db, IJMOND, [Period.parse("2020-05")])
    assert (load.persons, load.active, load.started, load.ended, load.known_end) == (0, 0, 0, 0, 0)
    assert (load.mean_days, load.by_plan_pct, load.dropped_out_pct) == (None, None, None)


@pytest.fixture
def referral_db(empty_db):
    """Six March 2024 endings at P1 (Velsen, complex), each with a different follow-up."""
    con = empty_db
    add_trajectory(con, client="a", start=date(2023, 1, 1), end=date(2024, 3, 10))
    add_trajectory(con, client="a", start=date(2024, 4, 9), provider="P2")  # 03-10 + 30 days: referred
    add_trajectory(con, client="b", start=date(2023, 1, 1), end=date(2024, 3, 15))
    add_trajectory(con, client="b", start=date(2024, 4, 15), provider="P2")  # + 31 days: too late
    add_trajectory(con, client="c", start=date(2023, 1, 1), end=date(2024, 3, 20))
    add_trajectory(con, client="c", start=date(2024, 3, 21))  # same provider P1: no referral
    add_trajectory(con, client="d", start=date(2023, 1, 1), end=date(2024, 3, 25))
    add_trajectory(con, client="d", start=date(2024, 3, 25), provider="P2", lot="enkelvoudig")  # same day: referred
    add_trajectory(con, client="e", start=date(2023, 1, 1), end=date(2024, 3, 5))
    add_trajectory(con, client="e", start=date(2024, 3, 6), provider="P2", municipality=BEVERWIJK)  # another person
    add_trajectory(con, client="f", start=date(2023, 1, 1), end=date(2024, 3, 28))
    add_trajectory(con, client="f", start=date(2024, 3, 27), provider="P2")  # started before the end
    return con


@pytest.mark.parametrize(
    "scope",
    [IJMOND, Scope("IJmond", lot="complex"), Scope("IJmond", providers=("P1",))],
    ids=["region", "complex", "provider P1"],
)
def test_doorverwijzing_counts_a_trajectory_elsewhere_within_thirty_days_of_any_perceel_and_provider(
    referral_db, scope
):
    [referral] = referrals(referral_db, scope, [Period.parse("2024-03")])
    # ended in March: a b c d e f = 6 (all at P1, complex); referred: a (+30 days) and d (same day, even
    # enkelvoudig, even when the scope is P1 or complex) = 2 → 2 / 6 × 100 = 33.33
    assert (referral.ended, referral.referred) == (6, 2)
    assert referral.referred_pct == pytest.approx(100 / 3)


def test_doorverwijzing_without_endings_has_no_value(referral_db):
    [referral] = referrals(referral_db, Scope("IJmond", providers=("P2",)), [Period.parse("2024-03")])
    # P2 ended nothing in March: 0 / 0 → no value
    assert (referral.ended, referral.referred, referral.referred_pct) == (0, 0, None)


@pytest.fixture
def spending_db(empty_db):
    con = empty_db
    add_cost(con, month=date(2024, 1, 1), amount=1000)
    add_cost(con, month=date(2024, 2, 1), amount=500)
    add_cost(con, month=date(2024, 2, 1), amount=300, municipality=BEVERWIJK)
    add_cost(con, month=date(2024, 2, 1), amount=200, lot="enkelvoudig", provider="P2")
    add_cost(con, month=date(2024, 2, 1), amount=9999, municipality=HAARLEM)  # outside the region
    add_cost(con, month=date(2024, 3, 1), amount=250)
    add_cost(con, month=date(2024, 3, 1), amount=-100, kind="correctie")
    add_cost(con, month=date(2024, 4, 1), amount=7000)  # after Q1
    return con


@pytest.mark.parametrize(
    ("scope", "period", "amount", "rows"),
    [
        (IJMOND, FEB_2024, 500 + 300 + 200, 3),
        (Scope("IJmond", lot="complex"), FEB_2024, 500 + 300, 2),
        (Scope("IJmond", providers=("P2",)), FEB_2024, 200, 1),
        (Scope("IJmond", municipalities=(BEVERWIJK,)), FEB_2024, 300, 1),
        (IJMOND, K1_2024, 1000 + 500 + 300 + 200 + 250 - 100, 6),
        (IJMOND, YEAR_2024, 2150 + 7000, 7),
    ],
)
def test_spending_sums_the_kosten_months_that_lie_in_the_period_and_scope(spending_db, scope, period, amount, rows):
    [spent] = spending(spending_db, scope, [period])
    assert (spent.amount, spent.cost_rows) == (pytest.approx(amount), rows)


def test_kosten_per_jeugdige_divides_spending_by_the_persons_in_care(empty_db):
    # 12 persons active in February 2024 (one of them with two parallel trajectories), € 6.000 spent
    # → 6000 / 12 = € 500 per youth; denominator = unieke_jeugdigen = 12
    for number in range(12):
        add_trajectory(empty_db, client=f"c{number}", start=date(2024, 1, 1))
    add_trajectory(empty_db, client="c0", start=date(2024, 2, 1), provider="P2")
    add_cost(empty_db, month=date(2024, 2, 1), amount=6000)
    result = pick(lever_indicators(empty_db, "diagnostics", IJMOND, FEB_2024), "kosten_per_jeugdige")
    assert (result.value, result.denominator, result.status) == (500.0, 12.0, "grijs")  # no default norm


def test_kosten_per_jeugdige_without_kosten_rows_has_no_value(empty_db):
    for number in range(12):
        add_trajectory(empty_db, client=f"c{number}", start=date(2024, 1, 1))
    result = pick(lever_indicators(empty_db, "diagnostics", IJMOND, FEB_2024), "kosten_per_jeugdige")
    assert (result.value, result.status, result.reason) == (None, "grijs", Reason.NO_COSTS)


@pytest.fixture
def outcomes_db(empty_db):
    con = empty_db
    add_mixed_providers(con)
    q1 = {"quarter_start": date(2024, 1, 1), "quarter_end": date(2024, 3, 31)}
    add_outcome(con, **q1, provider="P1", closed=10, achieved=7)
    add_outcome(con, **q1, provider="P2", lot="enkelvoudig", closed=20, achieved=10)
    add_outcome(con, **q1, provider="P3", closed=4, achieved=4)
    add_outcome(con, **q1, provider="P3", lot="enkelvoudig", closed=6, achieved=3)
    add_outcome(con, **q1, provider="P3", region="Zuid-Kennemerland", closed=5, achieved=1)  # P3's other region
    add_outcome(con, **q1, provider="P4", region="Achterhoek", closed=100, achieved=0)  # another region
    add_outcome(con, quarter_start=date(2023, 10, 1), quarter_end=date(2023, 12, 31), closed=50, achieved=50)
    return con


@pytest.mark.parametrize(
    ("scope", "period", "achieved", "closed"),
    [
        (IJMOND, K1_2024, 7 + 10 + 4 + 3, 10 + 20 + 4 + 6),  # 24 / 40
        (IJMOND, Period.parse("2024-03"), 24, 40),  # March ends K1, which reports
        (IJMOND, FEB_2024, 50, 50),  # K1 has not ended on 02-29: the latest reportable quarter, 2023-K4
        (Scope("IJmond", lot="complex"), K1_2024, 7 + 4, 10 + 4),  # P1 and P3's complex row: 11 / 14
        (Scope("IJmond", lot="enkelvoudig"), K1_2024, 10 + 3, 20 + 6),  # P2 and P3's enkelvoudig row
        (Scope("IJmond", providers=("P2",)), K1_2024, 10, 20),
        (Scope("Zuid-Kennemerland"), K1_2024, 1, 5),  # only P3 works there: its row about the region
        (IJMOND, Period.parse("2023"), 50, 50),  # only 2023-K4 overlaps 2023
    ],
)
def test_doelrealisatie_sums_the_uitkomsten_of_providers_in_scope(outcomes_db, scope, period, achieved, closed):
    [goals] = goal_attainment(outcomes_db, scope, [period])
    assert (goals.goals_achieved, goals.closed) == (achieved, closed)
    assert goals.achieved_pct == pytest.approx(achieved / closed * 100)


def test_doelrealisatie_without_uitkomsten_has_no_value(outcomes_db):
    # Before the region's first delivered quarter (2023-K4) no quarter is reportable.
    [goals] = goal_attainment(outcomes_db, IJMOND, [Period.parse("2023-06")])
    assert (goals.goals_achieved, goals.closed, goals.achieved_pct) == (0, 0, None)


def test_a_provider_filter_changes_the_trajectory_and_the_provider_level_indicators(caseload_db, outcomes_db):
    # outcomes_db and caseload_db are the same database: both fixtures build on empty_db.
    whole, p2 = (
        {r.code: r for r in lever_indicators(caseload_db, "diagnostics", scope, FEB_2024)}
        for scope in (IJMOND, Scope("IJmond", providers=("P2",)))
    )
    # unieke_jeugdigen 7 → 1 (shown <5); instroom 3 → 0 (P2 started nothing in February)
    assert (whole["unieke_jeugdigen"].value, p2["unieke_jeugdigen"].value_label) == (7.0, "<5")
    assert (whole["instroom"].value_label, p2["instroom"].value) == ("<5", 0.0)
    # doelrealisatie of K1 24 / 40 = 60 % (rood against 70 − 5) → P2's 10 / 20 = 50 %
    whole, p2 = (
        pick(lever_indicators(caseload_db, "diagnostics", scope, K1_2024), "doelrealisatie")
        for scope in (IJMOND, Scope("IJmond", providers=("P2",)))
    )
    assert (whole.value, p2.value) == (60.0, 50.0)
    assert (whole.status, p2.status) == ("rood", "rood")


def test_a_municipality_filter_changes_trajectories_but_not_provider_level_uitkomsten(caseload_db, outcomes_db):
    velsen_only = {r.code: r for r in lever_indicators(caseload_db, "diagnostics", Scope("IJmond", municipalities=("GM0453",)),
                                                             FEB_2024)}
    # without Beverwijk's G: 6 persons, 7 active; uitkomsten have no municipality: still K1's 24 / 40 = 60 %
    assert (velsen_only["unieke_jeugdigen"].value, velsen_only["actieve_trajecten"].value) == (6.0, 7.0)
    velsen_k1 = lever_indicators(caseload_db, "diagnostics", Scope("IJmond", municipalities=("GM0453",)), K1_2024)
    assert pick(velsen_k1, "doelrealisatie").value == 60.0


def test_small_counts_and_ratios_over_few_trajectories_are_suppressed(caseload_db):
    results = {r.code: r for r in lever_indicators(caseload_db, "diagnostics", IJMOND, FEB_2024)}
    # instroom 3 → '<5'; uitval over 3 known reasons (< 10) → not shown, grijs
    assert (results["instroom"].value, results["instroom"].reason) == (None, Reason.SMALL_COUNT)
    assert (results["uitval"].value, results["uitval"].status, results["uitval"].reason) == (
        None, "grijs", Reason.TOO_FEW_OBSERVATIONS)
    assert results["uitval"].denominator_label == "<5"


def test_volgens_plan_and_uitval_get_their_status_from_the_default_norms(empty_db):
    # 20 endings in March 2024 with known reasons: 14 × 31, 3 × 32, 1 × 33, 2 × 34
    # volgens_plan 14 / 20 = 70 % (norm 75, marge 5: 70 ≥ 70 → oranje); uitval 4 / 20 = 20 % (15 + 5 → oranje)
    reasons = [31] * 14 + [32] * 3 + [33] + [34] * 2
    for number, reason in enumerate(reasons):
        add_trajectory(empty_db, client=f"c{number}", start=date(2024, 1, 1), end=date(2024, 3, 2), reason=reason)
    results = {r.code: r for r in lever_indicators(empty_db, "diagnostics", IJMOND, Period.parse("2024-03"))}
    assert (results["volgens_plan"].value, results["volgens_plan"].status) == (pytest.approx(70.0), "oranje")
    assert (results["uitval"].value, results["uitval"].status) == (pytest.approx(20.0), "oranje")
    # every one lasted 01-01 → 03-02 = 31 + 29 + 1 = 61 days; no norm for gemiddelde_duur → grijs
    assert (results["gemiddelde_duur"].value, results["gemiddelde_duur"].denominator) == (61.0, 20.0)
    assert results["gemiddelde_duur"].status == "grijs"


def test_compute_over_three_periods_equals_indicators_per_period(caseload_db, outcomes_db, spending_db):
    periods = [Period.parse("2024-01"), FEB_2024, K1_2024]
    assert lever_series(caseload_db, "diagnostics", IJMOND, periods) == [
        lever_indicators(caseload_db, "diagnostics", IJMOND, period) for period in periods
    ]
    assert lever_series(caseload_db, "diagnostics", IJMOND, []) == []

