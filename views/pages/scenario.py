"""Scenario (ahead.md §2): what a tariff index, volume growth, a shift from residential to family care or a
changed lump sum does to this year's forecast and next year's spending, per gemeente × perceel, before a
council decision or a tariff negotiation. Every setting is in the URL, so a link reopens the same scenario."""

from __future__ import annotations

import streamlit as st

from auth.pages import SCENARIO
from levers.scenario import LOTS, Settings
from views import cache, charts, components, documents_ui, filters, scenario_params, session
from wording.scenario_table import cell_rows, steps
from wording import fmt, sentences, texts
from wording import forecast as words


def _seed(key: str, value: float) -> float:
    """A widget's value: the link's on the first run, the reader's after that."""
    if key not in st.session_state:
        st.session_state[key] = value
    return st.session_state[key]


def _percent_slider(label: str, low: float, high: float, step: float, key: str, **options) -> float:
    """A slider whose labels are Dutch (`2,5%`; st.slider writes `2.50`); a linked value off its steps
    moves to the nearest step."""
    steps = [round(low + index * step, 1) for index in range(round((high - low) / step) + 1)]
    if st.session_state[key] not in steps:
        st.session_state[key] = min(steps, key=lambda value: abs(value - st.session_state[key]))
    return st.select_slider(label, options=steps, key=key, format_func=lambda value: fmt.percent(value, 1), **options)


def levers(linked: Settings, lump_providers: dict[str, str], shift_help: str | None) -> Settings:
    """The sliders and numbers, seeded from the link; returns what they are set to."""
    columns = st.columns(2)
    tariff, volume = {}, {}
    for column, lot in zip(columns, LOTS):
        name = texts.LOT_LABELS[lot].removeprefix("perceel ")
        with column:
            _seed(f"sc_t_{lot}", float(linked.tariff.get(lot, 0.0)))
            tariff[lot] = _percent_slider(words.TARIFF_LABEL.format(lot=name), -10.0, 15.0, 0.5, f"sc_t_{lot}",
                                          help=words.TARIFF_HELP)
            _seed(f"sc_v_{lot}", float(linked.volume.get(lot, 0.0)))
            volume[lot] = _percent_slider(words.VOLUME_LABEL.format(lot=name), -20.0, 20.0, 0.5, f"sc_v_{lot}",
                                          help=words.VOLUME_HELP)
    _seed("sc_s", float(linked.shift))
    shift = _percent_slider(words.SHIFT_LABEL, 0.0, 50.0, 1.0, "sc_s", help=shift_help or words.SHIFT_UNAVAILABLE,
                            disabled=shift_help is None)
    lump_sums = {}
    with st.expander(words.LUMP_SUM_TITLE, expanded=bool(linked.lump_sums)):
        if not lump_providers:
            st.caption(words.LUMP_SUM_NONE)
        for code, name in lump_providers.items():
            _seed(f"sc_l_{code}", float(linked.lump_sums.get(code, 0.0)))
            lump_sums[code] = st.number_input(name, step=50_000.0, format="%.0f", key=f"sc_l_{code}")
    return Settings(tariff=tariff, volume=volume, shift=shift, lump_sums=lump_sums)


def write_link(settings: Settings) -> None:
    """The settings in the URL: set ones written, others removed (the filters' parameters stay)."""
    wanted = scenario_params.to_params(settings)
    for name in [name for name in st.query_params if scenario_params.is_scenario_param(name) and name not in wanted]:
        del st.query_params[name]
    for name, value in wanted.items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value


rights = session.rights_for_page(SCENARIO)
scope, period = filters.sidebar(rights, providers=False)
st.title(words.SCENARIO_TITLE)
st.caption(f"{sentences.header(scope.region, period, scope, dict(cache.municipalities(scope.regions)))} · "
           f"{words.SCENARIO_INTRO}")
figures = cache.figures(rights)
linked = scenario_params.from_params({name: st.query_params.get(name) for name in st.query_params})
base = figures.scenario(scope, period, Settings())
if base is None or not base.cells:
    st.info(words.NO_DATA)
    st.stop()
baseline = figures.scenario_baseline(scope, period)
providers = dict(cache.providers(rights, scope.regions))
lump_providers = {code: providers.get(code, code) for code in sorted(baseline.lump_sums)}
costs = [f"{texts.LOT_LABELS[lot].removeprefix('perceel ')} {care} {fmt.euro(amount)}"
         for (lot, care), amount in sorted(baseline.cost_per_youth.items())]
shift_ready = any(baseline.shift_saving_per_youth(lot) is not None for lot in LOTS)
settings = levers(linked, lump_providers, words.SHIFT_HELP.format(costs=", ".join(costs)) if shift_ready else None)
write_link(settings)
outcome = figures.scenario(scope, period, settings)
year = period.end.year
st.caption(words.effect_from(year, period.end.month))
budget = outcome.budget
left, right = st.columns(2)
for column, label, base_name, scenario_name in (
        (left, words.YEAR_END.format(year=year), "year_baseline", "year_scenario"),
        (right, words.NEXT_YEAR.format(year=year + 1), "next_baseline", "next_scenario")):
    difference = outcome.total(scenario_name) - outcome.total(base_name)
    changed = abs(difference) >= 0.5  # "geen verschil" gets no arrow: nothing went up
    column.metric(label, fmt.euro(outcome.total(scenario_name)), delta=words.metric_delta(difference, budget),
                  delta_color="inverse" if changed else "off", delta_arrow="auto" if changed else "off")
difference = outcome.total("next_scenario") - outcome.total("next_baseline")
title = words.WATERFALL_TITLE.format(year=year + 1, finding=words.waterfall_finding(difference))
components.chart(charts.waterfall(steps(outcome), title, words.WATERFALL_NOTE), title, key="scenario_waterfall")
st.subheader(words.TABLE_TITLE)
columns, rows = cell_rows(outcome, dict(cache.municipalities(scope.regions)), year)
st.dataframe([dict(zip(columns, row)) for row in rows], hide_index=True, width="stretch")
report_scope = rights.narrow(scope)
if report_scope is not None:
    st.download_button(
        words.TO_COUNCIL, data=lambda: documents_ui.council_pdf_for(rights, report_scope, period, settings),
        file_name=f"bestuursrapportage_scenario_{scope.region}_{period.label}.pdf".replace(" ", "_"),
        mime=documents_ui.PDF, help=words.TO_COUNCIL_HELP, icon=":material/description:", key="scenario_council")
