"""The demo's national reference figures (upload kind `landelijk`): synthetic, and marked so.

A CBS-like file for the whole country: per half-year and per year, for three indicators that CBS
publishes in some form, values on a smooth made-up path near the demo's own level. No random draws
(the demo's generator stays untouched), and every row says *fictief* in its `bron`, so nobody takes
a demo figure for a real one.
"""

from __future__ import annotations

from datetime import date

import duckdb

from data.ingest.dates import reference_period_bounds

SOURCE = "CBS 85099NED (fictief)"
# indicator -> (level in the first half of 2023, change per half-year, `definitie`). signals.md §7: a figure
# shows beside ours only when its definitie is empty or our indicator's code (the same definition); the
# crisis figure names CBS's own definition (crisis products, not trajectories), so it is stored but never
# shown — the demo has one of each kind.
FIGURES = {
    "jeugdhulp_per_1000": (96.0, 0.6, "jeugdhulp_per_1000"),
    "zonder_verblijf": (89.0, 0.15, None),
    "crisis_per_1000": (1.9, -0.05, "fictief democijfer; CBS telt crisisproducten, niet crisistrajecten"),
}
FIRST_YEAR = 2023


def national_rows(end: date) -> list[tuple]:
    """(source, area, period, start, end, indicator, value, definition) for each half-year and year ended by `end`."""
    rows = []
    for year in range(FIRST_YEAR, end.year + 1):
        for label in (f"{year}-H1", f"{year}-H2", str(year)):
            start, last = reference_period_bounds(label)
            if last > end:
                continue
            halves = 2 * (year - FIRST_YEAR) + (1 if label.endswith("H2") else 0.5 if "-" not in label else 0)
            for code, (level, step, definition) in FIGURES.items():
                value = round(level + step * halves, 1)
                rows.append((SOURCE, "NL", label, start, last, code, value, definition))
    return rows


def insert_national(con: duckdb.DuckDBPyConnection, *, end: date, upload_id: int) -> None:
    con.executemany(
        "insert into national_figures (source, area, period, period_start, period_end, indicator, value, "
        "definition, upload_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row, upload_id) for row in national_rows(end)])
