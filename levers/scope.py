"""Scope and period: the only way a lever selects data.

A Scope says *whose* data (region, municipalities, perceel, providers); a Period says *when*.
`sql_params` turns both into the named DuckDB parameters every lever query binds, so that
narrowing a scope (for a user's rights) narrows every figure at once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

import duckdb


LOTS = ("complex", "enkelvoudig")


class PeriodKind(StrEnum):
    """What a Period spans; the values are the Dutch words users pick and URLs carry (`soort=kwartaal`)."""

    MONTH = "maand"
    QUARTER = "kwartaal"
    YEAR = "jaar"

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[KkQq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic that clamps to the month's last day (2024-02-29 − 12 = 2023-02-28)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """A whole month, quarter or calendar year: [start, end], both days included."""

    kind: PeriodKind
    start: date
    end: date

    @classmethod
    def parse(cls, text: str) -> Period:
        """`JJJJ-MM`, `JJJJ-Kn` (or `JJJJ-Qn`) or `JJJJ`; ValueError with a Dutch message otherwise."""
        text = text.strip()
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise ValueError(f"{text} is geen geldige maand (JJJJ-MM)")
            return cls(PeriodKind.MONTH, date(year, month, 1), month_end(year, month))
        if m := _QUARTER.match(text):
            year, quarter = int(m[1]), int(m[2])
            first = 3 * quarter - 2
            return cls(PeriodKind.QUARTER, date(year, first, 1), month_end(year, first + 2))
        if m := _YEAR.match(text):
            year = int(m[1])
            return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))
        raise ValueError(f"{text} is geen geldige periode (JJJJ-MM, JJJJ-Kn of JJJJ)")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), month_end(year, month))

    @property
    def label(self) -> str:
        """The period as users type it: `2026-10`, `2026-K3`, `2026`."""
        if self.kind == PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}-K{(self.start.month + 2) // 3}"
        return str(self.start.year)

    def year_earlier(self) -> Period:
        """The same month, quarter or year of the previous year."""
        start = date(self.start.year - 1, self.start.month, 1)
        return Period(self.kind, start, month_end(start.year, self.end.month))

    def shifted(self, months: int) -> Period:
        """A period of the same kind `months` calendar months later (negative: earlier)."""
        start = add_months(self.start, months)
        end = add_months(date(self.end.year, self.end.month, 1), months)
        return Period(self.kind, start, month_end(end.year, end.month))


@dataclass(frozen=True)
class Scope:
    """Whose data: a region, optionally narrowed to municipalities, one perceel and providers."""

    region: str
    municipalities: tuple[str, ...] = ()  # empty: every municipality of the region
    lot: str | None = None  # 'complex' | 'enkelvoudig' | None for both
    providers: tuple[str, ...] = ()  # empty: every provider
    # A provider user looking (auth.rights): its own codes. Not whose data, but what may be shown of a
    # total that other providers add to (levers.contributors); empty for every other role.
    viewer: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.lot is not None and self.lot not in LOTS:
            raise ValueError(f"onbekend perceel: {self.lot}")
        object.__setattr__(self, "municipalities", tuple(sorted(set(self.municipalities))))
        object.__setattr__(self, "providers", tuple(sorted(set(self.providers))))
        object.__setattr__(self, "viewer", tuple(sorted(set(self.viewer))))

    @property
    def single_provider(self) -> str | None:
        return self.providers[0] if len(self.providers) == 1 else None

    def with_providers(self, providers: tuple[str, ...]) -> Scope:
        return replace(self, providers=tuple(providers))


_REGION_MUNICIPALITIES = """
select municipality from municipality_regions where region = $region order by municipality
"""


def region_municipalities(con: duckdb.DuckDBPyConnection, region: str) -> list[str]:
    """Municipality codes of a region (uploaded overrides included)."""
    return [row[0] for row in con.execute(_REGION_MUNICIPALITIES, {"region": region}).fetchall()]


def sql_params(
    con: duckdb.DuckDBPyConnection, scope: Scope, period: Period | Sequence[Period], *,
    in_region: Sequence[str] | None = None,
) -> dict:
    """The named parameters every lever query binds (`in_region`: the region's municipalities, if read already).

    $region          the scope's region
    $regions         the scope's regions as a list (the `uitkomsten` rows about them count)
    $municipalities  list of municipality codes: the region's, narrowed to the requested ones
                     (a code outside the region is dropped, never added)
    $lot             'complex' | 'enkelvoudig' | NULL for both (bind as `$lot::varchar`)
    $providers       list of provider codes; an empty list means no provider filter
    $p_start, $p_end the (last) period's first and last day
    $p_starts, $p_ends  for series: the first and last days of every period, in order, to
                     `unnest` into a periods CTE so one query computes all periods
    """
    periods = [period] if isinstance(period, Period) else list(period)
    in_region = list(in_region) if in_region is not None else region_municipalities(con, scope.region)
    if scope.municipalities:
        wanted = set(scope.municipalities)
        in_region = [code for code in in_region if code in wanted]
    return {
        "region": scope.region,
        "regions": [scope.region],  # rows about a region (uitkomsten.regio) are matched against a list
        "municipalities": in_region,
        "lot": scope.lot,
        "providers": list(scope.providers),
        "p_start": periods[-1].start,
        "p_end": periods[-1].end,
        "p_starts": [p.start for p in periods],
        "p_ends": [p.end for p in periods],
    }
