"""Norms and status: which norm applies to a scope, and the traffic light it gives a value."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.catalogue import definition
from levers.scope import Period, Scope

GREEN, AMBER, RED, GREY = "groen", "oranje", "rood", "grijs"

# Uploaded norms that apply: year of p_end, perceel empty or the scope's one perceel, aanbieder empty
# or the scope's one provider. Most specific first: aanbieder + perceel > aanbieder > perceel > neither;
# between equally specific rows the latest upload wins.
_APPLICABLE_NORM = """
select norm, margin
from norms
where indicator = $indicator
  and year = $year
  and (lot is null or lot = $lot::varchar)
  and (provider is null or provider = $provider::varchar)
order by (provider is not null) desc, (lot is not null) desc, upload_id desc nulls last, norm
limit 1
"""


@dataclass(frozen=True)
class Norm:
    norm: float
    margin: float
    is_default: bool


def resolve_norm(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Norm | None:
    """The uploaded norm that applies most specifically, else the catalogue default, else None."""
    row = con.execute(
        _APPLICABLE_NORM,
        {"indicator": code, "year": period.end.year, "lot": scope.lot, "provider": scope.single_provider},
    ).fetchone()
    if row is not None:
        return Norm(float(row[0]), float(row[1] or 0), is_default=False)
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
