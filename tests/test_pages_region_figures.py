"""The lever card of a region-level figure offers no comparison per municipality (issue 20 §6)."""

from __future__ import annotations

from wording import texts

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}


def test_the_per_gemeente_tab_of_satisfaction_says_it_is_a_region_figure(small_app):
    app = small_app("views/pages/shared_values.py", params=IJMOND_OCTOBER,
                    state={"tabs_tevredenheid": texts.TAB_MUNICIPALITIES, "tabs_zonder_verblijf": texts.TAB_MUNICIPALITIES})
    assert not app.exception
    infos = [element.value for element in app.info]
    assert infos.count(texts.REGION_FIGURE_NOT_PER_MUNICIPALITY) == 1  # tevredenheid; zonder_verblijf is compared


def test_a_municipality_scope_labels_the_satisfaction_tile_regiocijfer(small_app):
    app = small_app(params={**IJMOND_OCTOBER, "gemeente": "GM0453"})
    assert any("regiocijfer" in element.value for element in app.markdown if element.value.startswith("**"))
