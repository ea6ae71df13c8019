"""Named SQL files under levers/sql/, read once: queries live in files, not in Python strings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"


@cache
def load_sql(name: str) -> str:
    """The text of `levers/sql/<name>` (e.g. `shared_values_trajectories.sql`), read once per process."""
    return (SQL_DIR / name).read_text(encoding="utf-8")
