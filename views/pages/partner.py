"""Partner: one provider against its norms and its peers; its waiting list, dialogue log, open actions and agenda.

For a contract manager preparing a conversation. A provider user only ever picks its own code and
sees its peers anonymously (levers.compare via views.cache). Issue 6 adds recording a session to
the dialogue section (`dialogue()`), which is kept as its own function for that reason.
"""

from __future__ import annotations

import streamlit as st

from auth.pages import PARTNER
from auth.rights import Rights
from levers.catalogue import LEVER_NAMES, LEVERS
from levers.partner import ProviderCard, may_compare_peers, own_scope, peer_scope
from levers.scope import Period, Scope
from views import cache, components, dialogue_ui, documents_ui, filters, navigation, session
from views.plain import plain
from views.exports_ui import download_buttons, file_stem
from views.partner_tables import dialogue_table, peers_table
from views.waiting_ui import waiting_section
from wording import agenda as agenda_words
from wording import fmt, sentences, texts

_PARAM = "partner"  # the chosen provider in the URL, so a link opens the same provider


def pick_provider(rights: Rights, region: str | tuple[str, ...]) -> ProviderCard | None:
    """The provider picker, bound to `?partner=`; None when there is nobody to pick."""
    options = dict(cache.providers(rights, region))
    if not options:
        st.info(texts.PARTNER_NONE)
        return None
    wanted = st.query_params.get(_PARAM)
    if st.session_state.get("partner_provider") not in options:
        st.session_state["partner_provider"] = wanted if wanted in options else next(iter(options))
    code = st.selectbox(texts.PARTNER_PICK, list(options), format_func=options.get, key="partner_provider")
    st.query_params[_PARAM] = code
    return cache.figures(rights).provider_card(code)


def introduce(card: ProviderCard) -> None:
    role = texts.PARTNER_ROLES.get(card.role, card.role)
    st.markdown(f"**{plain(card.name)}** · {texts.PARTNER_LOTS.get(card.lot, card.lot)} · {plain(role)}")
    facts = [texts.PARTNER_CONSORTIUM.format(name=plain(card.consortium))] if card.consortium else []
    facts.append(texts.PARTNER_CERTIFICATE.format(day=fmt.day(card.certificate_valid_until))
                 if card.certificate_valid_until else texts.PARTNER_NO_CERTIFICATE)
    st.caption(" · ".join(facts))


def levers(rights: Rights, card: ProviderCard, scope: Scope, period: Period) -> None:
    """All four levers for the provider, as tiles: every indicator against its norm."""
    st.subheader(texts.PARTNER_LEVERS)
    own = cache.indicators(rights, own_scope(scope, card), period)
    for row in (LEVERS[:2], LEVERS[2:]):
        for column, lever in zip(st.columns(2), row):
            with column, st.container(border=True):
                st.markdown(f"**{LEVER_NAMES[lever]}**")
                components.lines_table([r for r in own if r.lever == lever])


@st.fragment  # choosing another lever redraws the comparison only
def peers(rights: Rights, card: ProviderCard, scope: Scope, period: Period, stem: str) -> None:
    """The provider next to the others in its perceel, one lever at a time (computed when chosen)."""
    compared = peer_scope(scope, card)
    st.subheader(texts.PARTNER_PEERS.format(lots=texts.LOT_LABELS[compared.lot]))
    lever = st.segmented_control(texts.PARTNER_PEERS_LEVER, LEVERS, format_func=LEVER_NAMES.get,
                                 default=LEVERS[0], required=True, key="partner_peers_lever")
    rows = cache.by_provider(rights, compared, period, lever)
    if not may_compare_peers(len(rows) - 1, anonymous=rights.is_provider):
        st.caption(texts.PARTNER_PEERS_TOO_FEW if rights.is_provider and rows else texts.PARTNER_PEERS_NONE)
        return
    if rights.is_provider:
        st.caption(texts.PARTNER_PEERS_ANONYMOUS)
    st.dataframe(peers_table(rows, card.code, for_screen=True), hide_index=True, width="stretch",
                 column_config={texts.PARTNER_PICK: st.column_config.TextColumn(pinned=True, width=260)})
    download_buttons(peers_table(rows, card.code, for_screen=False), f"{stem}_{navigation.LEVER_PAGES[lever]}",
                     key="partner_peers")  # kaders, not boundaries: file names are Dutch


def dialogue(rights: Rights, card: ProviderCard, scope: Scope, period: Period, stem: str) -> None:
    """Open actions first (what to follow up), then the conversations of the last year."""
    st.subheader(texts.PARTNER_DIALOGUE)
    log = dialogue_ui.read_log(rights, own_scope(scope, card), period)
    if log is None:
        return
    st.markdown(f"**{texts.PARTNER_ACTIONS}**")
    if log.open_actions.empty:
        st.caption(texts.PARTNER_ACTIONS_NONE)
    else:
        if log.overdue_count:
            st.warning(texts.PARTNER_ACTIONS_OVERDUE.format(
                count=fmt.count(log.overdue_count), total=fmt.count(len(log.open_actions)),
                verb="is" if log.overdue_count == 1 else "zijn"),
                icon=":material/schedule:")
        _rows(dialogue_table(log.open_actions, actions=True), f"{stem}_acties", "partner_actions")
        dialogue_ui.mark_done(rights, dialogue_ui.recording_region(scope), log.open_actions, key="partner")
    st.markdown(f"**{texts.PARTNER_SESSIONS}**")
    if log.sessions.empty:
        st.caption(texts.PARTNER_SESSIONS_NONE)
    else:
        _rows(dialogue_table(log.sessions), f"{stem}_dialoog", "partner_sessions")
    dialogue_ui.session_form(rights, dialogue_ui.recording_region(scope), {card.code: card.name}, default_provider=card.code, key="partner")


def _rows(table, stem: str, key: str) -> None:
    dialogue_ui.show_log(table)
    download_buttons(table, stem, key=key)


def agenda(rights: Rights, card: ProviderCard, scope: Scope, period: Period) -> None:
    st.subheader(texts.PARTNER_AGENDA)
    st.caption(texts.PARTNER_AGENDA_INTRO)
    items = cache.agenda(rights, own_scope(scope, card), period)
    results = {r.code: r for r in cache.indicators(rights, own_scope(scope, card), period)}
    if not items:
        st.markdown(texts.PARTNER_AGENDA_NONE)
    for number, item in enumerate(items, start=1):
        st.markdown(texts.PARTNER_AGENDA_ITEM.format(
            number=number, badge=components.badge_markdown(item.status), name=item.name,
            value=fmt.value(item), norm=fmt.norm(results[item.code]), theme=item.theme, theme_name=item.theme_name))
        st.caption(agenda_words.reason(item))
    dialogue_ui.agenda_to_rows(rights, dialogue_ui.recording_region(scope), card.code, items, key="partner")
    documents_ui.documents(rights, own_scope(scope, card), period, key="partner", council=False)


rights = session.rights_for_page(PARTNER)
scope, period = filters.sidebar(rights, providers=False)
st.title(texts.PARTNER_TITLE)
st.caption(f"{sentences.header(scope.region, period, scope, dict(cache.municipalities(scope.regions)))} · {texts.PARTNER_INTRO}")
card = pick_provider(rights, scope.regions)
if card is None:
    st.stop()
introduce(card)
page_stem = file_stem("partner", card.code, scope.region, period.label)
levers(rights, card, scope, period)
waiting_section(rights, own_scope(scope, card), period, key="partner")
peers(rights, card, scope, period, page_stem)
dialogue(rights, card, scope, period, page_stem)
agenda(rights, card, scope, period)
