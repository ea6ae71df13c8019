"""One rounding rule for every figure a person reads: half-up on the decimal text, never half-even."""

from decimal import Decimal

import pytest

from exports.tables import export_value
from wording.agenda import dutch_number
from commands.report import decimal_text
from levers.result import IndicatorResult
from levers.rounding import half_up
from wording import fmt


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (12.25, 1, "12.3"),  # a tie goes up (half-even would give 12.2)
    (12.35, 1, "12.4"),  # the float is 12.3499…; its decimal text 12.35 is what is rounded
    (86.25, 1, "86.3"),
    (0.05, 1, "0.1"),  # the float is 0.05000…03; still a tie on paper
    (2.675, 2, "2.68"),  # the float is 2.67499…; f"{2.675:.2f}" gives 2.67
    (1.005, 2, "1.01"),
    (0.5, 0, "1"),
    (2.5, 0, "3"),  # Python's round(2.5) is 2
    (1234567.5, 0, "1234568"),
    (-12.25, 1, "-12.3"),  # a negative tie goes away from zero
    (-0.04, 1, "0.0"),  # no minus zero
    (12.24999, 1, "12.2"),
    (5, 2, "5.00"),
])
def test_a_figure_is_rounded_half_up_on_its_decimal_text(value, decimals, expected):
    assert half_up(value, decimals) == Decimal(expected)
    assert str(half_up(value, decimals)) == expected


def _result(value: float, unit: str = "%") -> IndicatorResult:
    return IndicatorResult(
        code="zonder_verblijf", lever="shared_values", name="X", unit=unit, value=value, value_label=None,
        norm=None, margin=None, better="higher", status="rood", reason=None, is_suppressed=False,
        denominator=None, denominator_label=None,
    )


@pytest.mark.parametrize(("where", "shown"), [
    ("tile", lambda v: fmt.percent(v)),
    ("table", lambda v: fmt.value(_result(v))),
    ("agenda sentence", lambda v: dutch_number(v)),
    ("export file", lambda v: export_value(_result(v))),
])
@pytest.mark.parametrize(("value", "expected"), [(12.25, "12,3"), (12.35, "12,4"), (0.05, "0,1")])
def test_the_tile_the_agenda_and_the_export_round_the_same_figure_alike(where, shown, value, expected):
    assert str(shown(value)).replace(".", ",").removesuffix("%") == expected


def test_the_machine_report_rounds_the_same_way_to_two_decimals():
    assert (decimal_text(2.675), decimal_text(1.005), decimal_text(-0.001)) == ("2.68", "1.01", "0.00")
