"""Every page of the demo in a real browser (headless Chromium): it renders, and a screenshot is saved.

`streamlit run dashboard.py` runs on a free localhost port against a freshly built regional demo
database (session fixtures in tests/fixtures/browser.py); the tests open each page the demo beheerder may see, and writes tests/screenshots/<page>.png
(gitignored) for a person to look at. Skips only when Chromium or Playwright is missing.
"""

from __future__ import annotations

import re

import pytest

from levers.catalogue import of_lever
from tests.fixtures.browser import (PAGE_TIMEOUT_MS, ROOT, SCREENSHOTS, demo_url, opened, photograph, require_chromium,
                                    rerunning, settle)
from views.filters import last_full_month
from views.lever_table import HEADER_PX, ROW_PX
from views.navigation import LEVER_PAGES, PAGE_FILES
from wording import texts

require_chromium()


def _main_caption(page) -> str:
    """The first caption of the page itself (not the sidebar's)."""
    return page.locator('[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"]').first.inner_text()


def _existing_pages() -> list[str]:
    return [key for key, path in PAGE_FILES.items() if (ROOT / path).exists()]


@pytest.mark.parametrize("key", _existing_pages())
def test_every_page_renders_in_chromium_and_is_photographed(server, browser, key):
    with opened(browser, demo_url(server, "" if key == "overzicht" else key)) as page:
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator("h1").first.inner_text().strip()
        photograph(page, key)


def test_the_overview_prints_without_sidebar_and_buttons(server, browser):
    with opened(browser, demo_url(server, "")) as page:
        page.emulate_media(media="print")
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert not page.locator('[data-testid="stPopover"]').first.is_visible()
        assert not page.locator('[data-testid="stPageLink"]').first.is_visible()
        photograph(page, "overzicht_print")


@pytest.mark.parametrize("lever", list(LEVER_PAGES))
def test_printing_a_lever_page_puts_its_whole_summary_table_on_one_a4_page(server, browser, lever):
    import io

    from pypdf import PdfReader

    from views.lever_table import ROW_PX
    from wording import texts

    with opened(browser, demo_url(server, LEVER_PAGES[lever])) as page:
        page.emulate_media(media="print")
        data = page.pdf(format="A4", print_background=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"{LEVER_PAGES[lever]}_print.pdf").write_bytes(data)
    # The table is a canvas, printed as one picture: a table cut by a page break would be two shorter
    # pictures on two pages. Its rows alone are as tall as the lever's indicators × ROW_PX.
    rows_height = ROW_PX * len(of_lever(lever))
    pages = [index for index, sheet in enumerate(PdfReader(io.BytesIO(data)).pages)
             for picture in sheet.images if picture.image.height >= rows_height]
    assert pages == [0], f"{lever}: the whole table on the first sheet, not on sheets {pages}"
    assert texts.SUMMARY_TITLE in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_a_link_reopens_the_same_selection_in_the_browser(server, browser):
    period = last_full_month().shifted(-1)
    with opened(browser, demo_url(server, "data", gemeente="GM0453", perceel="complex", periode=period.label)) as page:
        caption = _main_caption(page)
        assert "Velsen" in caption and "perceel complex" in caption
        assert f"periode={period.label}" in page.url and "gemeente=GM0453" in page.url

def test_the_selection_stays_when_moving_to_another_page(server, browser):
    period = last_full_month().shifted(-1)
    with opened(browser, demo_url(server, "", gemeente="GM0453", periode=period.label)) as page:
        with rerunning(page):
            page.locator('[data-testid="stSidebarNav"]').get_by_text("Data en informatie").click()
            page.wait_for_url("**/data**", timeout=PAGE_TIMEOUT_MS)
        assert page.locator("h1").first.inner_text().strip() == "Data en informatie"
        assert "Velsen" in _main_caption(page)
        assert "gemeente=GM0453" in page.url and f"periode={period.label}" in page.url


@pytest.mark.parametrize("tab", ["Per gemeente", "Per aanbieder"])
def test_a_comparison_tab_opens_with_its_chart_and_table(server, browser, tab):
    with opened(browser, demo_url(server, "kaders")) as page:
        with rerunning(page):
            page.get_by_role("tab", name=tab).first.click()
        assert page.locator('[data-testid="stDataFrame"]').count() >= 2  # the summary and the comparison
        photograph(page, f"kaders_{tab.split()[-1]}")


