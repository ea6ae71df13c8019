"""Dialogue sessions entered in the app go through the `dialoog` load path and move the indicators."""

from datetime import date

import pytest

from data.ingest.dialogue_entry import (
    Action, ActionRef, agenda_to_dialogue_rows, mark_action_done, record_agenda_items, record_session,
    session_rows,
)
from levers.agenda import agenda
from levers.registry import lever_indicators, pick
from levers.scope import Period, Scope
from tests.builders import add_dialogue, add_norm, add_provider

OCTOBER = Period.month(2026, 10)  # p_end 31-10-2026; sessions count after 30-04-2026, themes after 31-10-2025
P1 = Scope("IJmond", providers=("P1",))
SESSION_DAY = date(2026, 10, 15)
FIX_LIST = Action("wachtlijst opschonen", "aanbieder", date(2026, 10, 20))  # overdue on 31-10
SHARE = Action("cijfers delen", "contractmanager", date(2026, 12, 1))  # not overdue on 31-10

_ROWS = """
select session_date, region, provider, theme, subject, signal, action, owner, deadline, status
from dialogues order by session_date, theme, action
"""


@pytest.fixture
def db(empty_db):
    """Provider P1 in IJmond and one earlier session: theme 6 on 10-09-2026, an open action due 30-09."""
    add_provider(empty_db, provider="P1")
    add_dialogue(empty_db, day=date(2026, 9, 10), theme=6, provider="P1", subject="acceptatieplicht",
                 action="wachtlijst doorlichten", deadline=date(2026, 9, 30))
    return empty_db


def _figures(con, scope=P1, period=OCTOBER):
    results = lever_indicators(con, "interaction", scope, period)
    return tuple(pick(results, code).value for code in ("dialoogsessies", "themadekking", "open_acties",
                                                         "acties_verlopen"))


def _record(con, **changes):
    session = dict(day=SESSION_DAY, region="IJmond", provider="P1", themes=[9, 17], subject="wachttijden",
                   signal="de wachtlijst groeit", actions=[FIX_LIST, SHARE], uploader="cm@ijmond.nl")
    return record_session(con, **(session | changes))


def test_the_baseline_is_one_session_one_theme_and_one_overdue_action(db):
    # (10-09-2026, P1) is one session; theme {6}: 1/18 × 100; one open action, due 30-09 < 31-10.
    assert _figures(db) == (1, pytest.approx(100 / 18), 1, 1)


def test_recording_a_session_with_two_actions_stores_one_row_per_theme_and_action(db):
    report = _record(db)
    assert report.stored and not report.errors
    new = [row for row in db.execute(_ROWS).fetchall() if row[0] == SESSION_DAY]
    # Themes 9 and 17 × actions 'cijfers delen' and 'wachtlijst opschonen': 4 rows, ordered by theme, action.
    key = (SESSION_DAY, "IJmond", "P1")
    share = ("cijfers delen", "contractmanager", date(2026, 12, 1), "open")
    fix = ("wachtlijst opschonen", "aanbieder", date(2026, 10, 20), "open")
    about = ("wachttijden", "de wachtlijst groeit")
    assert new == [(*key, 9, *about, *share), (*key, 9, *about, *fix), (*key, 17, *about, *share),
                   (*key, 17, *about, *fix)]
    assert db.execute("select count(*) from dialogues").fetchone()[0] == 5  # the earlier row is kept


def test_recording_a_session_moves_the_interaction_indicators(db):
    _record(db)
    # sessions: (10-09, P1) and (15-10, P1) = 2; themes {6, 9, 17} = 3/18 × 100;
    # open actions count once per (datum, aanbieder, onderwerp, actie) (signals.md §5), not per theme row:
    # (10-09, doorlichten) + (15-10, opschonen) + (15-10, cijfers delen) = 1 + 2 = 3;
    # overdue (deadline < 31-10): doorlichten 30-09 + opschonen 20-10 = 2 (cijfers delen 01-12 is not).
    assert _figures(db) == (2, pytest.approx(300 / 18), 3, 2)


def test_the_session_is_an_upload_with_an_audit_entry(db):
    _record(db)
    kind, rows, uploader = db.execute("select kind, row_count, uploader from uploads").fetchone()
    assert (kind, rows, uploader) == ("dialoog", 4, "cm@ijmond.nl")
    actor, action = db.execute("select actor, action from audit_log").fetchone()
    assert (actor, action) == ("cm@ijmond.nl", "upload")


def test_marking_an_action_done_removes_it_from_open_and_overdue_actions(db):
    _record(db)
    mark_action_done(db, ActionRef(SESSION_DAY, "IJmond", "P1", "wachttijden", "wachtlijst opschonen"),
                     uploader="cm@ijmond.nl")
    # Both theme rows of 'wachtlijst opschonen' are afgerond, and that is one action (signals.md §5):
    # open 3 − 1 = 2 (doorlichten, cijfers delen), overdue 2 − 1 = 1 (doorlichten); sessions and themes stay.
    assert _figures(db) == (2, pytest.approx(300 / 18), 2, 1)
    statuses = db.execute("select theme, action, status from dialogues where session_date = $d order by all",
                          {"d": SESSION_DAY}).fetchall()
    assert statuses == [(9, "cijfers delen", "open"), (9, "wachtlijst opschonen", "afgerond"),
                        (17, "cijfers delen", "open"), (17, "wachtlijst opschonen", "afgerond")]


