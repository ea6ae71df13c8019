"""How a national (CBS) reference figure reads beside our own value: `NL 11,8 (CBS, 2025-H1)`.

Context only: the words never judge (no status, no "beter" or "slechter"), say when the figure is
an earlier period's (issue 13 §1). A figure of another definition is never shown (signals.md §7).
"""

from __future__ import annotations

from datetime import date

from levers.national import NationalFigure, NationalPair
from levers.scope import Period, month_end
from wording import fmt

LABEL = "NL {value} ({publisher}, {period})"
LABEL_EARLIER = "NL {value} ({publisher}, laatst bekend: {period})"
FICTIVE = ", fictief"
HELP = ("Landelijk referentiecijfer, alleen ter vergelijking: het telt niet mee in onze berekening en krijgt "
        "geen status. Bron: {source}.")
COLUMN = "NL"  # the column of the council report's tables
LINE = "Nederland"  # the reference line in the municipality comparison
PAIR = "{scope} {period}: {own} · Nederland {period}: {national}"
PAIR_FICTIVE = " (fictief)"
SEGMENT = "Nederland {period}: {value}"  # a national figure over its own period on a trend chart
SEGMENT_LEGEND = "Nederland (over de eigen periode)"


def label(figure: NationalFigure, unit: str) -> str:
    """`NL 11,8 (CBS, 2025-H1)`, or `... laatst bekend: 2024-H2` when no figure overlaps the period."""
    words = (LABEL_EARLIER if figure.is_earlier else LABEL).format(
        value=fmt.in_unit(figure.value, unit), publisher=figure.publisher, period=figure.period)
    return words[:-1] + FICTIVE + ")" if figure.fictitious else words


def pair_text(pair: NationalPair, scope_name: str) -> str:
    """`IJmond 1e helft 2026: 61,3 · Nederland 1e helft 2026: 99,6`: both values over the national figure's
    own period (signals.md §7), never the national value beside another period's (a month's) alone."""
    period = fmt.period_label(pair.period)
    words = PAIR.format(scope=scope_name, period=period, own=fmt.value(pair.own),
                        national=fmt.in_unit(pair.figure.value, pair.own.unit))
    return words + PAIR_FICTIVE if pair.figure.fictitious else words


def segment_label(period: str, value: float, unit: str, fictitious: bool = False) -> str:
    """`Nederland 1e helft 2026: 99,6` beside a segment of the trend chart."""
    words = SEGMENT.format(period=fmt.period_label(period_of_label(period)), value=fmt.in_unit(value, unit))
    return words + PAIR_FICTIVE if fictitious else words


def period_of_label(label: str) -> Period:
    """The Period of a national figure's label (`2026-H1`, `2026-K2`, `2026`), for its Dutch words."""
    if "-H" in label:
        year, half = int(label[:4]), int(label[-1])
        return Period.of_days(date(year, 6 * half - 5, 1), month_end(year, 6 * half))
    return Period.parse(label)


def line_label(figure: NationalFigure, unit: str) -> str:
    """The comparison chart's reference line: `Nederland 11,8 (CBS, 2025-H1)`."""
    return LINE + label(figure, unit).removeprefix(COLUMN)


def help_text(figure: NationalFigure) -> str:
    """The hover text: what the figure is and is not, and its full source."""
    return HELP.format(source=figure.source)
