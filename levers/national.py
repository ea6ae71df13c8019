"""National reference figures (CBS, upload kind `landelijk`) beside our own: found, never computed in.

A figure stands beside an indicator's value as context only: it gets no status, no norm, and no
computation of ours reads it (issue 13 §1). The one for a period P is the national figure whose
period overlaps P, else the latest earlier one, which the reader is told (`is_earlier`).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from levers.scope import Period
from levers.sql_files import load_sql, used_params


@dataclass(frozen=True)
class NationalFigure:
    code: str
    value: float
    source: str  # the `bron` as uploaded, e.g. 'CBS 85099NED'
    period: str  # the figure's own period: '2025', '2025-H1' or '2025-K3'
    definition: str | None  # CBS's definition where it differs from ours
    is_earlier: bool  # no figure overlaps P: this is the latest one before it

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
