"""The waiting list on the Kaders and Partner pages: its size over time (the series of wachtenden, with
process limits) and how long the children waiting now wait, in bands of weeks. Counts only, already
suppressed by the levers (levers.waiting_list); never a person."""

from __future__ import annotations

import streamlit as st

from auth.rights import Rights
from levers.chart_model import trend_model
from levers.families.waiting_list import SIZE
from levers.scope import Period, Scope
from views import cache, charts, components
from wording import sentences
from wording import waiting as words

def waiting_section(rights: Rights, scope: Scope, period: Period, *, key: str) -> None:
    """Both charts side by side under one heading; `key` keeps two pages' charts apart."""
    st.subheader(words.TITLE, anchor="wachtlijst")
    st.caption(words.INTRO)
    size, bands = st.columns(2)
    series = next((item for item in cache.series(rights, scope, period, "boundaries") if item.code == SIZE), None)
    with size:
        if series is not None and series.valued >= 2:
            title = sentences.trend_title("aantal", series)
            components.chart(charts.trend(trend_model(series, "aantal"), title, words.SIZE_NOTE),
                             f"{words.SIZE}: {title}", key=f"{key}_waiting_size")
    found = cache.waiting_bands(rights, scope, period)
    with bands:
        if found:
            finding = words.finding(found)
            components.chart(charts.counts([words.band_label(b) for b in found], [b.persons for b in found],
                                           [words.shown(b) for b in found], finding, words.BANDS_NOTE),
                             finding, key=f"{key}_waiting_bands")
