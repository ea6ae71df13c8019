"""Toelichtingen: a contract manager's short explanation of a figure, stored through the write path.

A note belongs to one indicator, one scope and one period (data/store/schema.sql, table notes). Adding,
editing and removing each write one audit entry (who, which note, for what; the text itself stays
out of the audit log). The text passes the privacy gate first (data.ingest.privacy.free_text_error); a
refused text is never stored and never repeated in the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from data.store import audit, db
from data.ingest.privacy import free_text_error
from data.ingest.storing import transaction

TABLE = "notes"
MAX_LENGTH = 300  # characters: a short explanation, not a report
TOO_LONG = f"de toelichting is te lang (meer dan {MAX_LENGTH} tekens)"
EMPTY = "de toelichting is leeg"
UNKNOWN = "deze toelichting bestaat niet (meer)"


class NoteRefused(ValueError):
    """A note that may not be stored; the message is Dutch and never repeats the text."""


@dataclass(frozen=True)
class NoteKey:
    """What a note is about: an indicator, for a scope (each part one value or none) and a period."""

    indicator: str
    region: str
    period: str  # period label: '2026-10', '2026-K3', '2026'
    municipality: str | None = None
    lot: str | None = None
    provider: str | None = None

    def describe(self) -> str:
        parts = [self.indicator, self.region, self.municipality, self.lot, self.provider, self.period]
        return " · ".join(part for part in parts if part)


def checked(text: str) -> str:
    """The trimmed text, or NoteRefused saying why it may not be stored."""
    text = " ".join(text.split())
    if not text:
        raise NoteRefused(EMPTY)
    if len(text) > MAX_LENGTH:
        raise NoteRefused(TOO_LONG)
    if problem := free_text_error(text):
        raise NoteRefused(problem)
    return text


def add_note(con: duckdb.DuckDBPyConnection, key: NoteKey, text: str, *, author_role: str, actor: str,
             today: date | None = None) -> int:
    """Store a new note; its id."""
    text = checked(text)
    with db.writing(con) as write, transaction(write.cursor):  # the note and its audit entry together
        [(note_id,)] = write.cursor.execute(
            "insert into notes (indicator, region, municipality, lot, provider, period, text, author_role, written_on)"
            " values ($indicator, $region, $municipality, $lot, $provider, $period, $text, $role, $today)"
            " returning note_id",
            {"indicator": key.indicator, "region": key.region, "municipality": key.municipality, "lot": key.lot,
             "provider": key.provider, "period": key.period, "text": text, "role": author_role,
             "today": today or date.today()},
        ).fetchall()
        audit.record(write.cursor, actor, "toelichting_toegevoegd", f"toelichting {note_id}: {key.describe()}")
        db.touched(TABLE)
    return note_id


def change_note(con: duckdb.DuckDBPyConnection, note_id: int, text: str, *, author_role: str, actor: str,
                today: date | None = None) -> None:
    """Replace a note's text (its author role becomes the editor's)."""
    text = checked(text)
    with db.writing(con) as write, transaction(write.cursor):  # the note and its audit entry together
        changed = write.cursor.execute(
            "update notes set text = $text, author_role = $role, changed_on = $today where note_id = $id"
            " returning note_id",
            {"text": text, "role": author_role, "today": today or date.today(), "id": note_id},
        ).fetchall()
        if not changed:
            raise NoteRefused(UNKNOWN)
        audit.record(write.cursor, actor, "toelichting_gewijzigd", f"toelichting {note_id}")
        db.touched(TABLE)


def remove_note(con: duckdb.DuckDBPyConnection, note_id: int, *, actor: str) -> None:
    with db.writing(con) as write, transaction(write.cursor):  # the note and its audit entry together
        removed = write.cursor.execute("delete from notes where note_id = $id returning note_id",
                                       {"id": note_id}).fetchall()
        if not removed:
            raise NoteRefused(UNKNOWN)
        audit.record(write.cursor, actor, "toelichting_verwijderd", f"toelichting {note_id}")
        db.touched(TABLE)
