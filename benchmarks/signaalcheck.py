"""Benchmark: do the process charts cry wolf? Per indicator, the share of region-months of the last year
whose deciding point is a special cause (signals.md §3a, issue 21).

    python benchmarks/signaalcheck.py --db PATH [--regio NAME ...] [--months 12]

For each region and each of the last 12 months up to the data end (the latest trajectory start), the
series of every indicator for that month are computed as the pages compute them; a region-month
counts when the variatie is verbetering, zorg or bijzonder (the point that decides it is a special
cause). A chart that flags most months teaches its reader to ignore it. Uses only
`levers.series.all_series`, so it also runs against older code: `PYTHONPATH=/old/checkout python
benchmarks/signaalcheck.py --db …`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import duckdb

# The code measured: PYTHONPATH's checkout if given (older code), else this one; never benchmarks/ itself.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.append(str(Path(__file__).resolve().parents[1]))

from levers.catalogue import CODES  # noqa: E402
from levers.scope import Period, Scope  # noqa: E402
from levers.series import all_series  # noqa: E402

SIGNALS = {"verbetering", "zorg", "bijzonder"}


def _regions(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute(
        "select distinct region from municipality_regions where region is not null "
        "and municipality in (select municipality from populations) order by region").fetchall()]


def _months(con: duckdb.DuckDBPyConnection, count: int) -> list[Period]:
    last = con.execute("select max(start_date) from trajectories").fetchone()[0]
    end = Period.month(last.year, last.month)
    return [end.shifted(-back) for back in range(count - 1, -1, -1)]


def check(con: duckdb.DuckDBPyConnection, regions: list[str], months: list[Period]) -> Counter:
    flagged: Counter = Counter()
    for region in regions:
        for month in months:
            for trend in all_series(con, Scope(regions=region), month):
                flagged[trend.code] += trend.variation.variatie in SIGNALS
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="signaalcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--regio", action="append", default=[], help="een regio (standaard: alle)")
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    regions = args.regio or _regions(con)
    months = _months(con, args.months)
    flagged = check(con, regions, months)
    total = len(regions) * len(months)
    print(f"{len(regions)} regio's × {len(months)} maanden ({months[0].label} … {months[-1].label}) = {total}")
    print("indicator                     bijzonder  aandeel")
    for code in sorted(CODES, key=lambda code: (-flagged[code], code)):
        print(f"{code:<29} {flagged[code]:>9}  {flagged[code] / total:>6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
