"""Benchmark: do the process charts cry wolf? Per indicator, the share of region-months of the last year
whose deciding point is a special cause (signals.md §3a, issue 21).

    python benchmarks/signaalcheck.py --db PATH [--regio NAME ...] [--months 12]
    python benchmarks/signaalcheck.py --zonder-seizoen-en-groei [--landelijk] [--regio NAME ...]

For each region and each of the last 12 months up to the data end (the latest trajectory start), the
series of every indicator for that month are computed as the pages compute them; a region-month
counts when the variatie is verbetering, zorg or bijzonder (the point that decides it is a special
cause); the Kaders page's monthly spending chart (`uitgaven_per_maand`) counts when its last point is one.
A chart that flags most months teaches its reader to ignore it. Uses `levers.series.all_series` (and
`levers.spending` where it exists), so it also runs against older code: `PYTHONPATH=/old/checkout python
benchmarks/signaalcheck.py --db …`.

`--zonder-seizoen-en-groei` builds a demo of its own in a temporary file (regional, or national with
`--landelijk`) without the changes the demo injects over time (season, trend, provider growth, waiting
lists that build up: `build_demo(stationary=True)`) and checks that one: what it still flags comes from
the indicators themselves (a stock counted month after month moves slowly), not from the demo's story.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import duckdb

# The code measured: PYTHONPATH's checkout if given (older code), else this one; never benchmarks/ itself.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.append(str(Path(__file__).resolve().parents[1]))

from levers.catalogue import CODES  # noqa: E402
from levers.scope import Period, Scope  # noqa: E402
from levers.series import all_series  # noqa: E402

try:  # the Kaders page's monthly spending chart (not a catalogue indicator); older code has none
    from levers.spending import CODE as SPENDING, monthly_spending  # noqa: E402
except ImportError:
    SPENDING, monthly_spending = None, None

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
            if monthly_spending is not None:  # its variatie is decided by its last point, as every chart's
                flagged[SPENDING] += monthly_spending(con, Scope(regions=region), month).points[-1].is_special
    return flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="signaalcheck", description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db")
    source.add_argument("--zonder-seizoen-en-groei", dest="stationary", action="store_true",
                        help="bouw een eigen demo zonder seizoen, trend en groei en controleer die")
    parser.add_argument("--landelijk", action="store_true", help="met --zonder-seizoen-en-groei: de landelijke demo")
    parser.add_argument("--regio", action="append", default=[], help="een regio (standaard: alle)")
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    if not args.stationary:
        return report(args.db, args.regio, args.months)
    from data.demo.build import build_demo_file  # noqa: PLC0415 - only this option builds a demo

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stationair.duckdb"
        build_demo_file(path, national=args.landelijk, stationary=True)
        print(f"eigen demo zonder seizoen, trend en groei ({'landelijk' if args.landelijk else 'regionaal'})")
        return report(str(path), args.regio, args.months)


def report(db: str, regio: list[str], count: int) -> int:
    """Print the share of flagged region-months per indicator of the database at DB."""
    con = duckdb.connect(db, read_only=True)
    regions = regio or _regions(con)
    months = _months(con, count)
    flagged = check(con, regions, months)
    total = len(regions) * len(months)
    print(f"{len(regions)} regio's × {len(months)} maanden ({months[0].label} … {months[-1].label}) = {total}")
    print("indicator                     bijzonder  aandeel")
    for code in sorted([*CODES, *([SPENDING] if SPENDING else [])], key=lambda code: (-flagged[code], code)):
        print(f"{code:<29} {flagged[code]:>9}  {flagged[code] / total:>6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
