"""Data dates per kind and voorlopige kosten months (signals.md §4)."""

from datetime import date

import pytest

from levers.freshness import freshness
from levers.scope import Period, Scope
from tests.builders import add_cost, add_dialogue, add_outcome, add_provider, add_trajectory

IJMOND = Scope(regions="IJmond")
NOVEMBER = Period.parse("2026-11")


@pytest.fixture
def dated_db(empty_db):
    con = empty_db
    add_trajectory(con, client="a", start=date(2026, 3, 1), end=date(2026, 10, 17))  # latest day: its end
    add_trajectory(con, client="b", start=date(2026, 9, 2))
    add_cost(con, month=date(2026, 6, 1), amount=100)
    add_cost(con, month=date(2026, 8, 1), amount=100)  # latest kosten month: aug 2026
    add_cost(con, month=date(2026, 12, 1), amount=100, municipality="GM0001")  # outside the region: not counted
    add_provider(con)
    add_outcome(con, quarter_start=date(2026, 4, 1), quarter_end=date(2026, 6, 30))
    add_dialogue(con, day=date(2026, 11, 12), theme=1)
    add_dialogue(con, day=date(2026, 11, 20), theme=1, region="Achterhoek")
    return con


def test_each_kind_has_the_latest_date_the_region_holds(dated_db):
    fresh = freshness(dated_db, IJMOND, NOVEMBER)
    assert fresh.by_kind == {
        "trajecten": date(2026, 10, 17),
        "kosten": date(2026, 8, 1),
        "uitkomsten": date(2026, 6, 30),
        "dialoog": date(2026, 11, 12),
    }


@pytest.mark.parametrize(
    ("code", "period", "provisional"),
    [
        # latest month aug 2026 (ends 08-31): jun (ends 06-30, 2 months before) is voorlopig,
        # may (ends 05-31, exactly 3 months before) is not.
        ("kosten_per_jeugdige", Period.parse("2026-06"), True),
        ("kosten_per_jeugdige", Period.parse("2026-05"), False),
        ("budgetuitputting", Period.parse("2026-08"), True),
        ("budgetuitputting", Period.parse("2026-K2"), True),  # ends 06-30: holds jun
        ("budgetuitputting", Period.parse("2026-K1"), False),
        ("kosten_per_jeugdige", Period.parse("2026-11"), True),  # after the data date: incomplete too
        ("instroom", Period.parse("2026-08"), False),  # does not use kosten
    ],
)
def test_the_latest_three_kosten_months_are_voorlopig(dated_db, code, period, provisional):
    assert freshness(dated_db, IJMOND, period).is_provisional(code, period) is provisional


def test_a_period_after_a_data_date_names_the_kinds_it_leaves_incomplete(dated_db):
    # p_end 2026-11-30: trajecten (10-17) and kosten (aug: through 08-31) end before it; dialoog
    # (11-12) too; uitkomsten count by reportable quarter instead.
    kinds = [kind for kind, _, _ in freshness(dated_db, IJMOND, NOVEMBER).incomplete(NOVEMBER)]
    assert kinds == ["trajecten", "kosten", "dialoog"]
    assert freshness(dated_db, IJMOND, Period.parse("2026-08")).incomplete(Period.parse("2026-08")) == ()


def test_without_spending_nothing_is_voorlopig(empty_db):
    fresh = freshness(empty_db, IJMOND, NOVEMBER)
    assert fresh.provisional_from is None and not fresh.is_provisional("budgetuitputting", NOVEMBER)
    assert fresh.by_kind == dict.fromkeys(("trajecten", "kosten", "uitkomsten", "dialoog"))


@pytest.mark.parametrize(("period", "provisional"), [
    ("2026-07", False), ("2026-08", True), ("2026-10", True), ("2026-11", True),  # latest kosten month: oktober
    ("2026-K2", False), ("2026-K3", True), ("2025", False), ("2026", True),
])
def test_spending_over_a_period_is_voorlopig_when_it_holds_one_of_the_last_three_kosten_months(period, provisional):
    from levers.freshness import Freshness

    # kosten through oktober 2026: augustus, september and oktober end fewer than 3 months before its end
    fresh = Freshness(last_upload=None, latest_cost_month=date(2026, 10, 1))
    assert fresh.costs_provisional(Period.parse(period)) is provisional
    assert not Freshness(last_upload=None).costs_provisional(Period.parse(period))  # no spending: nothing voorlopig
