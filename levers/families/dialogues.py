"""Family dialogues: how often the region and its providers talk, about what, and what they agreed.

dialoogsessies: distinct (datum, aanbieder) dialogue rows in (p_end − 6 months, p_end]; per provider,
region-wide rows count for every provider
themadekking: distinct thema in the 12 months ending at p_end / 18 × 100
open_acties: distinct (datum, aanbieder, onderwerp, actie) with status open, datum ≤ p_end (an action
about two themes counts once)
acties_verlopen: open actions (as counted above) with deadline < p_end

Dialogue rows have no municipality or perceel: only the region and the provider filter select them.
Dialogue figures are not suppressed (the catalogue marks them UNPROTECTED).
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family

THEME_COUNT = 18  # dialogue themes 1..18 (reference list dialoogthemas)


@dataclass(frozen=True)
class Dialogue:
    """Dialogue figures of one period (rows of the region; with a provider filter also region-wide)."""

    sessions: int  # distinct (datum, aanbieder) in (p_end − 6 months, p_end]
    themes: int  # distinct thema in (p_end − 12 months, p_end]
    theme_pct: float  # themes / 18 × 100
    open_actions: int  # distinct open actions (datum, aanbieder, onderwerp, actie), datum <= p_end
    overdue_actions: int  # of those, deadline < p_end


def build(row: Dialogue, ctx: Context) -> dict:
    return {
        "dialoogsessies": ctx.result("dialoogsessies", row.sessions),
        "themadekking": ctx.result("themadekking", row.theme_pct, THEME_COUNT),
        "open_acties": ctx.result("open_acties", row.open_actions),
        "acties_verlopen": ctx.result("acties_verlopen", row.overdue_actions),
    }


FAMILY = Family("dialogues", "dialogues.sql", Dialogue, build)
