"""Monthly spending of a scope as a process chart: the Kaders page's replacement for a limit on
`budgetuitputting`, whose January-to-p_end values overlap and so get none (signals.md §3a).

Σ bedrag per month (every soort) over the 24 months up to p_end, with XmR limits and the four rules;
less spending is better. Voorlopige kosten months (levers.freshness) are drawn hollow. As every chart,
it takes its limits from the points after the region's latest process change (and from the first N
of them with a baseline), the earlier points faded.
"""

from __future__ import annotations

import duckdb

from levers.chart_model import ProcessChange, TrendModel
from levers.freshness import freshness
from levers.process_changes import region_changes, since_index
from levers.scope import Period, Scope, sql_params
from levers.series import SeriesPoint, grain_periods
from levers.variation import drawn_band, variation

CODE = "uitgaven_per_maand"  # not a catalogue indicator: a chart of its own
MONTHLY = """
    select month, sum(amount)::double from costs
    where month between $p_start and $p_end
      and in_scope(municipality, lot, provider, $municipalities, $lot, $providers)
    group by month
"""


def monthly_spending(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period,
                     baseline: int | None = None) -> TrendModel:
    """The 24 months up to p_end: their spending (None for a month without any kosten row) and limits."""
    months = grain_periods(Period.month(period.end.year, period.end.month))
    params = sql_params(con, scope, months[-1]) | {"p_start": months[0].start}
    found = dict(con.execute(MONTHLY, {key: params[key] for key in
                                       ("p_start", "p_end", "municipalities", "lot", "providers")}).fetchall())
    values = [found.get(month.start) for month in months]
    changes = [change for change in region_changes(con, scope.region) if change.indicator in (None, CODE)]
    since, shown = since_index(months, changes)
    varies = variation(values, "lower", None, since=since, baseline=baseline)
    flags = varies.chart.special if varies.chart else (False,) * len(months)
    provisional_from = freshness(con, scope, period).provisional_from
    points = tuple(
        SeriesPoint(month.label, month.start, month.end, value, None, None, "grijs", flag,
                    value is not None and provisional_from is not None and month.end >= provisional_from)
        for month, value, flag in zip(months, values, flags, strict=True)
    )
    return TrendModel(code=CODE, unit="euro", points=points,
                      limits=drawn_band(varies.chart, 0.0, None) if varies.chart else None, reason=varies.reason,
                      process_changes=tuple(ProcessChange(index, change.description) for index, change in shown),
                      since=since, reason_day=next((change.day for index, change in shown if index == since), None))
