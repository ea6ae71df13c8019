"""Which `uitkomsten` quarters a quarterly figure counts (signals.md §1), and how that choice is named.

Providers deliver `uitkomsten` after a quarter ends, so a month or a running quarter has no quarter
of its own yet. A quarter is reportable at day d when it has ended by d and either a provider of the
region delivered a row for it or it ended at least 45 days before d; a quarter before the region's
first delivered quarter never is. The reporting quarters of P overlap P and are reportable at p_end;
without one, the latest quarter reportable at p_end counts instead (the fallback quarter), and the
value names it: `2026-K3`.

The rule is date arithmetic over one short list (the quarters the region delivered), so it runs here
once per computation and the family queries get its outcome as list parameters (SQL table macro
`counted_quarters`), instead of each query deciding it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from levers.scope import Period, add_months, month_end

OVERDUE_DAYS = 45  # a quarter nobody delivered is reportable this many days after its last day


@dataclass(frozen=True)
class CountedQuarter:
    """A quarter whose `uitkomsten` count for the period at `ordinal` (0-based position in the list)."""

    ordinal: int
    start: date
    end: date
    is_fallback: bool


def quarter_end(start: date) -> date:
    """The last day of the quarter starting on `start`."""
    last = add_months(start, 2)
    return month_end(last.year, last.month)


def counted_quarters(
    delivered: Sequence[date], periods: Sequence[Period], *, as_of: date | None = None, fallback: bool = True,
) -> list[CountedQuarter]:
    """The quarters that count for each period, in period order (module note).

    `as_of` judges reportability at another day than each p_end: the points of a series as known at
    the series' end. `fallback=False` never falls back (a series point without a reporting quarter is
    missing).
    """
    if not delivered:
        return []
    first, known = min(delivered), set(delivered)
    out: list[CountedQuarter] = []
    for ordinal, period in enumerate(periods):
        known_at = as_of or period.end
        reportable = [
            start for start in _quarter_starts(first, period.end)
            if quarter_end(start) <= min(period.end, known_at)
            and (start in known or quarter_end(start) + timedelta(days=OVERDUE_DAYS) <= known_at)
        ]
        reporting = [start for start in reportable if quarter_end(start) >= period.start]
        if reporting:
            out += [CountedQuarter(ordinal, start, quarter_end(start), False) for start in reporting]
        elif fallback and reportable:
            out.append(CountedQuarter(ordinal, reportable[-1], quarter_end(reportable[-1]), True))
    return out


def _quarter_starts(first: date, through: date) -> list[date]:
    """`first` and every 3 months after it, up to `through`."""
    starts, start = [], first
    while start <= through:
        starts.append(start)
        start = add_months(start, 3)
    return starts


def quarter_params(quarters: Sequence[CountedQuarter]) -> dict:
    """`$quarter_ordinals` and `$quarter_starts`: the counted quarters as the family queries bind them."""
    return {"quarter_ordinals": [q.ordinal for q in quarters], "quarter_starts": [q.start for q in quarters]}


def quarter_label(start: date) -> str:
    """`2026-K3` for the quarter starting on `start`."""
    return f"{start.year}-K{(start.month + 2) // 3}"


def source_label(period: Period, first_start: date | None, last_end: date | None) -> str | None:
    """The quarters used, when they are not the asked period: `2026-K3` or `2026-K1 t/m 2026-K3`."""
    if first_start is None or (first_start, last_end) == (period.start, period.end):
        return None
    first, last = quarter_label(first_start), quarter_label(date(last_end.year, last_end.month, 1))
    return first if first == last else f"{first} t/m {last}"


def source_labels(periods: Sequence[Period], quarters: Sequence[CountedQuarter]) -> list[str | None]:
    """Per period (in order) the label of the quarters its quarterly indicators count, or None."""
    labels: list[str | None] = []
    for ordinal, period in enumerate(periods):
        own = [q for q in quarters if q.ordinal == ordinal]
        labels.append(source_label(period, min(q.start for q in own), max(q.end for q in own)) if own else None)
    return labels


def last_counted_quarter(delivered: Sequence[date], period: Period) -> Period | None:
    """The last quarter the quarterly figures of `period` count (reporting or fallback); None if none."""
    quarters = counted_quarters(delivered, [period])
    return Period.parse(quarter_label(quarters[-1].start)) if quarters else None


def last_ended_quarter(day: date) -> Period:
    """The latest quarter whose last day is on or before `day`."""
    quarter = Period.parse(quarter_label(date(day.year, day.month, 1)))
    return quarter if quarter.end <= day else quarter.shifted(-3)
