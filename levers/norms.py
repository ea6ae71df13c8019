"""Norms and status: which norm applies to a scope, and the traffic light it gives a value."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.catalogue import definition
from levers.memo import remembered
from levers.scope import Period, Scope

GREEN, AMBER, RED, GREY = "groen", "oranje", "rood", "grijs"

# Uploaded norm rows, latest upload first (between equally specific norms the latest upload wins).
_NORM_ROWS = """
select indicator, year, lot, provider, norm, margin
from norms
order by upload_id desc nulls last, norm
"""


@dataclass(frozen=True)
class Norm:
    norm: float
    margin: float
    is_default: bool


def resolve_norm(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Norm | None:
    """The uploaded norm that applies most specifically, else the catalogue default, else None.

    An uploaded norm applies when its year is the year of p_end, its perceel is empty or the scope's
    one perceel, and its aanbieder is empty or the scope's one provider. Most specific wins:
    aanbieder + perceel > aanbieder > perceel > neither.
    """
    year, lot, provider = period.end.year, scope.lot, scope.single_provider
    rows = remembered("norm_rows", lambda: con.execute(_NORM_ROWS).fetchall())  # a small table
    applicable = [
        row for row in rows
        if row[0] == code and row[1] == year and row[2] in (None, lot) and row[3] in (None, provider)
    ]
    if applicable:  # max() keeps the first of equals: the latest upload
        row = max(applicable, key=lambda r: (r[3] is not None, r[2] is not None))
        return Norm(float(row[4]), float(row[5] or 0), is_default=False)
    entry = definition(code)
    if entry.norm is None:
        return None
    return Norm(float(entry.norm), float(entry.margin or 0), is_default=True)


# Values are ratios computed in floating point (0.57 * 100 = 56.99999999999999): a value within
# this distance of a boundary counts as on it, so "exactly the norm" is groen however it was computed.
_TOLERANCE = 1e-9


def status(value: float | None, norm: Norm | None, better: str | None) -> str:
    """groen within the norm, oranje within norm ± marge, rood beyond; grijs without value or norm."""
    if value is None or norm is None or better is None:
        return GREY
    # Mirror "higher is better" onto "lower is better": how far the value lies beyond the norm.
    excess = value - norm.norm if better == "lower" else norm.norm - value
    if excess <= _TOLERANCE:
        return GREEN
    return AMBER if excess <= norm.margin + _TOLERANCE else RED
