"""Tables of the Partner page, from lever results to what the reader sees (pure, no Streamlit)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from exports.tables import comparison_table, export_value
from levers.compare import ComparisonRow
from levers.result import IndicatorResult
from wording import fmt, texts

_SESSION_COLUMNS = ("session_date", "provider_name", "theme_name", "subject", "signal", "action", "owner",
                    "deadline", "status")
_ACTION_COLUMNS = ("session_date", "provider_name", "theme_name", "subject", "action", "owner", "deadline",
                   "is_overdue")
_TEXT_COLUMNS = {"theme_name", "subject", "signal", "action", "owner", "status"}


def own_first(rows: Sequence[ComparisonRow], own: str) -> list[tuple[str, tuple[IndicatorResult, ...]]]:
    """(label, results) per provider, the chosen provider first and marked; the others in lever order."""
    mine = [(texts.PARTNER_OWN_MARK.format(name=row.name), row.results) for row in rows if row.key == own]
    return mine + [(row.name, row.results) for row in rows if row.key != own]


def peers_table(rows: Sequence[ComparisonRow], own: str, *, for_screen: bool) -> pd.DataFrame:
    """Provider × indicator: Dutch text for the screen, numbers for the files; suppression either way."""
    cell: Callable[[IndicatorResult], object] = fmt.value if for_screen else export_value
    return comparison_table(own_first(rows, own), label_column=texts.PARTNER_PICK, cell=cell)


def dialogue_table(log: pd.DataFrame, *, actions: bool = False) -> pd.DataFrame:
    """The dialogue rows (or open actions) with Dutch column names; region-wide rows say so.

    An empty text cell (no signal, a session without an action) reads `–`, never `None`.
    """
    columns = _ACTION_COLUMNS if actions else _SESSION_COLUMNS
    table = log[list(columns)].copy()
    table["provider_name"] = table["provider_name"].fillna(texts.PARTNER_REGION_WIDE)
    for column in _TEXT_COLUMNS.intersection(columns):
        table[column] = table[column].astype(object).where(table[column].notna(), fmt.NOT_SHOWN)
    return table.rename(columns=texts.DIALOGUE_COLUMNS)
