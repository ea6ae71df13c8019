"""Kaders en randvoorwaarden: budget, acceptatieplicht, wachttijden, volume en certificaten, the monthly
spending as a process chart (signals.md §3a) and why spending changed (youths and cost per youth)."""

from views import baseline, cache, charts, components, navigation, session
from views.breakdowns_ui import price_volume_section
from views.pages.lever import render
from wording import texts

scope, period = render("boundaries")
rights = session.rights_for_page(navigation.LEVER_PAGES["boundaries"])
if (spending := cache.figures(rights).spending(scope, period, baseline=baseline.chosen())) is not None and spending.valued >= 2:
    components.chart(charts.trend(spending, texts.MONTHLY_SPENDING, texts.MONTHLY_SPENDING_NOTE),
                     texts.MONTHLY_SPENDING, key="spending")
price_volume_section(rights, scope, period)
