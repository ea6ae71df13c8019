"""The rows of a lever page's summary table (issue 26), as words: one row per indicator, attention first.

As in NHS Making Data Count's integrated performance reports, a reader first sees every indicator of
the lever in one table (value, naming its quarter when that is not the asked period, norm, status, variatie and zekerheid, a sparkline) and
opens one indicator's details on demand. The icons are the glyphs the printed documents use (a table
cell cannot hold a Material symbol), always followed by their word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from levers.norms import AMBER, RED, Status
from levers.result import IndicatorResult
from levers.series import NO_VARIATION, Series
from levers.variation import Variatie, Variation, Zekerheid
from wording import fmt, texts
from wording import signals as signal_words

STATUS_GLYPHS = {Status.GREEN: "✓", Status.AMBER: "!", Status.RED: "✕", Status.GREY: "–"}

# Which rows come first: rood, oranje, then a worrying process (a concerning change, or a process that
# will not meet its norm) whatever its status; then the rest. Within a rank the catalogue's order stays.
_RANK_RED, _RANK_AMBER, _RANK_PROCESS, _RANK_REST = range(4)


@dataclass(frozen=True)
class SummaryRow:
    """One indicator as the summary table shows it (texts), its sparkline and why it stands where it does."""

    code: str
    name: str
    value: str  # with the quarter it comes from when that is not the asked period: `80,1% (K3 2026)`
    norm: str
    status: str
    variatie: str
    zekerheid: str
    sparkline: tuple[float, ...]
    rank: int


def attention_rank(result: IndicatorResult, variation: Variation) -> int:
    """0 for rood, 1 for oranje, 2 for a concerning change or a process that fails its norm, else 3."""
    if result.status == RED:
        return _RANK_RED
    if result.status == AMBER:
        return _RANK_AMBER
    if variation.variatie == Variatie.CONCERN or variation.zekerheid == Zekerheid.FAILS:
        return _RANK_PROCESS
    return _RANK_REST


def summary_rows(results: Sequence[IndicatorResult], series: Mapping[str, Series]) -> list[SummaryRow]:
    """The lever's indicators as table rows, the rows needing attention first (stable within a rank)."""
    rows = [_row(result, series.get(result.code)) for result in results]
    return sorted(rows, key=lambda row: row.rank)  # sorted() is stable: catalogue order within a rank


def _row(result: IndicatorResult, series: Series | None) -> SummaryRow:
    variation = series.variation if series is not None else NO_VARIATION
    return SummaryRow(
        code=result.code,
        name=result.name,
        value=signal_words.value_text(result),
        norm=fmt.norm(result) if result.norm is not None else texts.NO_NORM,
        status=f"{STATUS_GLYPHS[result.status]} {signal_words.status_word(result.status)}",  # why grijs: on the card
        variatie=f"{signal_words.VARIATIE_GLYPHS[variation.variatie]} {signal_words.variatie_word(variation.variatie)}",
        zekerheid=(f"{signal_words.ZEKERHEID_GLYPHS[variation.zekerheid]} "
                   f"{signal_words.zekerheid_word(variation.zekerheid, result.norm)}"),
        sparkline=tuple(point.value for point in (series.points if series else ()) if point.value is not None),
        rank=attention_rank(result, variation),
    )
