"""Family volume_growth: growth of single-service care (enkelvoudig) against a year earlier.

volumegroei_enkelvoudig: (persons active in P in perceel enkelvoudig / persons active in the same
period one year earlier in perceel enkelvoudig − 1) × 100; denominator = the earlier count; grijs when
the scope is perceel complex

"The same period one year earlier" is the same month, quarter or year of the previous year
(`Period.year_earlier`); the municipality and provider filters of the scope apply to both counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.reasons import Reason


@dataclass(frozen=True)
class VolumeGrowth:
    persons_now: int
    persons_before: int
    growth_pct: float | None  # None when nobody was in care a year earlier


def build(row: VolumeGrowth, ctx: Context) -> dict:
    if ctx.scope.lot == "complex":
        result = ctx.result("volumegroei_enkelvoudig", None, reason=Reason.NOT_COMPLEX)
    else:
        result = ctx.result("volumegroei_enkelvoudig", row.growth_pct, row.persons_before,
                            reason=None if row.persons_before else Reason.NO_EARLIER_YEAR)
    return {"volumegroei_enkelvoudig": result}


FAMILY = Family("volume_growth", "volume_growth.sql", VolumeGrowth, build,
                row_sets=("enkelvoudig_now", "enkelvoudig_before"))
