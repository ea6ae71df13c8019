"""The waiting list (indicators.md v3: wachtenden, lang_wachtenden, and its bands of weeks) on hand-made
rows; every expected count is worked out in the test from the dates written here."""

from datetime import date

import pytest

from levers.scope import Period, Scope
from levers.waiting_list import waiting_bands
from tests.builders import HAARLEM, add_norm, add_trajectory
from tests.test_levers_shared_values import IJMOND, exact, shown  # noqa: F401 (exact is a fixture)


def _waiting(con):
    """Rows around p_end 2024-02-29 (and 2024-01-31); the comment says how each one counts."""
    add_trajectory(con, client="a", start=None, registered=date(2024, 2, 1))  # waits 28 days at 02-29
    add_trajectory(con, client="b", start=None, registered=date(2023, 12, 1))  # 31 + 31 + 28 = 90 days
    add_trajectory(con, client="b", start=None, registered=date(2024, 2, 20))  # same child: b waits since 12-01
    add_trajectory(con, client="c", start=date(2024, 3, 5), registered=date(2024, 1, 10))  # starts later: 21 + 29 = 50
    add_trajectory(con, client="d", start=None, registered=date(2024, 1, 1), end=date(2024, 2, 15),
                   reason=32)  # withdrawn before 02-29: not waiting then (waiting at 01-31: 30 days)
    add_trajectory(con, client="e", start=None, registered=date(2024, 1, 15), end=date(2024, 2, 29),
                   reason=32)  # withdrawn on 02-29 itself: not waiting then (at 01-31: 16 days)
    add_trajectory(con, client="f", start=date(2024, 2, 20), registered=date(2024, 2, 1))  # started: not waiting
    add_trajectory(con, client="g", start=None, registered=date(2024, 3, 1))  # registered after 02-29
    add_trajectory(con, client="h", start=None, registered=date(2024, 1, 1), category=48)  # no jeugdhulp
    add_trajectory(con, client="i", start=None, registered=date(2024, 1, 19), municipality=HAARLEM)  # other region
    add_trajectory(con, client="j", start=None, registered=date(2024, 1, 18), provider="P2",
                   lot="enkelvoudig")  # 13 + 29 = 42 days: exactly N = 42 is not longer than N


@pytest.mark.parametrize(
    ("scope", "period", "norm", "waiting", "long_waiting"),
    [
        (IJMOND, "2024-02", None, 4, 2),  # a, b, c, j wait; N = 42 (default): b (90) and c (50)
        (IJMOND, "2024-02", 30, 4, 3),  # uploaded N = 30: b, c and j (42); a (28) not
        (IJMOND, "2024-01", None, 5, 1),  # at 01-31: b (61), c (21), d (30), e (16), j (13); only b > 42
        # at 03-31: a (28 + 31 = 59), b (121), g (30) and j (73) wait, c started, d and e withdrew; > 42: a, b, j
        (IJMOND, "2024-K1", None, 4, 3),
        (Scope("IJmond", lot="enkelvoudig"), "2024-02", None, 1, 0),  # j only
        (Scope("IJmond", providers=("P2",)), "2024-02", None, 1, 0),  # j only
        (Scope("Zuid-Kennemerland"), "2024-02", None, 1, 0),  # i: 12 + 29 = 41 days
    ],
)
def test_wachtenden_and_lang_wachtenden_count_the_persons_waiting_at_p_end(empty_db, exact, scope, period, norm,
                                                                         waiting, long_waiting):
    _waiting(empty_db)
    if norm is not None:
        add_norm(empty_db, indicator="wachttijd_mediaan", year=2024, norm=norm)
    assert shown(empty_db, "wachtenden", scope=scope, period=period).value == waiting
    assert shown(empty_db, "lang_wachtenden", scope=scope, period=period).value == long_waiting


def test_a_waiting_row_withdrawn_before_p_end_is_not_waiting(empty_db, exact):
    add_trajectory(empty_db, client="d", start=None, registered=date(2024, 1, 1), end=date(2024, 2, 15), reason=32)
    assert [shown(empty_db, "wachtenden", period=month).value for month in ("2024-01", "2024-02")] == [1, 0]


