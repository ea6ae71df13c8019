"""Data en informatie: instroom, uitstroom, duur, resultaat en kosten, and the started trajectories by
referrer."""

from views import navigation, session
from views.breakdowns_ui import referrers_section
from views.pages.lever import render

scope, period = render("diagnostics")
referrers_section(session.rights_for_page(navigation.LEVER_PAGES["diagnostics"]), scope, period)
