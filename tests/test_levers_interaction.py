"""Interactie en dialoog: every indicator on a small hand-made dialogue log and provider list.

Windows: (p_end − 6 months, p_end] and (p_end − 12 months, p_end], months clamped to the last day.
"""

from datetime import date

import pytest

from levers.families import FAMILIES
from levers.reasons import Reason
from levers.registry import lever_indicators, lever_series, pick
from levers.runner import records
from levers.scope import Period, Scope
from tests.builders import add_dialogue, add_mixed_providers, add_outcome

IJMOND = Scope(regions="IJmond")
SEP_2025 = Period.parse("2025-09")  # p_end 2025-09-30; − 6 months = 2025-03-30
P1, P2 = Scope("IJmond", providers=("P1",)), Scope("IJmond", providers=("P2",))


@pytest.fixture
def sessions_db(empty_db):
    con = empty_db
    add_dialogue(con, day=date(2025, 3, 30), theme=1, provider="P1")  # on p_end − 6 months: outside
    add_dialogue(con, day=date(2025, 3, 31), theme=2, provider="P1")  # first day inside
    add_dialogue(con, day=date(2025, 6, 12), theme=3, provider="P2")
    add_dialogue(con, day=date(2025, 6, 12), theme=4, provider="P2")  # same (datum, aanbieder): one session
    add_dialogue(con, day=date(2025, 6, 12), theme=5)  # region-wide, same day: a session of its own
    add_dialogue(con, day=date(2025, 9, 30), theme=6)  # region-wide on p_end
    add_dialogue(con, day=date(2025, 10, 1), theme=7, provider="P1")  # after p_end
    add_dialogue(con, day=date(2025, 7, 1), theme=8, provider="P1", region="Achterhoek")  # another region
    return con


@pytest.mark.parametrize(
    ("scope", "sessions"),
    [
        # (03-31, P1), (06-12, P2), (06-12, —), (09-30, —) = 4
        (IJMOND, 4),
        # P1's (03-31) + the region-wide (06-12) and (09-30) = 3
        (P1, 3),
        # P2's (06-12) + the two region-wide = 3
        (P2, 3),
        # P1 and P2 together: all four, the region-wide rows once = 4
        (Scope("IJmond", providers=("P1", "P2")), 4),
        # perceel and municipalities do not select dialogue rows
        (Scope("IJmond", lot="enkelvoudig", municipalities=("GM0453",)), 4),
    ],
    ids=["region", "P1", "P2", "P1+P2", "perceel and gemeente"],
)
def test_dialoogsessies_counts_distinct_datum_and_aanbieder_in_the_last_six_months(sessions_db, scope, sessions):
    [talk] = records(sessions_db, FAMILIES["dialogues"], scope, [SEP_2025])
    assert talk.sessions == sessions


def test_the_six_month_window_of_august_in_a_leap_year_starts_after_february_29(empty_db):
    # p_end 2024-08-31 − 6 months = 2024-02-29 (clamped): window (02-29, 08-31] → only 03-01 counts
    add_dialogue(empty_db, day=date(2024, 2, 29), theme=1)
    add_dialogue(empty_db, day=date(2024, 3, 1), theme=1)
    [talk] = records(empty_db, FAMILIES["dialogues"], IJMOND, [Period.parse("2024-08")])
    assert talk.sessions == 1


def test_an_empty_aanbieder_is_a_region_wide_row_whether_stored_empty_or_null(empty_db):
    # both rows are the region-wide session of 2025-09-01: one session, and it counts for P1 too
    add_dialogue(empty_db, day=date(2025, 9, 1), theme=1)
    add_dialogue(empty_db, day=date(2025, 9, 1), theme=2, provider="")
    assert [records(empty_db, FAMILIES["dialogues"], scope, [SEP_2025])[0].sessions for scope in (IJMOND, P1)] == [1, 1]


@pytest.mark.parametrize(
    ("period", "sessions"),
    [
        # 2025-K2: (2024-12-30, 2025-06-30]: (03-30, P1) (03-31, P1) (06-12, P2) (06-12, —) = 4
        (Period.parse("2025-K2"), 4),
        # 2025: (2025-06-30, 2025-12-31]: (09-30, —) (10-01, P1) = 2 (Achterhoek's 07-01 is not IJmond)
        (Period.parse("2025"), 2),
    ],
)
def test_dialoogsessies_of_a_quarter_and_a_year_end_at_their_last_day(sessions_db, period, sessions):
    [talk] = records(sessions_db, FAMILIES["dialogues"], IJMOND, [period])
    assert talk.sessions == sessions


