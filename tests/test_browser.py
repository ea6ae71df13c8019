"""Every page of the demo in a real browser (headless Chromium): it renders, and a screenshot is saved.

Starts `streamlit run dashboard.py` on a free localhost port against a freshly built regional demo
database, opens each page the demo beheerder may see, and writes tests/screenshots/<page>.png
(gitignored) for a person to look at. Skips only when Chromium or Playwright is missing.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import urlencode
from pathlib import Path

import pytest

from benchmarks import serving
from views.filters import last_full_month
from views.navigation import PAGE_FILES

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1440, "height": 900}  # a laptop screen
DEMO_SCALE = 0.5
START_TIMEOUT = 90  # seconds for streamlit to answer its health check
PAGE_TIMEOUT_MS = 180_000  # a cold lever page computes 24-month series for every indicator

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium is missing at {CHROMIUM} (bash scripts/install-chromium.sh)", allow_module_level=True)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """A small regional demo (half the youths of the full demo): realistic pages, a quick build."""
    from data.demo import build_demo_file

    path = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    build_demo_file(path, scale=DEMO_SCALE)
    return path


@contextmanager
def dashboard_server(db_path: Path):
    """`streamlit run dashboard.py` on a free localhost port against `db_path` (a writer); yields its URL."""
    url, process = serving.start(db_path, read_only=False)
    try:
        serving.wait_healthy(url, process, START_TIMEOUT)
        yield url
    finally:
        serving.stop(process)


@pytest.fixture(scope="module")
def server(demo_db):
    with dashboard_server(demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# The script has finished, nothing is a loading skeleton any more, and the page has its title.
_SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stStatusWidget"]')
    && !!document.querySelector('[data-testid="stMainBlockContainer"] h1');
}"""


def _settle(page) -> None:
    for _ in range(2):  # twice, a moment apart: a rerun may start right after the first run
        page.wait_for_function(_SETTLED, timeout=PAGE_TIMEOUT_MS)
        page.wait_for_timeout(1500)  # plotly draws after the script has finished


@contextmanager
def _opened(browser, url: str):
    """A browser tab at `url`, once the page has settled; closed afterwards."""
    page = browser.new_page(viewport=VIEWPORT, locale="nl-NL")
    try:
        page.goto(url)
        _settle(page)
        yield page
    finally:
        page.close()


def _url(server: str, path: str, **params: str) -> str:
    """A page of the demo for IJmond, by default in the last full month."""
    return f"{server}/{path}?{urlencode({'regio': 'IJmond', 'periode': last_full_month().label, **params})}"


def _main_caption(page) -> str:
    """The first caption of the page itself (not the sidebar's)."""
    return page.locator('[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"]').first.inner_text()


def _photograph(page, name: str) -> None:
    """The whole page, not just the first screen: Streamlit scrolls inside its main area."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stMainBlockContainer', 'stSidebarContent']"
        ".map(id => document.querySelector(`[data-testid=\"${id}\"]`)?.scrollHeight || 0))"
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], int(height) + 80)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(VIEWPORT)


def _existing_pages() -> list[str]:
    return [key for key, path in PAGE_FILES.items() if (ROOT / path).exists()]


@pytest.mark.parametrize("key", _existing_pages())
def test_every_page_renders_in_chromium_and_is_photographed(server, browser, key):
    with _opened(browser, _url(server, "" if key == "overzicht" else key)) as page:
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator("h1").first.inner_text().strip()
        _photograph(page, key)


def test_the_overview_prints_without_sidebar_and_buttons(server, browser):
    with _opened(browser, _url(server, "")) as page:
        page.emulate_media(media="print")
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert not page.locator('[data-testid="stPopover"]').first.is_visible()
        assert not page.locator('[data-testid="stPageLink"]').first.is_visible()
        _photograph(page, "overzicht_print")


def test_a_link_reopens_the_same_selection_in_the_browser(server, browser):
    period = last_full_month().shifted(-1)
    with _opened(browser, _url(server, "data", gemeente="GM0453", perceel="complex", periode=period.label)) as page:
        caption = _main_caption(page)
        assert "Velsen" in caption and "perceel complex" in caption
        assert f"periode={period.label}" in page.url and "gemeente=GM0453" in page.url

def test_the_selection_stays_when_moving_to_another_page(server, browser):
    period = last_full_month().shifted(-1)
    with _opened(browser, _url(server, "", gemeente="GM0453", periode=period.label)) as page:
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Data en informatie").click()
        page.wait_for_url("**/data**", timeout=PAGE_TIMEOUT_MS)
        _settle(page)
        assert page.locator("h1").first.inner_text().strip() == "Data en informatie"
        assert "Velsen" in _main_caption(page)
        assert "gemeente=GM0453" in page.url and f"periode={period.label}" in page.url


@pytest.mark.parametrize("tab", ["Per gemeente", "Per aanbieder"])
def test_a_comparison_tab_opens_with_its_chart_and_table(server, browser, tab):
    with _opened(browser, _url(server, "kaders")) as page:
        page.get_by_role("tab", name=tab).first.click()
        _settle(page)
        assert page.locator('[data-testid="stDataFrame"]').count() >= 2  # the summary and the comparison
        _photograph(page, f"kaders_{tab.split()[-1]}")


def test_tiles_and_lever_charts_show_the_signals(server, browser):
    """Issue 10: meaning words, two icons with words and the quarter label on the tiles; the band of
    process limits and marked special causes on a lever page's charts."""
    with _opened(browser, _url(server, "")) as page:
        text = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
        assert any(word in text for word in ("op koers", "let op", "buiten de norm"))
        assert not any(f"\n{word}\n" in f"\n{text}\n" for word in ("groen", "oranje", "rood"))
        assert any(word in text for word in ("gewone variatie", "verbetering", "zorgelijke verandering"))
        assert any(word in text for word in ("haalt de norm", "wisselend", "geen norm"))
        assert re.search(r"\(K[1-4] \d{4}\)", text)  # the month shows uitkomsten of their quarter
        assert "Gegevens t/m: trajecten" in page.locator('[data-testid="stSidebar"]').inner_text()
        _photograph(page, "overzicht_signalen")
    with _opened(browser, _url(server, "gedeelde_waarden")) as page:
        legends = page.locator(".legendtext").evaluate_all("nodes => nodes.map(node => node.textContent)")
        assert "Procesgrenzen" in legends and "Bijzondere variatie" in legends
        _photograph(page, "gedeelde_waarden_signalen")
