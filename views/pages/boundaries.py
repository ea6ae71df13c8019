"""Kaders en randvoorwaarden: budget, acceptatieplicht, wachttijden, volume en certificaten."""

from views.pages.lever import render

render("boundaries")