def test_marking_the_earlier_overdue_action_done_leaves_no_overdue_action(db):
    mark_action_done(db, ActionRef(date(2026, 9, 10), "IJmond", "P1", "acceptatieplicht", "wachtlijst doorlichten"),
                     uploader="cm@ijmond.nl")
    assert _figures(db) == (1, pytest.approx(100 / 18), 0, 0)


def test_marking_an_action_that_is_not_open_changes_nothing(db):
    ref = ActionRef(date(2026, 9, 10), "IJmond", "P1", "acceptatieplicht", "wachtlijst doorlichten")
    mark_action_done(db, ref, uploader="cm@ijmond.nl")
    with pytest.raises(LookupError, match="niet"):
        mark_action_done(db, ref, uploader="cm@ijmond.nl")
    assert db.execute("select count(*) from uploads").fetchone()[0] == 1  # only the first change


def test_recording_the_same_session_again_does_not_double_it(db):
    _record(db)
    again = _record(db)
    assert again.unchanged and not again.stored
    assert db.execute("select count(*) from dialogues").fetchone()[0] == 5


def test_a_corrected_session_replaces_its_rows(db):
    _record(db)
    _record(db, actions=[SHARE])
    # Same date, region, provider, themes and subject: the 4 rows are replaced by 2 (one per theme).
    assert db.execute("select count(*) from dialogues where session_date = $d", {"d": SESSION_DAY}).fetchone()[0] == 2


def test_a_session_without_actions_stores_one_row_per_theme():
    rows = session_rows(day=SESSION_DAY, region="IJmond", provider=None, themes=[18, 3, 18], subject="onderwijs")
    assert [(row["thema"], row["aanbieder"], row["actie"], row["status"]) for row in rows] == [
        ("18", "", "", ""), ("3", "", "", ""),
    ]


def test_a_session_that_breaks_the_contract_stores_nothing_and_says_why(db):
    report = _record(db, themes=[19], actions=[Action("iets doen", "", None)])
    assert not report.stored
    messages = {(error.column, error.message) for error in report.errors}
    assert ("thema", "19 is geen dialoogthema (1 tot en met 18)") in messages
    assert ("eigenaar", "verplicht wanneer een actie is ingevuld") in messages
    assert db.execute("select count(*) from dialogues").fetchone()[0] == 1


def test_discussed_agenda_items_become_rows_with_one_action_and_leave_the_agenda(db):
    before = agenda(db, P1, OCTOBER)
    discussed = [item for item in before if item.theme in (17, 18)]
    # dialoogsessies and acties_verlopen (theme 17) are on it; themadekking and onderwijs_dialoog are not: a region
    # norm does not judge them for one provider (indicators.md v3)
    assert discussed
    signals = {item.code: f"signaal {item.code}" for item in discussed}
    record_agenda_items(db, discussed, day=date(2026, 10, 28), region="IJmond", provider="P1", signals=signals,
                        owner="contractmanager", deadline=date(2026, 12, 31), uploader="cm@ijmond.nl")
    stored = db.execute("select theme, subject, action, owner, status from dialogues where session_date = $d "
                        "order by theme, subject", {"d": date(2026, 10, 28)}).fetchall()
    assert stored == sorted((item.theme, item.name, f"Opvolgen: {item.name}", "contractmanager", "open")
                            for item in discussed)
    # Themes 17 and 18 now have a row on 28-10, inside (31-07, 31-10]: none of their items is left.
    assert not [item for item in agenda(db, P1, OCTOBER) if item.theme in (17, 18)]


def test_an_agreed_action_per_item_replaces_the_follow_up(db):
    # A region norm does not judge themadekking for one provider (indicators.md v3, "Norms and single
    # providers"): without a norm row naming P1 it is grijs and off P1's agenda. P1 gets the default as its own.
    add_norm(db, indicator="themadekking", year=2026, norm=75, margin=10, provider="P1", region="IJmond")
    item = next(item for item in agenda(db, P1, OCTOBER) if item.code == "themadekking")
    agreed = Action("thema's plannen", "regio", date(2026, 12, 1))
    rows = agenda_to_dialogue_rows([item], day=date(2026, 10, 28), region="IJmond", provider="P1",
                                   signals={"themadekking": "te weinig thema's besproken"},
                                   owner="contractmanager", actions={"themadekking": agreed})
    assert [(r["thema"], r["signaal"], r["actie"], r["eigenaar"], r["deadline"]) for r in rows] == [
        ("17", "te weinig thema's besproken", "thema's plannen", "regio", "2026-12-01"),
    ]
