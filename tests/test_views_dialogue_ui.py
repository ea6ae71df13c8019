"""Recording the dialogue in the app (AppTest): Interactie and Partner pages, rights, the documents.

Each test gets its own copy of the small fixture database (tests/fixtures/small_db.py), because
these tests write. Its dialogue, worked out by hand for provider P1 in oktober 2026 (p_end 31-10):
- rows: P1 on 10-09-2026 (theme 6, action 'wachtlijst doorlichten', deadline 30-09-2026, open) and
  region-wide on 15-10-2026 (theme 18, no action);
- dialoogsessies (6 months): (10-09, P1) and (15-10, region-wide) = 2; themadekking: {6, 18} = 2/18 =
  11,1%; open_acties 1; acties_verlopen 1 (30-09 < 31-10).
"""

from datetime import date

import duckdb
import pandas as pd
import pytest

from auth.rights import Rights
from data.ingest.dialogue_entry import Action
from levers.registry import lever_indicators, pick
from levers.scope import Period, Scope
from tests.builders import add_norm
from tests.fixtures.small_db import open_app
from reports.agenda_document import agenda_markdown, agenda_pdf
from views import db as view_db
from views import dialogue_ui, documents_ui
from views.plain import plain

INTERACTION = "views/pages/interaction.py"
PARTNER = "views/pages/partner.py"
P1_OCTOBER = {"regio": "IJmond", "periode": "2026-10", "aanbieder": "P1"}
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
PROVIDER_P1 = Rights("aanbieder", regions=("IJmond",), providers=("P1",), email="p1@aanbieder.nl")
ALDERMAN = Rights("bestuurder", regions=("IJmond",))
NEW_ROWS = """
select session_date, provider, theme, subject, signal, action, owner, deadline, status
from dialogues where session_date = date '2026-10-20' order by theme, action
"""


@pytest.fixture
def database(own_small_db):
    """A fresh, writable copy of the small fixture database for this test only."""
    yield own_small_db
    view_db.clear_caches()


def _read(path):
    return duckdb.connect(str(path))  # the same database instance as the app's connection


def _figures(app) -> dict[str, str]:
    """The interaction lever page's summary table: indicator name → the shown value."""
    table = app.dataframe[0].value
    return dict(zip(table["Indicator"], table["Waarde"]))


def _shown(figures: dict[str, str]) -> tuple[str, str, str, str]:
    return tuple(figures[name] for name in ("Dialoogsessies, laatste 6 maanden", "Besproken dialoogthema's, 12 maanden",
                                            "Openstaande acties", "Acties over de deadline"))


def _part(app, part: str):
    """Open one part of the Interactie page's dialogue section (none is drawn until chosen)."""
    return app.segmented_control(key="interaction_dialogue").set_value(part).run()


def _fill_session(app, actions: list[dict]) -> None:
    _part(app, "record")
    app.date_input(key="interaction_day").set_value(date(2026, 10, 20))
    app.multiselect(key="interaction_themes").set_value([9, 17])
    app.text_input(key="interaction_subject").set_value("wachttijden")
    app.text_area(key="interaction_signal").set_value("de wachtlijst groeit")
    app.session_state["interaction_actions"] = {"edited_rows": {}, "added_rows": actions, "deleted_rows": []}
    # the session form's own button: the page's toelichtingen form has an "Opslaan" too
    next(b for b in app.button if b.label == "Opslaan" and b.form_id == "interaction_session").click().run()


TWO_ACTIONS = [
    {"action": "wachtlijst opschonen", "owner": "aanbieder", "deadline": "2026-10-25", "status": "open"},
    {"action": "cijfers delen", "owner": "contractmanager", "deadline": "2026-12-01", "status": "open"},
]


def test_the_interaction_page_shows_the_dialogue_of_p1(database):
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER)
    assert not app.exception
    assert _shown(_figures(app)) == ("2", "11,1%", "1", "1")
    assert "wachtlijst doorlichten" in _part(app, "actions").dataframe[-1].value.to_string()


