"""Benchmark: how much of a lever page's time in the browser is Streamlit itself, how much its charts, and
how much the rest of what the page holds.

    python benchmarks/floor.py [--db PATH] [--runs N] [--page data] [--regio NAME] [--periode JJJJ-MM]

Three pages, served at the same time and opened in turn (page.goto, as browser.py's `open`), each time
until Streamlit's idle state with every chart drawn:
  bare    a Streamlit page with a sidebar of two select boxes, a title and a line: what a page costs on
          this machine before it holds anything;
  charts  the same page with the plotly charts of the lever page (the figures and the chart settings as
          the dashboard sends them, taken from the page by AppTest), nothing else;
  page    the dashboard's page itself (national demo, read-only).
Prints the medians of the warm runs and what one chart adds. Issue 14 asks every page under 1.5 s;
this shows what of that a page design leaves to be won: page - charts + bare is the page without its
charts, page - bare what the page's own content costs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from benchmarks.browser import (  # noqa: E402
    CHROMIUM, CHROMIUM_ARGS, DEFAULT_DB, RUN_TIMEOUT_MS, VIEWPORT, WARM_UP_TIMEOUT_MS, WATCH_RUNS, _copy_for,
    demo_selection, server, wait_idle,
)

# The bare page, and with ?n=N the first N figures of figures.json beside it, drawn as views.components.chart does.
FLOOR_APP = """
import json
from pathlib import Path

import streamlit as st

st.set_page_config(layout="wide")
with st.sidebar:
    st.selectbox("Regio", ["a", "b"])
    st.selectbox("Perceel", ["a", "b"])
st.title("Vloer")
st.markdown("Een regel tekst.")
charts = json.loads((Path(__file__).parent / "figures.json").read_text())
for number, (figure, config) in enumerate(charts[: int(st.query_params.get("n", 0))]):
    st.plotly_chart(figure, theme=None, config=config, key=f"chart_{number}")
"""


def page_figures(db_path: Path, page: str, params: dict[str, str]) -> list[tuple[dict, dict]]:
    """(figure, config) of every plotly chart PAGE sends when it opens, read by AppTest."""
    from streamlit.testing.v1 import AppTest  # noqa: PLC0415

    from views.navigation import PAGE_FILES  # noqa: PLC0415

    os.environ.update({"JEUGDMONITOR_DB": str(db_path), "JEUGDMONITOR_READ_ONLY": "1"})
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=WARM_UP_TIMEOUT_MS / 1000)
    app.query_params.update(params)
    app.run()
    app.switch_page(str(ROOT / PAGE_FILES[page])).run()
    return [(json.loads(chart.proto.spec), json.loads(chart.proto.config)) for chart in app.get("plotly_chart")]


def _open(tab, url: str, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    started = time.perf_counter()
    tab.goto(url)
    wait_idle(tab, 0, timeout_ms)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"national demo database (default {DEFAULT_DB})")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--page", default="data", help="a lever page's url path (default data)")
    parser.add_argument("--regio", help="default: the region with the most trajectories")
    parser.add_argument("--periode", help="JJJJ-MM (default: the last full month)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    db_path, params = demo_selection(args.db, False, args.regio, args.periode)
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="floor-bench-")))
        copy = _copy_for(ROOT, db_path, folder)
        figures = page_figures(copy, args.page, params)
        floor_app = folder / "floor"
        floor_app.mkdir()
        (floor_app / "dashboard.py").write_text(FLOOR_APP)
        (floor_app / "figures.json").write_text(json.dumps(figures))
        print(f"{params['regio']}, {params['periode']}; page {args.page} with {len(figures)} charts; "
              f"{args.runs} warm runs", flush=True)
        floor_url = stack.enter_context(server(floor_app, copy))
        page_url = stack.enter_context(server(ROOT, copy))
        urls = {"bare": f"{floor_url}/?n=0", "charts": f"{floor_url}/?n={len(figures)}",
                "page": f"{page_url}/{args.page}?{urlencode(params)}"}
        browser = stack.enter_context(sync_playwright()).chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
        context.add_init_script(WATCH_RUNS)
        tab = context.new_page()
        for url in urls.values():
            _open(tab, url, WARM_UP_TIMEOUT_MS)
        times: dict[str, list[float]] = {name: [] for name in urls}
        for _ in range(args.runs):
            for name, url in urls.items():
                times[name].append(_open(tab, url))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:<8} {medians[name]:.2f} s  ({min(values):.2f}-{max(values):.2f})")
    charts_cost = medians["charts"] - medians["bare"]
    each_ms = charts_cost / max(len(figures), 1) * 1000
    print(f"\n{len(figures)} charts add {charts_cost:.2f} s to a bare page ({each_ms:.0f} ms a chart); the page "
          f"without its charts would take about {medians['page'] - charts_cost:.2f} s, its own content "
          f"{medians['page'] - medians['bare']:.2f} s over a bare page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
