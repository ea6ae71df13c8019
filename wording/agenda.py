"""Why an indicator is on the agenda, as a reader reads it on the Partner page and in the agenda documents.

levers.agenda keeps its own `why` as the machine record (`python -m levers agenda`, the byte guard);
this sentence is the reader's: figures as everywhere else in the dashboard (`90,0%`, `€ 1.436`, a
margin in procentpunt) and the margin worded by the indicator's direction: below a higher-is-better
norm a value is worse than the norm *min* the margin, above a lower-is-better one *plus* the margin.
"""

from __future__ import annotations

from levers.agenda import WHY_CONCERN, WINDOW_MONTHS, AgendaItem
from levers.catalogue import definition
from levers.norms import AMBER, RED, Norm, status
from wording import fmt

BEYOND = {"higher": "slechter dan de norm {norm} min de marge {margin}",
          "lower": "slechter dan de norm {norm} plus de marge {margin}"}
WITHIN = "slechter dan de norm {norm}, binnen de marge {margin}"
OWN_RULE = "status {status} volgens de eigen regel"
REASON = "{name}: {value} ({status}), {judgement}; thema {theme} ({theme_name}) is de afgelopen {months} maanden " \
         "niet besproken."


def reason(item: AgendaItem) -> str:
    """`Tijdig gestart: 82,0% (rood), slechter dan de norm 90,0% min de marge 5 procentpunt; thema 6 (…) …`."""
    entry = definition(item.code)
    norm = fmt.NOT_SHOWN if item.norm is None else fmt.in_unit(item.norm, item.unit)
    margin = fmt.NOT_SHOWN if item.margin is None else fmt.margin(item.margin, item.unit)
    if item.status == RED and entry.better in BEYOND:
        judgement = BEYOND[entry.better].format(norm=norm, margin=margin)
    elif item.status == AMBER:
        judgement = WITHIN.format(norm=norm, margin=margin)
    else:
        judgement = WHY_CONCERN
    if item.value is not None and item.norm is not None:  # a status its own rule set (levers.agenda alike)
        if status(item.value, Norm(item.norm, item.margin or 0, False), entry.better) != item.status:
            judgement = entry.own_rule or OWN_RULE.format(status=item.status)
    return REASON.format(name=item.name, value=fmt.value(item), status=item.status, judgement=judgement,
                         theme=item.theme, theme_name=item.theme_name, months=WINDOW_MONTHS)