def test_recording_a_session_with_two_actions_stores_those_rows_and_moves_the_figures(database):
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER)
    assert _part(app, "record").selectbox(key="interaction_who").value == "P1"  # the sidebar's one provider
    _fill_session(app, TWO_ACTIONS)
    assert not app.exception
    with _read(database) as con:
        rows = con.execute(NEW_ROWS).fetchall()
    # Themes 9 and 17 × the two actions: four rows, nothing else.
    share = ("cijfers delen", "contractmanager", date(2026, 12, 1), "open")
    fix = ("wachtlijst opschonen", "aanbieder", date(2026, 10, 25), "open")
    about = (date(2026, 10, 20), "P1")
    text = ("wachttijden", "de wachtlijst groeit")
    assert rows == [(*about, 9, *text, *share), (*about, 9, *text, *fix), (*about, 17, *text, *share),
                    (*about, 17, *text, *fix)]
    # sessions 2 + (20-10, P1) = 3; themes {6, 18, 9, 17} = 4/18 = 22,2%;
    # an action counts once per (datum, aanbieder, onderwerp, actie), not per theme row (signals.md §5):
    # open 1 (doorlichten) + 2 (opschonen, cijfers delen) = 3;
    # overdue (deadline < 31-10): doorlichten 30-09 + opschonen 25-10 = 2 (cijfers delen 01-12 is not).
    assert _shown(_figures(app)) == ("3", "22,2%", "3", "2")
    (saved,) = [message.value for message in app.success if "Vastgelegd" in message.value]
    # The summary is shown escaped for Markdown (views/plain.py, issue 22): compare with the escaped text.
    assert plain("dialoogsessie 20-10-2026 IJmond Jeugdzorg Kennemerland") in saved and " P1 " not in saved  # the name


def test_a_session_the_contract_refuses_stores_nothing_and_says_why(database):
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER)
    _fill_session(app, [{"action": "iets doen", "status": "open"}])  # no owner
    assert not app.exception
    # Two themes make two rows without an owner: the rule is listed once.
    assert app.error[0].value.count("eigenaar: verplicht wanneer een actie is ingevuld") == 1
    with _read(database) as con:
        assert con.execute(NEW_ROWS).fetchall() == []


def test_two_actions_without_an_owner_are_refused_on_the_form_and_nothing_is_stored(database):
    # issue 22, point 7: the browser kept rows with an empty required owner to itself, and the session was
    # stored without its actions; now the rows reach the check, which refuses them on the form
    owner = dialogue_ui._action_columns()["owner"]
    assert not owner.get("required")
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER)
    _fill_session(app, [{"action": "wachtlijst opschonen", "owner": None, "status": "open"},
                        {"action": "cijfers delen", "owner": None, "status": "open"}])
    assert not app.exception
    assert "eigenaar: verplicht wanneer een actie is ingevuld" in app.error[0].value
    assert not app.success
    with _read(database) as con:
        assert con.execute(NEW_ROWS).fetchall() == []


def test_an_owner_without_an_action_text_is_refused_on_the_form(database):
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER)
    _fill_session(app, [{"action": None, "owner": "aanbieder", "status": "open"}])
    assert "een actie heeft een eigenaar of deadline maar geen omschrijving" in app.error[0].value
    with _read(database) as con:
        assert con.execute(NEW_ROWS).fetchall() == []


def test_marking_the_overdue_action_done_on_the_partner_page_clears_open_and_overdue(database):
    app = open_app(PARTNER, params={**P1_OCTOBER, "partner": "P1"}, rights=CONTRACT_MANAGER)
    pick_done = app.multiselect(key="partner_done_pick")
    assert pick_done.options == ["10-09-2026 · Jeugdzorg Kennemerland · acceptatieplicht: wachtlijst doorlichten"]
    pick_done.set_value(pick_done.options)
    next(b for b in app.button if b.label == "Markeer als afgerond").click().run()
    assert not app.exception
    with _read(database) as con:
        status = con.execute("select status from dialogues where action = 'wachtlijst doorlichten'").fetchall()
        results = lever_indicators(con, "interaction", Scope("IJmond", providers=("P1",)), Period.month(2026, 10))
    assert status == [("afgerond",)]
    assert (pick(results, "open_acties").value, pick(results, "acties_verlopen").value) == (0, 0)
    assert "Geen openstaande acties." in [caption.value for caption in app.caption]


