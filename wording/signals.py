"""The words of a signal: what a status, a variatie and a zekerheid mean (signals.md §3 and §6).

A colour name says nothing to a new reader, so every status is shown with its meaning ("op koers"),
and every indicator with a series gets two small icons with words: how it varies and whether its
process will meet the norm. Screen icons are Material symbols; paper icons are DejaVu glyphs. The
CLI keeps the bare codes (groen, zorg, haalt_niet).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from levers.freshness import Freshness
from levers.norms import Status
from levers.reasons import Reason
from levers.result import IndicatorResult
from levers.scope import Period
from levers.variation import NoLimits, Variatie, Variation, Zekerheid
from wording import fmt
from wording.reasons import reason_text


STATUS_WORDS = {Status.GREEN: "op koers", Status.AMBER: "let op", Status.RED: "buiten de norm",
                Status.GREY: "geen oordeel"}

VARIATIE_WORDS = {
    Variatie.COMMON: "gewone variatie",
    Variatie.IMPROVEMENT: "verbetering",
    Variatie.CONCERN: "zorgelijke verandering",
    Variatie.SPECIAL: "bijzondere variatie",
    Variatie.NONE: "te weinig punten",
}
ZEKERHEID_WORDS = {
    Zekerheid.MEETS: "haalt de norm",
    Zekerheid.FAILS: "haalt de norm niet",
    Zekerheid.VARIES: "wisselend",
}
NO_NORM = "geen norm"
NO_JUDGEMENT = "geen oordeel"  # a norm, but no limits to judge the process by (the variatie word says why)
SERIES_LIMITS = "Procesgrenzen"  # the band of the XmR limits on a trend chart
SERIES_PROVISIONAL = "Voorlopig"  # hollow points: declarations still coming in
PROVISIONAL = "voorlopig: declaraties t/m {month} mogelijk onvolledig"
PROVISIONAL_RECENT = "voorlopig: recente declaraties mogelijk onvolledig"
DATA_DATES = "Gegevens t/m: {dates}"
NO_DATA = "geen"
LAST_UPLOAD = "; laatste upload {day} {time}"
INCOMPLETE = "{period} is nog niet compleet: {kinds}."
INCOMPLETE_KIND = "{kind} t/m {date} ({names})"
TREND_NO_LATEST = "Geen waarde in {period}; eerdere punten staan in de grafiek"  # a headline without its last value
# a last value there but too small to show (levers.suppression): not "no value", which reads as missing data
TREND_SMALL_LATEST = "Minder dan {limit} in {period} (kleine aantallen worden niet getoond); eerdere punten staan in de grafiek"
TOO_FEW_POINTS = VARIATIE_WORDS[Variatie.NONE]
# Why a series with enough points has no limits (levers.variation.NoLimits; signals.md §3a).
NO_LIMITS = {
    NoLimits.WINDOW: "geen procesgrenzen: elk punt telt de maanden ervoor mee",
    NoLimits.FLAT: "vlakke reeks",
    NoLimits.FEW_SINCE_CHANGE: "te weinig punten sinds {day}",
}
# The same reasons, short enough for a tile's signal line (variatie · zekerheid).
NO_LIMITS_SHORT = {
    NoLimits.WINDOW: "geen procesgrenzen: overlappende maanden",
    NoLimits.FLAT: "vlakke reeks",
    NoLimits.FEW_SINCE_CHANGE: "te weinig punten sinds {day}",
}
SERIES_BEFORE_CHANGE = "Voor de procesbreuk"  # faded points: before the latest change of process

VARIATIE_ICONS = {
    Variatie.COMMON: ":material/swap_vert:",
    Variatie.IMPROVEMENT: ":material/thumb_up:",
    Variatie.CONCERN: ":material/priority_high:",
    Variatie.SPECIAL: ":material/bolt:",
    Variatie.NONE: ":material/more_horiz:",
}
ZEKERHEID_ICONS = {Zekerheid.MEETS: ":material/verified:", Zekerheid.FAILS: ":material/block:",
                   Zekerheid.VARIES: ":material/sync_alt:", Zekerheid.NONE: ":material/more_horiz:"}
# Paper: glyphs the DejaVu fonts of the PDFs carry.
VARIATIE_GLYPHS = {Variatie.COMMON: "~", Variatie.IMPROVEMENT: "↑", Variatie.CONCERN: "!", Variatie.SPECIAL: "◆",
                   Variatie.NONE: "○"}
ZEKERHEID_GLYPHS = {Zekerheid.MEETS: "✓", Zekerheid.FAILS: "✗", Zekerheid.VARIES: "↕", Zekerheid.NONE: "○"}
VARIATIE_HELP = (
    "Variatie volgens een procesgrafiek (XmR): ligt de laatste waarde binnen de gewone schommeling, "
    "of is er een bijzondere oorzaak (buiten de grenzen, 7 punten aan één kant, 6 punten op rij stijgend "
    "of dalend, of 2 van 3 punten ver van het gemiddelde)?"
)
ZEKERHEID_HELP = "Zekerheid: haalt het proces de norm, gegeven de procesgrenzen van de reeks?"


def _day(day: date | None) -> str:
    return f"{day.day}-{day.month}-{day.year}" if day else ""


def no_limits_text(reason: NoLimits, day: date | None = None, *, short: bool = False) -> str:
    """The chart's caption for a series without limits ('' when it has them or has too few points);
    `short`: the tile's words, for a narrow chart on paper."""
    if not reason:
        return ""
    return (NO_LIMITS_SHORT if short else NO_LIMITS)[reason].format(day=_day(day))


