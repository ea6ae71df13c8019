"""Toelichtingen as the Overzicht and the lever cards read them: the notes of a scope, and the icon with
the text on hover. Writing them is views.notes_form (the lever pages' section).

The scope is narrowed like a listing (an aanbieder: its own scope only), so a provider never sees a
note written for another provider, nor another provider's uitkomsten toelichting.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from auth.rights import Rights
from levers.catalogue import definition
from levers.notes import Note
from levers.scope import Period, Scope
from views import cache
from views.plain import plain
from wording import notes as words


def of_scope(rights: Rights, scope: Scope, period: Period) -> tuple[Note, ...]:
    """The toelichtingen this user may read for the scope and period (kept until a note or upload changes)."""
    return cache.figures(rights).notes(scope, period)


def as_text(notes: tuple[Note, ...]) -> tuple[Note, ...]:
    """The notes with what a user wrote (text, a provider's name as author) escaped for Markdown."""
    return tuple(replace(note, text=plain(note.text), author=plain(note.author)) for note in notes)


def icon(notes: tuple[Note, ...], *, named: bool = False) -> None:
    """A note icon whose hover (or tap) shows the text; nothing without notes. `named`: on a tile."""
    if notes:
        st.markdown(f"{words.ICON} {words.ICON_LABEL}", help=words.hover(as_text(notes), named=named))


def of_lever(notes: tuple[Note, ...], lever: str) -> tuple[Note, ...]:
    return tuple(note for note in notes if definition(note.indicator).lever == lever)
