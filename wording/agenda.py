"""The dialogue agenda in words: each item's figures the Dutch way and the sentence saying why it is due.

levers.agenda decides which indicators are due and why (a `Judgement`); this module writes that for
the screen, the agenda document and `python -m levers agenda`, so all three read the same.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from levers.agenda import WINDOW_MONTHS, AgendaItem, Judgement
from levers.catalogue import definition
from levers.result import IndicatorResult
from levers.rounding import half_up
from wording import fmt

NO_VALUE = "–"
COUNT_UNIT = "aantal"  # the catalogue's unit of a bare count: written without a unit


def dutch_number(value: float | None) -> str:
    """48,5 · 1.234 · '–' for no value: how the agenda writes figures (one decimal, half-up)."""
    if value is None:
        return NO_VALUE
    return format_decimal(half_up(value, 1), format="#,##0.#", locale="nl_NL")


def shown_value(result: IndicatorResult | AgendaItem) -> str:
    """The value as a reader sees it, with its unit: '48,5 dagen', '86,2%', '<5', '5' (an aantal)."""
    if result.value_label:
        return result.value_label
    number = dutch_number(result.value)
    if result.value is None or result.unit == COUNT_UNIT:
        return number
    return with_unit(number, result.value, result.unit)


def with_unit(number: str, value: float, unit: str, *, difference: bool = False) -> str:
    """'86,2%', '1 sessie', '3 sessies', '42 dagen'; a difference of percentages is in procentpunt."""
    if unit.startswith("%"):
        return f"{number} procentpunt" if difference else f"{number}{unit}"
    if unit == "sessies" and value == 1:
        unit = "sessie"
    return f"{number} {unit}" if unit != COUNT_UNIT else number


def theme_label(item: AgendaItem) -> str:
    """The theme's name, or 'thema 9' when the names were not read."""
    return item.theme_name or f"thema {item.theme}"


def why(item: AgendaItem) -> str:
    """One sentence: the value and status, why that is a concern, and that its theme was not discussed."""
    norm, margin = (NO_VALUE if value is None else with_unit(dutch_number(value), value, item.unit, difference=step)
                    for value, step in ((item.norm, False), (item.margin, True)))
    return _sentence(item, shown_value(item), BEYOND["lower"].format(norm=norm, margin=margin), norm, margin)


def _sentence(item: AgendaItem, value: str, beyond: str, norm: str, margin: str) -> str:
    """The agenda sentence around an item's value, norm and margin as the caller formats them."""
    judgements = {
        Judgement.BEYOND_MARGIN: beyond,
        Judgement.WITHIN_MARGIN: f"slechter dan de norm {norm}, binnen de marge {margin}",
        Judgement.CONCERN: "het verloop toont een zorgelijke verandering (procesgrafiek)",
        Judgement.OWN_RULE: definition(item.code).own_rule or f"status {item.status} volgens de eigen regel",
    }
    return (
        f"{item.name}: {value} ({item.status}), {judgements[item.judgement]}; "
        f"thema {item.theme} ({theme_label(item)}) is de afgelopen {WINDOW_MONTHS} maanden niet besproken."
    )


# --- the reader's sentence (the Partner page and the agenda documents; issue 23) ---------------------
# `why` above is also the command line's record (`python -m levers agenda`, the byte guard). A reader gets
# the figures as on every tile (`90,0%`, `€ 1.436`, a margin in procentpunt) and the margin worded by the
# indicator's direction: below a higher-is-better norm a value is worse than the norm *min* the margin.
BEYOND = {"higher": "slechter dan de norm {norm} min de marge {margin}",
          "lower": "slechter dan de norm {norm} plus de marge {margin}"}


def reason(item: AgendaItem) -> str:
    """`Cliënttevredenheid: 80,0% (rood), slechter dan de norm 90,0% min de marge 5 procentpunt; thema 6 …`."""
    norm = NO_VALUE if item.norm is None else fmt.in_unit(item.norm, item.unit)
    margin = NO_VALUE if item.margin is None else fmt.margin(item.margin, item.unit)
    beyond = BEYOND.get(definition(item.code).better, BEYOND["lower"]).format(norm=norm, margin=margin)
    return _sentence(item, fmt.value(item), beyond, norm, margin)
