"""Interactie en dialoog: sessies, thema's, acties en aanlevering."""

from views.pages.lever import render

render("interaction")
