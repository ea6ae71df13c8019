"""The router's first element starts the browser loading Streamlit's plotly module (views/chart_code.py)."""

import re
from pathlib import Path

import streamlit as st

from views import chart_code

JS_FOLDER = Path(st.__file__).parent / "static" / "static" / "js"


def test_the_plotly_module_named_is_the_one_streamlit_serves():
    name = chart_code._plotly_chunk()
    assert re.fullmatch(r"PlotlyChart\.[\w-]+\.js", name)
    assert (JS_FOLDER / name).stat().st_size > 1_000_000  # plotly itself (4.7 MB in Streamlit 1.67), not a stub


def test_every_page_starts_with_the_hidden_script_that_imports_it(small_app):
    app = small_app(params={"regio": "IJmond", "periode": "2026-10"})
    first = app.get("html")[0].proto
    assert first.unsafe_allow_javascript
    assert f'import(new URL("./{chart_code._plotly_chunk()}"' in first.body
    assert ".stElementContainer:has(#jm-chart-code) { display: none; }" in first.body
