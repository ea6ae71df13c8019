"""Data en informatie (diagnostics): who is in care, how trajectories end, what care costs.

Each family function computes all requested periods in one query (a periods CTE over the period
lists), so a 24-month series costs as many queries as a single month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from levers.families import family_rows, per_period_results
from levers.result import IndicatorResult, make_result
from levers.scope import Period, Scope
from levers.sql_files import load_sql

CASELOAD = load_sql("diagnostics_caseload.sql")
REFERRALS = load_sql("diagnostics_referrals.sql")
SPENDING = load_sql("diagnostics_costs.sql")
GOALS = load_sql("diagnostics_goals.sql")

REASON_NONE_ENDED = "geen beëindigde trajecten in deze periode"
REASON_NO_KNOWN_END = "geen beëindigde trajecten met een bekende reden van beëindiging in deze periode"
REASON_NO_OUTCOMES = "geen afgesloten trajecten in de aangeleverde uitkomsten van deze periode"
REASON_NO_COSTS = "geen kostengegevens in deze periode"
REASON_NO_PERSONS = "geen jeugdigen in zorg in deze periode"


@dataclass(frozen=True)
class Caseload:
    """Trajectory figures of one period (scope: municipalities, perceel, providers)."""

    persons: int  # distinct (gemeente, client_id) with a trajectory active in P
    active: int  # trajectories active in P
    started: int  # trajectories started in P
    ended: int  # trajectories ended in P
    mean_days: float | None  # mean einddatum − startdatum of those ended in P
    known_end: int  # ended in P with reden_einde 31..35
    by_plan: int  # ended in P with reden 31
    dropped_out: int  # ended in P with reden 32 or 33
    by_plan_pct: float | None  # by_plan / known_end × 100
    dropped_out_pct: float | None  # dropped_out / known_end × 100


@dataclass(frozen=True)
class Referrals:
    ended: int  # trajectories in scope ended in P
    referred: int  # of those, followed within 30 days by a trajectory at another provider
    referred_pct: float | None


@dataclass(frozen=True)
class Spending:
    amount: float | None  # Σ bedrag of the kosten months in P; None without kosten rows
    rows: int  # kosten rows counted


@dataclass(frozen=True)
class GoalAttainment:
    goals_achieved: int  # Σ doelen_behaald of the uitkomsten quarters overlapping P
    closed: int  # Σ afgesloten_trajecten of the same rows
    achieved_pct: float | None


def caseload(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[Caseload]:
    """Trajectory counts and endings, one Caseload per period.

    unieke_jeugdigen: persons active in P
    actieve_trajecten: trajectories active in P
    instroom: trajectories started in P
    uitstroom: trajectories ended in P
    gemiddelde_duur: mean of einddatum − startdatum over trajectories ended in P
    volgens_plan: ended in P with reden 31 / ended in P with a known end reason × 100
    uitval: ended in P with reden 32 or 33 / ended in P with a known end reason × 100
    """
    return family_rows(con, CASELOAD, scope, periods, Caseload)


def referrals(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[Referrals]:
    """Endings followed by care elsewhere, one Referrals per period.

    doorverwijzing: ended in P trajectories T whose person has a trajectory at another provider (any
    perceel, regardless of the provider filter) starting in [T.einddatum, T.einddatum + 30 days] / ended
    in P × 100
    """
    return family_rows(con, REFERRALS, scope, periods, Referrals)


def spending(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[Spending]:
    """The spending behind the cost per youth, one Spending per period (divided in `compute`).

    kosten_per_jeugdige: Σ bedrag in P / unieke_jeugdigen
    """
    return family_rows(con, SPENDING, scope, periods, Spending)


def goal_attainment(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[GoalAttainment]:
    """Goals achieved according to the providers' uitkomsten, one GoalAttainment per period.

    doelrealisatie: Σ doelen_behaald / Σ afgesloten_trajecten × 100
    """
    return family_rows(con, GOALS, scope, periods, GoalAttainment)


def compute(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """All indicators of the lever, catalogue order, one tuple per period (for 24-month series)."""
    families = (caseload, referrals, spending, goal_attainment)
    return per_period_results(con, scope, periods, families, _results)


def indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """All indicators of the lever for one period: `compute(con, scope, [period])[0]`."""
    return compute(con, scope, [period])[0]


def _results(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    period: Period,
    load: Caseload,
    referral: Referrals,
    spent: Spending,
    goals: GoalAttainment,
) -> tuple[IndicatorResult, ...]:
    """One period's results in catalogue order, each built (norm, status, suppression) by make_result."""

    def result(code: str, value: float | None, denominator: float | None = None, why_none: str | None = None):
        return make_result(con, scope, period, code, value, denominator, reason=why_none if value is None else None)

    cost_per_youth, cost_reason = _per_youth(spent, load.persons)
    return (
        result("unieke_jeugdigen", load.persons),
        result("actieve_trajecten", load.active),
        result("instroom", load.started),
        result("uitstroom", load.ended),
        result("gemiddelde_duur", load.mean_days, load.ended, REASON_NONE_ENDED),
        result("volgens_plan", load.by_plan_pct, load.known_end, REASON_NO_KNOWN_END),
        result("uitval", load.dropped_out_pct, load.known_end, REASON_NO_KNOWN_END),
        result("doelrealisatie", goals.achieved_pct, goals.closed, REASON_NO_OUTCOMES),
        result("kosten_per_jeugdige", cost_per_youth, load.persons, cost_reason),
        result("doorverwijzing", referral.referred_pct, referral.ended, REASON_NONE_ENDED),
    )


def _per_youth(spent: Spending, persons: int) -> tuple[float | None, str | None]:
    """Σ bedrag / unieke_jeugdigen, or no value (with the reason) without kosten rows or persons."""
    if spent.rows == 0:
        return None, REASON_NO_COSTS
    if persons == 0:
        return None, REASON_NO_PERSONS
    return spent.amount / persons, None

