"""The lever pages' section of toelichtingen: the notes of the lever's indicators with, for a contract
manager or beheerder, add, edit and remove (data.ingest.notes stores them, after the privacy gate)."""

from __future__ import annotations

import streamlit as st

from auth.rights import Rights
from data.ingest.notes import NoteKey, NoteRefused, add_note, change_note, remove_note
from levers import notes as notes_lever
from levers.catalogue import definition
from levers.catalogue import of_lever as lever_entries
from levers.notes import Note
from levers.scope import Period, Scope
from views import db, session
from views.plain import plain
from views.notes_ui import of_scope
from wording import notes as words

WRITERS = frozenset({"contractmanager", "beheerder"})
_FLASH = "notes_flash"


def may_write(rights: Rights) -> bool:
    """A contract manager or beheerder, in a process that may write (a read-only reader cannot store)."""
    return rights.role in WRITERS and not db.is_read_only()


def section(rights: Rights, scope: Scope, period: Period, lever: str) -> None:
    """The lever's toelichtingen, and the form to write one."""
    st.subheader(words.TITLE, anchor="toelichtingen")
    st.caption(words.INTRO)
    if flash := st.session_state.pop(_FLASH, None):
        st.success(flash)
    codes = [entry.code for entry in lever_entries(lever)]
    shown = [note for note in of_scope(rights, scope, period) if note.indicator in codes]
    if not shown:
        st.info(words.NONE)
    for note in shown:
        _note(rights, note)
    if may_write(rights):
        _add_form(rights, scope, period, codes)


def _note(rights: Rights, note: Note) -> None:
    with st.container(border=True):
        st.markdown(f"**{definition(note.indicator).name}** — {plain(note.text)}")
        st.caption(plain(words.byline(note)))
        if note.note_id is None or not may_write(rights):
            return
        change, remove, _ = st.columns([1, 1, 5], vertical_alignment="center")  # the two side by side
        with change.popover(words.CHANGE):
            text = st.text_area(words.TEXT, note.text, max_chars=300, key=f"note_text_{note.note_id}")
            if st.button(words.SAVE, key=f"note_save_{note.note_id}"):
                _write(lambda con: change_note(con, note.note_id, text, author_role=rights.role,
                                               actor=session.actor()), words.SAVED)
        if remove.button(words.REMOVE, key=f"note_remove_{note.note_id}", type="tertiary"):
            _write(lambda con: remove_note(con, note.note_id, actor=session.actor()), words.REMOVED)


def _add_form(rights: Rights, scope: Scope, period: Period, codes: list[str]) -> None:
    narrowed = rights.narrow_listing(scope)
    key = notes_lever.scope_key(narrowed) if narrowed is not None else None
    with st.expander(words.ADD):
        if key is None:
            st.info(words.MIXED_SCOPE)
            return
        with st.form("note_add", clear_on_submit=True):
            code = st.selectbox(words.INDICATOR, codes, format_func=lambda c: definition(c).name, key="note_indicator")
            text = st.text_area(words.TEXT, max_chars=300, key="note_new_text")
            submitted = st.form_submit_button(words.SAVE)
        if submitted:
            municipality, provider = key
            note_key = NoteKey(code, narrowed.region, period.label, municipality, narrowed.lot, provider)
            _write(lambda con: add_note(con, note_key, text, author_role=rights.role, actor=session.actor()),
                   words.SAVED)


def _write(write, done: str) -> None:
    """Store through the one write path; rerun with a message, or say in Dutch why not (never the text)."""
    try:
        with db.writing() as con:
            write(con)
    except NoteRefused as refused:
        st.error(words.REFUSED.format(reason=refused))
        return
    st.session_state[_FLASH] = done
    st.rerun()
