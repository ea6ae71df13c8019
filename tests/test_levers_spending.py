"""The Kaders page's monthly spending chart (signals.md §3a): Σ bedrag per month, 24 months, XmR."""

from datetime import date

import pytest

from levers.scope import Period, Scope
from levers.spending import monthly_spending
from tests.builders import add_cost


def test_monthly_spending_has_24_months_and_flags_a_spike_against_its_limits(empty_db):
    # 2025-11 … 2026-10: 3.000 and 3.400 alternating, the last month 5.000 (a declaratie of 4.000 and a
    # lump sum of 1.000: every soort counts). CL = (6×3.000 + 5×3.400 + 5.000)/12 = 3.333,33;
    # mR̄ = (10×400 + 2.000)/11 = 545,45; UPL = 3.333,33 + 2,66 × 545,45 = 4.784,24 < 5.000.
    months = [date(2025, 11, 1), date(2025, 12, 1)] + [date(2026, m, 1) for m in range(1, 11)]
    for month, amount in zip(months[:-1], [3000, 3400] * 5 + [3000], strict=True):
        add_cost(empty_db, month=month, amount=amount)
    add_cost(empty_db, month=months[-1], amount=4000)
    add_cost(empty_db, month=months[-1], amount=1000, kind="lumpsum")
    model = monthly_spending(empty_db, Scope(regions="IJmond"), Period.parse("2026-10"))
    assert (len(model.points), model.points[0].period_label, model.points[-1].period_label) == (24, "2024-11", "2026-10")
    assert model.values[:12] == [None] * 12 and model.values[-1] == 5000
    assert model.special == [23]
    centre, spread = 40_000 / 12, 6000 / 11
    assert model.limits == pytest.approx((centre - 2.66 * spread, centre + 2.66 * spread))
    # kosten up to 2026-10: August to October are voorlopig (signals.md §4) and drawn hollow
    assert model.provisional == [21, 22, 23]
