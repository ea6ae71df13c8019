"""The waiting list in words (levers.waiting_list): the section's title and intro, the band labels and the
finding above the bands chart. Counts come already suppressed; `<5` is written as it came."""

from __future__ import annotations

from collections.abc import Sequence

from levers.waiting_list import WaitBand
from wording import fmt

TITLE = "Wachtlijst"
INTRO = ("Jeugdigen die zijn aangemeld maar van wie de hulp nog niet is gestart, op de laatste dag van elke "
         "periode, en hoe lang zij nu wachten (gerekend vanaf hun eerste aanmelding die nog wacht). Alleen "
         "aantallen; 1 tot 4 jeugdigen staat er als <5.")
SIZE = "Wachtenden per periode"
SIZE_NOTE = "Jeugdigen die op de laatste dag van de periode wachten, met procesgrenzen (minder is beter)"
BANDS_NOTE = "Wachtenden op de laatste dag van de periode, naar wachttijd in weken"
NOBODY = "Op de laatste dag van de periode wacht niemand."


def band_label(band: WaitBand) -> str:
    """`0–4 weken`, `15 weken of langer`."""
    if band.last_week is None:
        return f"{band.first_week} weken of langer"
    return f"{band.first_week}–{band.last_week} weken"


def shown(band: WaitBand) -> str:
    """The band's count as shown: `117`, `<5` or `0`."""
    return band.persons_label or fmt.count(band.persons or 0)


def finding(bands: Sequence[WaitBand]) -> str:
    """The chart's title: the longest band with anyone in it, e.g. `23 jeugdigen wachten 15 weken of langer`."""
    longest = next((band for band in reversed(bands) if band.persons_label or band.persons), None)
    if longest is None:
        return NOBODY
    return f"{shown(longest)} jeugdigen wachten {band_label(longest)}"
