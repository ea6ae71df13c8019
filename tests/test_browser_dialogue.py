"""Recording a conversation in Chromium after switching provider on the Partner page (issue 11).

"Met wie" used to keep the provider first shown, so a session was stored against the wrong one.
The stored row is read from the snapshot the writer publishes after the save (the server process
holds the database file itself).
"""

from __future__ import annotations

import duckdb
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from data.store import snapshots
from tests.fixtures.browser import FOLLOW_UP_MS, demo_url, opened, require_chromium, rerunning

require_chromium()

SUBJECT = "browsertest wachttijden"


def _pick(page, select, option: str | None = None) -> str:
    """Open a Streamlit select box or multiselect and click `option` (or the second one); its text.

    The list can be drawn again while it opens (the form's table editor loads beside it), so a click
    is checked by the chosen text in the field, and made again only when it did not take (a second
    click on a multiselect's option would take it out again).
    """
    for _ in range(3):
        if not page.get_by_role("option").first.is_visible():
            select.click()
        options = page.get_by_role("option")
        chosen = options.filter(has_text=option).first if option else options.nth(1)
        try:  # a click that fell on the field while it was drawn again opens nothing: click once more
            options.first.wait_for(timeout=10_000)
            text = chosen.inner_text(timeout=5000).strip()
            chosen.click(timeout=5000)
        except PlaywrightTimeout:
            continue
        if _shows(select, text):
            return text
    raise AssertionError(f"{option or 'the second option'} could not be chosen")


def _shows(select, text: str, tries: int = 10) -> bool:
    """Whether the field shows `text` as chosen (a select box's input, a multiselect's tag)."""
    for _ in range(tries):
        if text in select.inner_text() or text == select.locator("input").first.input_value():
            return True
        select.page.wait_for_timeout(200)
    return False


def test_a_session_recorded_after_switching_provider_is_stored_against_that_provider(server, browser, demo_db):
    with opened(browser, demo_url(server, "partner")) as page:
        main = page.locator('[data-testid="stMainBlockContainer"]')
        with rerunning(page):
            provider = _pick(page, main.locator('[data-testid="stSelectbox"]').first)  # another provider
        main.get_by_text("Gesprek vastleggen").click()
        form = main.locator('[data-testid="stForm"]').filter(has_text="Met wie")
        assert form.locator('[data-testid="stSelectbox"] input').first.input_value() == provider  # "Met wie"
        _pick(page, form.locator('[data-testid="stMultiSelect"]').first, "Wachtlijst")
        page.keyboard.press("Escape")
        form.get_by_label("Onderwerp").fill(SUBJECT)
        with rerunning(page, runs=2):  # a saved session ends its run in st.rerun()
            form.get_by_role("button", name="Opslaan").click()
        # the run after the save says so; on a busy machine it can come after the page first settles
        expect(main).to_contain_text("Vastgelegd", timeout=FOLLOW_UP_MS * 3)
    with duckdb.connect(str(snapshots.published(demo_db)), read_only=True) as con:
        stored = con.execute("select distinct p.name from dialogues as d join providers as p using (provider) "
                             "where d.subject = $subject", {"subject": SUBJECT}).fetchall()
    assert stored == [(provider,)]
