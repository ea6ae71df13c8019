"""Procesbreuken on the Beheer page: the changes recorded for the user's regions, and a form to record
one (signals.md §3a). The form's entry is stored through the `procesbreuken` load path
(data.ingest.process_change_entry), with the same checks and audit entry as an uploaded file; a contract
manager records changes of their own regions only.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from auth.rights import Rights
from data.ingest.process_change_entry import record_change
from levers.catalogue import CATALOGUE
from levers.process_changes import region_changes
from views import cache, db
from views.admin_tables import changes_table
from views.plain import plain
from wording import texts

_FLASH = "process_change_flash"  # the outcome of the last entry, shown once after the rerun


def own_regions(rights: Rights) -> tuple[str, ...] | None:
    """The regions a contract manager may record changes for; None: a beheerder, any region."""
    return tuple(rights.regions) if rights.role == "contractmanager" else None


def process_changes(rights: Rights, actor: str) -> None:
    """The recorded changes of the visible regions, then the form."""
    st.caption(texts.CHANGES_INTRO)
    if message := st.session_state.pop(_FLASH, None):
        st.success(message, icon=":material/check_circle:")
    regions = cache.regions(rights)
    with db.reading() as con:
        recorded = [(region, change) for region in regions for change in region_changes(con, region)]
    if recorded:
        st.dataframe(changes_table(recorded), hide_index=True, width="stretch")
    else:
        st.info(texts.CHANGES_NONE)
    change_form(rights, regions, actor)


def change_form(rights: Rights, regions: tuple[str, ...], actor: str) -> None:
    names = {entry.code: entry.name for entry in CATALOGUE}
    with st.form("process_change_form", clear_on_submit=True):
        st.markdown(f"**{texts.CHANGES_ADD}**")
        region = st.selectbox(texts.CHANGES_COLUMNS["region"], regions)
        day = st.date_input(texts.CHANGES_COLUMNS["day"], value=date.today(), format="DD-MM-YYYY")
        indicator = st.selectbox(texts.CHANGES_COLUMNS["indicator"], ("", *names),
                                 format_func=lambda code: names.get(code, texts.CHANGES_ALL_INDICATORS))
        description = st.text_input(texts.CHANGES_COLUMNS["description"], max_chars=120,
                                    placeholder=texts.CHANGES_PLACEHOLDER)
        submitted = st.form_submit_button(texts.CHANGES_BUTTON, type="primary")
    if not submitted or region is None:
        return
    with db.writing() as con:
        report = record_change(con, region=region, day=day, description=description.strip(),
                               indicator=indicator or None, uploader=actor, allowed_regions=own_regions(rights))
    if report.errors:
        problems = dict.fromkeys((error.column, error.message) for error in report.errors)
        st.error("\n".join([texts.DIALOGUE_REFUSED, *(
            f"- {texts.DIALOGUE_ERROR.format(column=plain(column), message=plain(message))}"
            for column, message in problems)]), icon=":material/block:")
        return
    st.session_state[_FLASH] = texts.CHANGES_SAVED.format(day=day.strftime("%d-%m-%Y"), region=region)
    st.rerun()
