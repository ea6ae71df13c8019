"""Benchmark: what a person waits for in a real browser (headless Chromium), per page and per filter change.

    python benchmarks/browser.py [--db PATH] [--rebuild] [--app-dir DIR ...] [--runs N] [--regio NAME]
                                 [--pages overzicht,kaders,...] [--no-menu]

Serves (a copy per server of) the national demo read-only (JEUGDMONITOR_READ_ONLY=1) with
`streamlit run dashboard.py` from each --app-dir (default: this checkout) on a loopback port, all
servers at once, and measures the time from an action to Streamlit's idle state: the script has
finished, nothing is running or stale, no skeleton is left and every plotly chart on the page has
drawn. Actions:
  open       page.goto(the page's URL with the selection): a new session, as a link or a reload does;
  menu       a click on the page in the sidebar menu, coming from the Overzicht (same session);
  filter     on the Overzicht, the perceel selectbox switched between 'beide' and 'complex' (timed from the
             click on the option: opening the list is not waiting for the page);
  card       on a lever page just opened, a click on the table's second row: that indicator's card
             opens (issue 26; skipped for code without the summary table).
Every page is visited once per server first (cold caches are not what this measures); then the warm
runs alternate between the servers (their order swapped every run), so old and new code meet the same
machine load. Figures: median of the warm runs (min-max). Goals (issue 26): a menu click to a lever
page or Partner < 1.0 s, to the Overzicht < 0.8 s; opening a card < 0.5 s; a filter change < 0.6 s;
a new session (open) on a lever page or Partner < 1.2 s, on the Overzicht < 1.0 s.

The database is built once with `python -m data demo --db PATH --national` (~20 s) and reused: by
default PATH is in the system temp dir, so later runs start at once (--rebuild builds it again).
Compare against untouched code with, e.g., `--app-dir /work/base --app-dir .`.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from benchmarks import serving  # noqa: E402
from views.lever_table import HEADER_PX, ROW_PX  # noqa: E402  (where a click hits a table row)
from wording import texts  # noqa: E402  (labels the benchmark clicks)
DEFAULT_DB = Path(tempfile.gettempdir()) / "jeugdmonitor-bench" / "national.duckdb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
VIEWPORT = {"width": 1440, "height": 900}  # a laptop screen
WARM_UP_TIMEOUT_MS = 600_000  # the first visit of a lever page computes every series (national scale)
RUN_TIMEOUT_MS = 120_000
# Goals per action (issue 26), by the label's first word and, for the Overzicht, its page.
GOALS = {"open": 1.2, "open overzicht": 1.0, "menu": 1.0, "menu overzicht": 0.8, "card": 0.5, "filter": 0.6}
LEVER_PATHS = ("gedeelde_waarden", "kaders", "data", "interactie")
PAGES = ("overzicht", "gedeelde_waarden", "kaders", "data", "interactie", "partner")  # url paths

# Counts finished script runs (the stApp's script state leaving 'running'), so an action waits for
# its own run and not for the idle state that was already there before it.
WATCH_RUNS = """
window.__finishedRuns = 0;
new MutationObserver(records => {
  for (const record of records) {
    if (record.oldValue === 'running') window.__finishedRuns += 1;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
# Idle: the run is over, nothing is stale, loading or running, the page has its title, every chart drew.
_IDLE = """(finishedBefore) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  // a click that loaded a new document (the menu's Overzicht can) counts its runs from 0 again
  if ((window.__finishedRuns || 0) <= (window.__sameDocument ? finishedBefore : 0)) return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]'))
    return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"] h1')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  return true;
}"""


@dataclass
class Server:
    name: str
    url: str
    context: object = None  # a Playwright BrowserContext
    tab: object = None  # its one Page, reused between runs
    times: dict[str, list[float]] = field(default_factory=dict)


def _ensure_database(path: Path, rebuild: bool) -> None:
    if path.exists() and not rebuild:
        print(f"database {path} (reused; --rebuild builds it again)")
        return
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the national demo at {path} ...", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "data", "demo", "--db", str(path), "--national"], cwd=ROOT, check=True)
    print(f"built in {time.perf_counter() - started:.0f} s")


def _copy_for(app_dir: Path, db_path: Path, folder: Path) -> Path:
    """A copy of the database for the server from APP_DIR, opened read-write once by that checkout's
    code, so its schema (macros) is in place before the server opens it read-only."""
    copy = folder / f"{len(list(folder.iterdir()))}.duckdb"
    shutil.copyfile(db_path, copy)
    subprocess.run([sys.executable, "-c", "import sys; from data.store import db; db.connect(sys.argv[1]).close()",
                    str(copy)], cwd=app_dir, check=True)
    return copy


@contextmanager
def server(app_dir: Path, db_path: Path, *, read_only: bool = True, port: int | None = None):
    """`streamlit run dashboard.py` from APP_DIR on a loopback PORT (or a free one); yields its URL once healthy."""
    url, process = serving.start(db_path, read_only=read_only, app_dir=app_dir, port=port)
    try:
        serving.wait_healthy(url, process)
        yield url
    finally:
        serving.stop(process)


def _finished_runs(tab) -> int:
    return tab.evaluate("() => window.__finishedRuns || 0")


# What the idle check looks at, for the message when it never comes.
_STATE = """() => ({
  url: location.pathname, state: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
  finishedRuns: window.__finishedRuns, running: !!document.querySelector('[data-testid="stStatusWidget"]'),
  skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
  stale: document.querySelectorAll('[data-stale="true"]').length,
  title: !!document.querySelector('[data-testid="stMainBlockContainer"] h1'),
  exception: !!document.querySelector('[data-testid="stException"]'),
  charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
  drawn: [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => c.querySelector('.main-svg')).length,
})"""


def wait_idle(tab, finished_before: int, timeout_ms: int) -> None:
    try:
        tab.wait_for_function(_IDLE, arg=finished_before, timeout=timeout_ms)
    except PlaywrightTimeout:
        raise TimeoutError(f"no idle state within {timeout_ms / 1000:.0f} s: {tab.evaluate(_STATE)}") from None


def _open(server: Server, path: str, params: dict[str, str], timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Seconds from navigating to the page's URL (a new session) to idle."""
    started = time.perf_counter()
    server.tab.goto(f"{server.url}/{path}?{urlencode(params)}")
    wait_idle(server.tab, 0, timeout_ms)
    return time.perf_counter() - started


def _act(server: Server, action, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Seconds from ACTION (a click) to the idle state after the run it started. An action that is a
    pair (prepare, click) gets PREPARE done first, untimed: opening a list is not the wait for a page."""
    prepare, action = action if isinstance(action, tuple) else (None, action)
    if prepare is not None:
        prepare(server.tab)
    before = _finished_runs(server.tab)
    server.tab.evaluate("window.__sameDocument = true")  # gone if the action loads a new document
    started = time.perf_counter()
    action(server.tab)
    wait_idle(server.tab, before, timeout_ms)
    return time.perf_counter() - started


def _menu_click(title: str):
    return lambda tab: tab.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()


def _pick_lot(lot: str):
    """Choose LOT ('complex', 'beide') in the sidebar's perceel selectbox: the list is opened first
    (untimed), the time runs from the click on the option, as a filter change is waited for."""
    def option(tab):
        return tab.get_by_role("option", name=texts.LOT_OPTIONS[lot], exact=True)

    def open_list(tab) -> None:
        sidebar = tab.locator('[data-testid="stSidebar"]')
        field = sidebar.locator('[data-testid="stSelectbox"]').filter(has_text=texts.LOT).locator("input")
        for _ in range(5):  # the arrow key opens the list (a click on the combobox does not, headless)
            field.click()
            field.press("ArrowDown")
            try:
                option(tab).wait_for(timeout=3000)
                return
            except PlaywrightTimeout:
                field.press("Escape")
        raise TimeoutError(f"the perceel list did not open for {lot}")

    return open_list, lambda tab: option(tab).click()


def _click_row(row: int):
    """A click on row ROW (0 is the first) of the page's first table, in its first column."""
    def click(tab) -> None:
        box = tab.locator('[data-testid="stDataFrame"]').first.bounding_box()
        tab.mouse.click(box["x"] + 60, box["y"] + HEADER_PX + ROW_PX * row + ROW_PX / 2)
    return click


def _has_cards(tab) -> bool:
    """Whether the page has the summary table with one card below it (issue 26)."""
    return tab.locator('[data-testid="stSelectbox"]').filter(has_text=texts.SUMMARY_PICK).count() > 0


def _record(server: Server, label: str, seconds: float) -> None:
    server.times.setdefault(label, []).append(seconds)


def _measure_all(servers: list[Server], pages: list[str], params: dict[str, str], runs: int, menu: bool) -> None:
    print("warming up (every page once per server) ...", flush=True)
    for server in servers:
        for path in pages:
            _open(server, "" if path == "overzicht" else path, params, WARM_UP_TIMEOUT_MS)
        _open(server, "", params, WARM_UP_TIMEOUT_MS)
        for lot in ("complex", "beide"):
            _act(server, _pick_lot(lot), WARM_UP_TIMEOUT_MS)
    for run in range(runs):
        order = servers if run % 2 == 0 else servers[::-1]
        for path in pages:
            for server in order:
                _record(server, f"open {path}", _open(server, "" if path == "overzicht" else path, params))
        if menu:
            for path in pages:
                if path == "overzicht":
                    continue
                for server in order:
                    _open(server, "", params)
                    _record(server, f"menu {path}", _act(server, _menu_click(texts.NAV_TITLES[path])))
            for server in order:
                _open(server, "kaders", params)
                _record(server, "menu overzicht", _act(server, _menu_click(texts.NAV_TITLES["overzicht"])))
        for path in (p for p in pages if p in LEVER_PATHS):
            for server in order:
                _open(server, path, params)
                if _has_cards(server.tab):
                    _record(server, f"card {path}", _act(server, _click_row(1)))
        for server in order:
            _open(server, "", params)
            _record(server, "filter perceel", _act(server, _pick_lot("complex")))
            _record(server, "filter perceel", _act(server, _pick_lot("beide")))
        print(f"run {run + 1}/{runs} done", flush=True)


def _last_full_month() -> str:
    """`2026-10` in November 2026: the dashboard's default period."""
    last = date.today().replace(day=1) - timedelta(days=1)
    return f"{last.year}-{last.month:02d}"


def _goal(label: str) -> float:
    return GOALS.get(label, GOALS[label.split()[0]])


def _report(servers: list[Server]) -> None:
    labels = list(dict.fromkeys(label for server in servers for label in server.times))
    header = f"{'action':<26}" + "".join(f" {s.name[-28:]:>30}" for s in servers) + "  goal"
    print("\n" + header)
    for label in labels:
        cells = []
        for server in servers:
            values = server.times.get(label)
            cells.append(f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})" if values else "–")
        last = servers[-1].times.get(label)
        verdict = "–" if not last else "ok" if statistics.median(last) < _goal(label) else "SLOW"
        print(f"{label:<26}" + "".join(f" {cell:>30}" for cell in cells) + f"  < {_goal(label)} s: {verdict}")
    print("\nseconds, median of warm runs (min-max); the verdict is for the last --app-dir")


def demo_selection(db_path: Path, rebuild: bool, region: str | None, period: str | None) -> tuple[Path, dict[str, str]]:
    """The national demo (built when missing) and the page parameters: REGION or the busiest, PERIOD or the
    last full month."""
    from benchmarks.levers import _BUSIEST_REGION  # noqa: PLC0415
    from data.store import db  # noqa: PLC0415

    db_path = db_path.resolve()
    _ensure_database(db_path, rebuild)
    con = db.connect(db_path, read_only=True)
    try:
        region = region or con.execute(_BUSIEST_REGION).fetchall()[0][0]
    finally:
        con.close()
    return db_path, {"regio": region, "periode": period or _last_full_month()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"national demo database (default {DEFAULT_DB})")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if it exists")
    parser.add_argument("--app-dir", type=Path, action="append", help="a checkout to serve (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regio", help="default: the region with the most trajectories")
    parser.add_argument("--periode", help="JJJJ-MM (default: the last full month)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated url paths")
    parser.add_argument("--no-menu", action="store_true", help="skip the menu navigation runs")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a killed benchmark still stops its servers
    db_path, params = demo_selection(args.db, args.rebuild, args.regio, args.periode)
    app_dirs = [d.resolve() for d in (args.app_dir or [ROOT])]
    pages = [p for p in args.pages.split(",") if p]
    print(f"{params['regio']}, {params['periode']}; {args.runs} warm runs; servers: "
          + ", ".join(str(d) for d in app_dirs), flush=True)
    with ExitStack() as stack:
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        servers: list[Server] = []
        copies = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="browser-bench-")))
        for app_dir in app_dirs:
            url = stack.enter_context(server(app_dir, _copy_for(app_dir, db_path, copies)))
            context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
            context.add_init_script(WATCH_RUNS)
            servers.append(Server(str(app_dir), url, context, context.new_page()))
        _measure_all(servers, pages, params, args.runs, not args.no_menu)
    _report(servers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
