"""A national (CBS) figure beside the region's own value on the Overzicht tiles and the lever cards (issue 13 §1)."""

from __future__ import annotations

from datetime import date

import pytest

from data.store.db import connect
from tests.fixtures.small_db import open_app

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
DEFINITION = "jeugdhulp zonder verblijf als deel van alle jeugdhulp, jongeren tot 23 jaar"  # CBS's, not ours


@pytest.fixture
def with_national(own_small_db):
    """The small database plus CBS figures: the first half of 2026 (the latest national period ended by
    31-10-2026) for zonder_verblijf (its definitie our code: the same definition) and wachttijd; the fourth
    quarter of 2026 for zonder_verblijf too, which ends after oktober and so is never compared with it; the
    third quarter for jeugdhulp per 1.000; a third-quarter crisis figure by CBS's own definition, never shown
    (signals.md §7); and a municipality's own figure, which is not national and never shown."""
    con = connect(own_small_db)
    con.executemany("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                    "value, definition) values (?, ?, ?, ?, ?, ?, ?, ?)", [
                        ("CBS 85099NED", "NL", "2026-H1", date(2026, 1, 1), date(2026, 6, 30), "zonder_verblijf",
                         88.4, "zonder_verblijf"),
                        ("CBS 85099NED", "NL", "2026-K3", date(2026, 7, 1), date(2026, 9, 30), "crisis_per_1000",
                         1.7, DEFINITION),
                        ("CBS 85099NED", "NL", "2026-K4", date(2026, 10, 1), date(2026, 12, 31), "zonder_verblijf",
                         87.0, DEFINITION),
                        ("CBS 85099NED", "NL", "2026-H1", date(2026, 1, 1), date(2026, 6, 30), "wachttijd_mediaan",
                         41.0, None),
                        ("CBS 85099NED", "NL", "2026-K3", date(2026, 7, 1), date(2026, 9, 30), "jeugdhulp_per_1000",
                         97.5, None),
                        ("CBS 85099NED", "GM0453", "2026-K4", date(2026, 10, 1), date(2026, 12, 31),
                         "tevredenheid", 70.0, None)])
    con.close()
    return own_small_db


def _captions(app) -> dict[str, str]:
    return {element.value: element.help for element in app.caption if " · Nederland " in element.value}


# In the first half of 2026 IJmond had Velsen's 600 clients (60 with a stay) and Beverwijk's 400 in care
# (Heemskerk started in oktober): 940 of 1.000 persons without a stay = 94,0%.
ZONDER_VERBLIJF = "IJmond 1e helft 2026: 94,0% · Nederland 1e helft 2026: 88,4%"


def test_a_tile_pairs_the_national_figure_with_the_regions_value_over_the_same_half_year(with_national):
    captions = _captions(open_app(params=IJMOND_OCTOBER))
    assert ZONDER_VERBLIJF in captions
    assert "CBS 85099NED" in captions[ZONDER_VERBLIJF]  # the source on hover
    waiting = [text for text in captions if text.endswith("Nederland 1e helft 2026: 41 dagen")]
    assert len(waiting) == 1 and waiting[0].startswith("IJmond 1e helft 2026: ")
    assert not any("oktober" in text or "4e kwartaal" in text for text in captions)  # never beside the month


def test_the_municipality_comparison_draws_the_national_line_only_for_a_figure_of_the_period_itself(with_national):
    import json

    def reference_lines(params):
        spec = json.loads(open_app(params=params).get("plotly_chart")[0].proto.spec)  # jeugdhulp per 1.000
        return [(shape["x0"], shape["line"]["dash"]) for shape in spec["layout"].get("shapes", [])], \
            [note["text"] for note in spec["layout"].get("annotations", [])]

    lines, notes = reference_lines({"regio": "IJmond", "periode": "2026-K3"})
    assert (97.5, "dot") in lines and "Nederland 97,5 (CBS, 2026-K3)" in notes
    lines, notes = reference_lines(IJMOND_OCTOBER)  # oktober is no quarter: no national line beside its bars
    assert (97.5, "dot") not in lines and not any(text.startswith("Nederland") for text in notes)


def test_the_lever_card_shows_the_same_pair_under_the_value(with_national):
    app = open_app("views/pages/shared_values.py", params={**IJMOND_OCTOBER, "indicator": "zonder_verblijf"})
    assert ZONDER_VERBLIJF in _captions(app)
    app = open_app("views/pages/shared_values.py", params={**IJMOND_OCTOBER, "indicator": "jeugdhulp_per_1000"})
    # jeugdhulp per 1.000: the third quarter is the latest national period ended by 31-10-2026; then
    # Velsen's 600 and Beverwijk's 400 were in care, of 14.000 + 9.000 + 7.500 youths: 1.000 / 30.500 × 1.000
    assert "IJmond 3e kwartaal 2026: 32,8 · Nederland 3e kwartaal 2026: 97,5" in _captions(app)


def test_a_figure_by_another_definition_stands_beside_nothing(with_national):
    # the third quarter: the crisis figure's period is P itself, but its definitie is CBS's own text
    app = open_app("views/pages/shared_values.py", params={"regio": "IJmond", "periode": "2026-K3",
                                                         "indicator": "crisis_per_1000"})
    assert not any("Nederland" in text for text in _captions(app))
    assert not any("1,7" in element.value for element in app.caption)


def test_without_national_figures_no_tile_shows_one(own_small_db):
    assert _captions(open_app(params=IJMOND_OCTOBER)) == {}
