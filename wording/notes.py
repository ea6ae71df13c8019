"""Dutch words of the toelichtingen (issue 13 §4) on screen and paper."""

from __future__ import annotations

from levers.catalogue import definition
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


def hover(notes: tuple[Note, ...], *, named: bool = False) -> str:
    """The text under a card's icon: every toelichting with who wrote it; `named` (a tile, which holds
    several indicators) puts the indicator's name first."""
    def line(note: Note) -> str:
        text = f"{note.text} ({byline(note)})"
        return f"{definition(note.indicator).name}: {text}" if named else text
    return "\n\n".join(line(note) for note in notes)
