"""The page registry: which file renders which page, and the pages a role may open.

The router builds `st.navigation` from `pages(rights)` alone, so a page a role may not see is
neither in the menu nor reachable by its URL. Which role sees which page is decided in auth/pages.py.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from auth.pages import pages_for
from auth.rights import Rights
from wording import texts

ROOT = Path(__file__).resolve().parent.parent  # the folder of dashboard.py: page paths are relative to it
PAGE_FILES = {
    "overzicht": "views/pages/overview.py",
    "gedeelde_waarden": "views/pages/shared_values.py",
    "kaders": "views/pages/boundaries.py",
    "data": "views/pages/diagnostics.py",
    "interactie": "views/pages/interaction.py",
    "partner": "views/pages/partner.py",
    "scenario": "views/pages/scenario.py",
    "contracten": "views/pages/contracts.py",
    "uploaden": "views/pages/upload.py",
    "beheer": "views/pages/admin.py",
}
DEFAULT_PAGE = "overzicht"
LEVER_PAGES = {
    "shared_values": "gedeelde_waarden",
    "boundaries": "kaders",
    "diagnostics": "data",
    "interaction": "interactie",
}


def page_file(key: str) -> str:
    return PAGE_FILES[key]


def unknown_page(pages: list[st.Page]) -> str | None:
    """The page name a URL asks for when no page of this role has it, else None.

    The request is then turned into one for the default page, so Streamlit does not show its own
    English "Page not found" dialog; the router says it in Dutch instead (issue 11).
    """
    context = get_script_run_ctx()
    manager = context.pages_manager if context else None
    wanted = manager.intended_page_name if manager else None
    if not wanted or manager.intended_page_script_hash or wanted in {page.url_path for page in pages}:
        return None
    manager.set_script_intent("", "")  # the default page, served at "/"
    return None if wanted == DEFAULT_PAGE else wanted  # /overzicht is the default page by its name


def pages(rights: Rights) -> list[st.Page]:
    """The pages of this user's role, in menu order (a page whose file is not there yet is left out)."""
    return [
        st.Page(PAGE_FILES[key], title=texts.NAV_TITLES[key], icon=texts.NAV_ICONS[key], url_path=key,
                default=key == DEFAULT_PAGE)
        for key in pages_for(rights.role)
        if key in PAGE_FILES and (ROOT / PAGE_FILES[key]).exists()
    ]
