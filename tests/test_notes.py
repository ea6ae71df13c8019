"""Toelichtingen (issue 13 §4): stored through the write path with audit, checked by the privacy gate,
and read back for exactly their scope and period; a provider's own uitkomsten toelichting only for it."""

from datetime import date

import pytest

from data.ingest.notes import NoteKey, NoteRefused, add_note, change_note, remove_note
from levers.notes import PROVIDER, REGION, notes, of_indicator
from levers.scope import Period, Scope
from tests.builders import VELSEN, add_outcome, add_provider

OCTOBER = Period.parse("2026-10")
STORY = "Wachttijd hoger door sluiting groep De Linde, opgelost per 1-9"


def _audit(con):
    return con.execute("select actor, action, details from audit_log order by rowid").fetchall()


def test_a_note_is_stored_with_role_and_date_audited_and_read_back_for_its_scope(empty_db):
    key = NoteKey("wachttijd_mediaan", "IJmond", "2026-10")
    note_id = add_note(empty_db, key, f"  {STORY} ", author_role="contractmanager", actor="cm@regio.nl",
                       today=date(2026, 11, 2))
    [note] = notes(empty_db, Scope("IJmond"), OCTOBER)
    assert (note.indicator, note.text, note.author, note.written_on, note.note_id, note.source) == (
        "wachttijd_mediaan", STORY, "contractmanager", date(2026, 11, 2), note_id, REGION)
    assert _audit(empty_db)[-1] == ("cm@regio.nl", "toelichting_toegevoegd",
                                    f"toelichting {note_id}: wachttijd_mediaan · IJmond · 2026-10")


@pytest.mark.parametrize("scope, period", [
    (Scope("IJmond", municipalities=(VELSEN,)), OCTOBER),  # a narrower scope
    (Scope("IJmond", lot="complex"), OCTOBER),
    (Scope("IJmond", providers=("P1",)), OCTOBER),
    (Scope("IJmond"), Period.parse("2026-09")),  # another period
    (Scope("IJmond"), Period.parse("2026-K4")),
])
def test_a_note_shows_only_for_the_scope_and_period_it_was_written_for(empty_db, scope, period):
    add_note(empty_db, NoteKey("uitval", "IJmond", "2026-10"), STORY, author_role="contractmanager", actor="cm")
    assert notes(empty_db, scope, period) == ()


def test_a_note_is_edited_and_removed_with_an_audit_entry_each(empty_db):
    note_id = add_note(empty_db, NoteKey("uitval", "IJmond", "2026-10"), STORY, author_role="contractmanager",
                       actor="cm", today=date(2026, 11, 2))
    change_note(empty_db, note_id, "Nieuwe uitleg", author_role="beheerder", actor="admin", today=date(2026, 11, 5))
    [note] = notes(empty_db, Scope("IJmond"), OCTOBER)
    assert (note.text, note.author, note.written_on) == ("Nieuwe uitleg", "beheerder", date(2026, 11, 5))
    remove_note(empty_db, note_id, actor="admin")
    assert notes(empty_db, Scope("IJmond"), OCTOBER) == ()
    assert [action for _, action, _ in _audit(empty_db)][-3:] == [
        "toelichting_toegevoegd", "toelichting_gewijzigd", "toelichting_verwijderd"]


@pytest.mark.parametrize("text, word", [
    ("Cliënt met BSN 111222333 wacht lang", "burgerservicenummer"),
    ("Vragen aan j.jansen@aanbieder.nl", "e-mailadres"),
    ("Geboortedatum onbekend bij de aanmelding", "geboortedatum"),
    ("", "leeg"),
    ("x" * 301, "te lang"),
])
def test_the_privacy_gate_refuses_a_text_without_storing_or_repeating_it(empty_db, text, word):
    with pytest.raises(NoteRefused) as refused:
        add_note(empty_db, NoteKey("uitval", "IJmond", "2026-10"), text, author_role="contractmanager", actor="cm")
    assert word in str(refused.value)
    assert "111222333" not in str(refused.value) and "jansen" not in str(refused.value)
    assert empty_db.execute("select count(*) from notes").fetchone() == (0,)


def test_a_provider_sees_its_own_uitkomsten_toelichting_and_no_other_providers(empty_db):
    add_provider(empty_db, provider="P1", name="Aanbieder Een")
    add_provider(empty_db, provider="P2", name="Aanbieder Twee")
    for provider, text in (("P1", "Veel nieuwe cliënten"), ("P2", "Team onderbezet")):
        add_outcome(empty_db, quarter_start=date(2026, 7, 1), quarter_end=date(2026, 9, 30), provider=provider)
        empty_db.execute("update outcomes set comment = $text where provider = $provider",
                         {"text": text, "provider": provider})
    own = notes(empty_db, Scope("IJmond", providers=("P1",)), OCTOBER)  # K3 ended in the 3 months before P
    assert {note.text for note in own} == {"Veel nieuwe cliënten"}
    assert {note.source for note in own} == {PROVIDER}
    assert [note.author for note in of_indicator(own, "tevredenheid")] == ["Aanbieder Een (complex, 2026-K3)"]
    assert notes(empty_db, Scope("IJmond"), OCTOBER) == ()  # the region total: no provider's text
