"""The baseline setting of the charts (signals.md §3a), bound to the URL as `?basis=12`.

Default off: limits from every point after the latest process change. With a baseline N the limits
come from the first N valued points after it and stay fixed, as `python -m levers report --baseline N`
does. The value lives in the URL (a copied link keeps it) and in session state (pages without the
control in between keep it); a value from a link that is not one of the options is ignored.
"""

from __future__ import annotations

import streamlit as st

from wording import texts

PARAM = "basis"
OPTIONS = (0, 12, 18)  # 0: off; N ≥ 12 valued points (levers.variation.MIN_POINTS)
_KEY = "filter_basis"


def _from_url() -> int:
    text = st.query_params.get(PARAM)
    return int(text) if text and text.isdigit() and int(text) in OPTIONS else 0


def control() -> int | None:
    """Draw the setting in the sidebar; the chosen baseline (None: off). The URL follows the choice."""
    if _KEY not in st.session_state or st.query_params.get(PARAM) not in (None, str(st.session_state[_KEY])):
        st.session_state[_KEY] = _from_url()  # a new session or a pasted link
    with st.sidebar:
        chosen = st.selectbox(texts.BASELINE, OPTIONS, key=_KEY, format_func=_label, help=texts.BASELINE_HELP)
    if chosen:
        st.query_params[PARAM] = str(chosen)
    elif PARAM in st.query_params:
        del st.query_params[PARAM]
    return chosen or None


def chosen() -> int | None:
    """The baseline chosen with `control` earlier in this run (None: off)."""
    return st.session_state.get(_KEY) or None


def link_params() -> dict[str, list[str]]:
    """The URL parameter of the current choice, for a share link (empty when off)."""
    chosen = st.session_state.get(_KEY) or 0
    return {PARAM: [str(chosen)]} if chosen else {}


def _label(option: int) -> str:
    return texts.BASELINE_OFF if not option else texts.BASELINE_FROZEN.format(n=option)
