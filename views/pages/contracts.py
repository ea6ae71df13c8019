"""Contracten: the contract cycle of a region (ahead.md §3), for the decision to continue, adjust or end.

Per contract its facts, a timeline (start, evaluation moments, end, extension limit, today), the figures
of its providers for the last twelve months, the actions of its term, and the evaluatiepakket. Below,
the funding forms compared per 1,000 youths on one matched period. Everything comes from views.cache
(figures.Figures); this page only lays it out.
"""

from __future__ import annotations

import streamlit as st

from auth.pages import CONTRACTEN
from levers.contracts import ContractTerm, data_end, last_twelve_months, recent_period, timeline
from views import cache, charts, components, documents_ui, filters, session
from views.plain import plain
from wording import contracts as words
from wording import fmt

PARAM = "contract"  # the chosen contract in the URL: the Overzicht links here with it

rights = session.rights_for_page(CONTRACTEN)
scope, period = filters.sidebar(rights, providers=False)
today = filters.today()
st.title(f"{words.PAGE_TITLE} {scope.region}")
st.caption(words.PAGE_CAPTION.format(region=scope.region))
terms = {term.contract_id: term for term in cache.contracts(rights, scope.regions)}
if not terms:
    st.info(words.NONE.format(region=scope.region))
    st.stop()


def pick() -> ContractTerm:
    """The contract picker, bound to `?contract=`."""
    wanted = st.query_params.get(PARAM)
    if st.session_state.get("contract_pick") not in terms:
        st.session_state["contract_pick"] = wanted if wanted in terms else next(iter(terms))
    code = st.selectbox(words.PICK, list(terms), key="contract_pick",
                        format_func=lambda c: f"{c} · {terms[c].lot} · {words.FUNDING[terms[c].funding]}")
    st.query_params[PARAM] = code
    return terms[code]


term = pick()
documents_ui.evaluation_buttons(rights, term.contract_id, key="contract_pack")
card = cache.figures(rights).provider_card(term.provider) if term.provider else None

facts, line = st.columns([2, 3], gap="large")
with facts:
    st.markdown("  \n".join(f"**{label}:** {plain(value)}"
                             for label, value in words.facts(term, card.name if card else term.provider, today)))
with line:
    moments = [(m.kind, words.moment_label(m.kind, m.day), m.day) for m in timeline(term, today)]
    components.chart(charts.contract_timeline(moments, words.TIMELINE), words.TIMELINE, key="contract_timeline")

recent = recent_period(term, data_end(today))
st.subheader(words.FIGURES.format(period=fmt.period_label(recent)))
for region in [region for region in term.regions if rights.may_see_region(region)]:
    if len(term.regions) > 1:
        st.markdown(f"**{plain(region)}**")
    components.results_table(cache.indicators(rights, term.scope(region), recent))

st.subheader(words.ACTIONS)
rows = [row for row in cache.contract_dialogue(rights, term, today) if row.action]
if not rows:
    st.markdown(words.NO_ACTIONS)
else:
    st.dataframe(words.action_table(rows), hide_index=True, width="stretch")

matched = last_twelve_months(data_end(today))
st.subheader(words.FUNDING_TITLE.format(period=fmt.period_label(matched)))
st.caption(words.FUNDING_CAPTION)
compared = cache.funding_comparison(rights, matched)
if compared:
    st.dataframe(words.funding_table(compared), hide_index=True, width="stretch")
else:
    st.markdown(words.FUNDING_NONE)
