"""The Overzicht's contract notice (ahead.md §3): an evaluation or end date from 90 days before it, each with a
link to that contract on the Contracten page."""

from __future__ import annotations

import streamlit as st

from auth.pages import CONTRACTEN, may_see_page
from auth.rights import Rights
from levers.contracts import due
from views import cache, filters, navigation
from wording import contracts as words


def due_notice(rights: Rights, regions: tuple[str, ...], link: dict[str, list[str]]) -> None:
    """One line per evaluation or end date within 90 days: the sentence and `Evaluatie over 60 dagen` as a link."""
    if not may_see_page(rights.role, CONTRACTEN):
        return
    moments = due(cache.contracts(rights, regions), filters.today())
    if not moments:
        return
    with st.container(border=True, gap="small"):
        st.markdown(f"**{words.DUE_TITLE}**")
        for moment in moments:
            sentence, button = st.columns([3, 2], vertical_alignment="center")
            sentence.markdown(words.due_sentence(moment))
            with button:
                st.page_link(navigation.page_file(CONTRACTEN), label=words.due_link(moment),
                             icon=":material/event:", query_params={**link, "contract": moment.contract_id})
