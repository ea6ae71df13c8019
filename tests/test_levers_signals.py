"""Signals you can trust (signals.md): quarterly data in any period (§1), series in the grain of the
period (§2), voorlopige months (§4), actions counted once (§5)."""

from datetime import date

import pytest

from levers.reasons import Reason
from levers.registry import indicator
from levers.scope import Period, Scope
from levers.series import series
from tests.builders import add_cost, add_dialogue, add_outcome, add_provider, add_trajectory

IJMOND = Scope(regions="IJmond")
SEP_2025 = Period.parse("2025-09")


def test_an_action_agreed_in_a_session_about_two_themes_counts_once(empty_db):
    # One action (same datum, aanbieder, onderwerp, actie) stored under themes 1 and 9: one action.
    # The same actie text in another session, or about another onderwerp, is another action:
    # 1 + 1 + 1 = 3 open, of which the first two have deadline 06-01 < p_end 09-30: 2 overdue.
    for theme in (1, 9):
        add_dialogue(empty_db, day=date(2025, 5, 1), theme=theme, provider="P1", subject="wachtlijst",
                     action="plan maken", deadline=date(2025, 6, 1))
    add_dialogue(empty_db, day=date(2025, 5, 8), theme=1, provider="P1", subject="wachtlijst",
                 action="plan maken", deadline=date(2025, 6, 1))
    add_dialogue(empty_db, day=date(2025, 5, 1), theme=9, provider="P1", subject="instroom", action="plan maken")
    assert indicator(empty_db, "open_acties", IJMOND, SEP_2025).value == 3
    assert indicator(empty_db, "acties_verlopen", IJMOND, SEP_2025).value == 2


# §1 quarterly data in any period -----------------------------------------------------------------
# P1 complex (strategic partner) and P2 enkelvoudig work in IJmond: 2 expected rows per quarter.
# 2026-K1: P1 20 respondents, 10 positive, 1 refusal; P2 10 respondents, 9 positive.
# 2026-K2: P1 20 respondents, 18 positive, 0 refusals; P2 nothing.
# 2026-K3 (ends 09-30; 45 days later is 11-14): delivered by P1 (10 respondents, 7 positive) or by nobody.
def _quarter(text: str) -> dict:
    period = Period.parse(text)
    return {"quarter_start": period.start, "quarter_end": period.end}


@pytest.fixture
def quarters_db(empty_db):
    add_provider(empty_db, provider="P1", lot="complex")
    add_provider(empty_db, provider="P2", lot="enkelvoudig")
    add_outcome(empty_db, **_quarter("2026-K1"), provider="P1", responses=20, positive=10, refusals=1)
    add_outcome(empty_db, **_quarter("2026-K1"), provider="P2", lot="enkelvoudig", responses=10, positive=9)
    add_outcome(empty_db, **_quarter("2026-K2"), provider="P1", responses=20, positive=18, refusals=0)
    return empty_db


def _k3_delivered(con) -> None:
    add_outcome(con, **_quarter("2026-K3"), provider="P1", responses=10, positive=7, refusals=0)


@pytest.mark.parametrize(
    ("period", "k3_delivered", "satisfaction", "delivered", "source"),
    [
        # August lies inside K3, which has not ended: the latest reportable quarter K2 (18 / 20; 1 of 2 rows)
        ("2026-08", False, 90.0, 50.0, "2026-K2"),
        # September ends K3: before anyone delivered K3 it is not reportable yet → K2 ...
        ("2026-09", False, 90.0, 50.0, "2026-K2"),
        # ... after P1 delivered it, K3 reports: 7 / 10; 1 of 2 rows
        ("2026-09", True, 70.0, 50.0, "2026-K3"),
        # October, nobody delivered K3 and it is not 45 days overdue (10-31 < 11-14): still K2
        ("2026-10", False, 90.0, 50.0, "2026-K2"),
        # November, K3 45 days overdue with nobody delivered: K3 counts, 0 of 2 rows, no respondents
        ("2026-11", False, None, 0.0, "2026-K3"),
        # the quarter itself: no label
        ("2026-K2", False, 90.0, 50.0, None),
        # the year at 12-31: K1, K2 and the overdue K3; K4 ended that very day without a row: not yet.
        # (10 + 9 + 18) / (20 + 10 + 20) = 74 %; 2 + 1 + 0 present of 2 × 3 expected = 50 %
        ("2026", False, 74.0, 50.0, "2026-K1 t/m 2026-K3"),
    ],
)
def test_a_quarterly_figure_comes_from_the_reporting_or_else_the_latest_reportable_quarter(
    quarters_db, period, k3_delivered, satisfaction, delivered, source
):
    if k3_delivered:
        _k3_delivered(quarters_db)
    asked = Period.parse(period)
    tevredenheid = indicator(quarters_db, "tevredenheid", IJMOND, asked)
    aanlevering = indicator(quarters_db, "aanlevering", IJMOND, asked)
    assert tevredenheid.value == (None if satisfaction is None else pytest.approx(satisfaction))
    assert aanlevering.value == pytest.approx(delivered)
    assert (tevredenheid.source_period, aanlevering.source_period) == (source, source)


