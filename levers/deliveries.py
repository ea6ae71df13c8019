"""What a provider has to deliver next: the `uitkomsten` quarter that is due and by when.

The reporting burden where providers look (issue 11). A quarter's outcomes are due 45 days after
the quarter ends (signals.md §1: a quarter is reportable at its last day + 45 days even without
rows). The quarter due is the latest ended quarter while the provider has not delivered it;
once delivered, the running quarter, whose deadline lies 45 days after it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from data.ingest.contracts import columns, number_columns
from levers.scope import Period

DELIVERY_DAYS = 45  # days after a quarter's last day
QUARTERS_A_YEAR = 4


@dataclass(frozen=True)
class Burden:
    """What the `uitkomsten` file asks of a provider, counted from its contract (indicators.md,
    "Reporting burden"): a change that asks more shows up in the statement by itself."""

    numbers: int  # number columns per row: per perceel (per region, once rows have one) per quarter
    per_region: bool  # whether a row belongs to a region

    @property
    def yearly(self) -> int:
        return self.numbers * QUARTERS_A_YEAR


def burden() -> Burden:
    """The reporting burden of the `uitkomsten` contract as it stands."""
    return Burden(len(number_columns("uitkomsten")), "regio" in columns("uitkomsten"))

_DELIVERED = """
select count(*) > 0 from outcomes
where quarter_start = $start and list_contains($providers::varchar[], provider)
"""


@dataclass(frozen=True)
class Due:
    """The quarter to deliver (`2026-K4`), its deadline, and whether that has passed."""

    quarter: Period
    deadline: date
    overdue: bool


def quarter_of(day: date) -> Period:
    return Period.parse(f"{day.year}-K{(day.month + 2) // 3}")


def next_due(con: duckdb.DuckDBPyConnection, providers: Sequence[str], today: date) -> Due:
    """The `uitkomsten` quarter these providers deliver next, on `today`."""
    running = quarter_of(today)
    ended = running.shifted(-3)
    delivered = con.execute(_DELIVERED, {"start": ended.start, "providers": list(providers)}).fetchone()[0]
    quarter = running if delivered else ended
    deadline = quarter.end + timedelta(days=DELIVERY_DAYS)
    return Due(quarter, deadline, today > deadline)
