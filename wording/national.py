"""How a national (CBS) reference figure reads beside our own value: `NL 11,8 (CBS, 2025-H1)`.

Context only: the words never judge (no status, no "beter" or "slechter"), say when the figure is
an earlier period's, and give CBS's definition where it differs from ours (issue 13 §1).
"""

from __future__ import annotations

from levers.national import NationalFigure
from wording import fmt

LABEL = "NL {value} ({publisher}, {period})"
LABEL_EARLIER = "NL {value} ({publisher}, laatst bekend: {period})"
FICTIVE = ", fictief"
HELP = ("Landelijk referentiecijfer, alleen ter vergelijking: het telt niet mee in onze berekening en krijgt "
        "geen status. Bron: {source}.")
DEFINITION = "Definitie {publisher}: {definition}"
COLUMN = "NL"  # the column of the council report's tables
LINE = "Nederland"  # the reference line in the municipality comparison


def label(figure: NationalFigure, unit: str) -> str:
    """`NL 11,8 (CBS, 2025-H1)`, or `... laatst bekend: 2024-H2` when no figure overlaps the period."""
    words = (LABEL_EARLIER if figure.is_earlier else LABEL).format(
        value=fmt.in_unit(figure.value, unit), publisher=figure.publisher, period=figure.period)
    return words[:-1] + FICTIVE + ")" if figure.fictitious else words


def line_label(figure: NationalFigure, unit: str) -> str:
    """The comparison chart's reference line: `Nederland 11,8 (CBS, 2025-H1)`."""
    return LINE + label(figure, unit).removeprefix(COLUMN)


def help_text(figure: NationalFigure) -> str:
    """The hover text: what the figure is and is not, its full source and, where it differs, CBS's definition."""
    text = HELP.format(source=figure.source)
    if figure.definition:
        text += " " + DEFINITION.format(publisher=figure.publisher, definition=figure.definition)
    return text
