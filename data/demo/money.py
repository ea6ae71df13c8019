"""Demo spending and budgets.

Spending follows the care in the trajectories (SQL in data/demo/sql/demo_costs.sql). Budgets are set
afterwards from that spending, so that the forecast the boundaries lever computes lands where the
demo wants it: most percelen a little under budget, one regional perceel a few percent over, and
one provider clearly over its own provider-level budget.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from data.demo.sqlfiles import insert_frame, run_sql_file
from data.demo.world import World

# This year's forecast / budget per (region, perceel); other (region, perceel) pairs get 0.92-0.99.
FORECAST_TARGETS = {
    ("IJmond", "complex"): 1.04,
    ("Zuid-Kennemerland", "enkelvoudig"): 1.015,
    ("Achterhoek", "enkelvoudig"): 0.99,
    ("Helmond-De Peel", "complex"): 0.97,
}

_SPENDING = """
select year(c.month) as year, c.municipality, c.lot, c.provider, sum(c.amount)::double as amount
from costs as c
group by all
"""


def insert_costs(con: duckdb.DuckDBPyConnection, *, end: date, seed: int, upload_id: int) -> None:
    run_sql_file(con, "demo_costs.sql", {
        "data_start": date(2023, 1, 1), "data_end": end, "seed": seed, "upload_id": upload_id,
    })


def insert_budgets(con: duckdb.DuckDBPyConnection, world: World, rng: np.random.Generator, *, end: date,
                   upload_id: int) -> None:
    """Perceel-level budgets for every (year, municipality, perceel), provider-level ones for a few."""
    spending = con.execute(_SPENDING).df()
    spending["months"] = np.where(spending["year"] == end.year, end.month, 12)
    spending["forecast"] = spending["amount"] / spending["months"] * 12
    regions = world.municipalities.set_index("municipality")["region"]
    spending["region"] = spending["municipality"].map(regions)
    perceel = spending.groupby(["year", "municipality", "region", "lot"], as_index=False)["forecast"].sum()
    perceel["ratio"] = _perceel_ratios(perceel, rng, end.year)
    perceel["provider"] = None
    providers = _provider_rows(spending, world, end.year)
    budgets = pd.concat([perceel, providers], ignore_index=True)
    budgets["budget"] = np.maximum((budgets["forecast"] / budgets["ratio"]).round(-3), 1_000)
    budgets["upload_id"] = upload_id
    insert_frame(con, "budgets", budgets[["year", "municipality", "lot", "provider", "budget", "upload_id"]])


def _perceel_ratios(perceel: pd.DataFrame, rng: np.random.Generator, this_year: int) -> np.ndarray:
    """Forecast / budget: the targets this year, 0.94-1.04 in earlier years, a little per-municipality spread."""
    pairs = perceel[["year", "region", "lot"]].drop_duplicates().sort_values(["year", "region", "lot"])
    current = (pairs["year"] == this_year).to_numpy()
    drawn = np.where(current, rng.uniform(0.92, 0.99, len(pairs)), rng.uniform(0.94, 1.04, len(pairs)))
    chosen = np.array([FORECAST_TARGETS.get(key, np.nan) for key in zip(pairs["region"], pairs["lot"])])
    pairs["ratio"] = np.where(current & ~np.isnan(chosen), chosen, drawn)
    ratio = perceel.merge(pairs, on=["year", "region", "lot"], how="left")["ratio"].to_numpy()
    return ratio * rng.uniform(0.985, 1.015, len(perceel))


def _provider_rows(spending: pd.DataFrame, world: World, this_year: int) -> pd.DataFrame:
    """Provider-level budgets for providers with a budget_ratio: it is reached this year, growing towards it."""
    targets = {p.code: p.budget_ratio for p in world.providers if p.budget_ratio is not None}
    rows = spending[spending["provider"].isin(targets)].copy()
    share = (rows["year"] - 2022) / (this_year - 2022)
    rows["ratio"] = rows["provider"].map(targets) ** share
    return rows[["year", "municipality", "region", "lot", "provider", "forecast", "ratio"]]
