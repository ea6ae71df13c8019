"""The four lever pages (one renderer) on the small fixture database (tests/fixtures/small_db.py)."""

import pytest

from auth.rights import Rights
from data.store.db import connect
from levers.catalogue import of_lever
from levers.registry import lever_indicators
from levers.scope import Period, Scope

PAGES = {
    "shared_values": "views/pages/shared_values.py",
    "boundaries": "views/pages/boundaries.py",
    "diagnostics": "views/pages/diagnostics.py",
    "interaction": "views/pages/interaction.py",
}
IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}

# Hand-worked figures for IJmond, oktober 2026 (see the fixture's docstring).
EXPECTED = {
    "shared_values": {
        "jeugdhulp_per_1000": "40,5",  # 1.234 / (14.000 + 9.000 + 7.500) × 1.000 = 40,46
        "wachttijd_mediaan": "15 dagen",  # the 234 Heemskerk starts, all 15 days after registration
        "zonder_verblijf": "95,1%",  # (1.234 − 60) / 1.234
        "aanbieders_per_jeugdige": "1,00",  # everyone has one provider
    },
    "boundaries": {
        "budgetuitputting": "103,0%",  # 10 × 1.030.000 / 10 × 12 / 12.000.000
        "tijdig_gestart": "100,0%",  # 15 days ≤ the norm of 42 for all 234
        "certificaten": "0",  # every certificate is valid until 30-06-2027
    },
    "diagnostics": {
        "unieke_jeugdigen": "1.234",  # 600 + 400 + 234
        "actieve_trajecten": "1.234",
        "instroom": "234",  # Heemskerk started 05-10-2026
        "uitstroom": "0",
        "kosten_per_jeugdige": "€ 835",  # 1.030.000 / 1.234 = 834,68
    },
    "interaction": {
        "dialoogsessies": "2",  # 10-09 with P1 and 15-10 region-wide
        "themadekking": "11,1%",  # themes 6 and 18 of 18
        "open_acties": "1",
        "acties_verlopen": "1",  # deadline 30-09-2026 < 31-10-2026
    },
}


@pytest.fixture(scope="module")
def opened(small_env):
    """Each lever page for IJmond, oktober 2026, opened once for the read-only checks below."""
    pages = {}

    def page(lever):
        if lever not in pages:
            pages[lever] = small_env(PAGES[lever], params=IJMOND_OCTOBER)
        return pages[lever]
    return page


def _table(app):
    """The summary table that opens the page (the first dataframe)."""
    return app.dataframe[0].value


def _values(app) -> dict[str, str]:
    """Indicator name → the 'Waarde' cell of the summary table, in table order."""
    table = _table(app)
    return dict(zip(table["Indicator"], table["Waarde"]))


def _card_title(app) -> str:
    """The heading of the one indicator card under the table (the first subheader is the table's)."""
    titles = [header.value for header in app.subheader]
    assert titles[0] == "Alle indicatoren van deze hefboom"
    return titles[1]


@pytest.mark.parametrize("lever", PAGES)
def test_a_lever_page_opens_and_shows_every_indicator_of_its_lever(opened, lever):
    app = opened(lever)
    assert not app.exception
    assert sorted(_values(app)) == sorted(entry.name for entry in of_lever(lever))


@pytest.mark.parametrize("lever", PAGES)
def test_a_lever_page_shows_the_levers_values_the_dutch_way(opened, lever):
    shown = _values(opened(lever))
    names = {entry.code: entry.name for entry in of_lever(lever)}
    assert {code: shown[names[code]] for code in EXPECTED[lever]} == EXPECTED[lever]


def test_the_page_figures_are_the_levers_figures(opened, small_db_path):
    results = lever_indicators(connect(small_db_path), "diagnostics", Scope("IJmond"), Period.parse("2026-10"))
    assert results[0].code == "unieke_jeugdigen" and results[0].value == 1234
    assert _values(opened("diagnostics"))[results[0].name] == "1.234"


def test_choosing_a_municipality_changes_the_figures(small_app):
    app = small_app(PAGES["diagnostics"], params=IJMOND_OCTOBER)
    app.sidebar.multiselect(key="filter_gemeente").select("GM0453").run()
    shown = _values(app)
    assert shown["Jeugdigen in zorg"] == "600"  # Velsen only
    assert shown["Gestarte trajecten"] == "0"  # Velsen's 600 started in january


def test_choosing_a_perceel_changes_the_figures(small_app):
    app = small_app(PAGES["boundaries"], params=IJMOND_OCTOBER)
    app.sidebar.selectbox(key="filter_perceel").set_value("enkelvoudig").run()
    assert _values(app)["Prognose budgetuitputting jaareinde"] == "–"  # no budget for enkelvoudig
    assert app.query_params["perceel"] == "enkelvoudig"


def test_a_quarter_from_the_link_shows_the_quarterly_refusals_suppressed(small_app):
    app = small_app(PAGES["boundaries"], params={"regio": "IJmond", "periode": "2026-K3"})
    assert app.sidebar.selectbox(key="filter_periode").value == "2026-K3"
    assert _values(app)["Niet geaccepteerde verwijzingen (acceptatieplicht)"] == "<5"  # 2 refusals
    table = _table(app).set_index("Indicator")
    assert table.loc["Niet geaccepteerde verwijzingen (acceptatieplicht)", "Status"] == "✕ buiten de norm"  # any refusal is rood