@pytest.fixture
def themes_db(empty_db):
    con = empty_db
    add_dialogue(con, day=date(2023, 2, 28), theme=9)  # on p_end − 12 months (2024-02-29 → 2023-02-28): outside
    add_dialogue(con, day=date(2023, 3, 1), theme=10)  # inside
    add_dialogue(con, day=date(2023, 9, 1), theme=11, provider="P1")
    add_dialogue(con, day=date(2023, 10, 1), theme=12, provider="P2")
    add_dialogue(con, day=date(2024, 1, 5), theme=10, provider="P2")  # theme 10 again
    add_dialogue(con, day=date(2024, 2, 29), theme=13, provider="P1")  # on p_end (leap day)
    add_dialogue(con, day=date(2024, 3, 1), theme=14)  # after p_end
    add_dialogue(con, day=date(2024, 1, 1), theme=15, region="Achterhoek")
    return con


@pytest.mark.parametrize(
    ("scope", "themes"),
    [
        (IJMOND, 4),  # 10, 11, 12, 13 (10 twice)
        (P1, 3),  # region-wide 10 + P1's 11 and 13
        (P2, 2),  # region-wide 10 + P2's 12 and 10 again
    ],
    ids=["region", "P1 with region-wide rows", "P2 with region-wide rows"],
)
def test_themadekking_counts_distinct_themes_of_the_twelve_months_ending_at_p_end(themes_db, scope, themes):
    [talk] = records(themes_db, FAMILIES["dialogues"], scope, [Period.parse("2024-02")])
    # window (2023-02-28, 2024-02-29]; themadekking = distinct themes / 18 × 100
    assert talk.themes == themes
    assert talk.theme_pct == pytest.approx(themes / 18 * 100)


def test_themadekking_result_is_a_share_of_eighteen_with_its_default_norm(themes_db):
    result = pick(lever_indicators(themes_db, "interaction", IJMOND, Period.parse("2024-02")), "themadekking")
    # 4 / 18 × 100 = 22.2 %; norm 75 (10): 22.2 < 65 → rood; dialogue figures are not suppressed
    assert (result.value, result.denominator, result.status) == (pytest.approx(400 / 18), 18.0, "rood")
    assert not result.is_suppressed


@pytest.fixture
def actions_db(empty_db):
    con = empty_db
    add_dialogue(con, day=date(2025, 5, 1), theme=1, action="a", deadline=date(2025, 9, 29))  # open, overdue
    add_dialogue(con, day=date(2025, 5, 2), theme=1, action="b", deadline=date(2025, 9, 30))  # deadline = p_end
    add_dialogue(con, day=date(2025, 5, 3), theme=1, action="c", provider="P1")  # open, no deadline
    add_dialogue(con, day=date(2025, 5, 4), theme=1, action="d", provider="P2", deadline=date(2025, 6, 1))  # overdue
    add_dialogue(con, day=date(2025, 5, 5), theme=1, action="e", status="afgerond", deadline=date(2025, 6, 1))
    add_dialogue(con, day=date(2025, 10, 1), theme=1, action="f", deadline=date(2025, 6, 1))  # after p_end
    add_dialogue(con, day=date(2025, 5, 6), theme=1)  # no actie
    add_dialogue(con, day=date(2025, 5, 7), theme=1, action=" ", status="open", owner="x")  # blank actie
    add_dialogue(con, day=date(2025, 5, 8), theme=1, action="g", region="Achterhoek", deadline=date(2025, 6, 1))
    add_dialogue(con, day=date(2023, 1, 9), theme=1, action="h", deadline=date(2023, 2, 1))  # old, still open
    return con


@pytest.mark.parametrize(
    ("scope", "period", "open_actions", "overdue"),
    [
        # open on 2025-09-30: a b c d h = 5; over the deadline (< 09-30): a d h = 3
        (IJMOND, SEP_2025, 5, 3),
        # P1 filter: region-wide a b h + P1's c = 4; overdue a h = 2
        (P1, SEP_2025, 4, 2),
        # 2025-05 (p_end 05-31): a b c d h (all dated ≤ 05-31) = 5; overdue only h (deadlines 06-01 and later)
        (IJMOND, Period.parse("2025-05"), 5, 1),
        # year 2025 (p_end 12-31): f (10-01) joins: 6; overdue a b d f h = 5 (c has no deadline)
        (IJMOND, Period.parse("2025"), 6, 5),
    ],
)
def test_open_acties_and_acties_verlopen_count_open_actions_dated_up_to_p_end(
    actions_db, scope, period, open_actions, overdue
):
    [talk] = records(actions_db, FAMILIES["dialogues"], scope, [period])
    assert (talk.open_actions, talk.overdue_actions) == (open_actions, overdue)


def test_acties_verlopen_gets_its_status_from_the_default_norm(actions_db):
    results = {r.code: r for r in lever_indicators(actions_db, "interaction", IJMOND, SEP_2025)}
    # acties_verlopen 3 against 0 (2): 3 > 2 → rood, shown exactly (dialogue figures are not suppressed)
    assert (results["acties_verlopen"].value, results["acties_verlopen"].status) == (3.0, "rood")
    # open_acties has no norm: shown, grijs
    assert (results["open_acties"].value, results["open_acties"].status) == (5.0, "grijs")


