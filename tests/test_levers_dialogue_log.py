"""The dialogue log lists the rows the interaction indicators count, for a provider or the region."""

from datetime import date

from levers.dialogue_log import dialogue_log
from levers.scope import Period, Scope
from tests.builders import add_dialogue, add_provider

OCTOBER = Period.month(2026, 10)  # p_end 31-10-2026; the 12-month log starts after 31-10-2025


def _fill(con):
    add_provider(con, provider="P1", name="Kompas Jeugd")
    add_provider(con, provider="P2", name="Horizon")
    add_dialogue(con, day=date(2026, 9, 1), theme=6, provider="P1", subject="weigeringen",
                 action="plan maken", deadline=date(2026, 10, 1))  # open, overdue on 31-10
    add_dialogue(con, day=date(2026, 10, 15), theme=9, provider="P1", subject="wachtlijst",
                 action="cijfers delen", deadline=date(2026, 12, 1))  # open, not overdue
    add_dialogue(con, day=date(2026, 10, 20), theme=17, subject="regio-overleg")  # region-wide, no action
    add_dialogue(con, day=date(2026, 8, 1), theme=5, provider="P2", subject="budget",
                 action="andere aanbieder", deadline=date(2026, 9, 1))  # P2: never in P1's log
    add_dialogue(con, day=date(2025, 3, 1), theme=1, provider="P1", subject="oud",
                 action="nog steeds open", deadline=date(2025, 6, 1))  # too old for the log, still open
    add_dialogue(con, day=date(2026, 11, 5), theme=1, provider="P1", subject="na de periode")  # after p_end
    add_dialogue(con, day=date(2026, 9, 9), theme=2, region="Achterhoek", provider="P1", subject="elders")


def test_a_providers_log_holds_its_rows_and_the_region_wide_rows_of_the_last_year(empty_db):
    _fill(empty_db)
    log = dialogue_log(empty_db, Scope("IJmond", providers=("P1",)), OCTOBER)
    # In the window (01-11-2025 .. 31-10-2026), region IJmond, P1 or region-wide: three rows, newest first.
    assert list(log.sessions["subject"]) == ["regio-overleg", "wachtlijst", "weigeringen"]
    assert list(log.sessions["provider_name"].fillna("")) == ["", "Kompas Jeugd", "Kompas Jeugd"]
    assert log.sessions.loc[0, "theme_name"]  # the theme's name from the reference list


def test_open_actions_include_old_ones_and_flag_the_overdue(empty_db):
    _fill(empty_db)
    log = dialogue_log(empty_db, Scope("IJmond", providers=("P1",)), OCTOBER)
    # P1's open actions dated up to 31-10-2026: wachtlijst (deadline 01-12, not overdue),
    # weigeringen (deadline 01-10 < 31-10, overdue), oud (deadline 01-06-2025, overdue).
    assert list(log.open_actions["subject"]) == ["wachtlijst", "weigeringen", "oud"]
    assert list(log.open_actions["is_overdue"]) == [False, True, True]
    assert log.overdue_count == 2


def test_the_region_log_holds_every_provider_of_the_region(empty_db):
    _fill(empty_db)
    log = dialogue_log(empty_db, Scope("IJmond"), OCTOBER)
    # Four IJmond rows in the window: regio-overleg, wachtlijst, weigeringen, budget (P2).
    assert sorted(log.sessions["subject"]) == ["budget", "regio-overleg", "wachtlijst", "weigeringen"]
    assert len(log.open_actions) == 4  # wachtlijst, weigeringen, budget, oud


def test_a_closed_action_is_not_open(empty_db):
    add_dialogue(empty_db, day=date(2026, 10, 1), theme=6, provider="P1", subject="klaar",
                 action="gedaan", status="afgerond")
    log = dialogue_log(empty_db, Scope("IJmond", providers=("P1",)), OCTOBER)
    assert len(log.sessions) == 1 and log.open_actions.empty and log.overdue_count == 0


def test_an_empty_provider_code_is_a_region_wide_row(empty_db):
    # A row stored with aanbieder '' (not NULL) is region-wide as well, as the indicators count it.
    add_dialogue(empty_db, day=date(2026, 10, 1), theme=17, provider="", subject="regio")
    log = dialogue_log(empty_db, Scope("IJmond", providers=("P1",)), OCTOBER)
    assert list(log.sessions["subject"]) == ["regio"]
    assert log.sessions["provider"].isna().all()


def test_the_lists_agree_with_the_interaction_indicators(empty_db):
    from levers.registry import indicator

    _fill(empty_db)
    scope = Scope("IJmond", providers=("P1",))
    log = dialogue_log(empty_db, scope, OCTOBER)
    # By hand (see _fill): P1 has 3 open actions dated up to 31-10-2026, 2 of them overdue.
    assert indicator(empty_db, "open_acties", scope, OCTOBER).value == len(log.open_actions) == 3
    assert indicator(empty_db, "acties_verlopen", scope, OCTOBER).value == log.overdue_count == 2
