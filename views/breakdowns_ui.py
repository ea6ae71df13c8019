"""The two breakdowns of issue 13 under the indicator cards: price and volume on *Kaders*, started
trajectories by referrer on *Data en informatie*. Figures come cached and narrowed to the user's
rights (an aanbieder gets its own rows only); tables are wording.breakdowns' display strings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from auth.rights import Rights
from levers.price_volume import whole
from levers.scope import Period, Scope
from views import cache, charts, components
from wording import breakdowns as words
from wording import fmt

PRICE_VOLUME_GROUPINGS = ("perceel", "gemeente", "aanbieder")
REFERRER_GROUPINGS = ("totaal", "gemeente", "aanbieder")


def _table(columns: list[str], body: list[list[str]]) -> None:
    st.dataframe(pd.DataFrame(body, columns=columns), hide_index=True, width="stretch")


def _grouping(options: tuple[str, ...], key: str) -> str:
    return st.radio(words.PRICE_VOLUME_BY, options, format_func=words.GROUPING_LABELS.get, horizontal=True,
                    key=key) or options[0]


def waterfall_steps(total, period: Period) -> list[tuple[str, float]]:
    """The bars: spending a year earlier, more/fewer youths, higher/lower cost per youth, the lump sum's
    change when there is one (signals.md §8: not split), spending now."""
    lump_sum = [(words.LUMP_SUM, total.lump_sum_change)] if total.lump_sum_change else []
    return [
        (words.WATERFALL_SPENT.format(period=fmt.period_label(period.year_earlier(), short=True)), total.amount_before),
        (words.volume_word(total.volume), total.volume), (words.per_youth_word(total.price), total.price), *lump_sum,
        (words.WATERFALL_SPENT.format(period=fmt.period_label(period, short=True)), total.amount),
    ]


@st.fragment  # choosing a grouping reruns this section only
def price_volume_section(rights: Rights, scope: Scope, period: Period) -> None:
    rows = cache.price_volume(rights, scope, period)
    st.subheader(words.PRICE_VOLUME_TITLE, anchor="jeugdigen-en-kosten")
    st.markdown(words.PRICE_VOLUME_INTRO)
    total = whole(rows)
    if total is None:
        st.info(words.WATERFALL_NO_SPLIT.format(change=words.signed_euro(0)))
        return
    finding = words.price_volume_finding(total)
    if total.volume is not None:
        components.chart(charts.waterfall(waterfall_steps(total, period), finding, words.PRICE_VOLUME_TITLE),
                         finding, key="waterfall")
    else:
        st.caption(finding)
    if note := words.price_volume_provisional(cache.freshness(rights, scope, period), period):
        st.caption(note)
    grouping = _grouping(PRICE_VOLUME_GROUPINGS, "price_volume_by")
    _table(*words.price_volume_table(rows, grouping, period))


@st.fragment
def referrers_section(rights: Rights, scope: Scope, period: Period) -> None:
    rows = cache.referrers(rights, scope, period)
    st.subheader(words.REFERRERS_TITLE, anchor="verwijzers")
    st.markdown(words.REFERRERS_INTRO)
    grouping = _grouping(REFERRER_GROUPINGS, "referrers_by")
    names = dict(cache.municipalities(scope.regions)) | dict(cache.providers(rights, scope.regions))
    _table(*words.referrer_table(rows, grouping, period, names))
