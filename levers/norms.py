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
select indicator, region, year, lot, provider, norm, margin
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

    by_code: Mapping[str, tuple[tuple, ...]]  # code → its (region, year, lot, provider, norm, margin), latest first

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Norms:
        return cls.of_rows(con.execute(_NORM_ROWS).fetchall())  # a small table

    @classmethod
    def of_rows(cls, rows) -> Norms:
        """From (indicator, region, year, lot, provider, norm, margin) rows, latest upload first."""
        by_code: dict[str, list[tuple]] = {}
        for code, *rest in rows:
            by_code.setdefault(code, []).append(tuple(rest))
        return cls({code: tuple(rows) for code, rows in by_code.items()})

    def resolve(self, code: str, scope: Scope, period: Period) -> Norm | None:
        """The uploaded norm that applies most specifically, else the catalogue default, else None.

        An uploaded norm applies when its regio is the scope's region or empty, its year is the year of
        p_end, its perceel is empty or the scope's one perceel, and its aanbieder is empty or the scope's
        one provider. The region's own norms come first, then the empty-regio defaults, then the
        catalogue's; within a level the most specific wins: aanbieder + perceel > aanbieder > perceel >
        neither. A joint scope uses its regions' own norm only where every region has the same one
        (csv-contract.md kind 6), else the defaults: no region's target is imposed on another. In a scope of one provider a region norm (no aanbieder) applies only to an indicator
        that is judged per provider (`region_norm_per_provider`): a region's mix is no provider's target.
        """
        if self.withheld(code, scope, period):
            return None
        applicable = self._applicable(code, scope, period)
        row = _agreed(applicable, scope.regions) or _most_specific([r for r in applicable if r[0] is None])
        if row is not None:
            return Norm(float(row[4]), float(row[5] or 0), is_default=False)
        entry = definition(code)
        if entry.norm is None:
            return None
        return Norm(float(entry.norm), float(entry.margin or 0), is_default=True)

    def withheld(self, code: str, scope: Scope, period: Period) -> bool:
        """Whether a scope of one provider gets no norm because only region norms exist for `code` and
        they do not judge a single provider (indicators.md, "Norms and single providers")."""
        if scope.single_provider is None or definition(code).region_norm_per_provider:
            return False
        return not self._applicable(code, scope, period) and (
            definition(code).norm is not None or bool(self._applicable(code, scope, period, region_norms=True)))

    def _applicable(self, code: str, scope: Scope, period: Period, *, region_norms: bool = False) -> list[tuple]:
        """The uploaded rows that apply; in a scope of one provider, for an indicator not judged per
        provider, only the rows naming that provider (or, with `region_norms`, only those that do not)."""
        year, lot, provider = period.end.year, scope.lot, scope.single_provider
        rows = [
            row for row in self.by_code.get(code, ())
            if (row[0] is None or row[0] in scope.regions) and row[1] == year and row[2] in (None, lot)
            and row[3] in (None, provider)
        ]
        if provider is None or definition(code).region_norm_per_provider:
            return rows
        return [row for row in rows if (row[3] is None) == region_norms]


def _most_specific(rows: list[tuple]) -> tuple | None:
    """aanbieder + perceel > aanbieder > perceel > neither; max() keeps the first of equals: the latest upload."""
    return max(rows, key=lambda r: (r[3] is not None, r[2] is not None)) if rows else None


def _agreed(rows: list[tuple], regions: tuple[str, ...]) -> tuple | None:
    """The regions' own norm: each region's most specific row, when every region has one and all of
    them set the same norm and marge; else None (the defaults apply)."""
    picks = [_most_specific([row for row in rows if row[0] == region]) for region in regions]
    if any(pick is None for pick in picks):
        return None
    same = {(float(pick[4]), float(pick[5] or 0)) for pick in picks}
    return picks[0] if len(same) == 1 else None


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
    region: str | None = None  # None = a default for every region


def norms_in_force(con: duckdb.DuckDBPyConnection, year: int) -> tuple[NormInForce, ...]:
    """Every norm `resolve_norm` can pick in `year`, in catalogue order (for the Beheer page).

    Per indicator: the catalogue default unless an uploaded general norm replaces it, then the
    uploaded rows (per perceel/aanbieder the one of the latest upload).
    """
    uploaded: dict[str, list[NormInForce]] = {}
    for row in con.execute(NORMS_IN_FORCE, {"year": year}).fetchall():
        code, lot, provider, norm, margin, file_name, uploaded_at, region = row
        uploaded.setdefault(code, []).append(
            NormInForce(code, lot, provider, float(norm), float(margin or 0), False, file_name, uploaded_at, region))
    out: list[NormInForce] = []
    for entry in CATALOGUE:
        rows = uploaded.get(entry.code, [])
        general = any(row.region is None and row.lot is None and row.provider is None for row in rows)
        if not general and entry.norm is not None:
            out.append(NormInForce(entry.code, None, None, float(entry.norm), float(entry.margin or 0), True))
        out.extend(rows)
    return tuple(out)


def norms_of_region(con: duckdb.DuckDBPyConnection, year: int, region: str | None) -> tuple[NormInForce, ...]:
    """The norms that can apply to `region` in `year`, in the order they are looked for (csv-contract.md
    kind 6): per indicator the region's own rows, then the empty-regio defaults, then the built-in default
    when neither the region nor the defaults have a general norm (no perceel, no aanbieder). `region` None:
    the defaults for every region alone (the region's own rows of other regions left out)."""
    found = [row for row in norms_in_force(con, year) if row.region in (None, region)]
    general = {row.code for row in found if not row.is_default and row.lot is None and row.provider is None}
    out: list[NormInForce] = []
    for entry in CATALOGUE:
        rows = [row for row in found if row.code == entry.code and not row.is_default]
        out += sorted(rows, key=lambda row: row.region is None)  # the region's own first (stable: same order)
        if entry.code not in general and entry.norm is not None:
            out.append(NormInForce(entry.code, None, None, float(entry.norm), float(entry.margin or 0), True))
    return tuple(out)
