"""The lever card of a region-level figure offers no comparison per municipality (issue 20 §6)."""

from __future__ import annotations

from wording import texts

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}


def test_the_per_gemeente_tab_of_satisfaction_says_it_is_a_region_figure(small_app):
    state = {"tabs_tevredenheid": texts.TAB_MUNICIPALITIES, "tabs_zonder_verblijf": texts.TAB_MUNICIPALITIES}
    satisfaction = small_app("views/pages/shared_values.py", params={**IJMOND_OCTOBER, "indicator": "tevredenheid"},
                             state=state)
    assert not satisfaction.exception
    assert [element.value for element in satisfaction.info].count(texts.REGION_FIGURE_NOT_PER_MUNICIPALITY) == 1
    compared = small_app("views/pages/shared_values.py", params={**IJMOND_OCTOBER, "indicator": "zonder_verblijf"},
                         state=state)
    assert texts.REGION_FIGURE_NOT_PER_MUNICIPALITY not in [element.value for element in compared.info]


def test_a_municipality_scope_labels_the_satisfaction_tile_regiocijfer(small_app):
    app = small_app(params={**IJMOND_OCTOBER, "gemeente": "GM0453"})
    assert any("regiocijfer" in element.value for element in app.markdown if element.value.startswith("**"))