@pytest.fixture
def delivery_db(empty_db):
    con = empty_db
    add_mixed_providers(con)
    q1 = {"quarter_start": date(2024, 1, 1), "quarter_end": date(2024, 3, 31)}
    add_outcome(con, **q1, provider="P1")
    add_outcome(con, **q1, provider="P1", lot="enkelvoudig")  # P1 is not enkelvoudig: not expected
    add_outcome(con, **q1, provider="P3", lot="enkelvoudig")  # about IJmond (the builder's default region)
    add_outcome(con, **q1, provider="P3", region="Zuid-Kennemerland")  # P3 also works there: a row of its own
    add_outcome(con, **q1, provider="P4", region="Achterhoek")  # another region
    add_outcome(con, quarter_start=date(2024, 7, 1), quarter_end=date(2024, 9, 30), provider="P2", lot="enkelvoudig")
    return con


@pytest.mark.parametrize(
    ("scope", "period", "expected", "present"),
    [
        # cells P1/complex, P2/enkelvoudig, P3/complex, P3/enkelvoudig × Q1 = 4; present P1/c, P3/e = 2
        (IJMOND, Period.parse("2024-K1"), 4, 2),
        # March ends Q1 (03-31 ≤ p_end): the same 4 and 2
        (IJMOND, Period.parse("2024-03"), 4, 2),
        # the year (p_end 12-31): Q1 and Q3 delivered, Q2 45 days overdue, Q4 ended that day without a
        # row: not expected yet (signals.md §1). 4 cells × 3 quarters = 12; present Q1 2 + Q3 P2/e 1 = 3
        (IJMOND, Period.parse("2024"), 12, 3),
        # perceel enkelvoudig: P2/e, P3/e × Q1 = 2; present P3/e = 1
        (Scope("IJmond", lot="enkelvoudig"), Period.parse("2024-K1"), 2, 1),
        # provider P1: P1/complex × Q1 = 1; present 1
        (P1, Period.parse("2024-K1"), 1, 1),
        # Zuid-Kennemerland: only P3, both percelen × Q1 = 2; present the row about it, P3/c = 1
        (Scope("Zuid-Kennemerland"), Period.parse("2024-K1"), 2, 1),
    ],
)
def test_aanlevering_compares_delivered_with_expected_uitkomsten_rows(delivery_db, scope, period, expected, present):
    [delivered] = records(delivery_db, FAMILIES["delivery"], scope, [period])
    assert (delivered.expected, delivered.present) == (expected, present)
    assert delivered.delivered_pct == pytest.approx(present / expected * 100)


def test_aanlevering_expects_nothing_before_the_quarter_has_ended(delivery_db):
    # February: Q1 ends 03-31 > 02-29, so no quarter is due → no value, grijs, with the reason
    result = pick(lever_indicators(delivery_db, "interaction", IJMOND, Period.parse("2024-02")), "aanlevering")
    assert (result.value, result.status, result.reason) == (None, "grijs", Reason.NOTHING_EXPECTED)


def test_aanlevering_result_is_not_suppressed_and_gets_its_status(delivery_db):
    result = pick(lever_indicators(delivery_db, "interaction", IJMOND, Period.parse("2024-K1")), "aanlevering")
    # 2 / 4 × 100 = 50 %, expected 4 (< 10, yet shown): norm 95 (5) → 50 < 90 → rood
    assert (result.value, result.denominator, result.status, result.is_suppressed) == (50.0, 4.0, "rood", False)


def test_a_provider_filter_changes_the_dialogue_and_delivery_indicators(sessions_db, delivery_db):
    # sessions_db and delivery_db are the same database: both fixtures build on empty_db.
    whole, p2 = (
        {r.code: r for r in lever_indicators(sessions_db, "interaction", scope, SEP_2025)} for scope in (IJMOND, P2)
    )
    # dialoogsessies 4 → 3 (see above); themadekking over (2024-09-30, 2025-09-30]:
    # region 1 2 3 4 5 6 = 6 themes (03-30 lies inside 12 months) → P2's 3 4 + region-wide 5 6 = 4 themes
    assert (whole["dialoogsessies"].value, p2["dialoogsessies"].value) == (4.0, 3.0)
    assert whole["themadekking"].value == pytest.approx(6 / 18 * 100)
    assert p2["themadekking"].value == pytest.approx(4 / 18 * 100)
    # aanlevering for Q3 2024: region 1 of 4 cells → P2 1 of 1
    q3 = Period.parse("2024-K3")
    assert [pick(lever_indicators(delivery_db, "interaction", scope, q3), "aanlevering").value for scope in (IJMOND, P2)] == [
        25.0, 100.0,
    ]


def test_compute_over_three_periods_equals_indicators_per_period(sessions_db, actions_db, delivery_db):
    periods = [Period.parse("2025-08"), SEP_2025, Period.parse("2025-K3")]
    assert lever_series(sessions_db, "interaction", P1, periods) == [
        lever_indicators(sessions_db, "interaction", P1, period) for period in periods
    ]

