"""The one rounding rule for every figure a person reads: half-up, away from binary noise.

12,25 is shown as 12,3 everywhere (tile, table, agenda sentence, export, report), never 12,2:
the float's shortest decimal text (repr) is rounded, not its binary value, and a tie goes away
from zero, as people round on paper. Babel's and Python's own rounding (half-even) are not used.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: float, decimals: int) -> Decimal:
    """`value` rounded half-up to `decimals` places; `-0` comes back as `0`."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded
