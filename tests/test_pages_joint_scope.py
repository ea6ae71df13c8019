"""Several regions in the sidebar are one joint scope, kept in the URL (issue 20 §7).

The small database (tests/fixtures/small_db.py): IJmond has 600 + 400 + 234 = 1.234 youths in care in
oktober 2026; Zuid-Kennemerland's Haarlem 300 (started 01-02-2026). Together: 1.534.
"""

from __future__ import annotations

from auth.rights import Rights

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}
BOTH_OCTOBER = {"regio": ["IJmond", "Zuid-Kennemerland"], "periode": "2026-10"}
JOINT_TITLE = "Jeugdhulp IJmond en Zuid-Kennemerland · oktober 2026 · beide percelen"


def _shown_values(app) -> list[str]:
    """The bold figures of the tiles (`**1.234** :gray[norm …]`), without asterisks and norm."""
    return [element.value.split("**")[1] for element in app.markdown if element.value.startswith("**")]


def _url_regions(app) -> list[str]:
    value = app.query_params["regio"]
    return [value] if isinstance(value, str) else list(value)


def test_choosing_a_second_region_makes_one_joint_scope_with_both_in_the_url(small_app):
    app = small_app(params=IJMOND_OCTOBER)
    assert "1.234" in _shown_values(app)
    app.sidebar.multiselect(key="filter_regio").select("Zuid-Kennemerland").run()
    assert not app.exception
    assert app.title[0].value == JOINT_TITLE
    assert "1.534" in _shown_values(app)  # 1.234 + Haarlem's 300
    assert _url_regions(app) == ["IJmond", "Zuid-Kennemerland"]


def test_a_link_naming_two_regions_opens_their_joint_scope(small_app):
    app = small_app(params=BOTH_OCTOBER)
    assert app.sidebar.multiselect(key="filter_regio").value == ["IJmond", "Zuid-Kennemerland"]
    assert app.title[0].value == JOINT_TITLE
    # the municipality filter offers the municipalities of both regions
    assert {"Haarlem", "Velsen"} <= set(app.sidebar.multiselect(key="filter_gemeente").options)


def test_removing_the_last_region_keeps_the_default_region(small_app):
    app = small_app(params=IJMOND_OCTOBER)
    app.sidebar.multiselect(key="filter_regio").unselect("IJmond").run()
    assert not app.exception
    assert app.sidebar.multiselect(key="filter_regio").value == ["Achterhoek"]  # the first region, alphabetically


def test_a_link_to_two_regions_shows_an_alderman_only_the_one_of_their_own(small_app):
    alderman = Rights(role="bestuurder", regions=("IJmond",))
    app = small_app(params=BOTH_OCTOBER, rights=alderman)
    assert app.sidebar.multiselect(key="filter_regio").value == ["IJmond"]
    assert app.title[0].value.startswith("Jeugdhulp IJmond · ")
    assert "1.234" in _shown_values(app)