def test_tiles_and_lever_charts_show_the_signals(server, browser):
    """Issue 10: meaning words, two icons with words and the quarter label on the tiles; the band of
    process limits and marked special causes on a lever page's charts."""
    with opened(browser, demo_url(server, "")) as page:
        text = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
        assert any(word in text for word in ("op koers", "let op", "buiten de norm"))
        assert not any(f"\n{word}\n" in f"\n{text}\n" for word in ("groen", "oranje", "rood"))
        assert any(word in text for word in ("gewone variatie", "verbetering", "zorgelijke verandering"))
        assert any(word in text for word in ("haalt de norm", "wisselend", "geen norm"))
        assert re.search(r"\(K[1-4] \d{4}\)", text)  # the month shows uitkomsten of their quarter
        assert "Gegevens t/m: trajecten" in page.locator('[data-testid="stSidebar"]').inner_text()
        photograph(page, "overzicht_signalen")
    # One card at a time (issue 26): the lever's cards one by one, until one shows a special cause.
    seen: set[str] = set()
    for entry in of_lever("shared_values"):
        with opened(browser, demo_url(server, "gedeelde_waarden", indicator=entry.code)) as page:
            legends = page.locator(".legendtext").evaluate_all("nodes => nodes.map(node => node.textContent)")
            seen |= set(legends)
            if "Bijzondere variatie" in legends:
                photograph(page, "gedeelde_waarden_signalen")
                break
    assert "Procesgrenzen" in seen and "Bijzondere variatie" in seen


def test_a_click_on_a_table_row_opens_that_indicators_card_and_puts_it_in_the_url(server, browser):
    """Issue 26: the summary table's rows choose the card, in the browser (a canvas: the click lands by
    position); on Kaders, whose sections under the card stay as they were (the table and card rerun alone)."""
    names = {entry.name: entry.code for entry in of_lever("boundaries")}
    with opened(browser, demo_url(server, "kaders")) as page:
        card = page.locator('[data-testid="stMainBlockContainer"] h3').filter(has_text=re.compile("|".join(map(re.escape, names))))
        first = card.first.inner_text().strip()
        grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
        for row in (2, 0):
            with rerunning(page):
                page.mouse.click(grid["x"] + 60, grid["y"] + HEADER_PX + ROW_PX * row + ROW_PX / 2)
            shown = card.first.inner_text().strip()
            assert shown in names
            assert f"indicator={names[shown]}" in page.url
            assert page.get_by_role("combobox", name=texts.SUMMARY_PICK).input_value() == shown
            if row:
                assert shown != first  # another row, another card
        assert shown == first  # the first row: the card the page opened with


def test_the_overview_tiles_show_their_more_link_whole_and_the_buttons_sit_at_the_right(server, browser):
    """A new user saw "Meei": the tile's link was cut by a column narrower than the word. The report
    button sat under the share button at a third of the width instead of beside or right under it."""
    with opened(browser, demo_url(server, "")) as page:
        page.set_viewport_size({"width": 1280, "height": 900})  # a laptop: the tiles narrower than at 1440
        settle(page)
        cut = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stMainBlockContainer] [data-testid=stPageLink]')]
            .filter(link => link.innerText.includes('Meer')).map(link => {
                const word = link.querySelector('p') || link;
                const right = word.getBoundingClientRect().right;
                let clips = 0;  // boxes that hide part of the word: too narrow inside, or ending left of it
                for (let box = word; box; box = box.parentElement) {
                    if (getComputedStyle(box).overflowX === 'visible') continue;
                    if (box.scrollWidth > box.clientWidth + 1 && link.contains(box)) clips++;
                    else if (right > box.getBoundingClientRect().right + 1) clips++;
                }
                return clips;
            })""")
        assert cut == [0, 0, 0, 0]  # one link per lever tile, none cut
        share = page.locator('[data-testid="stPopover"]').filter(has_text="Deel deze weergave").bounding_box()
        report = page.locator('[data-testid="stDownloadButton"]').filter(has_text="Rapport").bounding_box()
        same_row = abs(report["y"] - share["y"]) <= 2
        if same_row:  # beside it, to its right
            assert report["x"] >= share["x"] + share["width"]
        else:  # under it, flush right as it is
            assert abs((report["x"] + report["width"]) - (share["x"] + share["width"])) <= 2
