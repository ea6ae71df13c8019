"""Partner page tables: the chosen provider first, Dutch text on screen, numbers in files."""

from datetime import date

import pandas as pd

from levers.compare import ComparisonRow
from levers.scope import Period, Scope
from views.partner_tables import dialogue_table, own_first, peers_table
from tests.builders import indicator_result

SCOPE, PERIOD = Scope("IJmond"), Period.month(2026, 10)


def _rows(con):
    def row(key, name, youths, without_stay, trajectories):
        return ComparisonRow(key, name, (indicator_result(con, SCOPE, PERIOD, "unieke_jeugdigen", youths),
                                         indicator_result(con, SCOPE, PERIOD, "zonder_verblijf", without_stay,
                                                     trajectories)))

    # Ordered by name as levers.compare returns them: Alfa before Jeugdzorg.
    return (row("P9", "Alfa Jeugd", 1234, 100.0, 1234), row("P1", "Jeugdzorg", 3, 90.0, 600))


def test_the_chosen_provider_comes_first_and_is_marked(empty_db):
    labels = [label for label, _ in own_first(_rows(empty_db), "P1")]
    assert labels == ["Jeugdzorg (deze aanbieder)", "Alfa Jeugd"]


def test_the_screen_table_is_dutch_text_and_the_file_table_numbers(empty_db):
    rows = _rows(empty_db)
    screen = peers_table(rows, "P1", for_screen=True)
    # 3 youths is a small count (<5); 90% over 600 trajectories may be shown; 1.234 with a thousands dot.
    assert screen.values.tolist() == [["Jeugdzorg (deze aanbieder)", "<5", "90,0%"],
                                      ["Alfa Jeugd", "1.234", "100,0%"]]
    file = peers_table(rows, "P1", for_screen=False)
    assert file.values.tolist() == [["Jeugdzorg (deze aanbieder)", "<5", 90.0], ["Alfa Jeugd", 1234, 100.0]]


def test_dialogue_rows_name_region_wide_sessions():
    log = pd.DataFrame([{
        "session_date": date(2026, 10, 15), "provider": None, "provider_name": None, "theme": 18,
        "theme_name": "Onderwijs", "subject": "overleg", "signal": None, "action": "plan", "owner": "regio",
        "deadline": date(2026, 12, 1), "status": "open", "is_overdue": False,
    }])
    sessions = dialogue_table(log)
    assert list(sessions.columns) == ["Datum", "Aanbieder", "Thema", "Onderwerp", "Signaal", "Actie",
                                      "Eigenaar", "Deadline", "Status"]
    assert sessions.iloc[0]["Aanbieder"] == "regiobreed"
    assert sessions.iloc[0]["Signaal"] == "–"  # no signal: a dash, not None
    actions = dialogue_table(log, actions=True)
    assert list(actions.columns) == ["Datum", "Aanbieder", "Thema", "Onderwerp", "Actie", "Eigenaar", "Deadline",
                                     "Over de deadline"]
