"""The door of the dashboard: the login screens, the demo switcher and the user box in the sidebar.

`gate()` is called by the router before the navigation exists: nobody identified → a login screen
(local form or OIDC button) or the "geen toegang" page, and the run stops there, so no page and no
menu is ever drawn for an unknown visitor. Who is who is decided in views/session.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from auth import accounts
from auth.rights import ROLES, Rights
from views import db, navigation, session
from views.plain import plain
from wording import texts

_FORM = "login_form"
_EVERY_PAGE = Rights("beheerder")  # only to name every page before anyone is known


def gate() -> Rights:
    """The rights of this session; draws the login (and stops) when nobody is identified yet."""
    _demo_from_link()
    identity = session.identify()
    session.audit_oidc_once(identity)
    if identity.rights is None:
        # Every page, hidden and none of them run: a link to /beheer stays the asked-for page across
        # the login, and the navigation after it decides whether this user may open it.
        st.navigation(navigation.pages(_EVERY_PAGE), position="hidden")
        if identity.source == session.OIDC:
            no_access(identity)
        elif session.is_oidc_configured():
            oidc_login()
        else:
            login_form()
        st.stop()
    if identity.source == session.DEMO:
        demo_switcher()
    else:
        user_box(identity)
    return identity.rights


def login_form() -> None:
    """E-mail and password; a wrong combination or a locked account is told in plain Dutch."""
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(texts.LOGIN_TITLE)
        st.markdown(texts.LOGIN_INTRO)
        with st.form(_FORM, clear_on_submit=True):  # the password does not linger in the widget
            email = st.text_input(texts.LOGIN_EMAIL, autocomplete="username", max_chars=254)
            password = st.text_input(texts.LOGIN_PASSWORD, type="password", autocomplete="current-password",
                                     max_chars=accounts.MAX_PASSWORD_BYTES)
            submitted = st.form_submit_button(texts.LOGIN_SUBMIT, type="primary", icon=":material/login:")
        if submitted:
            _try_login(email, password)
        st.caption(texts.LOGIN_HELP)


def _try_login(email: str, password: str) -> None:
    if not email.strip() or not password:
        st.error(texts.LOGIN_FAILED, icon=":material/error:")
        return
    with db.reading() as con:  # authenticate appends to the audit log and counts failures
        rights = accounts.authenticate(con, email, password)
        locked = None if rights else accounts.locked_until(con, email)
    if rights is not None:
        session.log_in(rights)
        st.rerun()
    if locked is not None:
        minutes = max(1, math.ceil((locked - accounts.utc_now()).total_seconds() / 60))
        st.error(texts.LOGIN_LOCKED.format(attempts=accounts.MAX_FAILED_ATTEMPTS,
                                           minutes=f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"),
                 icon=":material/lock_clock:")
    else:
        st.error(texts.LOGIN_FAILED, icon=":material/error:")


def oidc_login() -> None:
    """One button per identity provider configured under `[auth]` (or the single default one)."""
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(texts.LOGIN_TITLE)
        st.markdown(texts.OIDC_INTRO)
        named = [name for name, value in st.secrets["auth"].items() if isinstance(value, Mapping)]
        for provider in named or [None]:
            label = texts.OIDC_LOGIN if len(named) < 2 else f"{texts.OIDC_LOGIN} ({provider})"
            st.button(label, type="primary", icon=":material/login:", on_click=st.login, args=(provider,),
                      key=f"oidc_login_{provider or 'default'}")


def no_access(identity: session.Identity) -> None:
    """An OIDC identity without an account: nothing of the monitor, only the way out."""
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(texts.NO_ACCESS_TITLE)
        st.warning(texts.NO_ACCESS.format(email=plain(identity.email)), icon=":material/block:")
        if st.button(texts.LOGOUT, icon=":material/logout:", key="logout"):
            session.log_out(identity)


def user_box(identity: session.Identity) -> None:
    """Who is logged in, where they look, and the logout button."""
    rights = identity.rights
    where = ", ".join(rights.regions) or texts.ALL_REGIONS
    with st.sidebar:
        email = (rights.email or "—").replace("@", "\u2060@")  # a word joiner: plain text, not a mailto link
        st.caption(texts.LOGGED_IN_AS.format(email=email, role=texts.ROLE_LABELS[rights.role]))
        st.caption(texts.LOGGED_IN_WHERE.format(regions=where))
        if st.button(texts.LOGOUT, icon=":material/logout:", key="logout", type="tertiary"):
            session.log_out(identity)


def demo_switcher() -> None:
    """The Demomodus banner and the role switcher: look as each role would (no accounts exist yet)."""
    role, region, provider = session.demo_choice()
    state = st.session_state
    state[session.DEMO_ROLE] = role  # the checked values, set before the widgets are drawn
    with st.sidebar.container(border=True):
        st.warning(texts.DEMO_BANNER, icon=":material/science:")
        st.caption(texts.DEMO_BANNER_HELP)
        st.selectbox(texts.DEMO_ROLE, ROLES, key=session.DEMO_ROLE, format_func=texts.ROLE_LABELS.get)
        if region is not None:
            state[session.DEMO_REGION] = region
            st.selectbox(texts.DEMO_REGION, session.demo_regions(role), key=session.DEMO_REGION)
        if provider is not None:
            names = dict(session.demo_providers(region))
            state[session.DEMO_PROVIDER] = provider
            st.selectbox(texts.DEMO_PROVIDER, list(names), key=session.DEMO_PROVIDER, format_func=names.get)
    _demo_to_link(session.demo_choice())


# The demo switcher's choice in the URL, so a reload (a new session) keeps the role it showed.
_DEMO_PARAMS = (session.DEMO_ROLE, session.DEMO_REGION, session.DEMO_PROVIDER)


def _demo_from_link() -> None:
    """Seed the switcher from the URL in a new session; demo_choice checks the values, and only demo mode reads them."""
    for key in _DEMO_PARAMS:
        if key not in st.session_state and key in st.query_params:
            st.session_state[key] = st.query_params[key]


def _demo_to_link(choice: tuple[str, str | None, str | None]) -> None:
    for key, value in zip(_DEMO_PARAMS, choice):
        if value is None or value == session.DEMO_DEFAULT_ROLE:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != value:
            st.query_params[key] = value