def status_word(status: Status, reason: Reason | None = None) -> str:
    """`op koers`; for grijs the reason too: `geen oordeel: te weinig waarnemingen`."""
    word = STATUS_WORDS[status]
    return f"{word}: {reason_text(reason)}" if status == Status.GREY and reason else word


def variatie_word(variatie: Variatie, reason: NoLimits = NoLimits.NONE, day: date | None = None) -> str:
    """`zorgelijke verandering`; without limits the reason (`geen procesgrenzen: overlappende maanden`,
    `vlakke reeks`, `te weinig punten sinds 1-7-2025`); else '' → `te weinig punten`."""
    if reason and (not variatie or reason == NoLimits.FLAT):
        return NO_LIMITS_SHORT[reason].format(day=_day(day))
    return VARIATIE_WORDS[variatie]


def zekerheid_word(zekerheid: Zekerheid, norm: float | None, reason: NoLimits = NoLimits.NONE) -> str:
    """`haalt de norm`; '' → `geen norm` without a norm, `geen oordeel` when a reason leaves the series
    without limits (the variatie word says why), else `te weinig punten`."""
    if zekerheid:
        return ZEKERHEID_WORDS[zekerheid]
    if norm is None:
        return NO_NORM
    return NO_JUDGEMENT if reason else TOO_FEW_POINTS


def source_text(source_period: str | None) -> str:
    """`K3 2026` (or `K1 t/m K3 2026`) for a result's source_period; '' when the value is the asked period."""
    if not source_period:
        return ""
    first, _, last = source_period.partition(" t/m ")
    if not last:
        return fmt.period_short(Period.parse(first))
    first_q, last_q = Period.parse(first), Period.parse(last)
    if first_q.start.year == last_q.start.year:
        return f"{fmt.period_short(first_q).split()[0]} t/m {fmt.period_short(last_q)}"
    return f"{fmt.period_short(first_q)} t/m {fmt.period_short(last_q)}"


REGION_FIGURE = "regiocijfer"  # a region-level figure in a municipality scope (indicators.md)


def value_text(result: IndicatorResult) -> str:
    """The shown value, naming the quarter it comes from when that is not the asked period: `80,1% (K3 2026)`,
    and saying when a municipality scope shows the region's figure: `76,7% (K3 2026; regiocijfer)`."""
    notes = [text for text in (source_text(result.source_period), REGION_FIGURE if result.region_figure else "") if text]
    return f"{fmt.value(result)} ({'; '.join(notes)})" if notes else fmt.value(result)


def provisional_text(latest_cost_month: date | None) -> str:
    """`voorlopig: declaraties t/m aug 2026 mogelijk onvolledig` (signals.md §4)."""
    if latest_cost_month is None:
        return ""
    return PROVISIONAL.format(month=fmt.month_short(latest_cost_month))


def costs_provisional_note(fresh: Freshness | None, period: Period) -> str:
    """The voorlopig note for spending over `period` ('' when its kosten months are final)."""
    if fresh is None or not fresh.costs_provisional(period):
        return ""
    return provisional_text(fresh.latest_cost_month)


def provisional_note(fresh: Freshness | None, code: str, period: Period) -> str:
    """The voorlopig note of `code` for `period` ('' when its months are final or it uses no kosten)."""
    if fresh is None or not fresh.is_provisional(code, period):
        return ""
    return provisional_text(fresh.latest_cost_month)


def icons_markdown(variation: Variation, norm: float | None) -> str:
    """The two small icons with their words, as Streamlit markdown: variatie · zekerheid."""
    return (f"{VARIATIE_ICONS[variation.variatie]} {_variatie_of(variation)} · "
            f"{ZEKERHEID_ICONS[variation.zekerheid]} {zekerheid_word(variation.zekerheid, norm, variation.reason)}")


def icons_text(variation: Variation, norm: float | None) -> str:
    """The same for paper, with DejaVu glyphs: `~ gewone variatie · ✓ haalt de norm`."""
    return (f"{VARIATIE_GLYPHS[variation.variatie]} {_variatie_of(variation)} · "
            f"{ZEKERHEID_GLYPHS[variation.zekerheid]} {zekerheid_word(variation.zekerheid, norm, variation.reason)}")


def _variatie_of(variation: Variation) -> str:
    return variatie_word(variation.variatie, variation.reason, variation.since_day)


def _kind_date(kind: str, day: date) -> str:
    if kind == "kosten":
        return fmt.month_name(day)
    if kind == "uitkomsten":
        return fmt.period_short(Period.parse(f"{day.year}-K{(day.month + 2) // 3}"))
    return fmt.day(day)


def data_dates_text(kinds: Sequence[tuple[str, date | None]], last_upload: datetime | None) -> str:
    """`Gegevens t/m: trajecten 31-10-2026 · kosten oktober 2026 · …; laatste upload 15-11-2026 14:03`.

    Upload times are stored in UTC and shown in Europe/Amsterdam time.
    """
    parts = [f"{kind} {_kind_date(kind, day) if day else NO_DATA}" for kind, day in kinds]
    text = DATA_DATES.format(dates=" · ".join(parts))
    if last_upload is not None:
        local = fmt.amsterdam(last_upload)
        text += LAST_UPLOAD.format(day=fmt.day(local.date()), time=f"{local:%H:%M}")
    return text


def incomplete_text(incomplete: Sequence[tuple[str, date, Sequence[str]]], names: Mapping[str, str],
                    period_label: str) -> str:
    """Which indicators a period ending after a kind's data date leaves incomplete ('' when none)."""
    if not incomplete:
        return ""
    parts = [INCOMPLETE_KIND.format(kind=kind, date=_kind_date(kind, day),
                                    names=", ".join(names[code] for code in codes))
             for kind, day, codes in incomplete]
    return INCOMPLETE.format(period=period_label, kinds="; ".join(parts))
