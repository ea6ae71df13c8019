"""The typed indicator result every lever returns, and the one function that builds it.

`make_result` applies the catalogue entry, the norm, the status rule and small-number suppression
in one place, so no family can forget one of them and no suppressed figure can leave the levers. It
reads nothing: the norm is resolved by the caller (`levers.family.Context`) from norms read once.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers import suppression
from levers.catalogue import COUNT, RATIO, definition
from levers.norms import GREY, Norm, Status, status
from levers.reasons import Reason


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator for one scope and period, as it may be shown (suppression already applied)."""

    code: str
    lever: str
    name: str
    unit: str
    value: float | None  # None when there is no value or when it is suppressed
    value_label: str | None  # '<5' for a suppressed small count, else None
    norm: float | None
    margin: float | None
    better: str | None  # 'lower' | 'higher' | None
    status: Status
    reason: Reason | None  # why the status is grijs (worded by wording.reasons)
    is_suppressed: bool
    denominator: float | None  # None when not applicable or suppressed
    denominator_label: str | None  # '<5' for a suppressed small denominator
    details: tuple[tuple[str, float | None], ...] = ()  # extra figures, e.g. budget realised / pro rata
    source_period: str | None = None  # where the value really comes from when not the asked period ('2026-K3')
    region_figure: bool = False  # a region-level figure shown in a municipality scope: the region's value

    @property
    def detail(self) -> dict[str, float | None]:
        return dict(self.details)


def make_result(
    code: str,
    value: float | None,
    denominator: float | None = None,
    *,
    norm: Norm | None,
    reason: Reason | None = None,
    details: tuple[tuple[str, float | None], ...] = (),
    status_override: Status | None = None,
) -> IndicatorResult:
    """Build the shown result of `code` from its exact value and denominator and the norm that applies.

    `reason` explains a missing value (e.g. not shown with a provider filter); `status_override`
    lets an indicator with its own rule (certificaten) set the status while suppression still applies.
    """
    entry = definition(code)
    light = status_override or status(value, norm, entry.better)
    why = None
    if value is None:
        why = reason or Reason.NO_DATA
    elif light == GREY:
        why = reason or Reason.NO_NORM

    shown, label, suppressed = value, None, False
    if entry.privacy == COUNT and suppression.is_small_count(value):
        shown, label, suppressed = None, suppression.SMALL_COUNT_LABEL, True
        if not entry.keeps_status_when_suppressed:
            light, why = GREY, Reason.SMALL_COUNT
    if entry.privacy == RATIO and value is not None and suppression.is_too_few(denominator):
        shown, suppressed = None, True
        light, why = GREY, Reason.TOO_FEW_OBSERVATIONS

    shown_denominator, denominator_label = denominator, None
    if entry.privacy in (COUNT, RATIO) and suppression.is_small_count(denominator):
        shown_denominator, denominator_label = None, suppression.SMALL_COUNT_LABEL

    return IndicatorResult(
        code=code,
        lever=entry.lever,
        name=entry.name,
        unit=entry.unit,
        value=None if shown is None else float(shown),
        value_label=label,
        norm=norm.norm if norm else None,
        margin=norm.margin if norm else None,
        better=entry.better,
        status=light,
        reason=why,
        is_suppressed=suppressed,
        denominator=None if shown_denominator is None else float(shown_denominator),
        denominator_label=denominator_label,
        details=details,
    )
