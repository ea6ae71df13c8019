"""Benchmark: from `streamlit run` to the Overzicht with data, on a fresh clone and with the database there.

    python benchmarks/coldstart.py [--app-dir DIR ...] [--runs N]

For each --app-dir (default: this checkout) and each run, in alternating order:
  fresh      the checkout copied to a temp dir without __pycache__ or database (as a fresh clone),
             JEUGDMONITOR_DB pointing at a file that does not exist yet: `streamlit run dashboard.py`
             starts, the browser opens the address as soon as the server answers, the page builds
             the regional demo (with a progress bar) and shows the Overzicht;
  existing   the same copy started again, now with its database and compiled modules in place, in a
             new browser profile (nothing cached: it loads and compiles Streamlit's and plotly's code);
  again      that start once more, opened in a new tab of a browser with a kept profile (disk cache)
             that has opened this address before: a person who restarts the dashboard they use and
             opens it again. Each --app-dir keeps one address and one profile over the runs; the
             profile's first visit is not counted.
Times are wall-clock seconds from starting the process to the Overzicht's idle state (script
finished, nothing running or stale, its title and chart drawn), with `health` the moment the server
answered and `bar` whether a progress bar was seen while the demo was built. Goals (issue 14):
fresh < 10 s, existing (and again) < 3 s.
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

from benchmarks import serving  # noqa: E402
from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, WATCH_RUNS, server, wait_idle  # noqa: E402

GOALS = {"fresh": 10.0, "existing": 3.0, "again": 3.0}
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


def _start_to_overview(context, app_dir: Path, db_path: Path, port: int) -> tuple[float, float, bool]:
    """(seconds to a healthy server, seconds to the Overzicht idle, progress bar seen) from process start,
    opened in a new tab of CONTEXT (a browser profile)."""
    started = time.perf_counter()
    with server(app_dir, db_path, read_only=False, port=port) as url:
        healthy = time.perf_counter() - started
        tab = context.new_page()
        try:
            tab.goto(url)
            wait_idle(tab, 0, TIMEOUT_MS)
            done = time.perf_counter() - started
            return healthy, done, tab.evaluate("() => window.__sawProgress")
        finally:
            tab.close()


def _profile(browser):
    """A new browser profile (context) that watches runs and progress bars."""
    return _watching(browser.new_context(viewport=VIEWPORT, locale="nl-NL"))


def _kept_profile(playwright, folder: Path):
    """A browser whose profile (cache included) lives in FOLDER, as a person's browser keeps it."""
    return _watching(playwright.chromium.launch_persistent_context(
        str(folder), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=VIEWPORT, locale="nl-NL"))


def _watching(context):
    context.add_init_script(WATCH_RUNS)
    context.add_init_script(_WATCH_PROGRESS)
    return context


def _starts(browser, profile, copy: Path, db_path: Path, port: int, first: bool) -> dict[str, tuple]:
    """The three starts of one copy: fresh and existing each in a new profile, again in PROFILE (after an
    uncounted visit when this is its FIRST)."""
    fresh, new = _profile(browser), _profile(browser)
    try:
        measured = {"fresh": _start_to_overview(fresh, copy, db_path, port),
                    "existing": _start_to_overview(new, copy, db_path, port)}
    finally:
        fresh.close()
        new.close()
    if first:
        _start_to_overview(profile, copy, db_path, port)  # the person opened it before
    measured["again"] = _start_to_overview(profile, copy, db_path, port)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, action="append", help="a checkout to start (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a killed benchmark still stops its servers

    app_dirs = [d.resolve() for d in (args.app_dir or [ROOT])]
    figures: dict[tuple[Path, str], list[tuple[float, float, bool]]] = {}
    ports = {app_dir: serving.free_port() for app_dir in app_dirs}  # one address each: the kept cache applies
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="coldstart-profiles-") as profiles:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        kept = {app_dir: _kept_profile(playwright, Path(profiles) / str(number))
                for number, app_dir in enumerate(app_dirs)}
        try:
            for run in range(args.runs):
                for app_dir in (app_dirs if run % 2 == 0 else app_dirs[::-1]):
                    with tempfile.TemporaryDirectory(prefix="coldstart-") as folder:
                        copy = _fresh_copy(app_dir, Path(folder))
                        db_path = Path(folder) / "monitor.duckdb"
                        starts = _starts(browser, kept[app_dir], copy, db_path, ports[app_dir], run == 0)
                        for case, measured in starts.items():
                            figures.setdefault((app_dir, case), []).append(measured)
                print(f"run {run + 1}/{args.runs} done", flush=True)
        finally:
            for context in kept.values():
                context.close()
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
