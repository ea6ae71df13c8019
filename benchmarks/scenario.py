"""Benchmark: the Scenario page recomputes a changed slider at national scale, warm (issue 24: < 0.5 s).

    python benchmarks/scenario.py [--db PATH] [--regio NAME] [--periode JJJJ-MM] [--runs N]

The page keeps the scenario's baseline (figures.Figures.scenario_baseline, read once per scope and
period) and applies the levers to it on every change (levers.scenario.apply): that is the slider's cost.
Also measured: the whole scenario from nothing (the baseline's queries and the levers), and the budget
family's query (the year-end forecast with its band). Database, warm-up and runs as benchmarks/levers.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from benchmarks.levers import MIN_RUNS, national_case, print_timings  # noqa: E402
from levers import scenario  # noqa: E402
from levers.families.budget import FAMILY  # noqa: E402
from levers.scope import sql_params  # noqa: E402
from levers.sql_files import period_rows  # noqa: E402

GOAL_SECONDS = 0.5


def main(argv: list[str] | None = None) -> int:
    args, con, scope, period = national_case(__doc__, argv)  # Scope(region=…) before: broken by joint scopes
    runs = max(args.runs, MIN_RUNS)
    region = scope.region
    municipalities = len(con.execute("select distinct municipality from costs").fetchall())
    rows = con.execute("select count(*) from costs").fetchone()[0]
    versions = con.execute("select count(*) from cost_versions").fetchone()[0]
    print(f"database {args.db}: {rows:,} kosten rows, {versions:,} version rows, {municipalities} municipalities")
    print(f"scope: region {region}, {period.label}; warm, {runs} runs each\n")

    base = scenario.baseline(con, scope, period)
    moved = iter(range(10**6))

    def slider() -> object:  # a different tariff every time, as a reader dragging the slider
        return scenario.apply(base, scenario.Settings(tariff={"complex": next(moved) % 20 / 2}, volume={"enkelvoudig": 2},
                                                      shift=10, lump_sums={code: -50_000 for code in base.lump_sums}))

    measurements = [
        (f"slider change ({len(base.cells)} cells)", slider, GOAL_SECONDS),
        ("scenario from nothing", lambda: scenario.scenario(con, scope, period, scenario.Settings(shift=10)),
         GOAL_SECONDS),
        ("budget family (forecast, band)", lambda: period_rows(con, FAMILY.sql, sql_params(con, scope, period)), None),
    ]
    print_timings(measurements, runs, decimals=4)
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
