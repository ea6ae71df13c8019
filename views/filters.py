"""The sidebar selection (regions, municipalities, perceel, providers, period), bound to the URL.

Several regions together are one joint scope (a joint procurement such as IJmond + Zuid-Kennemerland).
The URL holds the whole selection (`?regio=IJmond&regio=Zuid-Kennemerland&perceel=complex&periode=2026-10`),
written after every run, so a copied link reopens the same view. A link is read when it differs from
what this session wrote last (a new tab, a pasted link); otherwise the widgets hold the truth.
Every value from a link is checked against what the user may choose: an unknown or forbidden value
falls back to the default silently, and the result is narrowed by the rights once more.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import streamlit as st

from auth.rights import Rights
from levers.catalogue import CATALOGUE
from levers.freshness import Freshness
from levers.scope import LOTS, Period, PeriodKind, Scope
from views import cache
from views.plain import plain
from wording import fmt, texts
from wording import signals as signal_words

PARAMS = ("regio", "gemeente", "perceel", "aanbieder", "periode")
_LIST_PARAMS = ("regio", "gemeente", "aanbieder")
# plain strings: the segmented control's options (a half-year is a national figure's period, not picked)
KINDS = tuple(kind.value for kind in PeriodKind if kind != PeriodKind.HALF_YEAR)
# how many complete periods a user can pick
_HISTORY = {PeriodKind.MONTH: 48, PeriodKind.QUARTER: 16, PeriodKind.YEAR: 5}
_STEP = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}  # months between two periods of a kind
_BOTH = "beide"
_KEY = "filter_{}".format  # widget keys: filter_regio, filter_soort, ...
_SAVED = "_filters_saved"  # the last selection, for pages without the sidebar in between
_WRITTEN = "_filters_written"  # the URL parameters this session wrote last
_PERIODS = "_filters_periods"  # per period kind: the period left, for switching back (see _after_switch)
_FROM_LINK = "_filters_from_link"  # (asked, read) of a link just opened, to say what it ignored


@dataclass(frozen=True)
class Selection:
    """What the sidebar shows; `scope` is only built from it after the rights are applied."""

    regions: tuple[str, ...]  # one, or several: a joint scope
    municipalities: tuple[str, ...]
    lot: str | None
    providers: tuple[str, ...]
    period: Period

    def __post_init__(self) -> None:
        regions = (self.regions,) if isinstance(self.regions, str) else tuple(self.regions)
        object.__setattr__(self, "regions", tuple(sorted(set(regions))))

    def query_params(self) -> dict[str, str | list[str]]:
        return {
            "regio": list(self.regions),
            "gemeente": list(self.municipalities),
            "perceel": self.lot or _BOTH,
            "aanbieder": list(self.providers),
            "periode": self.period.label,
        }


def today() -> date:
    return date.today()


def last_full_month(day: date | None = None) -> Period:
    """The month before the current one: the default period."""
    first = (day or today()).replace(day=1)
    return Period.month(first.year, first.month).shifted(-1)


def running_month(day: date | None = None) -> Period:
    """The month of today: offered too, so that a session recorded today can be seen (issue 23)."""
    first = (day or today()).replace(day=1)
    return Period.month(first.year, first.month)


def period_options(kind: str, day: date | None = None, start: date | None = None) -> tuple[str, ...]:
    """Complete months, quarters or years up to the last full month, newest first (labels); months
    start with the running month, which the picker labels as such (its incomplete kinds are named below).
    With the data's `start`, no period that ends before it (its figures would be empty, issue 23); the
    newest complete period stays even then, so a kind is never without a choice."""
    last = last_full_month(day)
    running = (running_month(day).label,) if kind == PeriodKind.MONTH else ()
    newest = {
        PeriodKind.MONTH: last,
        PeriodKind.QUARTER: Period.parse(f"{last.end.year}-K{(last.end.month + 2) // 3}"),
        PeriodKind.YEAR: Period.parse(str(last.end.year)),
    }[kind]
    if newest.end > last.end:  # the current quarter or year is not complete yet
        newest = newest.shifted(-_STEP[kind])
    history = [newest.shifted(-_STEP[kind] * back) for back in range(_HISTORY[kind])]
    kept = history[:1] + [period for period in history[1:] if start is None or period.end >= start]
    return running + tuple(period.label for period in kept)


def parse_period(text: str | None, day: date | None = None, start: date | None = None) -> Period | None:
    """A period from a link, if it is one the user could have picked; else None."""
    try:
        period = Period.parse(text or "")
    except ValueError:
        return None
    return period if period.label in period_options(period.kind, day, start) else None


def read_selection(params: dict[str, list[str]], regions: tuple[str, ...], default_region: str,
                   day: date | None = None) -> Selection:
    """A valid Selection from URL parameters: anything unknown or not allowed becomes the default
    (a region that is not allowed is left out; none left: the default region)."""
    chosen = tuple(dict.fromkeys(region for region in params.get("regio", []) if region in regions))
    chosen = chosen or (default_region,)
    allowed_municipalities = {code for code, _ in cache.municipalities(chosen)}
    lot = _first(params, "perceel")
    return Selection(
        regions=chosen,
        municipalities=tuple(code for code in params.get("gemeente", []) if code in allowed_municipalities),
        lot=lot if lot in LOTS else None,
        providers=tuple(params.get("aanbieder", [])),  # checked against the options when the widget is drawn
        period=parse_period(_first(params, "periode"), day, cache.data_start()) or last_full_month(day),
    )


def sidebar(rights: Rights, *, providers: bool = True) -> tuple[Scope, Period]:
    """Draw the selection in the sidebar; the scope it returns is already narrowed by the rights."""
    regions = cache.regions(rights)
    if not regions:
        st.error(texts.NO_REGION)
        st.stop()
    default_region = next((r for r in rights.regions if r in regions), regions[0])
    names = PARAMS if providers else tuple(name for name in PARAMS if name != "aanbieder")
    _seed(names, regions, default_region)
    with st.sidebar:
        st.subheader(texts.FILTERS_TITLE)
        selection = _widgets(rights, regions, default_region, providers)
    _tell_ignored(selection)
    _write_url(selection, names)
    scope = rights.narrow(Scope(selection.regions, selection.municipalities, selection.lot, selection.providers))
    if scope is None:  # cannot happen with the options above; never show anything then
        st.stop()
    with st.sidebar:  # every page with figures says up to when its data run (signals.md §4)
        data_dates(cache.freshness(rights, scope, selection.period), selection.period)
    return scope, selection.period


def data_dates(fresh: Freshness | None, period: Period) -> None:
    """The data date of each kind and what a period after it leaves incomplete (signals.md §4)."""
    if fresh is None:
        return
    st.caption(signal_words.data_dates_text(fresh.kinds, fresh.last_upload))
    names = {entry.code: entry.short_name or entry.name for entry in CATALOGUE}
    if incomplete := signal_words.incomplete_text(fresh.incomplete(period), names, fmt.period_label(period)):
        st.caption(incomplete)


def ignored_from_link(asked: dict[str, list[str]], shown: Selection) -> list[str]:
    """What of a link's selection is not shown (unknown, or not for this user), in Dutch words."""
    chosen = shown.query_params()
    ignored = []
    for name in PARAMS:
        kept = chosen[name] if isinstance(chosen[name], list) else [chosen[name]]
        for value in dict.fromkeys(asked.get(name, [])):
            if value not in kept and not (name == "perceel" and value == _BOTH):
                ignored.append(texts.LINK_IGNORED_ITEM.format(name=name, value=value[:40]))
    return ignored


