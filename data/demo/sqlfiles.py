"""Small helpers the demo builder shares: run a named SQL file, insert a DataFrame into a table."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).parent / "sql"


@cache
def load_sql(name: str) -> str:
    """The text of data/sql/NAME, read once."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def run_sql_file(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> duckdb.DuckDBPyConnection:
    return con.execute(load_sql(name), params or {})


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append FRAME's columns (named as the table's) to TABLE."""
    columns = ", ".join(frame.columns)
    con.register("demo_frame", frame)
    try:
        con.execute(f"insert into {table} ({columns}) select {columns} from demo_frame")
    finally:
        con.unregister("demo_frame")