def test_aanlevering_never_expects_a_quarter_that_has_not_ended(quarters_db):
    # August: K3 runs until 09-30, so only K2's 2 rows are expected (not K3's).
    assert indicator(quarters_db, "aanlevering", IJMOND, Period.parse("2026-08")).denominator == 2
    # The year: K4 ends on p_end without a row and is not overdue: 3 quarters × 2 rows.
    assert indicator(quarters_db, "aanlevering", IJMOND, Period.parse("2026")).denominator == 6


def test_weigeringen_of_a_quarter_nobody_delivered_is_grijs_geen_gegevens_not_zero(quarters_db):
    result = indicator(quarters_db, "weigeringen", IJMOND, Period.parse("2026-11"))  # K3, overdue, no rows
    assert (result.value, result.value_label, result.status, result.reason) == (
        None, None, "grijs", Reason.NO_DATA
    )
    # K1 (1 refusal) is rood, shown as <5
    k1 = indicator(quarters_db, "weigeringen", IJMOND, Period.parse("2026-K1"))
    assert (k1.value_label, k1.status) == ("<5", "rood")


def test_no_quarter_is_reportable_before_the_region_first_delivered(quarters_db):
    # 2025-K4 ended long before 2026-02 but lies before the region's first delivered quarter 2026-K1.
    result = indicator(quarters_db, "aanlevering", IJMOND, Period.parse("2026-02"))
    assert (result.value, result.status, result.source_period) == (None, "grijs", None)


# §2 series follow the period ---------------------------------------------------------------------
def test_a_quarterly_series_in_a_month_ends_at_the_quarter_its_value_comes_from(quarters_db):
    # November, nobody delivered K3 (45 days overdue): 12 quarters 2023-K4 … 2026-K3. Before the first
    # delivered quarter (2026-K1) nothing is reportable; K1 2 of 2 rows, K2 1 of 2, K3 0 of 2.
    result = series(quarters_db, "aanlevering", IJMOND, Period.parse("2026-11"))
    assert [p.period_label for p in result.points][-3:] == ["2026-K1", "2026-K2", "2026-K3"]
    assert [p.value for p in result.points] == [None] * 9 + [100.0, 50.0, 0.0]
    table = indicator(quarters_db, "aanlevering", IJMOND, Period.parse("2026-11"))
    assert result.points[-1].value == table.value
    # August: K3 has not ended, so it is neither the table's quarter nor a point.
    assert series(quarters_db, "aanlevering", IJMOND, Period.parse("2026-08")).points[-1].period_label == "2026-K2"


def test_a_series_point_never_falls_back_to_an_earlier_quarter(empty_db):
    # P1 delivered 2024-K4 (10 of 20 positive) and 2026-K1 (9 of 10), nothing in 2025. The year series
    # of 2026: 2022 and 2023 lie before the first delivery; 2024 is its K4 (50 %); 2025's quarters are
    # all overdue without respondents: missing, not 2024-K4's 50 %; 2026 is K1 with K2 and K3 overdue
    # and empty (90 %), which is also the table's value.
    add_provider(empty_db, provider="P1")
    add_outcome(empty_db, **_quarter("2024-K4"), provider="P1", responses=20, positive=10)
    add_outcome(empty_db, **_quarter("2026-K1"), provider="P1", responses=10, positive=9)
    result = series(empty_db, "tevredenheid", IJMOND, Period.parse("2026"))
    assert [p.period_label for p in result.points] == ["2022", "2023", "2024", "2025", "2026"]
    assert [p.value for p in result.points] == [None, None, 50.0, None, 90.0]
    assert indicator(empty_db, "tevredenheid", IJMOND, Period.parse("2026")).value == 90.0


def test_voorlopige_kosten_months_are_marked_in_the_series(empty_db):
    # Ten youths in care all year, € 1.000 a month each January … August 2026: the latest month is
    # August, so June, July and August are voorlopig (hollow); earlier months and other indicators not.
    for client in range(10):
        add_trajectory(empty_db, client=f"c{client}", start=date(2026, 1, 1))
    for month in range(1, 9):
        add_cost(empty_db, month=date(2026, month, 1), amount=10_000)
    august = Period.parse("2026-08")
    costs = series(empty_db, "kosten_per_jeugdige", IJMOND, august)
    assert [(p.period_label, p.value, p.is_provisional) for p in costs.points[-4:]] == [
        ("2026-05", 1000.0, False), ("2026-06", 1000.0, True), ("2026-07", 1000.0, True),
        ("2026-08", 1000.0, True),
    ]
    assert not any(p.is_provisional for p in series(empty_db, "unieke_jeugdigen", IJMOND, august).points)
