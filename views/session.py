"""Who is looking: the Rights of this session, asked for by the router and every page.

Identity, in this order (design.md, "Who sees what"):
1. an identity injected into session state under RIGHTS_KEY (tests do this instead of a login);
2. `st.login` (OIDC) when the deployment's secrets have an `[auth]` section: the e-mail of
   `st.user` is looked up in the account store; an unknown address gets no rights at all;
3. a local login of this session (the e-mail under ACCOUNT_KEY, rights looked up again on every
   run, so a removed account or changed rights take effect at once); it ends after
   `idle_timeout()` without a run (30 minutes unless JEUGDMONITOR_IDLE_MINUTES says otherwise), and
   with the browser tab: a reload starts a new session (OIDC keeps a login across reloads);
4. demo mode, only while the database has never held an account (auth.accounts.is_demo_mode) and
   OIDC is not configured: the rights of the demo role switcher (views/login.py), beheerder by default.
Anything else is nobody: `identify()` returns no rights and the router shows the login.

Why the injected identity cannot be forged: session state is server-side. A browser can only set
the keys of widgets, and no widget uses RIGHTS_KEY or ACCOUNT_KEY (tests/test_access_pages.py checks
every widget of every page); an injected value counts only when it is a real `Rights` object.
Only `identify()` reads the demo switcher's widgets, and only in demo mode.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta

import streamlit as st

from auth import accounts
from auth.pages import may_see_page
from auth.rights import PROVIDER_ROLE, ROLES, Rights
from views import cache, db, filters
from wording import texts

RIGHTS_KEY = "rights"  # an injected identity (tests); never a widget key
ACCOUNT_KEY = "_login_account"  # the e-mail of this session's local login; never a widget key
_AUDITED = "_login_audited"  # the OIDC e-mail whose login (or refusal) is in the audit log already
_SEEN = "_login_seen"  # when this session's local login last ran a page (UTC); never a widget key
IDLE_ENV = "JEUGDMONITOR_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES = 30
DEMO_ROLE, DEMO_REGION, DEMO_PROVIDER = "demo_rol", "demo_regio", "demo_aanbieder"  # the switcher's widgets
DEMO_DEFAULT_ROLE = "beheerder"
DEMO_ACTOR = "demo"
_ALL = Rights(role="beheerder")  # only to list the demo switcher's regions and providers

INJECTED, OIDC, LOCAL, DEMO = "injected", "oidc", "local", "demo"


@dataclass(frozen=True)
class Identity:
    """Who this session is: the rights (None = nobody may look yet) and where they came from."""

    rights: Rights | None
    source: str | None  # INJECTED, OIDC, LOCAL, DEMO; None before any login
    email: str | None = None  # an OIDC address without an account, for the "geen toegang" page


def is_oidc_configured() -> bool:
    """True when the deployment's secrets configure `st.login` (an `[auth]` section)."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def identify() -> Identity:
    """Who is looking; reads state only (no widgets), so every page may ask again in the same run."""
    injected = st.session_state.get(RIGHTS_KEY)
    if isinstance(injected, Rights):
        return Identity(injected, INJECTED)
    if is_oidc_configured():
        if not st.user.is_logged_in:
            return Identity(None, None)
        email = accounts.normalise_email(str(st.user.get("email") or ""))
        verified = st.user.get("email_verified") is not False  # an address the provider did not check: no
        with db.reading() as con:
            rights = accounts.rights_for_email(con, email) if email and verified else None
        return Identity(rights, OIDC, email)
    with db.reading() as con:
        email = st.session_state.get(ACCOUNT_KEY)
        if isinstance(email, str) and not _expired(con, email):
            rights = accounts.rights_for_email(con, email)
            if rights is not None:
                st.session_state[_SEEN] = accounts.utc_now()
                return Identity(rights, LOCAL, email)
        if accounts.is_demo_mode(con):
            return Identity(demo_rights(), DEMO)
    return Identity(None, None)


def idle_timeout() -> timedelta:
    """How long a local login lasts without a page run: JEUGDMONITOR_IDLE_MINUTES, else 30 minutes."""
    minutes = os.environ.get(IDLE_ENV, "").strip()
    return timedelta(minutes=float(minutes) if minutes else DEFAULT_IDLE_MINUTES)


