"""Price and volume: why spending changed against the same period a year earlier (issue 13 §3).

For the whole scope, per perceel, per municipality and per provider, the change in spending splits
into a volume effect (Δ youths × last year's cost per youth) and a price effect (Δ cost per youth ×
this year's youths), with nothing left over: volume + price + lump sum = the change, to the cent (the
SQL in levers/sql/price_volume.sql rounds volume half up to the cent and takes price as the rest).
"Price" is cost per youth, not tariff, and only declarations (declaratie, correctie) are split: the
change in lump-sum payments is its own part (signals.md §8).

Youths in care follow the count rule (1-4 shown as `<5`). Cost per youth and the split are not shown
when either period has fewer than 10 youths: with the spending shown, the split would give the
youths' growth back. Spending (money) is never suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb

from levers.scope import Period, Scope
from levers.sql_files import year_on_year_rows
from levers.suppression import SMALL_COUNT_LABEL, is_small_count, is_too_few
from levers.reasons import Reason

WHOLE, LOT, MUNICIPALITY, PROVIDER = "totaal", "perceel", "gemeente", "aanbieder"
GROUPINGS = (LOT, MUNICIPALITY, PROVIDER)


@dataclass(frozen=True)
class PriceVolume:
    grouping: str  # WHOLE | LOT | MUNICIPALITY | PROVIDER
    key: str | None  # perceel, municipality or provider code; None for the whole scope
    name: str | None  # the municipality's or provider's name, the perceel, None for the whole scope
    youths: int | None  # in care in P; None when shown as '<5'
    youths_before: int | None  # in care a year earlier
    youths_label: str | None  # '<5' when youths is suppressed
    youths_before_label: str | None
    amount: Decimal  # spending in P
    amount_before: Decimal  # spending a year earlier
    change: Decimal  # amount − amount_before
    cost_per_youth: float | None  # None when not shown
    cost_per_youth_before: float | None
    volume: Decimal | None  # None when not shown (reason says why)
    price: Decimal | None  # the cost-per-youth effect on declarations (never called "prijs" to a reader)
    lump_sum_change: Decimal = Decimal(0)  # lump sum now − a year earlier: not split
    reason: Reason | None = None


def price_volume(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[PriceVolume, ...]:
    """The whole scope first, then each perceel, municipality and provider (by name)."""
    rows = [_shown(row) for row in year_on_year_rows(con, "price_volume.sql", scope, period)]
    order = (WHOLE, *GROUPINGS)
    return tuple(sorted(rows, key=lambda row: order.index(row.grouping)))


def whole(rows: tuple[PriceVolume, ...]) -> PriceVolume | None:
    """The row of the whole scope (None without any trajectory or spending in either period)."""
    return next((row for row in rows if row.grouping == WHOLE), None)


def _shown(row: dict) -> PriceVolume:
    youths, before = row["youths"], row["youths_before"]
    hidden = is_too_few(youths) or is_too_few(before)
    reason = (Reason.NO_PERSONS_IN_A_PERIOD if row["volume"] is None
              else Reason.TOO_FEW_FOR_PRICE_VOLUME if hidden else None)
    return PriceVolume(
        grouping=row["grouping_kind"], key=row["group_key"],
        name=None if row["grouping_kind"] == WHOLE else row["group_name"],
        youths=None if is_small_count(youths) else youths,
        youths_before=None if is_small_count(before) else before,
        youths_label=SMALL_COUNT_LABEL if is_small_count(youths) else None,
        youths_before_label=SMALL_COUNT_LABEL if is_small_count(before) else None,
        amount=row["amount"], amount_before=row["amount_before"], change=row["change"],
        cost_per_youth=None if is_too_few(youths) else row["cost_per_youth"],
        cost_per_youth_before=None if is_too_few(before) else row["cost_per_youth_before"],
        volume=None if reason else row["volume"], price=None if reason else row["price"],
        lump_sum_change=row["lump_sum_change"], reason=reason,
    )
