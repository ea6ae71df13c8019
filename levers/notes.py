"""The story behind a number (issue 13 §4): the toelichtingen that belong to a scope and period.

Two sources: notes a contract manager wrote in the app for exactly this scope and period
(data/ingest/notes.py), and a provider's own `toelichting` in its uitkomsten, shown beside its quarterly
figures when the scope is narrowed to that provider (levers/sql/notes.sql says which quarters). An
aanbieder's scope is always narrowed to itself (auth.rights.narrow_listing), so it never sees another
provider's toelichting, nor a note written for another provider's scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from levers.catalogue import CATALOGUE, QUARTERLY
from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql, used_params

REGION, PROVIDER = "regio", "aanbieder"


@dataclass(frozen=True)
class Note:
    indicator: str
    text: str
    author: str  # the writer's role, or the provider (with perceel and quarter) for its own toelichting
    written_on: date | None  # last written; None for a provider's uitkomsten toelichting
    note_id: int | None  # None for a provider's uitkomsten toelichting (not editable here)
    source: str  # REGION | PROVIDER


def scope_key(scope: Scope) -> tuple[str | None, str | None] | None:
    """(municipality, provider) a note of this scope is stored under; None when the scope has several
    municipalities or providers (a note belongs to one scope, not to a mix)."""
    if len(scope.municipalities) > 1 or len(scope.providers) > 1:
        return None
    return (scope.municipalities[0] if scope.municipalities else None,
            scope.providers[0] if scope.providers else None)


def notes(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[Note, ...]:
    """Every toelichting for the scope and period: written notes first, then the providers' own."""
    key = scope_key(scope)
    municipality, provider = key if key else ("", "")  # '' matches no stored note
    params = sql_params(con, scope, period) | {
        "period_label": period.label, "municipality": municipality, "provider": provider,
        "quarterly": [entry.code for entry in CATALOGUE if entry.cadence == QUARTERLY],
    }
    sql = load_sql("notes.sql")
    rows = con.execute(sql, used_params(sql, params)).fetchall()
    return tuple(Note(indicator=r[1], text=r[2], author=r[3], written_on=r[4], note_id=r[0], source=r[5])
                 for r in rows)


def of_indicator(found: tuple[Note, ...], code: str) -> tuple[Note, ...]:
    return tuple(note for note in found if note.indicator == code)