def is_idle(last_seen: datetime | None, now: datetime, timeout: timedelta) -> bool:
    """Whether a login last seen at `last_seen` has been idle longer than `timeout` at `now`."""
    return last_seen is not None and now - last_seen > timeout


def _expired(con, email: str) -> bool:
    """End an idle local login (audited as a logout); True when it ended."""
    if not is_idle(st.session_state.get(_SEEN), accounts.utc_now(), idle_timeout()):
        return False
    accounts.record_logout(con, email, "lokaal: verlopen na inactiviteit")
    for key in (ACCOUNT_KEY, _SEEN):
        st.session_state.pop(key, None)
    return True


def current_rights() -> Rights:
    """The rights of this session; nobody identified → the run stops (the router shows the login)."""
    rights = identify().rights
    if rights is None:
        st.stop()
    return rights


def rights_for_page(page: str) -> Rights:
    """`current_rights()`, checked against the page (defence in depth next to the navigation)."""
    rights = current_rights()
    if not may_see_page(rights.role, page):
        st.error(texts.PAGE_NOT_ALLOWED, icon=":material/block:")
        st.stop()
    return rights


def actor() -> str:
    """Who did it, for the audit log: the e-mail, or 'demo' without one."""
    rights = identify().rights
    return (rights.email if rights else None) or DEMO_ACTOR


# --- login and logout ------------------------------------------------------------------------------

def log_in(rights: Rights) -> None:
    """Remember a successful local login (`auth.accounts.authenticate` has audited it)."""
    st.session_state[ACCOUNT_KEY] = rights.email
    st.session_state[_SEEN] = accounts.utc_now()


def log_out(identity: Identity) -> None:
    """Forget this session's identity and audit the logout; OIDC also ends the provider session."""
    if identity.rights is not None and identity.rights.email:
        with db.reading() as con:  # accounts writes the entry through the one write path
            accounts.record_logout(con, identity.rights.email, identity.source or "")
    for key in (RIGHTS_KEY, ACCOUNT_KEY, _AUDITED, _SEEN):
        st.session_state.pop(key, None)
    if identity.source == OIDC:
        st.logout()
    st.rerun()


def audit_oidc_once(identity: Identity) -> None:
    """Write an OIDC login (or a refused unknown address) to the audit log once per session."""
    if identity.source != OIDC or not identity.email or st.session_state.get(_AUDITED) == identity.email:
        return
    with db.reading() as con:
        if identity.rights is None:
            accounts.record_refusal(con, identity.email, "oidc")
        else:
            accounts.record_login(con, identity.email, "oidc")
    st.session_state[_AUDITED] = identity.email


# --- demo mode -----------------------------------------------------------------------------------

def demo_choice() -> tuple[str, str | None, str | None]:
    """The switcher's (role, region, provider), each checked against what exists; defaults otherwise."""
    state = st.session_state
    role = state.get(DEMO_ROLE)
    role = role if role in ROLES else DEMO_DEFAULT_ROLE
    regions = demo_regions(role)
    if role == DEMO_DEFAULT_ROLE or not regions:
        return DEMO_DEFAULT_ROLE, None, None
    region = next((r for r in (state.get(DEMO_REGION), filters.last_region()) if r in regions), regions[0])
    if role != PROVIDER_ROLE:
        return role, region, None
    providers = [code for code, _ in demo_providers(region)]
    provider = state.get(DEMO_PROVIDER)
    return role, region, provider if provider in providers else providers[0]


def demo_regions(role: str) -> tuple[str, ...]:
    """The regions the switcher offers for `role`: for an aanbieder only those with providers."""
    regions = cache.regions(_ALL)
    return tuple(r for r in regions if demo_providers(r)) if role == PROVIDER_ROLE else regions


def demo_providers(region: str) -> tuple[tuple[str, str], ...]:
    return cache.providers(_ALL, region)


def demo_rights() -> Rights:
    role, region, provider = demo_choice()
    return Rights(role, regions=(region,) if region else (), providers=(provider,) if provider else ())
