"""Writing a validated upload (`_dec`) into its table, by the kind's replace key.

One rule for every kind: the existing rows whose replace key occurs in the file go, then the file's
rows come in. For `trajecten` (key = the primary key) that is an upsert that keeps trajectories
missing from the file; for `kosten` (key = periode, gemeente) it replaces each month of a
municipality as a whole. A NULL in a key (e.g. a budget for the whole perceel) is a key value too.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import duckdb

from data.store import db
from data.ingest.contracts import Contract
from data.ingest import decode
from data.ingest.validate import plan, quote

_NAMED = 5  # up to this many values of a period, municipality, provider or perceel are named, not counted
_MONTHS = "['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', " \
          "'november', 'december']"
# Columns whose values may be named (checked against a reference list or a calendar; never personal):
# a DuckDB expression over `{x}` that words one value as a reader knows it.
_LABELS = {
    decode.SQL_MONTH: f"{_MONTHS}[month({{x}})] || ' ' || year({{x}})",
    decode.SQL_QUARTER: "'K' || quarter({x}) || ' ' || year({x})",
    decode.SQL_YEAR: "{x}::varchar",
    decode.SQL_MUNICIPALITY: "coalesce((select m.name from municipalities as m where m.municipality = {x}), {x})",
    decode.SQL_PROVIDER: "coalesce((select p.name from providers as p where p.provider = {x}), {x})",
    decode.SQL_LOT: "{x}",
}
_FEW = 50  # up to this many distinct values (estimated) a key column is counted exactly


def _keys_sql(model: type[Contract]) -> str:
    return f"select distinct {', '.join(map(quote, model.REPLACE_KEY))} from _dec where not _blank"


def _matches_file_key(model: type[Contract]) -> str:
    """Predicate on `t` (the table): its replace key occurs in the file."""
    same = " and ".join(f"t.{quote(a)} is not distinct from k.{quote(a)}" for a in model.REPLACE_KEY)
    return f"exists (select 1 from ({_keys_sql(model)}) as k where {same})"


def scope_of(cur: duckdb.DuckDBPyConnection, model: type[Contract], rows: int) -> tuple[str, int]:
    """The scope the file replaces, in Dutch, and how many stored rows it would replace.

    Counts and column names, never a free value: the text goes into the upload record and the audit
    log, and a key column may hold anything (issue 12: a BSN as traject_id). Only a few values of a
    period, municipality, provider or perceel (checked against a calendar or a reference list) are
    named, so a reader sees which month or municipality is replaced (issue 23). A key column
    with many values (traject_id) is not counted exactly, which spares counting a million values.
    """
    if rows == 0:
        return "niets (het bestand heeft geen rijen)", 0
    keys = [quote(attr) for attr in model.REPLACE_KEY]
    estimates = cur.execute("select " + ", ".join(f"approx_count_distinct({key}) + 1" for key in keys)
                            + " from _dec where not _blank").fetchone()
    by_attr = {column.attr: column for column in plan(model.KIND)}
    parts = []
    for attr, estimate in zip(model.REPLACE_KEY, estimates):
        name = by_attr[attr].name
        if estimate > _FEW:
            parts.append(f"elke {name} in het bestand")
            continue
        count = cur.execute(f"select count(distinct coalesce({quote(attr)}::varchar, '')) from _dec "
                            "where not _blank").fetchone()[0]
        label = _LABELS.get(by_attr[attr].decoder)
        if label is not None and count <= _NAMED:
            parts.append(f"{name} {_named(cur, attr, label)}")
        else:
            parts.append(f"{name} ({_number(count)} {'waarde' if count == 1 else 'waarden'})")
    unique = model.UNIQUE is not None and model.UNIQUE.key == model.REPLACE_KEY  # then no two rows share a key
    combinations = rows if unique else cur.execute(f"select count(*) from ({_keys_sql(model)})").fetchone()[0]
    replaced = 0
    if cur.execute(f"select count(*) from {model.TABLE}").fetchone()[0]:  # skip the join for an empty table
        replaced = cur.execute(
            f"select count(*) from {model.TABLE} as t where {_matches_file_key(model)}").fetchone()[0]
    noun = "combinatie" if combinations == 1 else "combinaties"
    return f"{', '.join(parts)} ({_number(combinations)} {noun})", replaced


def _named(cur: duckdb.DuckDBPyConnection, attr: str, label: str) -> str:
    """`oktober 2026` or `Velsen, Beverwijk en Heemskerk`: a key column's few values, in their order."""
    column = quote(attr)
    words = [row[0] for row in cur.execute(
        f"select {label.format(x='v')} from (select distinct {column} as v from _dec where not _blank "
        f"and {column} is not null) order by v").fetchall()]
    if len(words) < 2:
        return words[0] if words else "(leeg)"
    return ", ".join(words[:-1]) + " en " + words[-1]


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


