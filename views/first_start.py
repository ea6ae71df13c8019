"""The first start: a progress bar while the demo database is built, shown before the heavy imports.

On a fresh clone the first visitor would otherwise look at a blank page while Python imports pandas,
plotly and the levers, and then while DuckDB builds the demo (issue 14: < 10 s to the Overzicht).
The bar appears as soon as the router runs; meanwhile a background thread imports what the first page
needs and loads the Dutch locale data, so that work overlaps the build (DuckDB releases the GIL).
"""

from __future__ import annotations

import importlib
import threading

import streamlit as st

from data.store.db import db_path
from views import db
from wording import texts

# What the router and the Overzicht import anyway (plotly, pandas, the levers, babel's formats).
WARM_MODULES = ("views.components", "views.login", "views.navigation", "views.cache", "views.charts",
                "views.filters", "views.documents_ui", "views.notes_ui", "wording.fmt", "wording.sentences")


def demo_if_missing() -> None:
    """Build the demo database under a progress bar when there is no database yet."""
    if db_path().exists():
        return
    bar = st.progress(0.0, text=texts.DEMO_BUILDING)
    if db.exists():  # a read-only process that reads a published snapshot
        bar.empty()
        return
    # numpy and DuckDB first, so the two threads import apart
    import data.demo.build  # noqa: F401, PLC0415  lazy: 0.35 s CPU, only for a first start

    warm = threading.Thread(target=_warm_up, name="first-start-imports", daemon=True)
    warm.start()
    db.ensure_demo(lambda fraction, message: bar.progress(min(max(fraction, 0.0), 1.0), text=message))
    warm.join()
    bar.empty()


def _warm_up() -> None:
    """Import the first page's modules and load the nl_NL locale data (month names, number formats)."""
    for name in WARM_MODULES:
        importlib.import_module(name)
    from babel import Locale  # noqa: PLC0415

    Locale.parse("nl_NL").months  # noqa: B018  (loads and caches the locale data)
