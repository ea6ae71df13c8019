"""The upload history: who stored which file when, for the Uploaden page and the audit trail.

Read-only; the rows are written by data.ingest.load together with the data they describe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # DuckDB builds the frame; the load command need not import pandas
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

