"""Region-level figures (outcomes, dialogue) have no municipality (indicators.md, issue 20 §6): never compared
per municipality, and a municipality scope shows the region's value labelled "regiocijfer"."""

from __future__ import annotations

from levers.catalogue import CATALOGUE
from levers.compare import by_municipality
from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import VELSEN
from tests.test_levers_suppression import build_small_region
from wording.signals import value_text

OCTOBER = Period.parse("2026-10")


def test_the_region_level_figures_are_the_outcome_and_dialogue_ones():
    assert {entry.code for entry in CATALOGUE if entry.is_region_level} == {
        "tevredenheid", "weigeringen", "doelrealisatie", "aanlevering",
        "onderwijs_dialoog", "dialoogsessies", "themadekking", "open_acties", "acties_verlopen"}


def test_the_comparison_per_municipality_leaves_region_level_figures_out(empty_db):
    build_small_region(empty_db)
    assert by_municipality(empty_db, Scope("IJmond"), OCTOBER, "tevredenheid") == ()
    rows = by_municipality(empty_db, Scope("IJmond"), OCTOBER, "shared_values")
    assert [row.name for row in rows] == ["Beverwijk", "Heemskerk", "Velsen"]
    codes = {result.code for result in rows[0].results}
    assert "jeugdhulp_per_1000" in codes and not codes & {"tevredenheid", "onderwijs_dialoog"}


def test_a_municipality_scope_shows_the_regions_satisfaction_labelled_regiocijfer(empty_db):
    build_small_region(empty_db)  # P1's third quarter: 9 of 12 respondents positive = 75,0%
    region = indicator(empty_db, "tevredenheid", Scope("IJmond"), OCTOBER)
    velsen = indicator(empty_db, "tevredenheid", Scope("IJmond", municipalities=(VELSEN,)), OCTOBER)
    assert (region.value, region.region_figure) == (75.0, False)
    assert (velsen.value, velsen.region_figure) == (75.0, True)
    assert value_text(velsen) == "75,0% (K3 2026; regiocijfer)"
    assert value_text(region) == "75,0% (K3 2026)"
    # a figure of the municipality's own trajectories is no region figure
    assert not indicator(empty_db, "unieke_jeugdigen", Scope("IJmond", municipalities=(VELSEN,)), OCTOBER).region_figure
