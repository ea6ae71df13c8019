"""Who is looking: the Rights of this session, asked for by the router and every page.

One function, `current_rights()`, so that login (auth/) plugs in here and nowhere else.
Until then the dashboard runs in demo mode as beheerder. Tests inject an identity directly:
`at.session_state[RIGHTS_KEY] = Rights(...)` before the first run.
"""

from __future__ import annotations

import streamlit as st

from auth.rights import Rights

RIGHTS_KEY = "rights"
DEMO_RIGHTS = Rights(role="beheerder")


def current_rights() -> Rights:
    """The injected or logged-in user's rights; the demo beheerder otherwise."""
    injected = st.session_state.get(RIGHTS_KEY)
    return injected if isinstance(injected, Rights) else DEMO_RIGHTS


def is_demo() -> bool:
    """True while nobody logged in: the router shows the demo banner."""
    return not isinstance(st.session_state.get(RIGHTS_KEY), Rights)
