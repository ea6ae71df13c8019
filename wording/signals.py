"""The words of a signal: what a status, a variatie and a zekerheid mean (signals.md §3 and §6).

A colour name says nothing to a new reader, so every status is shown with its meaning ("op koers"),
and every indicator with a series gets two small icons with words: how it varies and whether its
process will meet the norm. Screen icons are Material symbols; paper icons are DejaVu glyphs. The
CLI keeps the bare codes (groen, zorg, haalt_niet).
"""

from __future__ import annotations

STATUS_WORDS = {"groen": "op koers", "oranje": "let op", "rood": "buiten de norm", "grijs": "geen oordeel"}

VARIATIE_WORDS = {
    "gewoon": "gewone variatie",
    "verbetering": "verbetering",
    "zorg": "zorgelijke verandering",
    "bijzonder": "bijzondere variatie",
    "": "te weinig punten",
}
ZEKERHEID_WORDS = {
    "haalt": "haalt de norm",
    "haalt_niet": "haalt de norm niet",
    "wisselend": "wisselend",
}
NO_NORM = "geen norm"
TREND_NO_LATEST = "Geen waarde in {period}; eerdere punten staan in de grafiek"  # a headline without its last value
TOO_FEW_POINTS = VARIATIE_WORDS[""]

VARIATIE_ICONS = {
    "gewoon": ":material/swap_vert:",
    "verbetering": ":material/thumb_up:",
    "zorg": ":material/priority_high:",
    "bijzonder": ":material/bolt:",
    "": ":material/more_horiz:",
}
ZEKERHEID_ICONS = {"haalt": ":material/verified:", "haalt_niet": ":material/block:", "wisselend": ":material/sync_alt:",
                   "": ":material/more_horiz:"}
# Paper: glyphs the DejaVu fonts of the PDFs carry.
VARIATIE_GLYPHS = {"gewoon": "~", "verbetering": "↑", "zorg": "!", "bijzonder": "◆", "": "·"}
ZEKERHEID_GLYPHS = {"haalt": "✓", "haalt_niet": "✗", "wisselend": "↕", "": "·"}
VARIATIE_HELP = (
    "Variatie volgens een procesgrafiek (XmR): ligt de laatste waarde binnen de gewone schommeling, "
    "of is er een bijzondere oorzaak (buiten de grenzen, 7 punten aan één kant, 6 punten op rij stijgend "
    "of dalend, of 2 van 3 punten ver van het gemiddelde)?"
)
ZEKERHEID_HELP = "Zekerheid: haalt het proces de norm, gegeven de procesgrenzen van de reeks?"


def status_word(status: str, reason: str | None = None) -> str:
    """`op koers`; for grijs the reason too: `geen oordeel: te weinig waarnemingen`."""
    word = STATUS_WORDS[status]
    return f"{word}: {reason}" if status == "grijs" and reason else word


def variatie_word(variatie: str) -> str:
    """`zorgelijke verandering`; '' (fewer than 12 points or no last value) → `te weinig punten`."""
    return VARIATIE_WORDS[variatie]


def zekerheid_word(zekerheid: str, norm: float | None) -> str:
    """`haalt de norm`; '' → `geen norm` without a norm, else `te weinig punten`."""
    if zekerheid:
        return ZEKERHEID_WORDS[zekerheid]
    return NO_NORM if norm is None else TOO_FEW_POINTS
