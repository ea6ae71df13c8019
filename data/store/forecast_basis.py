"""What the year-end forecast learns from all kosten (ahead.md §1), kept beside them.

The completion factors per region, perceel and lag and the backtest's forecasts of past years follow from
`costs` and `cost_versions` alone (the schema's macros completion_factors() and forecast_backtest()).
Computing them reads every version row, too slow for a page at national scale, so they are written again
in the same transaction as every kosten write (an upload, the demo) and a page reads two small tables.
"""

from __future__ import annotations

import duckdb

from data.store import db


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Write cost_completion and then cost_backtest (the backtest reads the factors) from the kosten now."""
    cur.execute("delete from cost_completion")
    cur.execute("insert into cost_completion by name select * from completion_factors()")
    cur.execute("delete from cost_backtest")
    cur.execute("insert into cost_backtest by name select * from forecast_backtest()")
    db.touched("cost_versions", "cost_completion", "cost_backtest")
