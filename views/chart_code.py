"""The browser starts loading its chart code when a page opens, not when the first chart arrives.

Streamlit's browser code loads plotly (one 4.7 MB module) only when a chart element reaches the
page; the Overzicht's chart is its last element, so after a start the browser fetched, parsed and
ran plotly only once the script had finished: ~1 s added to the first page (issue 14, < 3 s with an
existing database). The router sends a tiny script first that imports that module at once, so the
browser prepares plotly while Python still computes; when the chart comes, the module is loaded.
"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

_MARK = "jm-chart-code"
# Imports Streamlit's own plotly module by its file name, next to the page's main module (so behind
# a proxy path too); a failure only means the chart loads it later, as before. The style hides the
# element, which would otherwise take a row's gap at the top of the page.
_LOADER = """<span id="%(mark)s"></span><style>.stElementContainer:has(#%(mark)s) { display: none; }</style>
<script>
(() => {
  const main = document.querySelector('script[type="module"][src*="static/js/index."]');
  const base = main ? main.src : new URL("static/js/", document.baseURI).href;
  import(new URL("./%(chunk)s", base).href).catch(() => {});
})();
</script>"""


@functools.cache
def _plotly_chunk() -> str | None:
    """The file name of Streamlit's plotly module (it has a content hash), or None if there is none."""
    found = sorted((Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return found[0].name if found else None


def load_early() -> None:
    """Send the script that starts loading the chart code (every run: the browser loads it once)."""
    chunk = _plotly_chunk()
    if chunk is not None:
        st.html(_LOADER % {"mark": _MARK, "chunk": chunk}, unsafe_allow_javascript=True)
