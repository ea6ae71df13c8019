"""Price and volume (issue 13 §3): the change in spending split by hand, to the cent.

March 2024 against March 2023 in IJmond. Velsen (P1, complex): 10 youths and € 10.000 a year
earlier, 12 youths and € 13.200 now. Beverwijk (P2, enkelvoudig): 3 youths and € 1.000, then 4 and
€ 1.500 (too few to split).
"""

from datetime import date
from decimal import Decimal

import pytest

from levers.price_volume import LOT, MUNICIPALITY, PROVIDER, WHOLE, price_volume
from levers.reasons import Reason
from levers.scope import Period, Scope
from tests.builders import BEVERWIJK, HEEMSKERK, VELSEN, add_cost, add_trajectory

IJMOND = Scope(regions="IJmond")
MARCH_2024 = Period.parse("2024-03")


def _youths(con, n, *, municipality, provider, lot, start, end=None, prefix="y"):
    for i in range(n):
        add_trajectory(con, client=f"{prefix}{i}", start=start, end=end, municipality=municipality,
                       provider=provider, lot=lot)


@pytest.fixture
def spending_db(empty_db):
    con = empty_db
    # Velsen: y0..y9 in care since 2023-01 (active in both Marches), y10, y11 start in 2024
    _youths(con, 10, municipality=VELSEN, provider="P1", lot="complex", start=date(2023, 1, 1))
    add_trajectory(con, client="y10", start=date(2024, 2, 1), municipality=VELSEN)
    add_trajectory(con, client="y11", start=date(2024, 3, 31), municipality=VELSEN)
    add_cost(con, month=date(2023, 3, 1), amount=10_000.00)
    add_cost(con, month=date(2024, 3, 1), amount=13_000.00)
    add_cost(con, month=date(2024, 3, 1), amount=200.00)
    add_cost(con, month=date(2024, 4, 1), amount=99_999.00)  # outside P
    # Beverwijk: b0..b2 in March 2023 only, b0..b3 (other people) in March 2024
    _youths(con, 3, municipality=BEVERWIJK, provider="P2", lot="enkelvoudig", start=date(2023, 3, 1),
            end=date(2023, 3, 31), prefix="old")
    _youths(con, 4, municipality=BEVERWIJK, provider="P2", lot="enkelvoudig", start=date(2024, 3, 1), prefix="new")
    add_cost(con, month=date(2023, 3, 1), amount=1_000.00, municipality=BEVERWIJK, provider="P2", lot="enkelvoudig")
    add_cost(con, month=date(2024, 3, 1), amount=1_500.00, municipality=BEVERWIJK, provider="P2", lot="enkelvoudig")
    return con


def _by(rows):
    return {(row.grouping, row.key): row for row in rows}


def test_velsen_grew_by_2000_euro_of_volume_and_1200_of_price(spending_db):
    velsen = _by(price_volume(spending_db, IJMOND, MARCH_2024))[(MUNICIPALITY, VELSEN)]
    assert (velsen.youths_before, velsen.youths) == (10, 12)
    assert (velsen.amount_before, velsen.amount) == (Decimal("10000.00"), Decimal("13200.00"))
    assert (velsen.cost_per_youth_before, velsen.cost_per_youth) == (pytest.approx(1000), pytest.approx(1100))
    # volume: (12 − 10) × 1.000 = 2.000; price: (1.100 − 1.000) × 12 = 1.200; change 3.200
    assert (velsen.volume, velsen.price, velsen.change) == (Decimal("2000.00"), Decimal("1200.00"), Decimal("3200.00"))
    assert velsen.name == "Velsen"


def test_the_whole_scope_splits_to_the_cent_with_nothing_left_over(spending_db):
    total = _by(price_volume(spending_db, IJMOND, MARCH_2024))[(WHOLE, None)]
    # youths 10 + 3 = 13 -> 12 + 4 = 16; spending 11.000 -> 14.700; change 3.700
    assert (total.youths_before, total.youths, total.change) == (13, 16, Decimal("3700.00"))
    # volume 3 × 11.000 / 13 = 2.538,4615... -> 2.538,46; price 14.700 − 16 × 11.000 / 13 = 1.161,538... -> 1.161,54
    assert total.volume == Decimal("2538.46")
    assert total.price == Decimal("1161.54")
    assert total.volume + total.price == total.change


