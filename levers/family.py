"""The shape of an indicator family: one query for all periods, one record per period, its results.

A family is declared once, in its own module under levers/families/: the SQL file (levers/sql/),
the frozen record whose fields are that query's columns, and `build(record, ctx)` that turns one
period's record into results by code. The runner (levers.runner) runs every needed family once and
puts the results in catalogue order; a family never reads the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from levers.norms import Norm, Norms, Status
from levers.reasons import Reason
from levers.result import IndicatorResult, make_result
from levers.scope import Period, Scope
from levers.sql_files import load_sql


@dataclass(frozen=True)
class Context:
    """What a family's `build` knows besides its record: the scope, the period and the norms."""

    scope: Scope
    period: Period
    norms: Norms

    def norm(self, code: str) -> Norm | None:
        """The norm of `code` that applies to this scope and period."""
        return self.norms.resolve(code, self.scope, self.period)

    def result(
        self,
        code: str,
        value: float | None,
        denominator: float | None = None,
        *,
        reason: Reason | None = None,
        details: tuple[tuple[str, float | None], ...] = (),
        status_override: Status | None = None,
    ) -> IndicatorResult:
        """`make_result` with the norm of `code` for this scope and period."""
        return make_result(code, value, denominator, norm=self.norm(code), reason=reason, details=details,
                           status_override=status_override)


Build = Callable[[Any, Context], Mapping[str, IndicatorResult]]
Params = Callable[[Scope, Sequence[Period], Norms], Mapping[str, object]]


@dataclass(frozen=True)
class Family:
    """One indicator family (see the module note).

    `params` adds named query parameters to the scope's (`levers.scope.sql_params`), e.g. a list
    with one value per period; most families need none. `row_sets` names the row sets (per period,
    provider and perceel) of the rows its query adds up, for the derived-total rule (levers.contributors).
    """

    name: str  # the catalogue entries' `family`
    sql_file: str  # under levers/sql/
    record: type  # frozen dataclass: one field per column of the query besides `ordinal`
    build: Build
    params: Params | None = None
    row_sets: tuple[str, ...] = ()  # contributor row sets its `<name>.rows.sql` beside its query declares

    @property
    def sql(self) -> str:
        return load_sql(self.sql_file)

    @property
    def rows_file(self) -> str:
        """The file of its row sets, beside its query: `caseload.sql` → `caseload.rows.sql`."""
        return self.sql_file.removesuffix(".sql") + ".rows.sql"
