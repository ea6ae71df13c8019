"""What a user can choose from in the filters: the regions and their municipalities, and from when.

Filters live in the views, which hold no SQL; these lists come from the same views
(`municipality_regions`) the levers use, so an uploaded region override shows up in both at once.
Providers to choose from are `levers.compare.providers_in_scope`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

_REGIONS = """
select distinct region
from municipality_regions
where region is not null
order by region
"""

_MUNICIPALITIES = """
select municipality, name
from municipality_regions
where list_contains($regions, region)
order by name, municipality
"""


_DATA_START = "select min(month) from costs"


def data_start(con: duckdb.DuckDBPyConnection) -> date | None:
    """The first month of declarations: the monitor's data begin there (running trajectories may have
    started years before); None before any kosten are loaded. Periods ending before it are not offered."""
    return con.execute(_DATA_START).fetchone()[0]


def regions(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Every youth-care region with at least one municipality, alphabetically."""
    return tuple(row[0] for row in con.execute(_REGIONS).fetchall())


def municipalities(con: duckdb.DuckDBPyConnection, regions: str | Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(code, name) of the municipalities of a region (or of several: a joint scope), ordered by name."""
    regions = [regions] if isinstance(regions, str) else list(regions)
    return tuple((code, name) for code, name in con.execute(_MUNICIPALITIES, {"regions": regions}).fetchall())
