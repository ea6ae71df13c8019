"""The Beheer page's contract form: one contract entered in the app, stored exactly like a `contracten` file.

Widgets only. The row goes through data.ingest.load.load_rows, so it meets the same contract (known regions and
provider, the term rule on the evaluation moments), the same replace key (contract_id: entering an id
again replaces that contract), the same upload record and the same audit entry.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from auth.rights import Rights
from data.ingest.load import load_rows
from levers.contracts import FUNDING_FORMS
from levers.scope import LOTS
from views import cache, db
from views.plain import plain
from views.session import actor
from wording import contracts as words
from wording import texts

_FLASH = "contract_flash"


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def contract_form(rights: Rights) -> None:
    if message := st.session_state.pop(_FLASH, None):
        st.success(message, icon=":material/check_circle:")
    regions = cache.regions(rights)
    providers = {code: name for region in regions for code, name in cache.providers(rights, region)}
    st.caption(words.FORM_INTRO)
    with st.form("admin_contract", clear_on_submit=False):
        contract_id = st.text_input(words.FORM_ID, max_chars=40, placeholder="CX-2027-01")
        chosen = st.multiselect(words.FACT_REGIONS, regions, placeholder=words.FORM_REGIONS_PLACEHOLDER)
        lot = st.selectbox(words.FACT_LOT, LOTS)
        provider = st.selectbox(words.FACT_PROVIDER, ["", *providers],
                                format_func=lambda code: f"{code} — {providers[code]}" if code else words.EVERY_PROVIDER)
        funding = st.selectbox(words.FACT_FUNDING, FUNDING_FORMS, format_func=words.FUNDING.get)
        start, end, extension = st.columns(3)
        start_day = start.date_input(words.FORM_START, value=None, format="DD-MM-YYYY")
        end_day = end.date_input(words.FORM_END, value=None, format="DD-MM-YYYY")
        extension_day = extension.date_input(words.FACT_EXTENSION, value=None, format="DD-MM-YYYY")
        moments = st.text_input(words.FORM_MOMENTS, placeholder="01-04-2028/01-10-2028", help=words.FORM_MOMENTS_HELP)
        agreements = st.text_area(words.FACT_AGREEMENTS, max_chars=500)
        submitted = st.form_submit_button(words.FORM_SAVE, type="primary")
    if not submitted:
        return
    row = {"contract_id": contract_id, "regio": "/".join(chosen), "perceel": lot, "aanbieder": provider,
           "bekostiging": funding, "startdatum": _day(start_day), "einddatum": _day(end_day),
           "verlenging_tot": _day(extension_day), "evaluatiemomenten": moments, "afspraken": agreements}
    with db.writing() as con:
        report = load_rows(con, "contracten", [row], source=words.FORM_SOURCE.format(contract=contract_id.strip()),
                           uploader=actor())
    if report.errors:
        lines = [f"- {texts.DIALOGUE_ERROR.format(column=plain(e.column), message=plain(e.message))}"
                 for e in report.errors]
        st.error("\n".join([texts.DIALOGUE_REFUSED, *lines]))
        return
    st.session_state[_FLASH] = words.FORM_SAVED.format(contract=plain(contract_id.strip()))
    st.rerun()
