"""Overzicht: the four levers on one screen, for an alderman preparing a council meeting."""

import streamlit as st

from auth.pages import OVERZICHT
from levers import deliveries
from levers.catalogue import LEVER_NAMES, LEVERS, definition
from levers.registry import pick
from views import (baseline, cache, charts, components, contracts_ui, documents_ui, filters, lever_table, navigation,
                   notes_ui, session)
from wording import national as national_words
from wording import sentences, texts
from wording import signals as signal_words
from wording.sentences import COMPARED, HEADLINE_CODES, HEADLINES, MAX_SIGNALS

rights = session.rights_for_page(OVERZICHT)
scope, period = filters.sidebar(rights)
frozen = baseline.control()
results = cache.indicators(rights, scope, period)
link = filters.link_params() | baseline.link_params()

# The title gets the whole width, so it stays on one line at 1440 px; the buttons sit by the caption.
st.title(sentences.header(scope.region, period, scope, dict(cache.municipalities(scope.regions))))
selection, share = st.columns([3, 2], vertical_alignment="center")
selection.caption(filters.selection_caption(rights, scope))
with share, st.container(horizontal=True, horizontal_alignment="right", gap="small"):
    components.share_link(link)
    documents_ui.documents(rights, scope, period, key="overview", agenda=False, heading=False,
                          council_label=texts.DOCUMENT_COUNCIL_SHORT)

contracts_ui.due_notice(rights, scope.regions, link)

variations = cache.variations(rights, scope, period, HEADLINE_CODES, frozen)
fresh = cache.freshness(rights, scope, period)
national = cache.national(period)
pairs = cache.national_pairs(rights, scope, period)
name = sentences.scope_name(scope, dict(cache.municipalities(scope.regions)))
notes = notes_ui.of_scope(rights, scope, period)


def tile(lever: str) -> None:
    with st.container(border=True, gap="small", height="stretch"):
        with st.container(horizontal=True, vertical_alignment="center"):  # the link as wide as its word
            st.subheader(LEVER_NAMES[lever])
            st.page_link(navigation.page_file(navigation.LEVER_PAGES[lever]), label=texts.TILE_MORE,
                         icon=":material/arrow_forward:", help=texts.TILE_MORE_HELP, query_params=link)
        for code in HEADLINES[lever]:
            components.indicator_line(pick(results, code), sentences.tile_label(code, period), variations.get(code),
                                      signal_words.provisional_note(fresh, code, period), pairs.get(code), name)
            if amounts := sentences.budget_amounts(pick(results, code)):
                st.caption(amounts)
        notes_ui.icon(notes_ui.of_lever(notes, lever), named=True)
        st.markdown(f"_{sentences.lever_sentence(lever, results, scope)}_")


for row in (LEVERS[:2], LEVERS[2:]):
    for column, lever in zip(st.columns(2), row):
        with column:
            tile(lever)


def signal_list() -> None:
    st.subheader(texts.SIGNALS_TITLE)
    # A provider user's figures are its own already; for everyone else each provider's boundaries too.
    providers = () if rights.is_provider else [
        (row.name, row.results) for row in cache.by_provider(rights, scope, period, "boundaries")]
    due = sentences.signals_with_providers(results, providers)
    if not due:
        st.markdown(texts.SIGNALS_NONE)
    for number, (provider, result) in enumerate(due[:MAX_SIGNALS], start=1):
        name = result.name if provider is None else texts.SIGNAL_OF_PROVIDER.format(name=result.name, provider=provider)
        st.markdown(f"{number}. {components.badge_markdown(result.status)} **{name}** — "
                    f"{sentences.indicator_sentence(result, scope)}")
        st.page_link(navigation.page_file(navigation.LEVER_PAGES[result.lever]), icon=":material/arrow_forward:",
                     label=texts.SIGNAL_OPEN.format(lever=LEVER_NAMES[result.lever]), help=texts.SIGNAL_OPEN_HELP,
                     query_params={**link, lever_table.PARAM: result.code})
    if len(due) > MAX_SIGNALS:
        st.caption(texts.SIGNALS_MORE.format(count=len(due) - MAX_SIGNALS))


@st.fragment  # choosing another indicator redraws this chart only
def compare() -> None:
    st.subheader(texts.COMPARE_TITLE)
    code = st.segmented_control(texts.COMPARE_PICK, COMPARED, default=COMPARED[0], required=True,
                                format_func=lambda code: definition(code).compare_label, key="overview_compare",
                                label_visibility="collapsed")
    rows = [(row.name, row.result) for row in cache.by_municipality(rights, scope, period, code)]
    if len(rows) < 2:
        st.info(texts.COMPARE_SINGLE)
    else:
        entry, shown = definition(code), pick(results, code)
        finding = sentences.comparison_title(rows)
        line = national.get(code)  # the national figure: a reference line, never a norm
        line = line if line is not None and not line.is_earlier else None  # only one of P itself (signals.md §7)
        reference = (national_words.line_label(line, entry.unit), line.value) if line else None
        figure = charts.comparison(rows, entry.unit, finding, entry.name, shown.norm, reference)
        components.chart(figure, f"{entry.name}: {finding}")
        st.caption(entry.description)


if rights.is_provider:  # its own clients per municipality compare nothing (it was an empty chart)
    signal_list()
else:
    signal_column, compare_column = st.columns([2, 3], gap="large")
    with signal_column:
        signal_list()
    with compare_column:
        compare()

_burden = deliveries.burden()
st.caption(f"**{texts.BURDEN_TITLE}** " + texts.BURDEN.format(
    numbers=_burden.numbers, yearly=_burden.yearly, per_region=texts.BURDEN_PER_REGION if _burden.per_region else ""))
