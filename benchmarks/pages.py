"""Benchmark: the Overzicht page script (AppTest) at national scale (design.md: under 1 s warm).

    python benchmarks/pages.py [--db PATH] [--regio NAME] [--periode JJJJ-MM] [--runs N] [--lever-pages]

Builds the national demo database at PATH when it does not exist (as `python -m data demo --db PATH
--national` does) and opens it read-only. Runs the dashboard's router, which renders the Overzicht,
with AppTest:
  cold         the first run in a fresh process (imports, DuckDB and Streamlit caches all cold);
  warm         the median of N further runs: the cached indicator results are reused, as for every
               visitor after the first who looks at the same selection — the goal applies here;
  uncached     the median of N runs after clearing Streamlit's cache (DuckDB warm): what a visitor
               choosing a selection nobody looked at since the last upload waits for.
Defaults: the region with the most municipalities and the last full month. `--lever-pages` adds
the four lever pages (24-month series and comparisons per municipality and provider; no goal).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from streamlit.testing.v1 import AppTest  # noqa: E402

from data.store import db  # noqa: E402
from levers import choices  # noqa: E402
from levers.catalogue import LEVER_NAMES  # noqa: E402
from benchmarks.levers import DEFAULT_DB, _ensure_database  # noqa: E402  (the same national database)
from views.db import READ_ONLY_ENV  # noqa: E402
from views.filters import last_full_month  # noqa: E402
from views.navigation import LEVER_PAGES, PAGE_FILES  # noqa: E402

GOAL_SECONDS = 1.0
MIN_RUNS = 5
TIMEOUT = 900  # seconds: a cold national run computes every lever and every municipality


def _largest_region(path: Path) -> tuple[str, int]:
    con = db.connect(path, read_only=True)
    try:
        sizes = {region: len(choices.municipalities(con, region)) for region in choices.regions(con)}
    finally:
        con.close()
    region = max(sizes, key=sizes.get)
    return region, sizes[region]


def _clear_caches() -> None:
    """Forget the cached indicator results, also those shared between read-only processes
    (quietly: outside a script run Streamlit warns)."""
    from views.db import clear_caches

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    clear_caches()


def _run(app: AppTest) -> float:
    started = time.perf_counter()
    app.run(timeout=TIMEOUT)
    seconds = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"the page failed: {app.exception[0].message}")
    return seconds


def _measure(page: str | None, params: dict[str, str], runs: int) -> tuple[float, list[float], list[float]]:
    """(cold, warm runs, uncached runs) of one page; `page` None is the Overzicht (the default page)."""
    _clear_caches()
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params.update(params)
    cold = _run(app)
    if page is not None:
        app.switch_page(page)
        cold = _run(app)
    warm = [_run(app) for _ in range(runs)]
    uncached = []
    for _ in range(runs):
        _clear_caches()
        uncached.append(_run(app))
    return cold, warm, uncached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--regio")
    parser.add_argument("--periode", help="JJJJ-MM (default: the last full month)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lever-pages", action="store_true", help="also the four lever pages (no goal)")
    args = parser.parse_args(argv)
    runs = max(args.runs, MIN_RUNS)
    _ensure_database(args.db)
    region, municipalities = (args.regio, None) if args.regio else _largest_region(args.db)
    params = {"regio": region, "periode": args.periode or last_full_month().label}
    os.environ[db.DB_ENV_VAR] = str(args.db)
    os.environ[READ_ONLY_ENV] = "1"  # other benchmarks may read the same file at the same time
    size = f" ({municipalities} municipalities)" if municipalities else ""
    print(f"database {args.db}; {region}{size}, {params['periode']}; {runs} runs each\n")

    pages = [("Overzicht", None)]
    if args.lever_pages:
        pages += [(LEVER_NAMES[lever], PAGE_FILES[key]) for lever, key in LEVER_PAGES.items()]
    print(f"{'page':<27} {'cold s':>7} {'warm median':>12} {'(min-max)':>13} {'uncached median':>16}  goal")
    for name, page in pages:
        cold, warm, uncached = _measure(page, params, runs)
        goal = ""
        if page is None:
            goal = "ok" if statistics.median(warm) < GOAL_SECONDS else f"SLOW (> {GOAL_SECONDS} s)"
        print(f"{name:<27} {cold:>7.3f} {statistics.median(warm):>12.3f} "
              f"{f'({min(warm):.3f}-{max(warm):.3f})':>13} {statistics.median(uncached):>16.3f}  {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
