"""How fresh a scope's figures are: the data date of each kind, voorlopige months, the latest upload.

A council report must say up to when its figures run, so that a reader can tell "no spending in
oktober" from "oktober not delivered yet" (signals.md §4). Declarations arrive months late, so the
latest `kosten` months are voorlopig (provisional): the indicators built on them say so and their
points are drawn hollow. Only dates leave this module, never rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from levers.catalogue import CATALOGUE
from levers.scope import Period, Scope, add_months, region_municipalities
from levers.sql_files import load_sql

FRESHNESS = load_sql("freshness.sql")

PROVISIONAL_MONTHS = 3  # a setting: a kosten month is voorlopig while its end lies fewer months before the latest
KINDS = ("trajecten", "kosten", "uitkomsten", "dialoog")  # the kinds with a data date, in reading order
# Indicators that use voorlopige kosten months, and the indicators each kind feeds: from their declarations.
PROVISIONAL_CODES = frozenset(d.code for d in CATALOGUE if d.uses_provisional_months)
KIND_CODES = {kind: tuple(d.code for d in CATALOGUE if kind in d.reads) for kind in KINDS}


@dataclass(frozen=True)
class Freshness:
    last_upload: datetime | None  # the latest stored upload of any kind (UTC, as stored)
    kinds: tuple[tuple[str, date | None], ...] = ()  # data date per kind (KINDS order), for the region
    latest_cost_month: date | None = None  # first day of the region's latest kosten month

    @property
    def by_kind(self) -> dict[str, date | None]:
        return dict(self.kinds)

    @property
    def provisional_from(self) -> date | None:
        """First day of the first voorlopig kosten month (None without any spending)."""
        return provisional_from(self.latest_cost_month)

    def is_provisional(self, code: str, period: Period) -> bool:
        """Does `code` for `period` use voorlopige kosten months (or months not delivered at all)?"""
        return code in PROVISIONAL_CODES and self.costs_provisional(period)

    def costs_provisional(self, period: Period) -> bool:
        """Does `period` hold a voorlopig kosten month (or one not delivered at all)? Spending compared
        with a year earlier (price × volume) is then compared with months still being filled."""
        start = self.provisional_from
        return start is not None and period.end >= start

    def incomplete(self, period: Period) -> tuple[tuple[str, date, tuple[str, ...]], ...]:
        """(kind, data date, its indicators) for each kind whose data date lies before p_end.

        `uitkomsten` is left out: its quarters only count once reportable (signals.md §1).
        """
        return tuple(
            (kind, day, KIND_CODES[kind]) for kind, day in self.kinds
            if day is not None and kind != "uitkomsten" and _last_day(kind, day) < period.end
        )


def provisional_from(latest_cost_month: date | None) -> date | None:
    """The first voorlopig month: the months ending fewer than 3 months before the latest one's end."""
    if latest_cost_month is None:
        return None
    return add_months(latest_cost_month, 1 - PROVISIONAL_MONTHS)


def _last_day(kind: str, day: date) -> date:
    """A kosten data date is a month (its first day): it covers the whole month."""
    return Period.month(day.year, day.month).end if kind == "kosten" else day


def freshness(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, *,
              in_region: Sequence[str] | None = None) -> Freshness:
    """The data dates of the scope's regions (any date, also after the period: what the store holds).

    `period` is not needed for the dates themselves; it keeps the signature of the other lever calls.
    `in_region`: the region's municipalities, if read already.
    """
    in_region = list(in_region) if in_region is not None else region_municipalities(con, scope.regions)
    params = {"regions": list(scope.regions), "region_municipalities": in_region}
    row = con.execute(FRESHNESS, params).fetchone()
    return Freshness(row[4], tuple(zip(KINDS, row[:4])), row[1])
