"""Interactie en dialoog: sessies, thema's, acties en aanlevering; het gesprek vastleggen en de documenten."""

from views import dialogue_ui, session
from views.pages.lever import render

scope, period = render("interaction")
dialogue_ui.interaction_section(session.current_rights(), scope, period)
