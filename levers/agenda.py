"""The dialogue agenda: red and amber indicators, and worrying changes, whose theme was not discussed lately.

indicators.md, "The dialogue agenda": for a provider (or the whole region) and P, every indicator
of any lever whose status is rood or oranje, or whose variatie is `zorg` (signals.md §3: its process
chart shows a change for the worse), and whose dialogue theme has no dialogue row in scope (for a
provider: its rows and the region-wide rows; for the whole region: any row of the region) in the 3
months ending at p_end. Order: rood, oranje, then variatie zorg; within each, lever order, then
catalogue order.

The window "the 3 months ending at p_end" is (p_end − 3 months, p_end], month arithmetic clamped to
the month's last day, like the spec's 12-month window: for p_end 2026-10-31 it runs from 2026-08-01
through 2026-10-31; for p_end 2026-05-31 (− 3 months = 2026-02-28) from 2026-03-01 through 2026-05-31.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import duckdb

from levers.catalogue import CODES, LEVER_NAMES, LEVERS, definition
from levers.norms import AMBER, RED, Norm, Status, status
from levers.registry import all_indicators
from levers.result import IndicatorResult
from levers.scope import Period, Scope, add_months
from levers.series import all_series
from levers.sql_files import load_sql
from levers.variation import CONCERN, Variatie

WINDOW_MONTHS = 3
DISCUSSED_THEMES = load_sql("agenda_discussed_themes.sql")
_THEME_NAMES = "select theme, name from dialogue_themes order by theme"


class Judgement(StrEnum):
    """Why an item is on the agenda; wording.agenda words it with the item's norm and marge."""

    BEYOND_MARGIN = "beyond_margin"  # rood: worse than the norm plus the marge
    WITHIN_MARGIN = "within_margin"  # oranje: worse than the norm, within the marge
    OWN_RULE = "own_rule"  # the status follows the indicator's own rule (catalogue `own_rule`)
    CONCERN = "concern"  # variatie zorg: the process chart shows a change for the worse


@dataclass(frozen=True)
class AgendaItem:
    """One point for the next conversation: the indicator, its figures and why it is on the agenda."""

    code: str
    lever: str
    lever_name: str  # Dutch lever name
    name: str
    unit: str
    status: Status  # rood or oranje, or any status with variatie zorg
    value: float | None  # as shown: None when suppressed
    value_label: str | None  # '<5' for a suppressed small count
    norm: float | None
    margin: float | None
    theme: int
    theme_name: str  # '' when the theme's name is not known
    judgement: Judgement  # why it is on the agenda (worded by wording.agenda.why)
    variatie: Variatie = Variatie.NONE  # the series' variatie (signals.md §3); zorg puts a groen or grijs one on it
    source_period: str | None = None  # the quarter the value comes from when not the asked period ('2026-K3')


def agenda_window(period: Period) -> tuple[date, date]:
    """(exclusive start, inclusive end) of the window in which a discussed theme counts."""
    return add_months(period.end, -WINDOW_MONTHS), period.end


def agenda_items(results: Iterable[IndicatorResult], discussed_themes: Iterable[int],
                 theme_names: Mapping[int, str] | None = None,
                 variaties: Mapping[str, Variatie] | None = None) -> tuple[AgendaItem, ...]:
    """The agenda from computed results, the themes discussed in the window and each code's variatie."""
    discussed = set(discussed_themes)
    names = theme_names or {}
    found = variaties or {}
    due = [
        result for result in results
        if _group(result, found.get(result.code, Variatie.NONE)) is not None
        and definition(result.code).theme is not None
        and definition(result.code).theme not in discussed
    ]
    due.sort(key=lambda r: (_group(r, found.get(r.code, Variatie.NONE)), LEVERS.index(r.lever), CODES.index(r.code)))
    return tuple(_item(result, names, found.get(result.code, Variatie.NONE)) for result in due)


def _group(result: IndicatorResult, variatie: Variatie) -> int | None:
    """0 rood, 1 oranje, 2 another status with variatie zorg; None: not for the agenda."""
    if result.status in (RED, AMBER):
        return (RED, AMBER).index(result.status)
    return 2 if variatie == CONCERN else None


def _item(result: IndicatorResult, theme_names: Mapping[int, str], variatie: Variatie) -> AgendaItem:
    theme = definition(result.code).theme
    theme_name = theme_names.get(theme, "")
    return AgendaItem(
        code=result.code, lever=result.lever, lever_name=LEVER_NAMES[result.lever], name=result.name,
        unit=result.unit, status=result.status, value=result.value, value_label=result.value_label,
        norm=result.norm, margin=result.margin, theme=theme, theme_name=theme_name,
        judgement=_judgement(result), variatie=variatie, source_period=result.source_period,
    )


def _judgement(result: IndicatorResult) -> Judgement:
    """Why the item is due: its status by the norm and marge, its own rule (the status differs from what
    value and norm give, e.g. certificaten), or else a worrying change."""
    if result.value is not None and result.norm is not None:
        by_norm = status(result.value, Norm(result.norm, result.margin or 0, False), result.better)
        if by_norm != result.status:
            return Judgement.OWN_RULE
    if result.status == RED:
        return Judgement.BEYOND_MARGIN
    if result.status == AMBER:
        return Judgement.WITHIN_MARGIN
    return Judgement.CONCERN


def discussed_themes(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> frozenset[int]:
    """Themes with a dialogue row in scope in the window (p_end − 3 months, p_end]."""
    window_start, p_end = agenda_window(period)
    params = {"regions": list(scope.regions), "providers": list(scope.providers), "window_start": window_start,
              "p_end": p_end}
    return frozenset(int(row[0]) for row in con.execute(DISCUSSED_THEMES, params).fetchall())


def theme_names(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """The 18 dialogue themes: number → Dutch name."""
    return {int(theme): name for theme, name in con.execute(_THEME_NAMES).fetchall()}


def agenda(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[AgendaItem, ...]:
    """The agenda for the scope (a provider: scope with that provider; else the whole region) and P."""
    variaties = {trend.code: trend.variation.variatie for trend in all_series(con, scope, period)}
    return agenda_items(all_indicators(con, scope, period), discussed_themes(con, scope, period), theme_names(con),
                        variaties)
