"""Signals you can trust (signals.md): actions counted once (§5)."""

from datetime import date

from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import add_dialogue

IJMOND = Scope(region="IJmond")
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
