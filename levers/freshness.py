"""How fresh a scope's figures are: the latest day with data, and the latest upload.

A council report must say up to when its figures run, so that a reader can tell "no spending in
oktober" from "oktober not delivered yet". Only dates leave this module, never rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql

FRESHNESS = load_sql("freshness.sql")


@dataclass(frozen=True)
class Freshness:
    data_until: date | None  # the latest day with trajectory or spending data in scope
    last_upload: datetime | None  # the latest stored upload of any kind


def freshness(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> Freshness:
    """The data date of a scope's figures (any date, also after the period: what the store holds)."""
    municipalities = sql_params(con, scope, period)["municipalities"]
    data_until, last_upload = con.execute(FRESHNESS, {"municipalities": municipalities}).fetchone()
    return Freshness(data_until, last_upload)
