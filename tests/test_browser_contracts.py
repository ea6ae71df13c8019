"""A contract manager's walk (issue 25, acceptance): from the Overzicht's "Evaluatie over N dagen" to the
evaluatiepakket in two clicks, in Chromium on the demo dashboard the other browser tests use. The demo's
re-tendered residential contract (RV-2025-01) has an evaluation moment two months after its data end, so the
Overzicht always names it. Screenshot: tests/screenshots/contracten.png."""

from __future__ import annotations

import re

from tests.fixtures.browser import PAGE_TIMEOUT_MS, demo_url, opened, photograph, require_chromium, rerunning
from tests.fixtures.small_demo import pdf_text

require_chromium()


def test_from_the_overviews_evaluation_notice_to_the_pack_in_two_clicks(server, browser):
    with opened(browser, demo_url(server, "", demo_rol="contractmanager", demo_regio="IJmond")) as page:
        link = page.get_by_role("link", name=re.compile(r"Evaluatie over \d+ dagen"))
        assert page.get_by_text(re.compile(r"Evaluatie contract RV-2025-01 op \d+-\d+-\d{4}")).count() == 1
        with rerunning(page):
            link.first.click()  # click 1
            page.wait_for_url("**/contracten**", timeout=PAGE_TIMEOUT_MS)
        assert "contract=RV-2025-01" in page.url
        with page.expect_download(timeout=PAGE_TIMEOUT_MS) as download:
            page.get_by_role("button", name="Evaluatiepakket (PDF)").click()  # click 2
        text = pdf_text(open(download.value.path(), "rb").read())
        assert "Evaluatiepakket contract RV-2025-01" in text and "Advies verlengen" in text
        photograph(page, "contracten")
