"""Beheer (beheerder only): the audit log, the users and their roles, the norms in force.

Account changes go through auth.accounts, exactly as the `python -m data users` CLI does, so the
same checks apply and every change is written to the audit log with this beheerder as actor.
"""

from __future__ import annotations

import streamlit as st

from auth import accounts
from auth.pages import BEHEER
from auth.rights import ROLES, Rights
from data.store import audit, users
from levers.norms import norms_in_force
from views import cache, db, filters
from views.plain import plain
from views.admin_tables import audit_table, norms_table, users_table
from views.exports_ui import download_buttons
from views.session import actor, rights_for_page
from wording import texts

AUDIT_LIMIT = 500
_FLASH = "admin_flash"  # the outcome of the last account change, shown once after the rerun


def audit_log() -> None:
    with db.reading() as con:
        kinds = audit.actions(con)
    left, right = st.columns(2)
    action = left.selectbox(texts.AUDIT_ACTION, ("", *kinds), key="audit_action",
                            format_func=lambda a: texts.AUDIT_ACTIONS.get(a, a) if a else texts.AUDIT_ALL)
    who = right.text_input(texts.AUDIT_ACTOR, key="audit_actor", placeholder=texts.AUDIT_ACTOR_PLACEHOLDER)
    with db.reading() as con:
        rows = audit.entries(con, action=action or None, actor=who.strip() or None, limit=AUDIT_LIMIT)
    st.caption(texts.AUDIT_LATEST.format(limit=AUDIT_LIMIT))
    if rows.empty:
        st.info(texts.AUDIT_EMPTY)
        return
    table = audit_table(rows)
    st.dataframe(table, hide_index=True, width="stretch")
    download_buttons(table, "auditlog", key="audit")


def _provider_names(rights: Rights) -> dict[str, str]:
    """Every provider of every region: code → name."""
    return {code: name for region in cache.regions(rights) for code, name in cache.providers(rights, region)}


def _change(change, message: str) -> None:
    """Run an account change; a Dutch reason when it is refused, else a rerun that shows the new list."""
    try:
        with db.reading() as con:  # a small write of its own; no cached figure depends on accounts
            change(con)
    except accounts.AccountError as refused:
        st.error(texts.USER_REFUSED.format(reason=plain(refused)), icon=":material/block:")
        return
    st.session_state[_FLASH] = message
    st.rerun()


def user_list(rights: Rights) -> None:
    if message := st.session_state.pop(_FLASH, None):
        st.success(message, icon=":material/check_circle:")
    with db.reading() as con:
        known = users.list_accounts(con)
    if known:
        st.dataframe(users_table(known, accounts.utc_now()), hide_index=True, width="stretch")
    else:
        st.info(texts.USERS_NONE)
    add_user(rights)
    remove_user(rights, [account.email for account in known])


def add_user(rights: Rights) -> None:
    providers = _provider_names(rights)
    with st.expander(texts.USER_ADD, icon=":material/person_add:"), st.form("admin_add_user", clear_on_submit=True):
        st.caption(texts.USER_ADD_HELP)
        email = st.text_input(texts.LOGIN_EMAIL, max_chars=254)
        role = st.selectbox(texts.USER_ROLE, ROLES, format_func=texts.ROLE_LABELS.get)
        regions = st.multiselect(texts.USER_REGIONS, cache.regions(rights), placeholder=texts.USER_REGIONS_PLACEHOLDER,
                                 select_all=False)
        codes = st.multiselect(texts.USER_PROVIDERS, list(providers), placeholder=texts.USER_PROVIDERS_PLACEHOLDER,
                               select_all=False,
                               format_func=lambda code: f"{code} — {providers[code]}")
        password = st.text_input(texts.LOGIN_PASSWORD, type="password", autocomplete="new-password")
        repeated = st.text_input(texts.USER_PASSWORD_REPEAT, type="password", autocomplete="new-password")
        submitted = st.form_submit_button(texts.USER_ADD_BUTTON, type="primary")
    if not submitted:
        return
    if password != repeated:
        st.error(texts.USER_PASSWORDS_DIFFER, icon=":material/block:")
        return
    _change(lambda con: accounts.add_account(con, email, role, password, regions=regions, providers=codes,
                                             actor=actor()),
            texts.USER_ADDED.format(email=accounts.normalise_email(email), role=texts.ROLE_LABELS[role]))


def remove_user(rights: Rights, emails: list[str]) -> None:
    others = [email for email in emails if email != rights.email]
    if not others:
        return
    with st.expander(texts.USER_REMOVE, icon=":material/person_remove:"), st.form("admin_remove_user"):
        st.caption(texts.USER_REMOVE_SELF)
        email = st.selectbox(texts.USER_REMOVE_PICK, others)
        sure = st.checkbox(texts.USER_REMOVE_CONFIRM)
        submitted = st.form_submit_button(texts.USER_REMOVE_BUTTON)
    if submitted and sure:
        _change(lambda con: accounts.remove_account(con, email, actor=actor()),
                texts.USER_REMOVED.format(email=email))


def norms(rights: Rights) -> None:
    last = filters.last_full_month().end.year
    year = st.segmented_control(texts.NORM_YEAR, [last - 2, last - 1, last, last + 1], default=last,
                                required=True, key="norms_year")
    st.caption(texts.NORM_INTRO)
    st.caption(texts.NORM_REGIONS)  # the norms table has no region column: say where they apply
    with db.reading() as con:
        rows = norms_in_force(con, year)
    table = norms_table(rows, _provider_names(rights))
    st.dataframe(table, hide_index=True, width="stretch", height="content",  # a provider's name in full
                 column_config={texts.NORM_COLUMNS["provider"]: st.column_config.TextColumn(width="medium")})
    download_buttons(table, f"normen_{year}", key="norms")


rights = rights_for_page(BEHEER)
st.title(texts.ADMIN_TITLE)
st.caption(texts.ADMIN_INTRO)
log_tab, users_tab, norms_tab = st.tabs(texts.ADMIN_TABS, key="admin_tabs", on_change="rerun")
if log_tab.open:
    with log_tab:
        audit_log()
if users_tab.open:
    with users_tab:
        user_list(rights)
if norms_tab.open:
    with norms_tab:
        norms(rights)