def test_the_filters_carry_over_from_the_overview_to_a_lever_page(small_app):
    app = small_app(params={"regio": "IJmond", "periode": "2026-09", "gemeente": "GM0453"})
    app.switch_page(PAGES["diagnostics"]).run()
    assert app.sidebar.multiselect(key="filter_gemeente").value == ["GM0453"]
    assert app.sidebar.selectbox(key="filter_periode").value == "2026-09"
    assert _values(app)["Jeugdigen in zorg"] == "600"


def test_the_chosen_indicator_has_its_definition_one_click_away(small_app):
    app = small_app(PAGES["shared_values"], params={**IJMOND_OCTOBER, "indicator": "jeugdhulp_per_1000"})
    popovers = [block for block in app.get("popover") if block.proto.popover.label == "Definitie"]
    assert len(popovers) == 1  # one card, one definition
    assert popovers[0].markdown[0].value.startswith("Aantal jeugdigen tot 18 jaar met jeugdhulp in de periode, per 1.000")


def _tab(lever: str, tab: str) -> dict[str, str]:
    """Session state that opens `tab` for whichever indicator of the lever is shown."""
    return {f"tabs_{entry.code}": tab for entry in of_lever(lever)}


def test_one_card_is_drawn_with_only_its_open_tab(opened):
    app = opened("interaction")
    assert len(app.dataframe) == 1  # the summary; comparisons wait until their tab is opened
    assert len(app.get("plotly_chart")) == 1  # the one card's trend chart, not one per indicator


@pytest.mark.parametrize(("lever", "tab", "indicator"), [
    ("diagnostics", "Per gemeente", "unieke_jeugdigen"),  # a figure per municipality
    ("interaction", "Per aanbieder", "dialoogsessies"),  # a dialogue figure: per provider, never per municipality
])
def test_every_table_has_csv_and_excel_exports(small_app, lever, tab, indicator):
    params = {**IJMOND_OCTOBER, "indicator": indicator}
    before = small_app(PAGES[lever], params=params)  # the summary and the page's own tables
    closed = [button.label for button in before.get("download_button")]
    app = small_app(PAGES[lever], params=params, state=_tab(lever, tab))
    labels = [button.label for button in app.get("download_button")]
    assert len(app.dataframe) == len(before.dataframe) + 1  # and the shown indicator's comparison
    assert labels.count("CSV") == closed.count("CSV") + 1 and labels.count("Excel") == closed.count("Excel") + 1


def test_the_comparison_per_municipality_shows_each_municipality(small_app):
    app = small_app(PAGES["diagnostics"], params={**IJMOND_OCTOBER, "indicator": "unieke_jeugdigen"},
                    state=_tab("diagnostics", "Per gemeente"))
    youths = app.dataframe[1].value  # the card's comparison: Jeugdigen in zorg
    assert dict(zip(youths["Gemeente"], youths["Waarde"])) == {"Beverwijk": "400", "Heemskerk": "234", "Velsen": "600"}


def _provider_names(app) -> set[str]:
    tables = [frame.value for frame in app.dataframe if "Aanbieder" in frame.value.columns]
    return {name for frame in tables for name in frame["Aanbieder"]}


def test_a_provider_sees_its_three_peers_only_as_anonymous_letters(small_app):
    # IJmond has P1, P2, P3 and P5: P2 has three peers.
    provider = Rights(role="aanbieder", regions=("IJmond",), providers=("P2",))
    names = _provider_names(small_app(PAGES["diagnostics"], params=IJMOND_OCTOBER, rights=provider,
                                      state=_tab("diagnostics", "Per aanbieder")))
    assert names == {"Kinderpraktijk De Duinen", "aanbieder A", "aanbieder B", "aanbieder C"}


def test_a_provider_with_fewer_than_three_peers_sees_only_itself(small_app):
    # In perceel enkelvoudig IJmond has P2, P3 (both percelen) and P5: two peers are no disguise.
    provider = Rights(role="aanbieder", regions=("IJmond",), providers=("P2",))
    app = small_app(PAGES["diagnostics"], params={**IJMOND_OCTOBER, "perceel": "enkelvoudig"}, rights=provider,
                    state=_tab("diagnostics", "Per aanbieder"))
    assert _provider_names(app) == {"Kinderpraktijk De Duinen"}


@pytest.mark.parametrize(("asked", "shown", "kept"), [("12", 12, "12"), ("7", 0, None), (None, 0, None)],
                         ids=["a baseline of 12", "not an option", "off"])
def test_the_baseline_setting_comes_from_the_link_and_reaches_every_chart_of_the_page(
        small_env, monkeypatch, asked, shown, kept):
    from figures.figures import Figures

    asked_for = []
    real = Figures.series

    def spy(self, scope, period, lever=None, *, baseline=None):
        asked_for.append(baseline)
        return real(self, scope, period, lever, baseline=baseline)

    monkeypatch.setattr(Figures, "series", spy)
    params = IJMOND_OCTOBER | ({"basis": asked} if asked else {})
    app = small_env(PAGES["diagnostics"], params=params)
    assert not app.exception
    assert app.sidebar.selectbox(key="filter_basis").value == shown
    assert app.query_params.get("basis") in ((kept, [kept]) if kept else (None, []))
    assert asked_for and set(asked_for) == {shown or None}
