"""Page times of two checkouts side by side, in one run (issue 26): ../shared/tools/pagetimes.py's measure.

usage: python benchmarks/pagetimes_side.py DB_FILE OLD_REPO NEW_REPO [--runs N] [PAGE ...]

Each navigation is a new Streamlit session; a page is done when the app's script state is notRunning,
no skeleton or status widget shows, the page's h1 is there, and that holds 250 ms later (the same rule
as pagetimes.py). The two dashboards run at the same time and are visited in turns, page by page, so
the machine's load falls on both alike: compare the ratio, and read the absolute figures with the load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

PAGES = ("", "gedeelde_waarden", "kaders", "data", "interactie", "partner", "uploaden")
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stStatusWidget"]')
    && !!document.querySelector('[data-testid="stMainBlockContainer"] h1');
}"""


def settle(page) -> float:
    t0 = time.monotonic()
    while True:
        page.wait_for_function(SETTLED, timeout=300_000, polling=50)
        t = time.monotonic()
        page.wait_for_timeout(250)
        if page.evaluate(SETTLED):
            return t - t0


def serve(repo: str, db: str, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
                             "--server.headless", "true"], cwd=repo, env=dict(os.environ, JEUGDMONITOR_DB=db),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("repos", nargs=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8640)
    parser.add_argument("--query", default="", help="query string for every page, e.g. regio=IJmond&periode=2026-10")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_intermixed_args()  # options may follow the pages
    pages = args.pages or list(PAGES)
    ports = (args.port, args.port + 1)
    servers = [serve(repo, args.db, port) for repo, port in zip(args.repos, ports)]
    try:
        time.sleep(8)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            tab = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
            query = f"?{args.query}" if args.query else ""
            for port in ports:  # warm: every page computed once
                for path in pages:
                    tab.goto(f"http://localhost:{port}/{path}{query}")
                    settle(tab)
            times = {(port, path): [] for port in ports for path in pages}
            for _ in range(args.runs):
                for path in pages:
                    for port in ports:
                        tab.goto(f"http://localhost:{port}/{path}{query}")
                        times[port, path].append(settle(tab))
            browser.close()
        print(f"{'page':<18}{'old (median, min-max)':>26}{'new (median, min-max)':>26}{'new/old':>9}")
        for path in pages:
            old, new = (times[port, path] for port in ports)
            cells = [f"{statistics.median(t):.2f} ({min(t):.2f}-{max(t):.2f})" for t in (old, new)]
            ratio = statistics.median(new) / statistics.median(old)
            print(f"{path or 'overzicht':<18}{cells[0]:>26}{cells[1]:>26}{ratio:>9.2f}")
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)


if __name__ == "__main__":
    main()
