"""Writing a validated upload (`_dec`) into its table, by the kind's replace key.

One rule for every kind: the existing rows whose replace key occurs in the file go, then the file's
rows come in. For `trajecten` (key = the primary key) that is an upsert that keeps trajectories
missing from the file; for `kosten` (key = periode, gemeente) it replaces each month of a
municipality as a whole. A NULL in a key (e.g. a budget for the whole perceel) is a key value too.
"""

from __future__ import annotations

import duckdb

from data.contracts import Contract
from data.validate import plan, quote

_SHOWN_VALUES = 3
_FEW = 50  # up to this many distinct values (estimated) a key column is counted exactly


def _keys_sql(model: type[Contract]) -> str:
    return f"select distinct {', '.join(map(quote, model.REPLACE_KEY))} from _dec where not _blank"


def _matches_file_key(model: type[Contract]) -> str:
    """Predicate on `t` (the table): its replace key occurs in the file."""
    same = " and ".join(f"t.{quote(a)} is not distinct from k.{quote(a)}" for a in model.REPLACE_KEY)
    return f"exists (select 1 from ({_keys_sql(model)}) as k where {same})"


def scope_of(cur: duckdb.DuckDBPyConnection, model: type[Contract], rows: int) -> tuple[str, int]:
    """The scope the file replaces, in Dutch, and how many stored rows it would replace.

    A key column with a few values lists them; one with many (traject_id) is summarised, which
    spares an exact count of a million distinct values. `rows` is the number of rows in the file.
    """
    if rows == 0:
        return "niets (het bestand heeft geen rijen)", 0
    keys = [quote(attr) for attr in model.REPLACE_KEY]
    estimates = cur.execute("select " + ", ".join(f"approx_count_distinct({key}) + 1" for key in keys)
                            + " from _dec where not _blank").fetchone()
    by_attr = {column.attr: column for column in plan(model.KIND)}
    parts = []
    for attr, estimate in zip(model.REPLACE_KEY, estimates):
        column = by_attr[attr]
        if estimate > _FEW:
            parts.append(f"elke {column.name} in het bestand")
            continue
        shown = column.decoder.display.replace("{x}", quote(attr))
        values = [value for (value,) in cur.execute(
            f"select distinct {shown} as v from _dec where not _blank order by v nulls first").fetchall()]
        parts.append(f"{column.name} {_values(values)}")
    unique = model.UNIQUE is not None and model.UNIQUE.key == model.REPLACE_KEY  # then no two rows share a key
    combinations = rows if unique else cur.execute(f"select count(*) from ({_keys_sql(model)})").fetchone()[0]
    replaced = 0
    if cur.execute(f"select count(*) from {model.TABLE}").fetchone()[0]:  # skip the join for an empty table
        replaced = cur.execute(
            f"select count(*) from {model.TABLE} as t where {_matches_file_key(model)}").fetchone()[0]
    noun = "combinatie" if combinations == 1 else "combinaties"
    return f"{', '.join(parts)} ({_number(combinations)} {noun})", replaced


def _values(values: list) -> str:
    """`GM0392`, `GM0392 en GM0453`, `GM0392, GM0453 en GM0375`, or `12 waarden`."""
    if len(values) > _SHOWN_VALUES:
        return f"{_number(len(values))} waarden"
    words = ["(leeg)" if value is None else str(value) for value in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def _number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def already_stored(cur: duckdb.DuckDBPyConnection, model: type[Contract], sha256: str) -> int | None:
    """The upload with these very bytes whose rows are all still in place, if any ("ongewijzigd")."""
    previous = cur.execute(
        "select upload_id, row_count from uploads where kind = $kind and sha256 = $sha256 "
        "order by upload_id desc limit 1", {"kind": model.KIND, "sha256": sha256}).fetchone()
    if previous is None:
        return None
    upload_id, row_count = previous
    still = cur.execute(f"select count(*) from {model.TABLE} where upload_id = $id", {"id": upload_id}).fetchone()[0]
    return upload_id if still == row_count else None


def delete_scope(cur: duckdb.DuckDBPyConnection, model: type[Contract]) -> None:
    """Remove the stored rows whose replace key occurs in the file."""
    cur.execute(f"delete from {model.TABLE} as t where {_matches_file_key(model)}")


def keyed_by_primary_key(cur: duckdb.DuckDBPyConnection, model: type[Contract]) -> bool:
    """Whether the replace key is the table's primary key (then an upsert replaces the scope)."""
    found = cur.execute("select constraint_column_names from duckdb_constraints() where table_name = $table "
                        "and constraint_type = 'PRIMARY KEY'", {"table": model.TABLE}).fetchall()
    return any(sorted(columns) == sorted(model.REPLACE_KEY) for (columns,) in found)


def insert_rows(cur: duckdb.DuckDBPyConnection, model: type[Contract], upload_id: int, *, upsert: bool = False) -> None:
    """Add the file's rows, marked with their upload; `upsert` replaces rows with the same primary key.

    For a million trajectories an upsert commits in seconds where delete-then-insert of the same
    keys takes DuckDB tens of seconds; both leave the same rows.
    """
    attrs = [quote(column.attr) for column in plan(model.KIND)]
    derived = list(model.DERIVED.items())
    targets = attrs + [quote(name) for name, _ in derived] + ["upload_id"]
    values = attrs + [expression for _, expression in derived] + ["$upload_id"]
    order = cur.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
    cur.execute("set preserve_insertion_order = false")  # the stored order does not matter: insert in parallel
    try:
        cur.execute(f"insert {'or replace ' if upsert else ''}into {model.TABLE} ({', '.join(targets)}) "
                    f"select {', '.join(values)} "
                    "from _dec where not _blank", {"upload_id": upload_id})
    finally:
        cur.execute(f"set preserve_insertion_order = {'true' if order else 'false'}")
