"""Gedeelde waarden: de regiovisie zichtbaar gemaakt."""

from views.pages.lever import render

render("shared_values")
