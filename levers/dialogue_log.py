"""The dialogue log as rows to read: the sessions of the last year and the open actions.

The interaction indicators count these rows (levers/sql/interaction_dialogues.sql); this module lists
them for the Partner page with the same scope rules, so the list and the count always agree.
Dialogue rows are not protected by small-number rules (indicators.md): they describe meetings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from levers.scope import Period, Scope, add_months
from levers.sql_files import load_sql

if TYPE_CHECKING:
    import pandas as pd  # the log's tables come from DuckDB's .df(), which imports it

ROWS = load_sql("dialogue_log_rows.sql")
LOG_MONTHS = 12

# Columns of both frames: session_date, provider, provider_name, theme, theme_name, subject, signal,
# action, owner, deadline, status, is_overdue (newest first).
_COLUMNS = [
    "session_date", "provider", "provider_name", "theme", "theme_name", "subject", "signal",
    "action", "owner", "deadline", "status", "is_overdue",
]


@dataclass(frozen=True)
class DialogueLog:
    """What was discussed with a provider (or region-wide) and what is still to be done."""

    sessions: pd.DataFrame  # rows dated in the LOG_MONTHS months up to p_end
    open_actions: pd.DataFrame  # open actions dated up to p_end, however old; overdue ones flagged

    @property
    def overdue_count(self) -> int:
        return int(self.open_actions["is_overdue"].sum())


def dialogue_log(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period,
                 *, months: int = LOG_MONTHS) -> DialogueLog:
    """The log of `scope` up to p_end: its providers' rows plus the region-wide rows."""
    params = {
        "regions": list(scope.regions),
        "providers": list(scope.providers),
        "p_end": period.end,
        "after": add_months(period.end, -months),
    }
    rows = con.execute(ROWS, params).df()
    return DialogueLog(
        sessions=rows.loc[rows["is_in_window"], _COLUMNS].reset_index(drop=True),
        open_actions=rows.loc[rows["is_open_action"], _COLUMNS].reset_index(drop=True),
    )
