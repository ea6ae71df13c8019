"""Tiny row builders for hand-made test datasets: one call, one row, sensible defaults.

Tests state only the columns that matter to them, so the expected value can be worked out by hand
from the test itself. Defaults: region IJmond, municipality Velsen (GM0453), provider P1 (complex).
"""

from __future__ import annotations

from datetime import date
from itertools import count

import duckdb

_ids = count(1)

VELSEN, BEVERWIJK, HEEMSKERK = "GM0453", "GM0375", "GM0396"
HAARLEM = "GM0392"


def _insert(con: duckdb.DuckDBPyConnection, table: str, row: dict) -> None:
    columns = ", ".join(row)
    placeholders = ", ".join(f"${name}" for name in row)
    con.execute(f"insert into {table} ({columns}) values ({placeholders})", row)


def add_trajectory(
    con,
    *,
    client: str,
    start: date | None,
    end: date | None = None,
    registered: date | None = None,
    municipality: str = VELSEN,
    provider: str = "P1",
    lot: str = "complex",
    category: int = 45,
    reason: int | None = None,
    referrer: int | None = None,
    age_group: str | None = None,
    trajectory_id: str | None = None,
) -> None:
    """One trajectory; an end date without reason gets reason 31 (volgens plan). `start=None` with a
    `registered` date is a child still waiting (csv-contract.md kind 1)."""
    if end is not None and reason is None:
        reason = 31
    _insert(con, "trajectories", {
        "municipality": municipality, "trajectory_id": trajectory_id or f"T{next(_ids)}",
        "client_id": client, "provider": provider, "lot": lot, "product_category": category,
        "referrer": referrer, "registration_date": registered, "start_date": start, "end_date": end,
        "end_reason": reason, "age_group": age_group,
    })


def add_cost(con, *, month: date, amount: float, municipality: str = VELSEN, provider: str = "P1",
             lot: str = "complex", kind: str = "declaratie", category: int | None = None) -> None:
    _insert(con, "costs", {
        "month": month.replace(day=1), "municipality": municipality, "provider": provider, "lot": lot,
        "product_category": category, "kind": kind, "amount": amount,
    })


def add_budget(con, *, year: int, budget: float, municipality: str = VELSEN, lot: str = "complex",
               provider: str | None = None) -> None:
    _insert(con, "budgets", {
        "year": year, "municipality": municipality, "lot": lot, "provider": provider, "budget": budget,
    })


def add_outcome(con, *, quarter_start: date, quarter_end: date, provider: str = "P1", lot: str = "complex",
                closed: int = 0, achieved: int = 0, responses: int = 0, positive: int = 0,
                refusals: int = 0, region: str | None = "IJmond") -> None:
    """One `uitkomsten` row about `region` (None: a row from before regio, of a provider in several regions)."""
    _insert(con, "outcomes", {
        "quarter_start": quarter_start, "quarter_end": quarter_end, "region": region, "provider": provider, "lot": lot,
        "closed_trajectories": closed, "goals_achieved": achieved, "satisfaction_responses": responses,
        "satisfaction_positive": positive, "refusals": refusals,
    })


def add_dialogue(con, *, day: date, theme: int, region: str = "IJmond", provider: str | None = None,
                 subject: str = "overleg", action: str | None = None, owner: str | None = None,
                 deadline: date | None = None, status: str | None = None) -> None:
    if action is not None:
        owner = owner or "contractmanager"
        status = status or "open"
    _insert(con, "dialogues", {
        "session_date": day, "region": region, "provider": provider, "theme": theme, "subject": subject,
        "action": action, "owner": owner, "deadline": deadline, "status": status,
    })


def add_norm(con, *, indicator: str, year: int, norm: float, margin: float = 0, lot: str | None = None,
             provider: str | None = None, region: str | None = None) -> None:
    _insert(con, "norms", {
        "region": region, "indicator": indicator, "year": year, "lot": lot, "provider": provider, "norm": norm, "margin": margin,
    })


def add_provider(con, *, provider: str = "P1", name: str | None = None, lot: str = "complex",
                 role: str = "strategisch_partner", regions: str = "IJmond",
                 certificate_valid_until: date | None = None) -> None:
    _insert(con, "providers", {
        "provider": provider, "name": name or f"Aanbieder {provider}", "lot": lot, "role": role,
        "regions": regions, "certificate_valid_until": certificate_valid_until,
    })


def add_contract(con, *, contract_id: str, start: date, end: date, evaluations: tuple[date, ...] = (),
                 regions: str = "IJmond", lot: str = "complex", provider: str | None = None,
                 funding: str = "lumpsum", extension_until: date | None = None) -> None:
    _insert(con, "contracts", {
        "contract_id": contract_id, "regions": regions, "lot": lot, "provider": provider, "funding": funding,
        "start_date": start, "end_date": end, "extension_until": extension_until,
        "evaluation_dates": list(evaluations) or None, "agreements": None,
    })


def add_population(con, *, year: int, youths: int, municipality: str = VELSEN, region: str | None = None) -> None:
    _insert(con, "populations", {
        "municipality": municipality, "year": year, "youths_0_17": youths, "region": region,
    })


def add_mixed_providers(con) -> None:
    """Four providers that exercise 'providers in scope': P1 complex and P2 enkelvoudig in IJmond,
    P3 'beide' in IJmond and Zuid-Kennemerland, P4 complex in Achterhoek (outside IJmond)."""
    add_provider(con, provider="P1", lot="complex")
    add_provider(con, provider="P2", lot="enkelvoudig")
    add_provider(con, provider="P3", lot="beide", regions="IJmond/Zuid-Kennemerland")
    add_provider(con, provider="P4", lot="complex", regions="Achterhoek")


def indicator_result(con, scope, period, code: str, value, denominator=None, **kwargs):
    """A shown result of `code` as a family builds it: its norm for the scope and period, suppression."""
    from levers.family import Context
    from levers.norms import Norms

    return Context(scope, period, Norms.load(con)).result(code, value, denominator, **kwargs)
