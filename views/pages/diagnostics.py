"""Data en informatie: instroom, uitstroom, duur, resultaat en kosten."""

from views.pages.lever import render

render("diagnostics")
