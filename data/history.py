"""The upload history: who stored which file when, for the Uploaden page and the audit trail.

Read-only; the rows are written by data.load together with the data they describe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from data.tables import TABLE_OF_KIND

if TYPE_CHECKING:  # DuckDB builds the frame; the load command (views.warm) need not import pandas
    import pandas as pd

# Newest first. `$uploader` NULL = everyone's uploads. `$provider` set = a provider's own uploads:
# those whose outcome rows of that provider are stored, and those of its own address (`$uploader`),
# so a provider never sees the region's other uploads, not even in demo mode where all share 'demo'.
_HISTORY = """
select uploaded_at, uploader, kind, file_name, row_count, sha256, scope_replaced
from uploads
where case when $provider::varchar is null then $uploader::varchar is null or uploader = $uploader::varchar
           else uploader is not distinct from $uploader::varchar
                or upload_id in (select upload_id from outcomes where provider = $provider::varchar) end
order by uploaded_at desc, upload_id desc
limit $limit
"""


def upload_history(con: duckdb.DuckDBPyConnection, limit: int = 50, *, uploader: str | None = None,
                   provider: str | None = None) -> pd.DataFrame:
    """The latest uploads: uploaded_at, uploader, kind, file_name, row_count, sha256, scope_replaced."""
    return con.execute(_HISTORY, {"uploader": uploader, "provider": provider, "limit": limit}).df()


def newest_upload_id(con: duckdb.DuckDBPyConnection) -> int | None:
    """The id of the newest upload (None before the first)."""
    return con.execute("select max(upload_id) from uploads").fetchone()[0]


def regions_of_newest_upload(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The regions the newest upload stored rows for (by their municipality, or their region), most rows
    first; none for a kind whose rows name neither (norms, providers, national figures)."""
    newest = con.execute("select upload_id, kind from uploads order by upload_id desc limit 1").fetchone()
    if newest is None or newest[1] not in TABLE_OF_KIND:
        return ()
    table = TABLE_OF_KIND[newest[1]]
    columns = {name for (name,) in con.execute(
        "select column_name from duckdb_columns() where table_name = $table", {"table": table}).fetchall()}
    if "municipality" in columns:
        rows = f"select m.region from {table} as t inner join municipality_regions as m using (municipality)"
    elif "region" in columns:
        rows = f"select t.region from {table} as t"
    else:
        return ()
    found = con.execute(f"select region from ({rows} where t.upload_id = $upload and region is not null) "
                        "group by region order by count(*) desc, region", {"upload": newest[0]}).fetchall()
    return tuple(region for (region,) in found)