def record_versions(cur: duckdb.DuckDBPyConnection, model: type[Contract], upload_id: int) -> None:
    """For `kosten`: keep what the upload replaces as totals (cost_versions, ahead.md §1), per (periode,
    gemeente, perceel, aanbieder, soort) of every (periode, gemeente) in the file, stored before or in the
    file (0: none before). Run before the rows are replaced."""
    if model.KIND != "kosten":
        return
    cur.execute(f"""
        insert into cost_versions
        with replaced as ({_keys_sql(model)}),
        before as (
            select c.month, c.municipality, c.lot, c.provider, c.kind, sum(c.amount) as amount
            from costs as c
            inner join replaced as r using (month, municipality)
            group by all
        ),
        filed as (
            select distinct month, municipality, lot, provider, kind from _dec where not _blank
        ),
        final as (
            select month, municipality, lot, provider, kind, coalesce(b.amount, 0) as amount
            from (select month, municipality, lot, provider, kind from before union select * from filed)
            left join before as b using (month, municipality, lot, provider, kind)
        )
        select *, $upload_id, current_date from final""", {"upload_id": upload_id})


def _is_primary_key(cur: duckdb.DuckDBPyConnection, model: type[Contract], key: tuple[str, ...]) -> bool:
    found = cur.execute("select constraint_column_names from duckdb_constraints() where table_name = $table "
                        "and constraint_type = 'PRIMARY KEY'", {"table": model.TABLE}).fetchall()
    return any(sorted(columns) == sorted(key) for (columns,) in found)


def keyed_by_primary_key(cur: duckdb.DuckDBPyConnection, model: type[Contract]) -> bool:
    """Whether the replace key is the table's primary key (then an upsert replaces the scope)."""
    return _is_primary_key(cur, model, model.REPLACE_KEY)


def unique_by_primary_key(cur: duckdb.DuckDBPyConnection, model: type[Contract]) -> bool:
    """Whether the key no two rows of a file may share is the table's primary key: storing the rows then
    finds a repeat, and the separate search for repeats (a pass over a large file) can wait for that."""
    return model.UNIQUE is not None and _is_primary_key(cur, model, model.UNIQUE.key)


def insert_rows(cur: duckdb.DuckDBPyConnection, model: type[Contract], upload_id: int, *, upsert: bool = False) -> None:
    """Add the file's rows, marked with their upload; `upsert` replaces rows with the same primary key.

    For a million trajectories an upsert commits in seconds where delete-then-insert of the same
    keys takes DuckDB tens of seconds; both leave the same rows. Runs inside `transaction`, which
    puts the insertion order setting back, also when the insert fails.
    """
    attrs = [quote(column.attr) for column in plan(model.KIND)]
    derived = list(model.DERIVED.items())
    targets = attrs + [quote(name) for name, _ in derived] + ["upload_id"]
    values = attrs + [expression for _, expression in derived] + ["$upload_id"]
    cur.execute("set preserve_insertion_order = false")  # the stored order does not matter: insert in parallel
    cur.execute(f"insert {'or replace ' if upsert else ''}into {model.TABLE} ({', '.join(targets)}) "
                f"select {', '.join(values)} "
                "from _dec where not _blank", {"upload_id": upload_id})
    db.touched(model.TABLE, "uploads")


@contextmanager
def transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction (data.store.db.transaction: the generations of the tables the block wrote go up in it).
    Session settings a load changes (the insertion order, a global setting) are put back after it,
    also when it fails.
    """
    order = cur.execute("select current_setting('preserve_insertion_order')").fetchone()[0]
    try:
        with db.transaction(cur):
            yield
    finally:
        with suppress(duckdb.Error):  # after a failed commit (a full disk) the connection may be unusable
            cur.execute(f"set preserve_insertion_order = {'true' if order else 'false'}")


def disk_full(error: BaseException | None) -> bool:
    """Whether `error` (an OSError or DuckDB's IOException, or what caused it) is a full disk."""
    return cannot_write(error) == NO_ROOM[errno.ENOSPC]


# Why a write failed, in Dutch, and what to do about it (DuckDB's own text is English).
NO_ROOM = {
    errno.ENOSPC: ("de schijf is vol", "Maak ruimte vrij en probeer opnieuw"),
    errno.EFBIG: ("de grens op de bestandsgrootte (ulimit -f) is bereikt",
                  "Verhoog de grens (ulimit -f) en probeer opnieuw"),
    errno.EACCES: ("de map van de database is niet beschrijfbaar",
                   "Geef schrijfrechten op de map (en het bestand) en probeer opnieuw"),
}
_TEXTS = (("No space left on device", errno.ENOSPC), ("File too large", errno.EFBIG),
          ("Permission denied", errno.EACCES), ("Operation not permitted", errno.EACCES),
          ("Read-only file system", errno.EACCES))
_SAME = {errno.EDQUOT: errno.ENOSPC, errno.EPERM: errno.EACCES, errno.EROFS: errno.EACCES}


def cannot_write(error: BaseException | None) -> tuple[str, str] | None:
    """(why, what to do) in Dutch when `error` (or what caused it) is a full disk, a file size limit or
    a folder that cannot be written; None for any other error."""
    while error is not None:
        number = _SAME.get(getattr(error, "errno", None), getattr(error, "errno", None))
        if isinstance(error, OSError) and number in NO_ROOM:
            return NO_ROOM[number]
        for text, code in _TEXTS:
            if text in str(error):
                return NO_ROOM[code]
        error = error.__cause__ or error.__context__
    return None
