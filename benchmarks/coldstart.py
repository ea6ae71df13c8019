"""Benchmark: from `streamlit run` to the Overzicht with data, on a fresh clone and with the database there.

    python benchmarks/coldstart.py [--app-dir DIR ...] [--runs N]

For each --app-dir (default: this checkout) and each run, in alternating order:
  fresh      the checkout copied to a temp dir without __pycache__ or database (as a fresh clone),
             JEUGDMONITOR_DB pointing at a file that does not exist yet: `streamlit run dashboard.py`
             starts, the browser opens the address as soon as the server answers, the page builds
             the regional demo (with a progress bar) and shows the Overzicht;
  existing   the same copy started again, now with its database and compiled modules in place.
Times are wall-clock seconds from starting the process to the Overzicht's idle state (script
finished, nothing running or stale, its title and chart drawn), with `health` the moment the server
answered and `bar` whether a progress bar was seen while the demo was built. Goals (issue 14):
fresh < 10 s, existing < 3 s.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, WATCH_RUNS, server, wait_idle  # noqa: E402

GOALS = {"fresh": 10.0, "existing": 3.0}
TIMEOUT_MS = 300_000
_NOT_COPIED = shutil.ignore_patterns(".git", "__pycache__", "*.duckdb", "*.duckdb.wal", "screenshots", "out",
                                     ".pytest_cache", "*.snapshots", "*.audit")
# Notes whether a progress bar was ever on the page (the demo build shows one).
_WATCH_PROGRESS = """
window.__sawProgress = false;
new MutationObserver(() => {
  if (!window.__sawProgress && document.querySelector('[data-testid="stProgress"]')) window.__sawProgress = true;
}).observe(document, {subtree: true, childList: true});
"""


def _fresh_copy(app_dir: Path, folder: Path) -> Path:
    copy = folder / "clone"
    shutil.copytree(app_dir, copy, ignore=_NOT_COPIED)
    return copy


def _start_to_overview(browser, app_dir: Path, db_path: Path) -> tuple[float, float, bool]:
    """(seconds to a healthy server, seconds to the Overzicht idle, progress bar seen) from process start."""
    started = time.perf_counter()
    with server(app_dir, db_path, read_only=False) as url:
        healthy = time.perf_counter() - started
        context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
        try:
            context.add_init_script(WATCH_RUNS)
            context.add_init_script(_WATCH_PROGRESS)
            tab = context.new_page()
            tab.goto(url)
            wait_idle(tab, 0, TIMEOUT_MS)
            done = time.perf_counter() - started
            return healthy, done, tab.evaluate("() => window.__sawProgress")
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, action="append", help="a checkout to start (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a killed benchmark still stops its servers

    app_dirs = [d.resolve() for d in (args.app_dir or [ROOT])]
    figures: dict[tuple[Path, str], list[tuple[float, float, bool]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for run in range(args.runs):
                for app_dir in (app_dirs if run % 2 == 0 else app_dirs[::-1]):
                    with tempfile.TemporaryDirectory(prefix="coldstart-") as folder:
                        copy = _fresh_copy(app_dir, Path(folder))
                        db_path = Path(folder) / "monitor.duckdb"
                        for case in ("fresh", "existing"):
                            figures.setdefault((app_dir, case), []).append(_start_to_overview(browser, copy, db_path))
                print(f"run {run + 1}/{args.runs} done", flush=True)
        finally:
            browser.close()

    print(f"\n{'start':<10} {'checkout':<28} {'health s':>9} {'overview s':>11} {'(min-max)':>13}  bar  goal")
    for case in GOALS:
        for app_dir in app_dirs:
            rows = figures[(app_dir, case)]
            overview = [row[1] for row in rows]
            median = statistics.median(overview)
            verdict = "ok" if median < GOALS[case] else "SLOW"
            bar = "yes" if all(row[2] for row in rows) else ("no" if case == "fresh" else "-")
            print(f"{case:<10} {str(app_dir)[-28:]:<28} {statistics.median(row[0] for row in rows):>9.2f} "
                  f"{median:>11.2f} {f'({min(overview):.2f}-{max(overview):.2f})':>13}  {bar:<4} "
                  f"< {GOALS[case]:.0f} s: {verdict}")
    print("\nseconds from starting `streamlit run` (medians of the runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
