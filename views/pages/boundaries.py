"""Kaders en randvoorwaarden: budget, acceptatieplicht, wachttijden, volume en certificaten, and why
spending changed (price and volume)."""

from views import navigation, session
from views.breakdowns_ui import price_volume_section
from views.pages.lever import render

scope, period = render("boundaries")
price_volume_section(session.rights_for_page(navigation.LEVER_PAGES["boundaries"]), scope, period)