def _tell_ignored(selection: Selection) -> None:
    """Once, after a link was read: say in Dutch which of its values were not used, instead of silence."""
    asked = st.session_state.pop(_FROM_LINK, None)
    if asked is None:
        return
    if ignored := ignored_from_link(asked[0], selection):
        st.warning(texts.LINK_IGNORED.format(items=plain(", ".join(ignored))), icon=":material/link_off:")


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name) or []
    return values[-1] if values else None


def _url_params(names: tuple[str, ...]) -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in names if st.query_params.get_all(name)}


def _seed(names: tuple[str, ...], regions: tuple[str, ...], default_region: str) -> None:
    """Put a link's selection (or the saved one) into the widgets before they are drawn."""
    url = _url_params(names)
    if url and url != st.session_state.get(_WRITTEN):
        selection = read_selection(url, regions, default_region)
        _set_widgets(selection)
        st.session_state[_FROM_LINK] = (url, selection)  # what was asked and what is shown: told below
    elif _KEY("regio") not in st.session_state:
        saved = st.session_state.get(_SAVED)
        _set_widgets(saved or read_selection({}, regions, default_region))


def _set_widgets(selection: Selection) -> None:
    state = st.session_state
    state[_KEY("regio")] = list(selection.regions)
    state[_KEY("gemeente")] = list(selection.municipalities)
    state[_KEY("perceel")] = selection.lot or _BOTH
    state[_KEY("aanbieder")] = list(selection.providers)
    state[_KEY("soort")] = str(selection.period.kind)  # a plain string: Streamlit coerces an Enum value
    state[_KEY("periode")] = selection.period.label


def _keep_valid(key: str, options: list[str] | tuple[str, ...], fallback) -> None:
    """Set the widget's value before it is drawn, dropping what is no longer an option (another region).

    Assigning it on every run also carries the value over to the same widget on another page.
    """
    value = st.session_state.get(key)
    if isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    else:
        st.session_state[key] = value if value in options else fallback


def _widgets(rights: Rights, regions: tuple[str, ...], default_region: str, show_providers: bool) -> Selection:
    _keep_valid(_KEY("regio"), regions, [default_region])
    if not st.session_state[_KEY("regio")]:  # a scope has at least one region: emptied, it is the default again
        st.session_state[_KEY("regio")] = [default_region]
    region = tuple(sorted(st.multiselect(texts.REGION, regions, key=_KEY("regio"), help=texts.REGION_HELP,
                                         placeholder=texts.REGIONS_PLACEHOLDER, select_all=False)))
    names = dict(cache.municipalities(region))
    _keep_valid(_KEY("gemeente"), list(names), [])
    municipalities = st.multiselect(texts.MUNICIPALITIES, list(names), key=_KEY("gemeente"),
                                    format_func=names.get, placeholder=texts.MUNICIPALITIES_PLACEHOLDER,
                                    select_all=False)  # Streamlit's "Select all" is English
    _keep_valid(_KEY("perceel"), list(texts.LOT_OPTIONS), _BOTH)
    lot = st.selectbox(texts.LOT, list(texts.LOT_OPTIONS), key=_KEY("perceel"), format_func=texts.LOT_OPTIONS.get)
    saved = st.session_state.get(_SAVED)
    providers = list(saved.providers) if saved and saved.regions == region else []  # kept while hidden
    if show_providers:
        provider_names = dict(cache.providers(rights, region, None if lot == _BOTH else lot))  # the perceel's
        _keep_valid(_KEY("aanbieder"), list(provider_names), [])
        providers = st.multiselect(texts.PROVIDERS, list(provider_names), key=_KEY("aanbieder"),
                                   format_func=provider_names.get, placeholder=texts.PROVIDERS_PLACEHOLDER,
                                   select_all=False)
    period = _period_widgets()
    selection = Selection(region, tuple(municipalities), None if lot == _BOTH else lot, tuple(providers), period)
    st.session_state[_SAVED] = selection
    return selection if show_providers else replace(selection, providers=())


