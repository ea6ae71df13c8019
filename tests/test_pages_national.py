"""A national (CBS) figure beside the region's own value on the Overzicht tiles and the lever cards (issue 13 §1)."""

from __future__ import annotations

from datetime import date

import pytest

from data.store.db import connect
from tests.fixtures.small_db import open_app

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
DEFINITION = "jeugdhulp zonder verblijf als deel van alle jeugdhulp, jongeren tot 23 jaar"


@pytest.fixture
def with_national(own_small_db):
    """The small database plus three CBS figures: K4 2026 overlaps oktober 2026; for wachttijd only an
    earlier half-year exists; the municipality's own figure is not national and never shown."""
    con = connect(own_small_db)
    con.executemany("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                    "value, definition) values (?, ?, ?, ?, ?, ?, ?, ?)", [
                        ("CBS 85099NED", "NL", "2026-K4", date(2026, 10, 1), date(2026, 12, 31), "zonder_verblijf",
                         88.4, DEFINITION),
                        ("CBS 85099NED", "NL", "2026-H1", date(2026, 1, 1), date(2026, 6, 30), "wachttijd_mediaan",
                         41.0, None),
                        ("CBS 85099NED", "NL", "2026", date(2026, 1, 1), date(2026, 12, 31), "jeugdhulp_per_1000",
                         97.5, None),
                        ("CBS 85099NED", "GM0453", "2026-K4", date(2026, 10, 1), date(2026, 12, 31),
                         "tevredenheid", 70.0, None)])
    con.close()
    return own_small_db


def _captions(app) -> dict[str, str]:
    return {element.value: element.help for element in app.caption if element.value.startswith("NL ")}


def test_a_tile_shows_the_national_figure_with_its_source_and_period_and_the_definition_on_hover(with_national):
    captions = _captions(open_app(params=IJMOND_OCTOBER))
    # 88,4 as a percentage with one decimal; wachttijd in days; no earlier figure overlaps oktober for it
    assert set(captions) == {"NL 88,4% (CBS, 2026-K4)", "NL 41 dagen (CBS, laatst bekend: 2026-H1)"}
    assert DEFINITION in captions["NL 88,4% (CBS, 2026-K4)"]
    assert "krijgt geen status" in captions["NL 41 dagen (CBS, laatst bekend: 2026-H1)"]


def test_the_municipality_comparison_has_a_dotted_nederland_line_at_the_national_value(with_national):
    import json

    app = open_app(params=IJMOND_OCTOBER)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)  # the comparison opens on jeugdhulp per 1.000
    lines = [(shape["x0"], shape["line"]["dash"]) for shape in spec["layout"].get("shapes", [])]
    assert (97.5, "dot") in lines
    assert "Nederland 97,5 (CBS, 2026)" in [note["text"] for note in spec["layout"]["annotations"]]


def test_the_lever_card_shows_the_same_figure_beside_the_value(with_national):
    app = open_app("views/pages/shared_values.py", params={**IJMOND_OCTOBER, "indicator": "zonder_verblijf"})
    assert "NL 88,4% (CBS, 2026-K4)" in _captions(app)


def test_without_national_figures_no_tile_shows_one(own_small_db):
    assert _captions(open_app(params=IJMOND_OCTOBER)) == {}
