"""Referral routes (issue 13 §2): via_gemeente and the split of started trajectories by referrer.

One hand-made dataset: March 2024 against March 2023 in IJmond; every expected figure is counted in
the comments from the rows below.
"""

from datetime import date

import pytest

from levers.catalogue import definition
from levers.families import FAMILIES
from levers.referrers import MUNICIPALITY, PROVIDER, WHOLE, referrer_split
from levers.runner import compute, records
from levers.scope import Period, Scope
from tests.builders import BEVERWIJK, HAARLEM, VELSEN, add_trajectory

IJMOND = Scope(regions="IJmond")
MARCH_2024 = Period.parse("2024-03")
GEMEENTE, HUISARTS, ZELF = 1, 2, 6


@pytest.fixture
def referral_db(empty_db):
    con = empty_db

    def started(n, *, day, referrer, municipality=VELSEN, provider="P1", end=None):
        for i in range(n):
            add_trajectory(con, client=f"{municipality}-{day}-{referrer}-{i}", start=day, end=end,
                           referrer=referrer, municipality=municipality, provider=provider)

    now, before = date(2024, 3, 15), date(2023, 3, 31)
    started(6, day=now, referrer=GEMEENTE)  # Velsen, P1: 6 via the municipality
    started(3, day=now, referrer=HUISARTS)  # 3 via the GP
    started(2, day=now, referrer=ZELF)  # 2 self-referred
    started(1, day=now, referrer=None)  # 1 without a verwijzer
    started(2, day=date(2024, 3, 1), referrer=GEMEENTE, municipality=BEVERWIJK, provider="P2")
    started(1, day=now, referrer=GEMEENTE, municipality=HAARLEM)  # outside the region
    started(1, day=date(2024, 2, 29), referrer=GEMEENTE, end=date(2024, 3, 20))  # active, not started in P
    started(5, day=before, referrer=GEMEENTE)  # March 2023: 5 + 5 in Velsen
    started(5, day=date(2023, 3, 1), referrer=HUISARTS)
    return con


def test_via_gemeente_is_the_share_of_started_trajectories_referred_by_the_municipality(referral_db):
    [load] = records(referral_db, FAMILIES["caseload"], IJMOND, [MARCH_2024])
    # started in March 2024 in IJmond: Velsen 6 + 3 + 2 + 1 = 12, Beverwijk 2 -> 14; via gemeente 6 + 2 = 8
    assert (load.started, load.via_municipality) == (14, 8)
    [[result]] = compute(referral_db, IJMOND, [MARCH_2024], ["via_gemeente"])
    assert result.value == pytest.approx(8 / 14 * 100)  # 57.14 %, the one without verwijzer counts in 14
    assert result.denominator == 14
    assert result.norm is None and result.status == "grijs"  # no default norm


def test_via_gemeente_of_a_municipality_with_few_starts_is_not_shown(referral_db):
    velsen, beverwijk = (Scope(regions="IJmond", municipalities=(m,)) for m in (VELSEN, BEVERWIJK))
    [[of_velsen]], [[of_beverwijk]] = (compute(referral_db, s, [MARCH_2024], ["via_gemeente"]) for s in (velsen, beverwijk))
    assert of_velsen.value == pytest.approx(50.0)  # 6 of 12
    assert of_beverwijk.value is None  # 2 of 2, but 2 < 10 starts
    assert of_beverwijk.is_suppressed


def test_via_gemeente_is_a_diagnostics_indicator_on_theme_13_where_higher_is_better():
    entry = definition("via_gemeente")
    assert (entry.lever, entry.theme, entry.better, entry.norm, entry.unit) == ("diagnostics", 13, "higher", None, "%")


def _split(con):
    return {(row.grouping, row.key, row.referrer): row for row in referrer_split(con, IJMOND, MARCH_2024)}


def test_the_referrer_split_of_the_whole_scope_counts_and_shares_now_and_a_year_earlier(referral_db):
    split = _split(referral_db)
    whole = {referrer: row for (grouping, _, referrer), row in split.items() if grouping == WHOLE}
    assert set(whole) == {GEMEENTE, HUISARTS, ZELF, None}
    gemeente = whole[GEMEENTE]
    assert gemeente.label == "Gemeente"
    assert (gemeente.now.count, gemeente.now.share) == (8, pytest.approx(8 / 14 * 100))
    # March 2023: 5 via gemeente, 5 via huisarts -> 50 % each of 10
    assert (gemeente.year_before.count, gemeente.year_before.share) == (5, pytest.approx(50.0))
    assert (whole[HUISARTS].year_before.count, whole[HUISARTS].year_before.share) == (5, pytest.approx(50.0))
    assert whole[None].label is None  # no verwijzer: wording.breakdowns writes 'Onbekend (geen verwijzer)'
    assert whole[ZELF].year_before.count == 0  # none self-referred in 2023: zero is shown as 0


@pytest.mark.parametrize("referrer", [HUISARTS, ZELF, None])
def test_a_referrer_with_one_to_four_starts_shows_less_than_five_and_no_share(referral_db, referrer):
    row = _split(referral_db)[(WHOLE, None, referrer)]
    assert (row.now.count, row.now.count_label, row.now.share) == (None, "<5", None)


def test_the_referrer_split_per_municipality_and_per_provider(referral_db):
    split = _split(referral_db)
    velsen = split[(MUNICIPALITY, VELSEN, GEMEENTE)]
    assert (velsen.now.count, velsen.now.share) == (6, pytest.approx(50.0))  # 6 of Velsen's 12
    assert (velsen.year_before.count, velsen.year_before.share) == (5, pytest.approx(50.0))
    beverwijk = split[(MUNICIPALITY, BEVERWIJK, GEMEENTE)]
    assert (beverwijk.now.count_label, beverwijk.now.share) == ("<5", None)  # 2 of 2: too few
    assert split[(PROVIDER, "P1", GEMEENTE)].now.count == 6
    assert split[(PROVIDER, "P2", GEMEENTE)].now.count_label == "<5"
    assert (MUNICIPALITY, HAARLEM, GEMEENTE) not in split  # outside the region


@pytest.mark.parametrize("discussed, on_agenda", [(set(), True), ({13}, False)])
def test_via_gemeente_with_a_worrying_trend_is_on_the_agenda_under_theme_13_unless_discussed(
        referral_db, discussed, on_agenda):
    from levers.agenda import agenda_items

    [[result]] = compute(referral_db, IJMOND, [MARCH_2024], ["via_gemeente"])  # grijs: no norm
    items = agenda_items([result], discussed, {13: "Toegang per gemeente"}, {"via_gemeente": "zorg"})
    assert [(item.code, item.theme) for item in items] == ([("via_gemeente", 13)] if on_agenda else [])
