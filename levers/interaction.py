"""Interactie en dialoog (interaction): how often the region and its providers talk, about what,
what they agreed, and whether the providers deliver their outcomes.

Dialogue rows have no municipality or perceel: only the region and the provider filter select them.
Dialogue figures and delivery rates are not suppressed (the catalogue marks them UNPROTECTED).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from levers.families import family_rows, per_period_results
from levers.result import IndicatorResult, make_result
from levers.scope import Period, Scope
from levers.shared_values import window_starts
from levers.sql_files import load_sql

DIALOGUES = load_sql("interaction_dialogues.sql")
DELIVERY = load_sql("interaction_delivery.sql")

THEME_COUNT = 18  # dialogue themes 1..18 (reference list dialoogthemas)
SESSION_MONTHS = 6  # dialoogsessies window
THEME_MONTHS = 12  # themadekking window

REASON_NOTHING_EXPECTED = (
    "geen uitkomsten verwacht: geen kwartaal dat in deze periode is afgelopen, of geen aanbieder in beeld"
)


@dataclass(frozen=True)
class Dialogue:
    """Dialogue figures of one period (rows of the region; with a provider filter also region-wide)."""

    sessions: int  # distinct (datum, aanbieder) in (p_end − 6 months, p_end]
    themes: int  # distinct thema in (p_end − 12 months, p_end]
    theme_pct: float  # themes / 18 × 100
    open_actions: int  # rows with an actie, status open, datum <= p_end
    overdue_actions: int  # of those, deadline < p_end


@dataclass(frozen=True)
class Delivery:
    expected: int  # provider × perceel × closed quarter cells in scope
    present: int  # of those, delivered uitkomsten rows
    delivered_pct: float | None  # present / expected × 100; None when nothing was expected


def dialogue(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[Dialogue]:
    """Sessions, themes and actions of the dialogue log, one Dialogue per period.

    dialoogsessies: distinct (datum, aanbieder) dialogue rows in (p_end − 6 months, p_end]; per provider,
    region-wide rows count for every provider
    themadekking: distinct thema in the 12 months ending at p_end / 18 × 100
    open_acties: rows with an actie, status open, datum ≤ p_end
    acties_verlopen: open actions with deadline < p_end
    """
    return family_rows(
        con, DIALOGUES, scope, periods, Dialogue,
        after_6=window_starts(periods, SESSION_MONTHS),
        after_12=window_starts(periods, THEME_MONTHS),
        theme_count=THEME_COUNT,
    )


def delivery(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[Delivery]:
    """Delivered uitkomsten rows against the expected ones, one Delivery per period.

    aanlevering: present `uitkomsten` rows / expected rows × 100; expected = each provider in scope ×
    each of its percelen in scope × each quarter overlapping P whose last day ≤ p_end (none → grijs)
    """
    return family_rows(con, DELIVERY, scope, periods, Delivery)


def compute(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """All indicators of the lever, catalogue order, one tuple per period (for 24-month series)."""
    return per_period_results(con, scope, periods, (dialogue, delivery), _results)


def indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """All indicators of the lever for one period: `compute(con, scope, [period])[0]`."""
    return compute(con, scope, [period])[0]


def _results(
    con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, talk: Dialogue, delivered: Delivery
) -> tuple[IndicatorResult, ...]:
    """One period's results in catalogue order, each built (norm, status) by make_result."""
    return (
        make_result(con, scope, period, "dialoogsessies", talk.sessions),
        make_result(con, scope, period, "themadekking", talk.theme_pct, THEME_COUNT),
        make_result(con, scope, period, "open_acties", talk.open_actions),
        make_result(con, scope, period, "acties_verlopen", talk.overdue_actions),
        make_result(con, scope, period, "aanlevering", delivered.delivered_pct, delivered.expected,
                    reason=REASON_NOTHING_EXPECTED if delivered.delivered_pct is None else None),
    )

