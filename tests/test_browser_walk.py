"""A new user's walk (issue 23, acceptance): every page of every demo role, at 1280 and 390 px wide, in one
Chromium on the one demo dashboard the other browser tests use, looking for two things a reader trips on:

- English on screen: visible words (and input placeholders) from a list of English interface words,
  outside ALLOWED below, which says why each one stays;
- clipped text: an element holding text whose content is wider than its box (scrollWidth > clientWidth)
  where the overflow is hidden or cut with an ellipsis, so part of a word is not seen.

Every role at 1280 px; at 390 px every role too, each page once where roles see it alike (NARROW_PAGES).
One tab per width; the pages are opened one after another in it (the figures are computed once, on the
first role, and read from the cache after that). Screenshots go to tests/screenshots/walk_*.png.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest

from auth.pages import pages_for
from auth.rights import ROLES
from tests.fixtures.browser import SCREENSHOTS, _COUNT_RUNS, require_chromium, settle
from views.filters import last_full_month

require_chromium()

WIDTHS = (1280, 390)
# English interface words Streamlit writes by itself; none of them is also a Dutch word on these pages
# (so not "data", "open", "per", "status", "menu", "of", "is", "in", "op", nor "upload", Dutch for an upload).
ENGLISH = frozenset("""
the and with from your you please select choose option options browse drag drop files file limit none
search show hide columns fullscreen download press enter apply submit results clear delete settings rerun
deploy close print record about yes cancel save edit error warning click here yyyy mm dd mb kb
""".split())
# What Streamlit shows in English and offers no setting for, with the reason; keep it short. None of these
# shows while the walk looks (they appear on hover, on a click or in a table drawn on a canvas), so they
# are listed for the reader of this test and so that a later walk that opens them knows why they stay.
ALLOWED = {
    "Please": "data editor: 'Please fill out this cell.' on an empty required cell; no option for the text",
    "fill": "data editor: 'Please fill out this cell.' (as above)",
    "cell": "data editor: 'Please fill out this cell.' (as above)",
    "Select": "data editor: 'Select…' in a selectbox cell's drop-down; SelectboxColumn has no placeholder",
    "Search": "table toolbar on hover (Search, Download, Fullscreen): its labels cannot be set",
    "Fullscreen": "table toolbar on hover (as above)",
    "Download": "table toolbar on hover (as above)",
    "Show": "table toolbar on hover: 'Show/hide columns' (as above)",
    "hide": "table toolbar on hover: 'Show/hide columns' (as above)",
    "columns": "table toolbar on hover: 'Show/hide columns' (as above)",
}
_SIZE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:MB|KB|B)\b")  # "100MB per file", "356.0B": an English size

# Visible text (innerText leaves out what CSS hides) and placeholders of the main area and the sidebar.
# Material icons are ligatures (the word "download" drawn in an icon font) and text set in size 0 is not
# seen (views/components.py puts Dutch in place of the uploader's English that way): both are hidden while
# reading. A placeholder counts only when it shows, in an empty field.
_TEXT = """() => {
  const icons = [...document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')]
    .filter(element => { const style = getComputedStyle(element);
                         return style.fontFamily.includes('Material') || style.fontSize === '0px'; });
  icons.forEach(icon => { icon.dataset.walkDisplay = icon.style.display; icon.style.display = 'none'; });
  const parts = [...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]')]
    .map(element => element.innerText);
  icons.forEach(icon => { icon.style.display = icon.dataset.walkDisplay; });
  for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (input.offsetParent !== null && input.value === '') parts.push(input.placeholder);
  }
  return parts.join('\\n');
}"""
# Elements with a text node of their own whose text is cut: wider than their box, overflow not shown.
_CLIPPED = """() => {
  const cut = [];
  for (const element of document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')) {
    const own = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
    if (!own || element.offsetParent === null || element.clientWidth === 0) continue;
    if (element.closest('[data-testid="stDataFrame"], [data-testid="stTable"], .js-plotly-plot, code, pre')) continue;
    const style = getComputedStyle(element);
    const hidden = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (hidden && element.scrollWidth > element.clientWidth + 1) cut.push(element.innerText.trim().slice(0, 60));
  }
  return cut;
}"""


def english_words(text: str) -> list[str]:
    """The English interface words (and English file sizes) in a text, outside ALLOWED."""
    found = [word for word in re.findall(r"[A-Za-z]+", text) if word.casefold() in ENGLISH]
    found += _SIZE.findall(text)
    return sorted({word for word in found if word not in ALLOWED})


def test_the_word_list_finds_streamlits_english_and_spares_dutch():
    assert english_words("Select… · Choose an option · 100MB per file · Browse files") == [
        "100MB", "Browse", "Choose", "MB", "file", "files", "option"]  # "Select" is allowed (ALLOWED says why)
    assert english_words("Data en informatie · open · per gemeente · 1 of 2 · status · Menu · laatste upload") == []


# At 390 px every role, but each page once where a role sees it as another already walked does: the
# beheerder sees every page, the aanbieder its own view of them; the contractmanager's own forms (notes on
# the lever pages, the dialogue, uploads, process changes on Beheer) and the bestuurder's read-only
# Overzicht and Interactie (no forms) are walked too. The figures are read from the cache by then, so
# these six pages add little to the walk.
NARROW_PAGES = {
    "beheerder": None,  # None: every page of the role
    "aanbieder": None,
    "contractmanager": ("overzicht", "gedeelde_waarden", "interactie", "uploaden", "beheer"),
    "bestuurder": ("overzicht", "interactie"),
}
assert set(NARROW_PAGES) == set(ROLES)


def _pages(role: str, width: int) -> tuple[str, ...]:
    """The pages walked for `role` at `width`: all of them at 1280 px, NARROW_PAGES at 390 px."""
    narrow = NARROW_PAGES[role] if width < 1000 else None
    return tuple(key for key in pages_for(role) if narrow is None or key in narrow)


def _walk(page, server: str, width: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    english, clipped = {}, {}
    for role in ROLES:
        for key in _pages(role, width):
            params = {"demo_rol": role, "periode": last_full_month().label}  # the role's own demo region
            page.goto(f"{server}/{'' if key == 'overzicht' else key}?{urlencode(params)}")
            settle(page)
            where = f"{role} {key} {width}px"
            english[where] = english_words(page.evaluate(_TEXT))
            clipped[where] = page.evaluate(_CLIPPED)
            if role in ("contractmanager", "aanbieder") or key in ("uploaden", "beheer") or width < 1000:
                page.screenshot(path=str(SCREENSHOTS / f"walk_{role}_{key}_{width}.png"), full_page=True)
    return english, clipped


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_of_every_role_shows_no_english_and_no_cut_text(server, browser, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="nl-NL")
    page.add_init_script(_COUNT_RUNS)
    try:
        english, clipped = _walk(page, server, width)
    finally:
        page.close()
    found = {"english": {k: v for k, v in english.items() if v}, "clipped": {k: v for k, v in clipped.items() if v}}
    (SCREENSHOTS / f"walk_{width}.json").write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    assert {where: words for where, words in english.items() if words} == {}
    assert {where: texts for where, texts in clipped.items() if texts} == {}
