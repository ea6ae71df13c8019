"""How fresh the figures in a document are: the latest month with data, and the latest upload.

A council report must say up to when its figures run, so that a reader can tell "no spending in
oktober" from "oktober not delivered yet". Only dates leave this module, never rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from levers.scope import Period, Scope, sql_params

# The latest day with trajectory or spending data in the scope's municipalities, and the latest upload.
_FRESHNESS = """
with trajectory_days as (
    select max(greatest(start_date, coalesce(end_date, start_date))) as latest
    from trajectories
    where list_contains($municipalities::varchar[], municipality)
),

cost_days as (
    select max(month) as latest
    from costs
    where list_contains($municipalities::varchar[], municipality)
),

final as (
    select
        greatest(t.latest, c.latest) as data_until,
        (select max(uploaded_at) from uploads) as last_upload
    from trajectory_days as t, cost_days as c
)

select * from final
"""


@dataclass(frozen=True)
class Freshness:
    data_until: date | None  # the latest day with trajectory or spending data in scope
    last_upload: datetime | None  # the latest stored upload of any kind


def freshness(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> Freshness:
    """The data date of a scope's figures (any date, also after the period: what the store holds)."""
    municipalities = sql_params(con, scope, period)["municipalities"]
    data_until, last_upload = con.execute(_FRESHNESS, {"municipalities": municipalities}).fetchone()
    return Freshness(data_until, last_upload)
