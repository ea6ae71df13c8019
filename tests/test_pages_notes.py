"""Toelichtingen on the pages (issue 13 acceptance 3): a contract manager writes one on a lever page,
it shows on the card, on the Overzicht tile and in the council report's text; an aanbieder sees its own and no other's."""

from datetime import date

from auth.rights import Rights
from data.store.db import connect
from figures.figures import of_connection
from levers.scope import Period, Scope
from reports.council import council_report
from reports.council_pdf import council_pdf
from tests.fixtures.small_db import open_app
from tests.fixtures.small_demo import pdf_text

KADERS = "views/pages/boundaries.py"
IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
STORY = "Wachttijd hoger door sluiting groep De Linde, opgelost per 1-9"


def _write(app, code: str, text: str):
    app.selectbox(key="note_indicator").set_value(code)
    app.text_area(key="note_new_text").set_value(text)
    [button] = [b for b in app.button if b.label == "Opslaan" and b.form_id == "note_add"]
    return button.click().run()


def _icons(app) -> list:
    return [m for m in app.markdown if m.value.startswith(":material/sticky_note_2:")]


def test_a_note_written_on_the_page_shows_on_the_card_the_tile_and_in_the_council_report(own_small_db):
    app = open_app(KADERS, params={**IJMOND_OCTOBER, "indicator": "tijdig_gestart"}, rights=MANAGER)  # its card
    assert not _icons(app)
    app = _write(app, "tijdig_gestart", STORY)
    assert not app.exception
    assert "De toelichting is opgeslagen." in [s.value for s in app.success]
    [icon] = _icons(app)
    shown = STORY.replace(",", "\\,").replace("-", "\\-")  # escaped for Markdown (issue 22): shown as typed
    assert shown in icon.help and "contractmanager" in icon.help
    overview = open_app(params=IJMOND_OCTOBER, rights=MANAGER)  # the Overzicht: the Kaders tile
    [tile_icon] = _icons(overview)
    assert f"Gestart binnen de wachttijdnorm: {shown}" in tile_icon.help
    con = connect(own_small_db)  # the page's process holds a read-write connection: the same configuration
    assert con.execute("select action from audit_log where action like 'toelichting%'").fetchall() == [
        ("toelichting_toegevoegd",)]
    text = " ".join(pdf_text(council_pdf(council_report(of_connection(con), Scope("IJmond"), Period.parse("2026-10"),
                                                         made_on=date(2026, 11, 23)))).split())
    assert f"Gestart binnen de wachttijdnorm {STORY} contractmanager" in text


def test_a_text_with_an_email_address_is_refused_on_the_page_and_not_echoed(own_small_db):
    app = _write(open_app(KADERS, params=IJMOND_OCTOBER, rights=MANAGER), "tijdig_gestart",
                 "Bel j.jansen@voorbeeld.nl")
    [error] = app.error
    assert "e-mailadres" in error.value and "jansen" not in error.value
    assert not _icons(app)


def test_a_provider_sees_its_own_toelichting_and_no_other_providers(own_small_db):
    con = connect(own_small_db)
    con.execute("update outcomes set comment = 'Eigen uitleg van P1' where provider = 'P1'")
    con.execute("insert into outcomes select * replace ('P2' as provider, 'enkelvoudig' as lot, "
                "'Uitleg van P2' as comment) from outcomes where provider = 'P1'")
    con.close()
    for provider, own, other in (("P1", "Eigen uitleg van P1", "Uitleg van P2"),
                                 ("P2", "Uitleg van P2", "Eigen uitleg van P1")):
        rights = Rights("aanbieder", regions=("IJmond",), providers=(provider,))
        app = open_app("views/pages/shared_values.py", params=IJMOND_OCTOBER, rights=rights)
        assert not app.exception
        shown = " ".join(m.value + " " + (m.help or "") for m in app.markdown)
        assert own in shown and other not in shown


def test_a_note_on_an_agenda_item_is_printed_with_it_in_both_agenda_formats(own_small_db):
    from data.ingest.notes import NoteKey, add_note
    from reports.agenda_document import agenda_document, agenda_markdown, agenda_pdf

    con = connect(own_small_db)
    # the budget forecast of 103,0% (oranje, theme 5 not discussed) is on IJmond's agenda for oktober 2026
    add_note(con, NoteKey("budgetuitputting", "IJmond", "2026-10"), "Extra crisisplaatsen ingekocht",
             author_role="contractmanager", actor="cm", today=date(2026, 11, 2))
    document = agenda_document(of_connection(con), Scope("IJmond"), Period.parse("2026-10"), made_on=date(2026, 11, 23))
    assert "budgetuitputting" in [item.code for item in document.items]
    markdown = agenda_markdown(document).decode()
    assert "- **Toelichting:** Extra crisisplaatsen ingekocht (contractmanager, 02-11-2026)" in markdown
    text = " ".join(pdf_text(agenda_pdf(document)).split())
    assert "Toelichting Extra crisisplaatsen ingekocht (contractmanager, 02-11-2026)" in text
