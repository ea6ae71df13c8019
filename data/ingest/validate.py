"""Bulk validation: the contract of a kind (data/ingest/contracts.py) compiled into DuckDB SQL.

Each column becomes a *plan*: its decoder expression (from the column's type) and an ordered list
of checks (the field's constraints, `Check`/`Known` metadata and the model's row rules). One pass
over the file decodes every column into the temp table `_dec`; a second pass finds the cells that
break a rule, and only those come back to Python, already worded in Dutch. Row numbers are file
rows (header = 1): `_dec` keeps the file's order, blank rows included, so `rowid + 2` is the row.
"""

from __future__ import annotations

import string
import types
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types as at
import duckdb
from pydantic.fields import FieldInfo

from data.ingest import decode
from data.ingest.contracts import MODELS
from data.ingest.decode import SQL_CLEAN, Check, Known, SqlDecoder
from data.ingest.masking import shown_sql

REQUIRED_MESSAGE = "verplicht veld is leeg"
FIRST_ROW = 2  # the header is row 1


@dataclass(frozen=True)
class RowError:
    """One refused cell (or row, or header): `rij 14, kolom einddatum: 31-02-2024 is geen geldige datum`."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"rij {self.row}, kolom {self.column}" if self.column else f"rij {self.row}"
        return f"{where}: {self.message}"


class Refused(Exception):
    """A file (or part of it) is refused; `errors` lists every reason, one per cell, row or header."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(map(str, errors[:3])))
        self.errors = errors


@dataclass(frozen=True)
class Rule:
    """A predicate that must hold (DuckDB SQL, already resolved to column names) and its message."""

    sql: str
    message: str


@dataclass(frozen=True)
class ColumnPlan:
    name: str  # the Dutch CSV column
    attr: str  # the attribute, i.e. the table column
    required: bool
    decoder: SqlDecoder
    default: Any  # used when the cell is empty (None: stays NULL)
    on_empty: tuple[Rule, ...]  # rules that judge an empty cell (required when ...)
    on_value: tuple[Rule, ...]  # rules on a filled, decodable cell, in order

    @property
    def text(self) -> str:
        return quote(f"nl:{self.name}")

    @property
    def filled(self) -> str:
        return quote(f"f:{self.name}")

    @property
    def value(self) -> str:
        return quote(self.attr)


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def literal(value: Any) -> str:
    """A constant of the contract (never user input) as SQL."""
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, date):
        return f"date '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def _metadata(field: FieldInfo) -> list[Any]:
    """The metadata of a field's type (unwrapping `X | None` and nested `Annotated`) and of `Field()`."""
    annotation = field.annotation
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    inner = list(annotation.__metadata__) if get_origin(annotation) is Annotated else []
    return inner + list(field.metadata)


_BOUNDS = {at.Ge: ("ge", ">=", "moet {} of meer zijn"), at.Gt: ("gt", ">", "moet groter dan {} zijn"),
           at.Le: ("le", "<=", "mag niet meer dan {} zijn"), at.Lt: ("lt", "<", "moet kleiner dan {} zijn")}


def _field_rules(meta: list[Any]) -> list[Rule]:
    """Field constraints and type metadata as rules over the decoded value `{x}`; lookups last."""
    bounds = {type(item): item for item in meta if isinstance(item, (at.Ge, at.Gt, at.Le, at.Lt))}
    rules: list[Rule] = []
    if at.Ge in bounds and at.Le in bounds:
        low, high = bounds.pop(at.Ge).ge, bounds.pop(at.Le).le
        rules.append(Rule(f"{{x}} between {low} and {high}", f"{{value}} ligt niet tussen {low} en {high}"))
    for kind, bound in bounds.items():
        attribute, op, words = _BOUNDS[kind]
        limit = getattr(bound, attribute)
        rules.append(Rule(f"{{x}} {op} {limit}", "{value} " + words.format(limit)))
    for item in meta:
        if isinstance(item, at.MaxLen):
            rules.append(Rule(f"length({{x}}) <= {item.max_length}",
                              f"tekst is langer dan {item.max_length} tekens"))
        elif isinstance(item, Check):
            rules.append(Rule(item.sql, item.message))
    rules += [Rule(item.sql, item.message) for item in meta if isinstance(item, Known)]
    return rules


