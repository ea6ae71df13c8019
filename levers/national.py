"""National reference figures (CBS, upload kind `landelijk`) beside our own: found, never computed in.

A figure stands beside an indicator's value as context only: it gets no status, no norm, and no
computation of ours reads it (issue 13 §1). A figure per 1,000 youths over a month cannot be compared
with one over a half-year, so a national figure is only shown beside the scope's value computed over
the figure's own period N (signals.md §7): N is P itself when there is a national figure for P, else
the latest national period that ended by p_end. A figure whose stated definition differs from the
indicator's (its `definitie` is a text other than the indicator's code, e.g. CBS counting 0 to 23
years where we count 0 to 17) is never shown at all. `national_pairs` gives both values of each pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb

from levers.catalogue import CODES
from levers.result import IndicatorResult
from levers.runner import compute
from levers.scope import Period, Scope
from levers.sql_files import load_sql, used_params


@dataclass(frozen=True)
class NationalFigure:
    code: str
    value: float
    source: str  # the `bron` as uploaded, e.g. 'CBS 85099NED'
    period: str  # the figure's own period: '2025', '2025-H1' or '2025-K3'
    is_earlier: bool  # its period is not P itself: the latest one that ended by p_end
    start: date  # the first and last day of its period: the comparison period N
    end: date

    @property
    def comparison_period(self) -> Period:
        """N: the period over which the scope's own value is computed to stand beside this figure."""
        return Period.of_days(self.start, self.end)

    @property
    def publisher(self) -> str:
        """Who published it, as a label says it: the first word of the source ('CBS')."""
        return self.source.split()[0] if self.source.split() else self.source

    @property
    def fictitious(self) -> bool:
        """A demo figure, marked *fictief* in its source: every label says so."""
        return "fictief" in self.source.lower()


def national_figures(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, NationalFigure]:
    """The national figure of each indicator that has one for `period` (by code)."""
    sql = load_sql("national.sql")
    rows = con.execute(sql, used_params(sql, {"p_start": period.start, "p_end": period.end})).fetchall()
    return {row[0]: NationalFigure(*row) for row in rows}


_HISTORY = """
select indicator, value, source, period, true as is_earlier, period_start, period_end
from national_figures
where area = 'NL' and coalesce(trim(definition), '') in ('', indicator)
order by indicator, period_start, period_end, source
"""


def national_history(con: duckdb.DuckDBPyConnection) -> tuple[NationalFigure, ...]:
    """Every national figure of the same definition as stored, by indicator and period: each a segment over its own period on
    the trend charts (levers.chart_model), never a line across months."""
    return tuple(NationalFigure(*row) for row in con.execute(_HISTORY).fetchall())


@dataclass(frozen=True)
class NationalPair:
    """A national figure and the scope's own value over the figure's period N (same definition, same
    suppression): the only way the two are shown together."""

    figure: NationalFigure
    own: IndicatorResult

    @property
    def period(self) -> Period:
        return self.figure.comparison_period


def national_pairs(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period,
                   codes: Iterable[str] = CODES) -> dict[str, NationalPair]:
    """For each of `codes` with a national figure for `period`: the figure and the scope's value over its
    period N, by code. One computation per distinct N (most indicators share one)."""
    wanted = set(codes)
    figures = {code: figure for code, figure in national_figures(con, period).items() if code in wanted}
    by_period: dict[Period, list[str]] = {}
    for code, figure in figures.items():
        by_period.setdefault(figure.comparison_period, []).append(code)
    pairs: dict[str, NationalPair] = {}
    for over, same in by_period.items():
        for result in compute(con, scope, [over], same)[0]:
            pairs[result.code] = NationalPair(figures[result.code], result)
    return pairs