def test_discussed_agenda_items_become_dialogue_rows_on_the_partner_page(database):
    # A region norm does not judge themadekking for one provider (indicators.md v3, "Norms and single
    # providers"): without a norm row naming P1 it is grijs and off P1's agenda. P1 gets the default as its own.
    with _read(database) as con:
        add_norm(con, indicator="themadekking", year=2026, norm=75, margin=10, provider="P1", region="IJmond")
    app = open_app(PARTNER, params={**P1_OCTOBER, "partner": "P1"}, rights=CONTRACT_MANAGER)
    picker = app.multiselect(key="partner_agenda_pick")
    # P1's themes 17 (quality) was not discussed in the last 3 months: themadekking 11,1% < 75 − 10 is rood.
    assert "Besproken dialoogthema's, 12 maanden" in picker.options
    picker.set_value(["themadekking"])
    app.date_input(key="partner_agenda_day").set_value(date(2026, 10, 28))
    next(b for b in app.button if b.label == "Vastleggen").click().run()
    assert not app.exception
    with _read(database) as con:
        rows = con.execute("select provider, action, owner, status from dialogues "
                           "where session_date = date '2026-10-28'").fetchall()
    assert rows == [("P1", "Opvolgen: Besproken dialoogthema's, 12 maanden", "contractmanager", "open")]


def test_after_switching_provider_a_recorded_session_is_stored_against_the_new_provider(database):
    app = open_app(PARTNER, params={**P1_OCTOBER, "partner": "P1"}, rights=CONTRACT_MANAGER)
    app.selectbox(key="partner_provider").set_value("P3").run()
    assert app.selectbox(key="partner_who").value == "P3"  # "Met wie" follows the page's provider
    app.date_input(key="partner_day").set_value(date(2026, 10, 20))
    app.multiselect(key="partner_themes").set_value([9])
    app.text_input(key="partner_subject").set_value("wachttijden")
    next(b for b in app.button if b.label == "Opslaan").click().run()
    assert not app.exception
    with _read(database) as con:
        rows = con.execute("select provider, theme, subject from dialogues "
                           "where session_date = date '2026-10-20'").fetchall()
    assert rows == [("P3", 9, "wachttijden")]  # Samen Verder, not Jeugdzorg Kennemerland


WRITE_BUTTONS = ("Opslaan", "Markeer als afgerond", "Vastleggen")
WRITE_FORMS = ("Gesprek vastleggen", "Besproken agendapunten vastleggen")


def _write_controls(app) -> list[str]:
    return ([b.label for b in app.button if b.label in WRITE_BUTTONS]
            + [e.label for e in app.expander if e.label in WRITE_FORMS])


def _all_tables(app) -> str:
    return "\n".join(frame.value.to_string() for frame in app.dataframe)


def test_a_provider_reads_its_own_dialogue_and_has_nothing_to_write_with(database):
    partner = open_app(PARTNER, params={**P1_OCTOBER, "partner": "P1"}, rights=PROVIDER_P1)
    assert not partner.exception
    assert "wachtlijst doorlichten" in _all_tables(partner)  # its own open action
    assert _write_controls(partner) == []
    interaction = open_app(INTERACTION, params=P1_OCTOBER, rights=PROVIDER_P1)
    assert "wachtlijst doorlichten" in _all_tables(_part(interaction, "actions"))
    for part in ("actions", "sessions", "record", "documents"):
        assert _write_controls(_part(interaction, part)) == []
    labels = [button.label for button in interaction.get("download_button")]  # the documents part is open
    assert "Agenda (PDF)" in labels and "Bestuursrapportage (PDF)" not in labels
    with _read(database) as con:
        assert con.execute("select count(*) from uploads").fetchone()[0] == 0


