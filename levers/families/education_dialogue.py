"""Family education_dialogue: how often education and youth care talked.

onderwijs_dialoog: distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending
at p_end (region-wide rows count for every provider)

The 12 months are (p_end − 12 months, p_end]. Dialogue rows belong to a region, not to a
municipality or perceel; a provider filter keeps those providers' rows and the region-wide ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family


@dataclass(frozen=True)
class EducationDialogue:
    sessions: int


def build(row: EducationDialogue, ctx: Context) -> dict:
    return {"onderwijs_dialoog": ctx.result("onderwijs_dialoog", row.sessions)}


FAMILY = Family("education_dialogue", "education_dialogue.sql", EducationDialogue, build)