def _period_widgets() -> Period:
    _keep_valid(_KEY("soort"), KINDS, PeriodKind.MONTH.value)
    kind = st.segmented_control(texts.PERIOD_KIND, KINDS, key=_KEY("soort"), required=True,
                                format_func=texts.PERIOD_KINDS.get)
    options = period_options(kind, start=cache.data_start())
    current = st.session_state.get(_KEY("periode"))  # after another kind: the period holding its end
    _keep_valid(_KEY("periode"), options, _after_switch(current, kind, options))
    label = st.selectbox(texts.PERIOD, options, key=_KEY("periode"), format_func=period_choice)
    return Period.parse(label)


def period_choice(label: str, day: date | None = None) -> str:
    """`oktober 2026`, and `december 2026 (lopende maand)` for the month not yet over."""
    period = Period.parse(label)
    shown = fmt.period_label(period)
    return texts.PERIOD_RUNNING.format(period=shown) if period == running_month(day) else shown


def _after_switch(current: str | None, kind: str, options: tuple[str, ...]) -> str:
    """The period shown after switching to `kind`: the one chosen there before when the other kind's
    period was left as it was switched to (Maand → Jaar → Maand keeps the month), else the one holding
    the end of `current`."""
    memory = st.session_state.setdefault(_PERIODS, {})
    kept = memory.get(str(kind))  # (period of this kind, the period the other kind showed when it was left)
    chosen = kept[0] if kept and kept[0] in options and kept[1] == current else _containing(current, kind, options)
    try:
        left = Period.parse(current or "").kind
    except ValueError:
        return chosen
    if str(left) != str(kind):  # keyed by the plain word: an enum member and its word hash differently
        memory[str(left)] = (current, chosen)
    return chosen


def _containing(label: str | None, kind: str, options: tuple[str, ...]) -> str:
    try:
        end = Period.parse(label or "").end
    except ValueError:
        return options[0]
    for option in options:
        period = Period.parse(option)
        if period.start <= end <= period.end:
            return option
    return options[0]


def _write_url(selection: Selection, names: tuple[str, ...]) -> None:
    """Put the whole selection in the URL (only our own parameters; others are left alone)."""
    written: dict[str, list[str]] = {}
    for name, value in selection.query_params().items():
        values = value if isinstance(value, list) else [value]
        if name not in names:
            continue
        if values:
            written[name] = values
            if st.query_params.get_all(name) != values:
                st.query_params[name] = values if name in _LIST_PARAMS else values[0]
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state[_WRITTEN] = written


def last_region() -> str | None:
    """The (first) region of this session's last selection, if any (a new demo role starts there)."""
    saved = st.session_state.get(_SAVED)
    return saved.regions[0] if saved else None


def link_params() -> dict[str, list[str]]:
    """The URL parameters of the current selection: for a share link or a link to another page."""
    return dict(st.session_state.get(_WRITTEN, {}))


def selection_caption(rights: Rights, scope: Scope) -> str:
    """`Gemeenten: Velsen · Aanbieders: alle aanbieders`: the part of the selection the header omits."""
    municipalities = dict(cache.municipalities(scope.regions))
    providers = dict(cache.providers(rights, scope.regions))
    chosen_municipalities = plain(", ".join(municipalities.get(c, c) for c in scope.municipalities))
    if rights.is_provider and scope.providers:  # its own figures: its own name
        own = plain(", ".join(providers.get(c, c) for c in scope.providers))
        chosen_providers = (texts.SELECTION_PROVIDER if len(scope.providers) == 1 else texts.SELECTION_PROVIDERS
                            ).format(names=own)
    elif rights.is_provider:  # the region's total, not "alle aanbieders" it could pick from
        chosen_providers = texts.SELECTION_REGION_TOTAL
    else:
        named = plain(", ".join(providers.get(c, c) for c in scope.providers))
        chosen_providers = texts.SELECTION_PROVIDERS.format(names=named or texts.ALL_PROVIDERS)
    return " · ".join((
        texts.SELECTION_MUNICIPALITIES.format(names=chosen_municipalities or texts.ALL_MUNICIPALITIES),
        chosen_providers,
    ))