def test_lang_wachtenden_is_judged_by_its_norm_of_0_with_a_margin_of_5(empty_db, exact):
    _waiting(empty_db)  # 2024-02: 2 waiting longer than 42 days; 0 < 2 <= 0 + 5: oranje
    result = shown(empty_db, "lang_wachtenden")
    assert (result.value, result.norm, result.margin, result.status) == (2, 0, 5, "oranje")


def test_the_waiting_counts_as_shown_follow_the_count_rule(empty_db):
    _waiting(empty_db)  # 2024-02: 4 waiting, 2 of them long
    waiting, long_waiting = (shown(empty_db, code) for code in ("wachtenden", "lang_wachtenden"))
    assert (waiting.value, waiting.value_label) == (None, "<5")
    assert (long_waiting.value, long_waiting.value_label, long_waiting.status) == (None, "<5", "grijs")


def _bands(con):
    """Waits at 2024-02-29 on the edges of the bands: 0, 34 | 35, 69 | 70, 104 | 105 days."""
    for client, registered in (("a", date(2024, 2, 29)), ("b", date(2024, 1, 26)), ("c", date(2024, 1, 25)),
                               ("d", date(2023, 12, 22)), ("e", date(2023, 12, 21)), ("f", date(2023, 11, 17)),
                               ("g", date(2023, 11, 16))):
        add_trajectory(con, client=client, start=None, registered=registered)


def test_the_bands_of_weeks_split_the_waits_at_whole_weeks(empty_db, exact):
    _bands(empty_db)
    # 0 and 34 days: 0–4 weeks; 35 (02-29 − 01-25) and 69: 5–9; 70 and 104: 10–14; 105: 15 weeks or more
    bands = waiting_bands(empty_db, IJMOND, Period.parse("2024-02"))
    assert [(band.first_week, band.last_week, band.persons) for band in bands] == [
        (0, 4, 2), (5, 9, 2), (10, 14, 2), (15, None, 1)]


def test_the_bands_as_shown_never_say_how_many_of_one_to_four(empty_db):
    _bands(empty_db)
    add_trajectory(empty_db, client="h", start=None, registered=date(2024, 2, 28), municipality=HAARLEM)
    bands = waiting_bands(empty_db, IJMOND, Period.parse("2024-02"))
    assert [(band.persons, band.persons_label) for band in bands] == [(None, "<5")] * 4
    nobody = waiting_bands(empty_db, IJMOND, Period.parse("2023-10"))  # before anyone registered
    assert [(band.persons, band.persons_label) for band in nobody] == [(0, None)] * 4


# a row without startdatum is no care -----------------------------------------------------------------
def _one_in_care_and_two_waiting(con):
    add_trajectory(con, client="a", start=date(2024, 1, 10), end=date(2024, 2, 10), registered=date(2024, 1, 2))
    add_trajectory(con, client="w", start=None, registered=date(2024, 1, 5))  # still waiting
    add_trajectory(con, client="x", start=None, registered=date(2024, 1, 5), end=date(2024, 2, 12),
                   reason=32)  # withdrawn in February: no care ended


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("unieke_jeugdigen", 1),  # a only
        ("actieve_trajecten", 1),
        ("instroom", 0),  # a started in January
        ("uitstroom", 1),  # a ended on 02-10; x's withdrawal is no end of care
        ("gemiddelde_duur", 31),  # a: 02-10 − 01-10; x has no duration
        ("volgens_plan", 100),  # a ended with reason 31; x's 32 is not counted
        ("zonder_verblijf", 100),  # 1 of 1 person
        ("wachtenden", 1),  # w (x withdrew on 02-12)
    ],
)
def test_a_row_without_startdatum_is_not_counted_as_care(empty_db, exact, code, expected):
    _one_in_care_and_two_waiting(empty_db)
    assert shown(empty_db, code).value == pytest.approx(expected)


def test_price_and_volume_count_only_youths_in_jeugdhulp_that_started(empty_db, exact):
    from levers.price_volume import price_volume

    _one_in_care_and_two_waiting(empty_db)
    add_trajectory(empty_db, client="p", start=date(2024, 1, 1), category=48)  # jeugdbescherming: no jeugdhulp
    whole = price_volume(empty_db, IJMOND, Period.parse("2024-02"))[0]
    assert (whole.youths, whole.youths_before) == (1, 0)  # a; not w, x (waiting) nor p (48)
