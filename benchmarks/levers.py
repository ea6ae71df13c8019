"""Benchmark: every lever for one region and one month at national scale, warm (design.md: < 0.5 s).

    python benchmarks/levers.py [--db PATH] [--regio NAME] [--periode JJJJ-MM] [--runs N]

Builds the national demo database at PATH when the file does not exist (as `python -m data demo
--db PATH --national` does), opens it read-only (a file built by an older version first gets the
current schema), runs each measurement once to warm up and then `--runs` times (at least 7), and
prints median, min and max in seconds. Defaults: the region with the most trajectories and the last
full month.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import duckdb
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from data.demo.build import build_demo_file, last_full_month_end  # noqa: E402
from commands.args import open_read_only  # noqa: E402
from levers.catalogue import LEVERS  # noqa: E402
from levers.compare import by_municipality, by_provider, providers_in_scope  # noqa: E402
from levers.registry import all_indicators, lever_indicators  # noqa: E402
from levers.scope import Period, Scope  # noqa: E402
from levers.series import all_series, series, series_of_lever  # noqa: E402

GOAL_SECONDS = 0.5
MIN_RUNS = 7
DEFAULT_DB = ROOT / "benchmarks" / "out" / "national.duckdb"
_BUSIEST_REGION = """
select r.region
from trajectories as t
inner join municipality_regions as r using (municipality)
where r.region is not null
group by r.region
order by count(*) desc
limit 1
"""


def _ensure_database(path: Path) -> None:
    if path.exists():  # opened as the command lines open it: an older file gets the current schema
        return
    print(f"building the national demo database at {path} ...", flush=True)
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    build_demo_file(path, national=True)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


def _timed(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median, min, max) seconds of `runs` calls after one warm-up call."""
    run()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), min(seconds), max(seconds)


def print_timings(measurements: list[tuple[str, Callable[[], object], float | None]], runs: int,
                  decimals: int = 3) -> None:
    """One line per (name, run, goal): median, min and max seconds of `runs` runs, and the goal's verdict."""
    print(f"{'measurement':<34} {'median s':>9} {'min s':>8} {'max s':>8}  goal")
    for name, run, goal in measurements:
        median, low, high = _timed(run, runs)
        verdict = "" if goal is None else ("ok" if median < goal else f"SLOW (> {goal} s)")
        print(f"{name:<34} {median:>9.{decimals}f} {low:>8.{decimals}f} {high:>8.{decimals}f}  {verdict}")


def national_case(doc: str, argv: list[str] | None) -> tuple[argparse.Namespace, duckdb.DuckDBPyConnection, Scope, Period]:
    """What every national-scale benchmark opens with: its arguments, the demo (built when missing), the
    busiest region (or --regio) and the last full month (or --periode)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--regio")
    parser.add_argument("--periode", help="JJJJ-MM (default: the last full month)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    _ensure_database(args.db)
    con = open_read_only(str(args.db))
    region = args.regio or con.execute(_BUSIEST_REGION).fetchone()[0]
    data_end = last_full_month_end(date.today())  # where the demo's data end
    period = Period.parse(args.periode) if args.periode else Period.month(data_end.year, data_end.month)
    return args, con, Scope(regions=region), period


def main(argv: list[str] | None = None) -> int:
    args, con, scope, period = national_case(__doc__, argv)
    runs = max(args.runs, MIN_RUNS)
    region = scope.region
    providers = len(providers_in_scope(con, scope))
    trajectories = con.execute("select count(*) from trajectories").fetchone()[0]
    municipalities = len(con.execute("select distinct municipality from trajectories").fetchall())
    print(f"database {args.db}: {trajectories:,} trajectories in {municipalities} municipalities")
    print(f"scope: region {region}, {period.label}; warm, {runs} runs each\n")

    measurements: list[tuple[str, Callable[[], object], float | None]] = [
        (f"lever {lever}", lambda lever=lever: lever_indicators(con, lever, scope, period), GOAL_SECONDS)
        for lever in LEVERS
    ]
    measurements += [  # a lever page's figures: its results plus every series with its process limits
        (f"lever {lever} + series + limits",
         lambda lever=lever: (lever_indicators(con, lever, scope, period), series_of_lever(con, lever, scope, period)),
         GOAL_SECONDS)
        for lever in LEVERS
    ]
    measurements += [
        ("all_indicators (4 levers)", lambda: all_indicators(con, scope, period), None),
        ("series instroom (24 months)", lambda: series(con, "instroom", scope, period), None),
        ("all_series (29 series, limits)", lambda: all_series(con, scope, period), None),
        ("series_of_lever diagnostics", lambda: series_of_lever(con, "diagnostics", scope, period), None),
        ("by_municipality uitval", lambda: by_municipality(con, scope, period, "uitval"), None),
        (f"by_provider uitval ({providers} prov.)", lambda: by_provider(con, scope, period, "uitval"), None),
    ]
    print_timings(measurements, runs)
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
