"""Scope and period: the only way a lever selects data.

A Scope says *whose* data (one region or several: a joint procurement; municipalities, perceel,
providers); a Period says *when*.
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
    # Not a period users pick: the period of a national figure (CBS publishes half-years), over which the
    # scope's own value is computed to stand beside it (signals.md §7).
    HALF_YEAR = "halfjaar"

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[KkQq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_TWELVE = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")


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
        if m := _TWELVE.match(text):
            first, last = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
            if not (1 <= first[1] <= 12 and 1 <= last[1] <= 12) or last[0] * 12 + last[1] - first[0] * 12 - first[1] != 11:
                raise ValueError(f"{text} is geen reeks van twaalf maanden (JJJJ-MM..JJJJ-MM)")
            return cls.twelve_months(date(*last, 1))
        if m := _YEAR.match(text):
            year = int(m[1])
            return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))
        raise ValueError(f"{text} is geen geldige periode (JJJJ-MM, JJJJ-Kn of JJJJ)")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(PeriodKind.MONTH, date(year, month, 1), month_end(year, month))

    @classmethod
    def twelve_months(cls, last_month: date) -> Period:
        """The twelve whole months up to and including `last_month`'s month: a year that need not begin in
        January (the contract cycle compares the last twelve months, ahead.md §3)."""
        first = add_months(date(last_month.year, last_month.month, 1), -11)
        return cls(PeriodKind.YEAR, first, month_end(last_month.year, last_month.month))

    @property
    def is_calendar_year(self) -> bool:
        return self.kind == PeriodKind.YEAR and self.start.month == 1

    @classmethod
    def of_days(cls, start: date, end: date) -> Period:
        """The month, quarter, half-year or year from `start` to `end` (a national figure's period);
        ValueError for other bounds."""
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        kind = {1: PeriodKind.MONTH, 3: PeriodKind.QUARTER, 6: PeriodKind.HALF_YEAR, 12: PeriodKind.YEAR}.get(months)
        whole = start.day == 1 and end == month_end(end.year, end.month) and (start.month - 1) % months == 0
        if kind is None or not whole:
            raise ValueError(f"geen maand, kwartaal, halfjaar of jaar: {start} t/m {end}")
        return cls(kind, start, end)

    @property
    def label(self) -> str:
        """The period as users type it: `2026-10`, `2026-K3`, `2026`; a half-year as CBS writes it: `2026-H1`;
        twelve months `2025-10..2026-09`."""
        if self.kind == PeriodKind.YEAR and not self.is_calendar_year:
            return f"{self.start.year}-{self.start.month:02d}..{self.end.year}-{self.end.month:02d}"
        if self.kind == PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}-K{(self.start.month + 2) // 3}"
        if self.kind == PeriodKind.HALF_YEAR:
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        return str(self.start.year)

    def year_earlier(self) -> Period:
        """The same month, quarter or year (or twelve months) of the previous year."""
        return self.shifted(-12)

    def shifted(self, months: int) -> Period:
        """A period of the same kind `months` calendar months later (negative: earlier)."""
        start = add_months(self.start, months)
        end = add_months(date(self.end.year, self.end.month, 1), months)
        return Period(self.kind, start, month_end(end.year, end.month))


def joined_names(names: Sequence[str]) -> str:
    """`IJmond`, `IJmond en Zuid-Kennemerland`, `A, B en C`: several regions as a title says them."""
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


@dataclass(frozen=True)
class Scope:
    """Whose data: one region or several (a joint scope: a joint procurement such as IJmond +
    Zuid-Kennemerland), optionally narrowed to municipalities, one perceel and providers.

    `regions` may be given as one name; it is kept as a sorted tuple, so a scope names its regions
    one way whatever order they were picked in.
    """

    regions: tuple[str, ...] | str
    municipalities: tuple[str, ...] = ()  # empty: every municipality of the region
    lot: str | None = None  # 'complex' | 'enkelvoudig' | None for both
    providers: tuple[str, ...] = ()  # empty: every provider
    # A provider user looking (auth.rights): its own codes. Not whose data, but what may be shown of a
    # total that other providers add to (levers.contributors); empty for every other role.
    viewer: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.lot is not None and self.lot not in LOTS:
            raise ValueError(f"onbekend perceel: {self.lot}")
        regions = (self.regions,) if isinstance(self.regions, str) else tuple(self.regions)
        if not regions:
            raise ValueError("een scope hoort bij minstens één regio")
        object.__setattr__(self, "regions", tuple(sorted(set(regions))))
        object.__setattr__(self, "municipalities", tuple(sorted(set(self.municipalities))))
        object.__setattr__(self, "providers", tuple(sorted(set(self.providers))))
        object.__setattr__(self, "viewer", tuple(sorted(set(self.viewer))))

    @property
    def region(self) -> str:
        """The scope's regions as titles and file names say them: `IJmond en Zuid-Kennemerland`.
        Never a key to select data by: that is `regions`."""
        return joined_names(self.regions)

    @property
    def is_joint(self) -> bool:
        return len(self.regions) > 1

    @property
    def single_provider(self) -> str | None:
        return self.providers[0] if len(self.providers) == 1 else None

    def with_providers(self, providers: tuple[str, ...]) -> Scope:
        return replace(self, providers=tuple(providers))


_REGION_MUNICIPALITIES = """
select municipality from municipality_regions where list_contains($regions, region) order by municipality
"""


def region_municipalities(con: duckdb.DuckDBPyConnection, regions: str | Sequence[str]) -> list[str]:
    """Municipality codes of a region or of several (uploaded overrides included)."""
    regions = [regions] if isinstance(regions, str) else list(regions)
    return [row[0] for row in con.execute(_REGION_MUNICIPALITIES, {"regions": regions}).fetchall()]


def sql_params(
    con: duckdb.DuckDBPyConnection, scope: Scope, period: Period | Sequence[Period], *,
    in_region: Sequence[str] | None = None,
) -> dict:
    """The named parameters every lever query binds (`in_region`: the region's municipalities, if read already).

    $regions         list of the scope's regions (one, or several in a joint scope)
    $municipalities  list of municipality codes: the regions', narrowed to the requested ones
                     (a code outside them is dropped, never added)
    $lot             'complex' | 'enkelvoudig' | NULL for both (bind as `$lot::varchar`)
    $providers       list of provider codes; an empty list means no provider filter
    $p_start, $p_end the (last) period's first and last day
    $p_starts, $p_ends  for series: the first and last days of every period, in order, to
                     `unnest` into a periods CTE so one query computes all periods
    """
    periods = [period] if isinstance(period, Period) else list(period)
    in_region = list(in_region) if in_region is not None else region_municipalities(con, scope.regions)
    if scope.municipalities:
        wanted = set(scope.municipalities)
        in_region = [code for code in in_region if code in wanted]
    return {
        "regions": list(scope.regions),
        "municipalities": in_region,
        "lot": scope.lot,
        "providers": list(scope.providers),
        "p_start": periods[-1].start,
        "p_end": periods[-1].end,
        "p_starts": [p.start for p in periods],
        "p_ends": [p.end for p in periods],
    }