@cache
def plan(kind: str) -> tuple[ColumnPlan, ...]:
    """The contract of `kind` as one plan per column, in contract order."""
    model = MODELS[kind]
    fields = model.model_fields
    name_of = {attr: field.validation_alias for attr, field in fields.items()}

    def resolve(sql: str, column: str, other: str = "") -> str:
        names = {"{x}": quote(column), "{a}": quote(column), "{fa}": quote(f"f:{name_of[column]}")}
        if other:
            names |= {"{b}": quote(other), "{fb}": quote(f"f:{name_of[other]}")}
        for placeholder, identifier in names.items():
            sql = sql.replace(placeholder, identifier)
        return sql

    plans = []
    for attr, field in fields.items():
        meta = _metadata(field)
        decoder = next(item for item in meta if isinstance(item, SqlDecoder))
        row_rules = [rule for rule in model.ROW_RULES if rule.column == attr]
        plans.append(ColumnPlan(
            name=name_of[attr], attr=attr, required=field.is_required(), decoder=decoder,
            default=None if field.is_required() else field.default,
            on_empty=tuple(Rule(resolve(r.sql, attr, r.other), r.message) for r in row_rules if r.on_empty),
            on_value=tuple(Rule(resolve(r.sql, attr), r.message) for r in _field_rules(meta))
            + tuple(Rule(resolve(r.sql, attr, r.other), r.message) for r in row_rules if not r.on_empty),
        ))
    return tuple(plans)


@dataclass(frozen=True)
class Source:
    """Where the rows come from, as a FROM clause (text columns named as in the header) and its params."""

    sql: str
    params: dict[str, Any]
    present: frozenset[str]  # the columns the file has; absent optional columns read as empty


def _cleaned(kind: str, source: Source) -> str:
    """The texts of the rows: surrounding spaces dropped, empty cells NULL."""
    texts = []
    for column in plan(kind):
        raw = quote(column.name) if column.name in source.present else "null::varchar"
        texts.append(f"{SQL_CLEAN.replace('{v}', raw)} as {column.text}")
    return f"select {', '.join(texts)} from {source.sql}"


def decode_sql(kind: str, source: Source, flags: dict[str, str]) -> str:
    """`create temp table _dec`: per column its decoded value and whether its cell is filled.

    Projections only, so `_dec` keeps the file's row order. `flags` adds boolean columns computed
    from the texts (the privacy gate's eleven-test).
    """
    values = []
    for column in plan(kind):
        value = f"({column.decoder.expr.replace('{v}', column.text)})::{column.decoder.sql_type}"
        if column.default is not None:
            value = f"case when {column.text} is null then {literal(column.default)} else {value} end"
        values.append(f"{value} as {column.value}")
    kept = [column.value for column in plan(kind)]
    kept += [f"{column.text} is not null as {column.filled}" for column in plan(kind)]
    kept += [f"{sql} as {quote(name)}" for name, sql in flags.items()]
    blank = "coalesce(" + ", ".join(column.text for column in plan(kind)) + ") is null"
    return (
        "create or replace temp table _dec as\n"
        f"with cleaned as ({_cleaned(kind, source)}),\n"
        f"decoded as (select *, {', '.join(values)} from cleaned),\n"
        f"final as (select {', '.join(kept)}, {blank} as _blank from decoded)\n"
        "select * from final"
    )


def decode_rows(cur: duckdb.DuckDBPyConnection, kind: str, source: Source, flags: dict[str, str] | None = None) -> None:
    sql = decode_sql(kind, source, flags or {})
    cur.execute(sql, _used(sql, source.params))


def _used(sql: str, params: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in params.items() if f"${key}" in sql}


def _violation_case(column: ColumnPlan, extra: tuple[Rule, ...]) -> str:
    """The number of the first rule a cell breaks: 0 required, 1 format, 2.. `on_value` rules, then the
    load's `extra` rules, which judge an empty cell too (a contract manager's norm must name a region)."""
    empty = [f"when {'true' if column.required else 'false'} then 0"]
    empty += [f"when not coalesce({rule.sql}, false) then {100 + i}" for i, rule in enumerate(column.on_empty)]
    empty += [f"when not coalesce({rule.sql}, false) then {2 + len(column.on_value) + i}"
              for i, rule in enumerate(extra)]
    filled = [f"when not coalesce({rule.sql}, false) then {2 + i}"
              for i, rule in enumerate(column.on_value + extra)]
    return (f"case when not {column.filled} then (case {' '.join(empty)} end) "
            f"when {column.value} is null then 1 {' '.join(filled)} end")


def _messages(column: ColumnPlan, extra: tuple[Rule, ...]) -> dict[int, str]:
    """A column's messages by rule number: 0 required, 1 format, 2.. `on_value`, 100.. `on_empty`."""
    numbered = {0: REQUIRED_MESSAGE, 1: column.decoder.message}
    numbered |= {2 + i: rule.message for i, rule in enumerate(column.on_value + extra)}
    return numbered | {100 + i: rule.message for i, rule in enumerate(column.on_empty)}