def test_an_alderman_gets_the_council_report_but_no_forms(database):
    app = open_app(INTERACTION, params={"regio": "IJmond", "periode": "2026-10"}, rights=ALDERMAN)
    assert not app.exception
    assert "Bestuursrapportage (PDF)" in [button.label for button in _part(app, "documents").get("download_button")]
    assert _write_controls(_part(app, "actions")) == []
    assert app.segmented_control(key="interaction_dialogue").options == [
        "Openstaande acties", "Gesprekken, laatste 12 maanden", "Agenda en rapportage"]  # no empty form panel


def test_a_session_recorded_today_shows_under_the_running_month(database):
    today = date.today()
    running = f"{today:%Y-%m}"
    app = open_app(INTERACTION, params={**P1_OCTOBER, "periode": running}, rights=CONTRACT_MANAGER)
    assert not app.exception
    month = f"{MONTHS[today.month - 1]} {today.year}"
    assert app.selectbox(key="filter_periode").value == running  # offered, and taken from the link
    assert f"{month} (lopende maand)" in app.selectbox(key="filter_periode").options
    assert any(f"{month} is nog niet compleet" in caption.value for caption in app.sidebar.caption)
    assert "gesprek van vandaag" not in _all_tables(_part(app, "sessions"))
    _part(app, "record")
    assert any(f"Periode → Maand → {month} (lopende maand)" in caption.value for caption in app.caption)
    app.multiselect(key="interaction_themes").set_value([9])  # the date stays today, as the form offers it
    app.text_input(key="interaction_subject").set_value("gesprek van vandaag")
    next(b for b in app.button if b.label == "Opslaan" and b.form_id == "interaction_session").click().run()
    assert not app.exception
    assert "gesprek van vandaag" in _all_tables(_part(app, "sessions"))


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def test_a_read_only_deployment_offers_no_form(database, monkeypatch):
    monkeypatch.setenv(view_db.READ_ONLY_ENV, "1")
    app = _part(open_app(INTERACTION, params=P1_OCTOBER, rights=CONTRACT_MANAGER), "record")
    assert not app.exception
    assert any("alleen-lezen" in message.value for message in app.info)
    assert not [b for b in app.button if b.label in WRITE_BUTTONS]  # the form's place says why instead


def test_another_provider_does_not_see_p1s_dialogue(database):
    other = Rights("aanbieder", regions=("IJmond",), providers=("P2",))
    app = open_app(INTERACTION, params=P1_OCTOBER, rights=other)  # asks for P1 in the link
    assert not app.exception
    shown = _all_tables(_part(app, "actions")) + _all_tables(_part(app, "sessions"))
    assert "wachtlijst doorlichten" not in shown and "acceptatieplicht" not in shown


def test_the_documents_are_made_outside_a_page_run_as_a_download_does(database):
    # Streamlit calls a deferred download's function without a script run: it must need none.
    october = Period.month(2026, 10)
    document = documents_ui.agenda_for(CONTRACT_MANAGER, Scope("IJmond", providers=("P1",)), october)
    assert document.provider_names == ("Jeugdzorg Kennemerland",)
    assert agenda_pdf(document).startswith(b"%PDF-")
    assert agenda_markdown(document).startswith("# Agenda voor het volgende gesprek".encode())
    assert documents_ui.council_pdf_for(CONTRACT_MANAGER, Scope("IJmond"), october).startswith(b"%PDF-")


def test_editor_rows_become_actions_whatever_the_date_looks_like():
    frame = pd.DataFrame([
        {"action": "plan maken", "owner": "aanbieder", "deadline": "2026-11-30", "status": "open"},  # browser text
        {"action": " cijfers ", "owner": "gemeente", "deadline": pd.Timestamp("2026-12-01"), "status": None},
        {"action": "zonder datum", "owner": "wijkteam", "deadline": pd.NaT, "status": "afgerond"},
        {"action": None, "owner": "gemeente", "deadline": None, "status": "open"},  # an empty row is skipped
    ])
    assert dialogue_ui.actions_from(frame) == [
        Action("plan maken", "aanbieder", date(2026, 11, 30), "open"),
        Action("cijfers", "gemeente", date(2026, 12, 1), "open"),  # no status means open
        Action("zonder datum", "wijkteam", None, "afgerond"),
    ]
