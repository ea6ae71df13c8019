"""The upload history: who stored which file when, for the Uploaden page and the audit trail.

Read-only; the rows are written by data.load together with the data they describe.
"""

from __future__ import annotations

import duckdb
import pandas as pd

# Newest first. `$uploader` NULL = everyone's uploads; a provider user sees only its own.
_HISTORY = """
select uploaded_at, uploader, kind, file_name, row_count, sha256, scope_replaced
from uploads
where $uploader::varchar is null or uploader = $uploader::varchar
order by uploaded_at desc, upload_id desc
limit $limit
"""


def upload_history(con: duckdb.DuckDBPyConnection, limit: int = 50, *, uploader: str | None = None) -> pd.DataFrame:
    """The latest uploads: uploaded_at, uploader, kind, file_name, row_count, sha256, scope_replaced."""
    return con.execute(_HISTORY, {"uploader": uploader, "limit": limit}).df()
