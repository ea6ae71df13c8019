"""Dutch words of the toelichtingen (issue 13 §4) on screen and paper."""

from __future__ import annotations

from levers.notes import Note
from wording import fmt

TITLE = "Toelichtingen"
INTRO = ("Het verhaal achter een cijfer: een korte uitleg bij een indicator voor deze selectie en periode. "
         "Schrijf geen namen, BSN's, e-mailadressen of andere persoonsgegevens.")
NONE = "Er zijn geen toelichtingen bij deze selectie en periode."
ICON = ":material/sticky_note_2:"
ICON_LABEL = "Toelichting"
ADD = "Toelichting toevoegen"
INDICATOR = "Indicator"
TEXT = "Toelichting"
SAVE = "Opslaan"
CHANGE = "Wijzigen"
REMOVE = "Verwijderen"
SAVED = "De toelichting is opgeslagen."
REMOVED = "De toelichting is verwijderd."
REFUSED = "Niet opgeslagen: {reason}."
MIXED_SCOPE = ("Een toelichting hoort bij één selectie: kies geen of één gemeente en geen of één aanbieder om er "
               "een te schrijven.")
PROVIDER_OWN = "toelichting van de aanbieder"
PAPER_TITLE = "Toelichtingen bij de cijfers"


def byline(note: Note) -> str:
    """`contractmanager, 02-11-2026` or `Aanbieder Een (complex, 2026-K3), toelichting van de aanbieder`."""
    when = fmt.day(note.written_on) if note.written_on else PROVIDER_OWN
    return f"{note.author}, {when}"


def hover(notes: tuple[Note, ...]) -> str:
    """The text under a tile's or card's icon: every toelichting with who wrote it."""
    return "\n\n".join(f"{note.text} ({byline(note)})" for note in notes)
