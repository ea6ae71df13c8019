"""Shared fixtures: small, fresh databases. Session scope only for read-only fixtures."""

import duckdb
import pytest

from data.db import ensure_schema


@pytest.fixture
def empty_db() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the schema and the reference lists, and nothing else."""
    con = duckdb.connect()
    ensure_schema(con)
    yield con
    con.close()
