"""The one place that knows where the database lives and how to open it.

Keeping the connection behind this module means a move to a read-only copy or a DuckLake
catalogue changes configuration here, not code elsewhere (design.md, "Scaling past one machine").
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

DB_ENV_VAR = "JEUGDMONITOR_DB"
DEFAULT_DB_PATH = Path("data/monitor.duckdb")
SCHEMA_SQL = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")
REFERENCE_DIR = Path(__file__).parent / "reference"

# (table, csv file, columns of the table in the csv's order)
_REFERENCE_TABLES = (
    ("municipalities", "gemeenten_2025.csv", "municipality, name, province, region"),
    ("dialogue_themes", "dialoogthemas.csv", "theme, name"),
    ("vision_goals", "regiovisie_doelen.csv", "goal, description"),
    ("ijw_codes", "ijw_codelijsten.csv", "list_code, list_name, code, label"),
)


def db_path(override: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit --db, else $JEUGDMONITOR_DB, else data/monitor.duckdb."""
    if override:
        return Path(override)
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_PATH)


def connect(path: str | os.PathLike | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database, creating schema and reference data when the file is new."""
    target = db_path(path)
    if read_only:
        return duckdb.connect(str(target), read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target))
    ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and views, and load the reference lists once."""
    con.execute(SCHEMA_SQL)
    if con.execute("select count(*) from municipalities").fetchone()[0] == 0:
        load_reference(con)


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the public reference lists (CBS municipalities, iJw codes, themes, goals) into the store."""
    con.execute("begin transaction")
    try:
        for table, file_name, columns in _REFERENCE_TABLES:
            con.execute(f"delete from {table}")
            csv_path = str(REFERENCE_DIR / file_name)
            con.execute(
                f"insert into {table} ({columns}) select * from read_csv($path, header = true, all_varchar = true)",
                {"path": csv_path},
            )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
