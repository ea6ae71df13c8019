"""Norms and status: which norm applies to a scope, and the traffic light it gives a value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import duckdb

from levers.catalogue import CATALOGUE, definition
from levers.scope import Period, Scope
from levers.sql_files import load_sql



class Status(StrEnum):
    """The traffic light of a value against its norm; the values are the spec's codes (report `status`)."""

    GREEN = "groen"
    AMBER = "oranje"
    RED = "rood"
    GREY = "grijs"  # no judgement: no value, no norm, or suppressed


GREEN, AMBER, RED, GREY = Status.GREEN, Status.AMBER, Status.RED, Status.GREY

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


@dataclass(frozen=True)
class Norms:
    """The uploaded norm rows of one moment, read once per computation and passed to every result.

    A snapshot: a norm uploaded after `load` is seen by the next computation, not by this one.
    """

    by_code: Mapping[str, tuple[tuple, ...]]  # code → its (year, lot, provider, norm, margin), latest first

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Norms:
        return cls.of_rows(con.execute(_NORM_ROWS).fetchall())  # a small table

    @classmethod
    def of_rows(cls, rows) -> Norms:
        """From (indicator, year, lot, provider, norm, margin) rows, latest upload first."""
        by_code: dict[str, list[tuple]] = {}
        for code, *rest in rows:
            by_code.setdefault(code, []).append(tuple(rest))
        return cls({code: tuple(rows) for code, rows in by_code.items()})

    def resolve(self, code: str, scope: Scope, period: Period) -> Norm | None:
        """The uploaded norm that applies most specifically, else the catalogue default, else None.

        An uploaded norm applies when its year is the year of p_end, its perceel is empty or the scope's
        one perceel, and its aanbieder is empty or the scope's one provider. Most specific wins:
        aanbieder + perceel > aanbieder > perceel > neither.
        """
        year, lot, provider = period.end.year, scope.lot, scope.single_provider
        applicable = [
            row for row in self.by_code.get(code, ())
            if row[0] == year and row[1] in (None, lot) and row[2] in (None, provider)
        ]
        if applicable:  # max() keeps the first of equals: the latest upload
            row = max(applicable, key=lambda r: (r[2] is not None, r[1] is not None))
            return Norm(float(row[3]), float(row[4] or 0), is_default=False)
        entry = definition(code)
        if entry.norm is None:
            return None
        return Norm(float(entry.norm), float(entry.margin or 0), is_default=True)


def resolve_norm(con: duckdb.DuckDBPyConnection, code: str, scope: Scope, period: Period) -> Norm | None:
    """`Norms.resolve` on the norms as stored now (one read of the norms table)."""
    return Norms.load(con).resolve(code, scope, period)


# Values are ratios computed in floating point (0.57 * 100 = 56.99999999999999): a value within
# this distance of a boundary counts as on it, so "exactly the norm" is groen however it was computed.
_TOLERANCE = 1e-9


def status(value: float | None, norm: Norm | None, better: str | None) -> Status:
    """groen within the norm, oranje within norm ± marge, rood beyond; grijs without value or norm."""
    if value is None or norm is None or better is None:
        return GREY
    # Mirror "higher is better" onto "lower is better": how far the value lies beyond the norm.
    excess = value - norm.norm if better == "lower" else norm.norm - value
    if excess <= _TOLERANCE:
        return GREEN
    return AMBER if excess <= norm.margin + _TOLERANCE else RED


NORMS_IN_FORCE = load_sql("norms_in_force.sql")


@dataclass(frozen=True)
class NormInForce:
    """One norm that can apply in a year: an uploaded row, or the catalogue's default."""

    code: str
    lot: str | None  # None = both percelen
    provider: str | None  # None = every provider
    norm: float
    margin: float
    is_default: bool  # True: the catalogue's default norm, not an uploaded one
    file_name: str | None = None  # the upload an uploaded norm came from (None when not recorded)
    uploaded_at: datetime | None = None  # when that upload was stored


def norms_in_force(con: duckdb.DuckDBPyConnection, year: int) -> tuple[NormInForce, ...]:
    """Every norm `resolve_norm` can pick in `year`, in catalogue order (for the Beheer page).

    Per indicator: the catalogue default unless an uploaded general norm replaces it, then the
    uploaded rows (per perceel/aanbieder the one of the latest upload).
    """
    uploaded: dict[str, list[NormInForce]] = {}
    for row in con.execute(NORMS_IN_FORCE, {"year": year}).fetchall():
        code, lot, provider, norm, margin, file_name, uploaded_at = row
        uploaded.setdefault(code, []).append(
            NormInForce(code, lot, provider, float(norm), float(margin or 0), False, file_name, uploaded_at))
    out: list[NormInForce] = []
    for entry in CATALOGUE:
        rows = uploaded.get(entry.code, [])
        general = any(row.lot is None and row.provider is None for row in rows)
        if not general and entry.norm is not None:
            out.append(NormInForce(entry.code, None, None, float(entry.norm), float(entry.margin or 0), True))
        out.extend(rows)
    return tuple(out)