def _message_sql(template: str, own: str) -> str:
    """A message as SQL over the row's texts: `{value}` is the cell itself, `{name}` another cell."""
    parts = []
    for text, field, _, _ in string.Formatter().parse(template):
        if text:
            parts.append(literal(text))
        if field is not None:
            parts.append(f"coalesce({quote('nl:' + (own if field == 'value' else field))}, '')")
    return " || ".join(parts) or "''"


def cell_errors(cur: duckdb.DuckDBPyConnection, kind: str, source: Source,
                extra: dict[str, tuple[Rule, ...]] | None = None, params: dict[str, Any] | None = None,
                ) -> list[RowError]:
    """Every cell that breaks a rule of its column (the first rule it breaks), worded in Dutch.

    `extra` adds rules per Dutch column name for this load only (a provider's own code). The row
    number is taken before the lookups join the reference lists. Only when cells fail are the texts
    read again from the source, and the messages are put together in SQL: a file with a million
    bad cells is answered in seconds.
    """
    extra, plans = extra or {}, plan(kind)
    cases = [f"{_violation_case(c, extra.get(c.name, ()))} as {quote('e:' + c.name)}" for c in plans]
    codes = ", ".join(quote("e:" + c.name) for c in plans)
    sql = ("create or replace temp table _failing as\n"
           "with numbered as (select rowid as _rid, * from _dec where not _blank),\n"
           f"checked as (select _rid, {', '.join(cases)} from numbered)\n"
           f"select * from checked where coalesce({codes}) is not null")
    cur.execute(sql, _used(sql, {"today": decode.today(), **(params or {})}))
    if cur.execute("select count(*) from _failing").fetchone()[0] == 0:
        return []
    counts = cur.execute("select " + ", ".join(f"count({quote('e:' + c.name)})" for c in plans) + " from _failing")
    failing = [c for c, count in zip(plans, counts.fetchone()) if count]
    sql = f"create or replace temp table _text as {_cleaned(kind, source)}"
    cur.execute(sql, _used(sql, source.params))
    whens, quoted = [], set()
    for c in failing:
        numbered = _messages(c, extra.get(c.name, ()))
        inner = " ".join(f"when {n} then {_message_sql(m, c.name)}" for n, m in numbered.items())
        whens.append(f"when {literal('e:' + c.name)} then case _code {inner} end")
        quoted |= {c.name} | {field for m in numbered.values() for _, field, _, _ in string.Formatter().parse(m)
                              if field and field != "value"}
    positions = "[" + ", ".join(literal("e:" + c.name) for c in plans) + "]"
    # the texts a message may quote, of failing rows only: cut to 40 characters, never a BSN (data/ingest/masking.py)
    shown = ", ".join(f"{shown_sql(c.text)} as {c.text}" for c in plans if c.name in quoted)
    rows = cur.execute(
        f"with cells as (unpivot _failing on {', '.join(quote('e:' + c.name) for c in failing)} "
        "into name _column value _code),\n"
        f"texts as (select _rid, {shown} from (select rowid as _rid, * from _text) semi join _failing using (_rid)),\n"
        f"final as (select _rid + {FIRST_ROW} as _row, _column[3:] as _name, case _column {' '.join(whens)} end "
        f"as message, list_position({positions}, _column) as position from cells join texts using (_rid))\n"
        "select _row, _name, message from final order by _row, position").fetchall()
    return [RowError(*row) for row in rows]


def duplicate_errors(cur: duckdb.DuckDBPyConnection, kind: str) -> list[RowError]:
    """Rows that repeat the `UNIQUE` key of an earlier row of the same file."""
    unique = MODELS[kind].UNIQUE
    if unique is None:
        return []
    by_attr = {c.attr: c for c in plan(kind)}
    key = ", ".join(by_attr[attr].value for attr in unique.key)
    decodable = " and ".join(f"(not {by_attr[a].filled} or {by_attr[a].value} is not null)" for a in unique.key)
    keyed = f"select rowid as _rid, {key} from _dec where not _blank and {decodable}"
    distinct, total = cur.execute(f"select count(distinct ({key})), count(*) from ({keyed})").fetchone()
    if distinct == total:
        return []
    rows = cur.execute(
        f"select _rid, first from (select _rid, min(_rid) over (partition by {key}) as first from ({keyed})) "
        "where _rid > first order by _rid").fetchall()
    names = [by_attr[attr].name for attr in unique.key]
    together = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    column = by_attr[unique.column].name
    return [RowError(rid + FIRST_ROW, column, f"dezelfde {together} staat al in rij {first + FIRST_ROW}")
            for rid, first in rows]
