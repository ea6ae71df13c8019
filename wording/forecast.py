"""Dutch words of the year-end forecast (ahead.md §1): the fan chart's title, lines and caption, and the
scenario page's levers and outcome (ahead.md §2). Screen and paper read the same texts."""

from __future__ import annotations

from levers.chart_model import FanModel
from wording import fmt

MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTHS_LONG = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")

REALISED = "Gerealiseerd"
CORRECTED = "Gecorrigeerd voor late declaraties"
MEDIAN = "Prognose (mediaan)"
BAND = "80%-band"
BUDGET = "Budget"
FAN_CAPTION = ("Cumulatieve uitgaven per maand. Declaraties komen maanden na de zorgmaand binnen; de "
               "gecorrigeerde lijn telt op wat er gewoonlijk nog bijkomt. De band is het bereik waarin de "
               "uitkomst in 8 van de 10 eerdere jaren viel, getoetst op dezelfde maand.")


def fan_title(model: FanModel) -> str:
    """The finding: when the budget is reached at the median outcome, or that it holds; with the chance."""
    chance = (f" (kans op overschrijding {fmt.percent(model.overspend_pct, 0)})"
              if model.overspend_pct is not None else "")
    if model.budget is None:
        return f"Prognose van de uitgaven in {model.year}"
    if model.budget_month is None:
        return f"Het budget {model.year} houdt naar verwachting stand{chance}"
    return f"Het budget {model.year} is naar verwachting in {MONTHS_LONG[model.budget_month - 1]} op{chance}"