def test_every_row_per_perceel_municipality_and_provider_adds_up_to_its_change(spending_db):
    rows = price_volume(spending_db, IJMOND, MARCH_2024)
    assert {(row.grouping, row.key) for row in rows} == {
        (WHOLE, None), (LOT, "complex"), (LOT, "enkelvoudig"), (MUNICIPALITY, VELSEN), (MUNICIPALITY, BEVERWIJK),
        (PROVIDER, "P1"), (PROVIDER, "P2"),
    }
    assert rows[0].grouping == WHOLE
    for row in rows:
        if row.volume is not None:
            assert row.volume + row.price == row.change


def test_a_group_with_fewer_than_ten_youths_shows_its_spending_but_no_split(spending_db):
    beverwijk = _by(price_volume(spending_db, IJMOND, MARCH_2024))[(MUNICIPALITY, BEVERWIJK)]
    assert (beverwijk.youths, beverwijk.youths_label, beverwijk.youths_before_label) == (None, "<5", "<5")
    assert (beverwijk.amount_before, beverwijk.amount, beverwijk.change) == (
        Decimal("1000.00"), Decimal("1500.00"), Decimal("500.00"))
    assert (beverwijk.volume, beverwijk.price, beverwijk.cost_per_youth) == (None, None, None)
    assert beverwijk.reason == Reason.TOO_FEW_FOR_PRICE_VOLUME


def test_a_volume_effect_of_exactly_half_a_cent_rounds_up_and_price_takes_the_rest(empty_db):
    # 10 youths and € 1.000,05 a year earlier; 11 youths and € 1.000,05 now:
    # volume 1 × 1.000,05 / 10 = 100,005 -> 100,01; price 0 − 100,01 = −100,01
    _youths(empty_db, 10, municipality=HEEMSKERK, provider="P1", lot="complex", start=date(2023, 1, 1))
    add_trajectory(empty_db, client="extra", start=date(2024, 3, 1), municipality=HEEMSKERK)
    for month in (date(2023, 3, 1), date(2024, 3, 1)):
        add_cost(empty_db, month=month, amount=1_000.05, municipality=HEEMSKERK)
    total = _by(price_volume(empty_db, IJMOND, MARCH_2024))[(WHOLE, None)]
    assert (total.volume, total.price, total.change) == (Decimal("100.01"), Decimal("-100.01"), Decimal("0.00"))


def test_only_declarations_are_split_and_the_lump_sum_is_a_part_of_its_own(spending_db):
    # Velsen adds a lump sum of 5.000 (March 2023) and 4.000 (March 2024) and a correctie of −300 (March 2024).
    # Declarations: 10.000 before, 13.000 + 200 − 300 = 12.900 now; youths 10 → 12.
    # more youths: (12 − 10) × 10.000 / 10 = 2.000; cost per youth: 12.900 − 10.000 − 2.000 = 900;
    # lump sum 4.000 − 5.000 = −1.000; change (12.900 + 4.000) − (10.000 + 5.000) = 1.900 = 2.000 + 900 − 1.000.
    add_cost(spending_db, month=date(2023, 3, 1), amount=5_000.00, kind="lumpsum")
    add_cost(spending_db, month=date(2024, 3, 1), amount=4_000.00, kind="lumpsum")
    add_cost(spending_db, month=date(2024, 3, 1), amount=-300.00, kind="correctie")
    velsen = _by(price_volume(spending_db, IJMOND, MARCH_2024))[(MUNICIPALITY, VELSEN)]
    assert (velsen.volume, velsen.price, velsen.lump_sum_change, velsen.change) == (
        Decimal("2000.00"), Decimal("900.00"), Decimal("-1000.00"), Decimal("1900.00"))
    assert velsen.cost_per_youth == pytest.approx(12_900 / 12)
