"""Kaders en randvoorwaarden: the year-end forecast as a fan chart (ahead.md §1), budget, acceptatieplicht,
wachtlijst en wachttijden, volume en certificaten, the waiting list over time and in bands of weeks, the
monthly spending as a process chart (signals.md §3a) and why spending changed (youths and cost per youth)."""

import streamlit as st

from views import baseline, cache, charts, components, navigation, session
from views.breakdowns_ui import price_volume_section
from views.pages.lever import render
from wording import forecast as forecast_words
from views.waiting_ui import waiting_section
from wording import texts

scope, period = render("boundaries")
rights = session.rights_for_page(navigation.LEVER_PAGES["boundaries"])
if (fan := cache.figures(rights).fan(scope, period)) is not None:
    components.chart(charts.fan(fan, forecast_words.fan_title(fan), forecast_words.fan_subtitle(fan)),
                     forecast_words.fan_title(fan), key="fan")
    st.caption(forecast_words.FAN_CAPTION)
waiting_section(rights, scope, period, key="boundaries")
if (spending := cache.figures(rights).spending(scope, period, baseline=baseline.chosen())) is not None and spending.valued >= 2:
    components.chart(charts.trend(spending, texts.MONTHLY_SPENDING, texts.MONTHLY_SPENDING_NOTE),
                     texts.MONTHLY_SPENDING, key="spending")
price_volume_section(rights, scope, period)
