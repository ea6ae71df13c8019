"""One renderer for the four lever pages (issue 26): a summary table of every indicator of the lever,
the rows needing attention first, and below it the card of the one indicator chosen: value, norm,
status, definition, its 24-month trend and its comparison per municipality and per provider.
Only that one card is drawn: the others are not sent to the browser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from levers.catalogue import LEVER_NAMES, definition
from levers.chart_model import trend_model
from levers.compare import ComparisonRow
from levers.national import NationalFigure, NationalPair
from levers.notes import Note, of_indicator
from levers.registry import pick
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.series import Series
from views import baseline, cache, charts, components, filters, lever_table, navigation, notes_form, notes_ui, session
from views.exports_ui import file_stem
from wording import fmt, sentences, texts
from wording import notes as note_words
from wording import signals as signal_words
from wording.summary import summary_rows

TABS_KEY = "tabs_{}".format  # per indicator: which tab is open (only that one is drawn)


@dataclass(frozen=True)
class National:
    """What a card shows of the national figures: the pair on P's comparison period (by code), every
    national figure for the trend's segments, and the scope's name for the pair's words."""

    pairs: dict[str, NationalPair]
    rows: tuple[NationalFigure, ...]
    scope_name: str


def render(lever: str) -> tuple[Scope, Period]:
    """Draw the page of `lever` for the current user and selection; return that selection."""
    rights = session.rights_for_page(navigation.LEVER_PAGES[lever])
    scope, period = filters.sidebar(rights)
    frozen = baseline.control()
    results = cache.indicators(rights, scope, period, lever)
    series = {item.code: item for item in cache.series(rights, scope, period, lever, frozen)}
    comparisons = {  # computed for the whole lever when a comparison tab is first opened
        texts.TAB_MUNICIPALITIES: lambda: cache.by_municipality(rights, scope, period, lever),
        texts.TAB_PROVIDERS: lambda: cache.by_provider(rights, scope, period, lever),
    }
    stem = _file_stem(lever, scope, period)
    pairs = cache.national_pairs(rights, scope, period)
    national = National(pairs, cache.national_rows(), sentences.scope_name(scope, dict(cache.municipalities(scope.regions))))

    st.title(LEVER_NAMES[lever])
    st.caption(f"{sentences.header(scope.region, period, scope, dict(cache.municipalities(scope.regions)))} · {filters.selection_caption(rights, scope)}")
    st.markdown(texts.LEVER_INTROS[lever])
    st.subheader(texts.SUMMARY_TITLE)
    st.caption(texts.SUMMARY_INTRO.format(period=fmt.period_label(period)))
    _summary_and_card(lever, results, series, comparisons, period, stem, national,
                      notes_ui.of_scope(rights, scope, period))
    notes_form.section(rights, scope, period, lever)
    return scope, period


@st.fragment  # choosing a row reruns the table and its card only, not the page's other sections
def _summary_and_card(lever: str, results: tuple[IndicatorResult, ...], series: dict[str, Series],
                      comparisons: dict[str, Callable[[], tuple[ComparisonRow, ...]]], period: Period, stem: str,
                      national: National, notes: tuple[Note, ...]) -> None:
    rows = summary_rows(results, series)
    code = lever_table.chosen(rows, lever)
    lever_table.table(rows, lever)
    components.result_exports(results, stem, key=f"{lever}_summary")
    lever_table.choose(rows, lever)
    _indicator(pick(results, code), series.get(code), comparisons, period, f"{stem}_{code}",
               national, of_indicator(notes, code))


@st.fragment  # opening a tab reruns the card only, not the table above it
def _indicator(result: IndicatorResult, series: Series | None,
               comparisons: dict[str, Callable[[], tuple[ComparisonRow, ...]]], period: Period, stem: str,
               national: National | None = None, notes: tuple[Note, ...] = ()) -> None:
    with st.container(border=True):
        name, about = st.columns([5, 1], vertical_alignment="center")
        name.subheader(result.name, anchor=result.code)
        with about:
            components.definition(result.code)
        value, norm, status = st.columns([2, 2, 3], vertical_alignment="center")
        value.metric(texts.VALUE, signal_words.value_text(result))
        norm.metric(texts.NORM, _norm(result))
        with status:
            components.badge(result)
            if series is not None:
                provisional = bool(series.points) and series.points[-1].is_provisional
                components.signal_icons(result, series.variation, signal_words.PROVISIONAL_RECENT if provisional else "")
            notes_ui.icon(notes)
        if national is not None and (pair := national.pairs.get(result.code)) is not None:
            components.national_line(pair, national.scope_name)
        trend, municipalities, providers = st.tabs([texts.TAB_TREND, texts.TAB_MUNICIPALITIES, texts.TAB_PROVIDERS],
                                                   key=TABS_KEY(result.code), on_change="rerun")
        if trend.open:
            with trend:
                _trend(result, series, period, notes, national.rows if national else ())
        if municipalities.open:
            with municipalities:
                _comparison(result, comparisons[texts.TAB_MUNICIPALITIES](), texts.MUNICIPALITY, f"{stem}_gemeenten")
        if providers.open:
            with providers:
                _comparison(result, comparisons[texts.TAB_PROVIDERS](), texts.PROVIDER, f"{stem}_aanbieders")


def _norm(result: IndicatorResult) -> str:
    return fmt.norm(result) if result.norm is not None else texts.NO_NORM


def _trend(result: IndicatorResult, series: Series | None, period: Period, notes: tuple[Note, ...] = (),
           national: tuple[NationalFigure, ...] = ()) -> None:
    if series is None or not series.points:
        st.info(texts.NOTHING_TO_COMPARE)
        return
    title = sentences.trend_title(result.unit, series)
    model = trend_model(series, result.unit, note_words.hover(notes) if notes else None, national)
    figure = charts.trend(model, title, result.name)
    components.chart(figure, f"{result.name}: {title}", key=f"trend_{result.code}")
    st.caption(definition(result.code).description)


def _comparison(result: IndicatorResult, rows: tuple[ComparisonRow, ...], label: str, stem: str) -> None:
    if label == texts.MUNICIPALITY and definition(result.code).is_region_level:
        st.info(texts.REGION_FIGURE_NOT_PER_MUNICIPALITY)  # providers and dialogues report per region
        return
    pairs = [(row.name, pick(row.results, result.code)) for row in rows]
    if not pairs:
        st.info(texts.NOTHING_TO_COMPARE)
        return
    title = sentences.comparison_title(pairs)
    components.chart(charts.comparison(pairs, result.unit, title, f"{result.name} — {label.lower()}", result.norm),
                     f"{result.name}: {title}", key=f"bars_{stem}")
    st.caption(definition(result.code).description)
    components.table_with_exports([r for _, r in pairs], stem, key=stem, labels=[name for name, _ in pairs],
                                  label_column=label)


def _file_stem(lever: str, scope: Scope, period: Period) -> str:
    """`kaders_ijmond_2026-10`: a safe file name."""
    return file_stem(navigation.LEVER_PAGES[lever], scope.region, period.label)
