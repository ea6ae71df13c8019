"""Login and Beheer in a real browser (headless Chromium), with screenshots to look at.

A server on the small fixture database with three local accounts (so no demo mode): the login form,
the lock-out message after five wrong passwords, the Beheer page of a beheerder, and a bestuurder
who asks for /beheer by URL and gets the Overzicht. Each page load is a new Streamlit session, so
every test logs in on the page it opens. Screenshots go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import duckdb
import pytest

from auth import accounts
from tests.fixtures.browser import dashboard_server, opened, photograph, require_chromium, rerunning
from tests.fixtures.small_db import build_small_db

require_chromium()

PASSWORD = "correct paard batterij 42"
OCTOBER = "regio=IJmond&periode=2026-10"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = build_small_db(tmp_path_factory.mktemp("browser_access") / "access.duckdb")
    con = duckdb.connect(str(path))
    try:
        accounts.add_account(con, "beheer@regio.nl", "beheerder", PASSWORD, actor="cli:test")
        accounts.add_account(con, "wethouder@ijmond.nl", "bestuurder", PASSWORD, regions=["IJmond"], actor="cli:test")
        accounts.add_account(con, "slot@ijmond.nl", "contractmanager", PASSWORD, regions=["IJmond"], actor="cli:test")
    finally:
        con.close()
    with dashboard_server(path) as url:
        yield url


def _log_in(page, email: str, password: str, *, succeeds: bool = True) -> None:
    """Log in through the form; a login that succeeds runs the script twice (st.rerun)."""
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    with rerunning(page, runs=2 if succeeds else 1):
        page.get_by_role("button", name="Inloggen").click()


def _h1(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def test_the_login_form_is_all_a_visitor_sees(server, browser):
    with opened(browser, f"{server}/?{OCTOBER}") as page:
        assert _h1(page) == "Inloggen"
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        assert page.locator('[data-testid="stMetric"], [data-testid="stDataFrame"]').count() == 0
        photograph(page, "inloggen")


def test_five_wrong_passwords_show_the_lock_out_message(server, browser):
    with opened(browser, f"{server}/?{OCTOBER}") as page:
        for _ in range(accounts.MAX_FAILED_ATTEMPTS):
            _log_in(page, "slot@ijmond.nl", "niet het wachtwoord", succeeds=False)
        assert "tijdelijk geblokkeerd" in page.locator('[data-testid="stAlert"]').first.inner_text()
        photograph(page, "inloggen_geblokkeerd")


def test_a_beheerder_logs_in_on_the_beheer_page(server, browser):
    with opened(browser, f"{server}/beheer") as page:
        _log_in(page, "beheer@regio.nl", PASSWORD)
        assert _h1(page) == "Beheer"
        assert "beheer@regio.nl" in page.locator('[data-testid="stSidebar"]').inner_text().replace("\u2060", "")
        photograph(page, "beheer_auditlog")
        with rerunning(page):
            page.get_by_role("tab", name="Gebruikers").click()
        assert page.get_by_text("Gebruiker toevoegen").is_visible()
        photograph(page, "beheer_gebruikers")
        with rerunning(page):
            page.get_by_role("tab", name="Normen").click()
        photograph(page, "beheer_normen")


def test_a_bestuurder_asking_for_beheer_by_url_gets_the_overview(server, browser):
    with opened(browser, f"{server}/beheer?{OCTOBER}") as page:
        _log_in(page, "wethouder@ijmond.nl", PASSWORD)
        assert _h1(page).startswith("Jeugdhulp IJmond")
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Overzicht" in nav and "Beheer" not in nav and "Uploaden" not in nav
        photograph(page, "beheer_als_bestuurder")
