"""The Scenario page's table and waterfall steps in Dutch, from levers.scenario's outcome to what a reader sees
(pure, no Streamlit; the council page reads the same rows)."""

from __future__ import annotations

from collections.abc import Mapping

from levers.scenario import Outcome
from wording import fmt
from wording import forecast as words


def cell_rows(outcome: Outcome, names: Mapping[str, str], year: int) -> tuple[list[str], list[list[str]]]:
    """(columns, rows) per gemeente × perceel, then the total: budget, this year's forecast and next year's
    expected spending, baseline beside scenario, the difference in euros and in % of the budget."""
    columns = [column.format(year=year, next_year=year + 1) for column in words.COLUMNS]
    rows = [_row(names.get(cell.municipality, cell.municipality), cell.lot, cell.budget, cell.year_baseline,
                 cell.year_scenario, cell.next_baseline, cell.next_scenario) for cell in outcome.cells]
    rows.append(_row("Totaal", "", outcome.budget, outcome.total("year_baseline"), outcome.total("year_scenario"),
                     outcome.total("next_baseline"), outcome.total("next_scenario")))
    return columns, rows


def steps(outcome: Outcome) -> list[tuple[str, float]]:
    """The waterfall of next year's expected spending, with Dutch labels."""
    return [(words.LEVER_LABELS[lever], amount) for lever, amount in outcome.steps(next_year=True)]


def _row(name: str, lot: str, budget: float | None, year_base: float, year_scenario: float, next_base: float,
         next_scenario: float) -> list[str]:
    difference = year_scenario - year_base
    share = fmt.percent(difference / budget * 100, 2) if budget else fmt.NOT_SHOWN
    return [name, lot, fmt.euro(budget) if budget is not None else fmt.NOT_SHOWN, fmt.euro(year_base),
            fmt.euro(year_scenario), _signed(difference), share, fmt.euro(next_base), fmt.euro(next_scenario),
            _signed(next_scenario - next_base)]


def _signed(value: float) -> str:
    return ("+" if value >= 0.005 else "−" if value <= -0.005 else "") + fmt.euro(abs(value))
