"""Scenarios (ahead.md §2) on a small hand-made database: a scenario of zeros is the baseline to the cent,
a tariff index moves declarations only, and a link holds the settings. Expected figures by hand."""

from datetime import date

import pytest

from data.store import db, forecast_basis
from levers import scenario
from levers.scenario import Settings
from levers.scope import Period, Scope
from views import scenario_params
from wording import forecast as words

BEVERWIJK = "GM0375"
GROWTH = (6 * 100 + 6 * 50) / (6 * 80 + 6 * 50)  # January–June this year against last year, every soort


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Beverwijk, complex: last year declarations 80 and a lump sum 50 a month; this year through June
    declarations 100 and the lump sum 50 a month (no history of late claims: every factor 1)."""
    con = db.connect(tmp_path_factory.mktemp("scenario") / "scenario.duckdb")
    rows = [(date(2024, month, 1), "declaratie", 80) for month in range(1, 13)]
    rows += [(date(2024, month, 1), "lumpsum", 50) for month in range(1, 13)]
    rows += [(date(2025, month, 1), "declaratie", 100) for month in range(1, 7)]
    rows += [(date(2025, month, 1), "lumpsum", 50) for month in range(1, 7)]
    for month, kind, amount in rows:
        con.execute("insert into costs values ($month, $municipality, 'SP1', 'complex', 45, $kind, $amount, 1)",
                    {"month": month, "municipality": BEVERWIJK, "kind": kind, "amount": amount})
    con.execute("insert into budgets values (2025, $municipality, 'complex', null, 2000, 1)", {"municipality": BEVERWIJK})
    forecast_basis.refresh(con)
    found = scenario.baseline(con, Scope(regions="IJmond"), Period.month(2025, 6))
    con.close()
    return found


def test_the_baseline_splits_the_forecast_into_declarations_and_the_rest_by_hand(base):
    (cell,) = base.cells
    assert cell.so_far == pytest.approx(6 * 150)
    assert cell.remaining_declared == pytest.approx(6 * 80 * GROWTH)
    assert cell.remaining_other == pytest.approx(6 * 50 * GROWTH)
    assert cell.next_declared == pytest.approx((600 + 480 * GROWTH) * GROWTH)
    assert cell.budget == 2000


def test_a_scenario_of_zeros_equals_the_baseline_to_the_cent(base):
    zeros = Settings(tariff={"complex": 0.0, "enkelvoudig": 0.0}, volume={"complex": 0.0}, shift=0.0,
                     lump_sums={"SP1": 0.0})
    (cell,) = scenario.apply(base, zeros).cells
    assert round(cell.year_scenario, 2) == round(cell.year_baseline, 2) == round(base.cells[0].year, 2)
    assert round(cell.next_scenario, 2) == round(cell.next_baseline, 2)
    assert cell.year_scenario == cell.year_baseline  # not even a rounding difference


def test_five_percent_tariff_on_pxq_moves_only_the_declarations_by_five_percent(base):
    (cell,) = scenario.apply(base, Settings(tariff={"complex": 5.0})).cells
    assert cell.year_difference == pytest.approx(0.05 * 6 * 80 * GROWTH)  # the remaining months' declarations
    assert cell.next_difference == pytest.approx(0.05 * (600 + 480 * GROWTH) * GROWTH)
    assert cell.next_effects == pytest.approx({"volume": 0, "tariff": 0.05 * (600 + 480 * GROWTH) * GROWTH,
                                               "shift": 0, "lump_sum": 0})


def test_a_tariff_on_the_other_perceel_changes_nothing_here(base):
    (cell,) = scenario.apply(base, Settings(tariff={"enkelvoudig": 5.0})).cells
    assert cell.year_difference == 0 and cell.next_difference == 0


def test_a_changed_lump_sum_counts_half_this_year_from_july_and_whole_next_year(base):
    outcome = scenario.apply(base, Settings(lump_sums={"SP1": -1200.0}))
    (cell,) = outcome.cells
    assert cell.year_difference == pytest.approx(-1200 * 6 / 12)
    assert cell.next_difference == pytest.approx(-1200)
    assert outcome.steps()[-1][1] == pytest.approx(cell.next_baseline - 1200)


def test_the_link_holds_the_settings_and_reopens_the_same_scenario():
    settings = Settings(tariff={"complex": 3.5}, volume={"enkelvoudig": -2.0}, shift=10.0, lump_sums={"SP1": -100000.0})
    params = scenario_params.to_params(settings)
    assert params == {"sc_tarief_complex": "3.5", "sc_volume_enkelvoudig": "-2", "sc_verschuiving": "10",
                      "sc_lumpsum_SP1": "-100000"}
    assert scenario_params.from_params(params) == settings
    assert scenario_params.from_params({"sc_tarief_complex": "veel", "sc_verschuiving": "nan"}) == Settings()


def test_the_page_says_from_which_month_the_levers_act():
    assert words.effect_from(2026, 6) == "De knoppen werken vanaf juli: op de resterende maanden van 2026 en op heel 2027."
    assert words.effect_from(2026, 12) == ("De knoppen werken vanaf januari 2027, op heel 2027; de prognose voor 2026 "
                                           "verandert niet.")


def test_a_scenario_without_change_shows_no_arrow_and_a_change_shows_its_direction(own_small_db):
    from streamlit.proto.Metric_pb2 import Metric

    from tests.fixtures.small_db import open_app

    page = "views/pages/scenario.py"
    app = open_app(page, params={"regio": "IJmond", "periode": "2026-06"})
    assert [(metric.proto.delta, metric.proto.direction) for metric in app.metric] == \
        [(words.NO_CHANGE, Metric.MetricDirection.NONE)] * 2  # nothing moved: no arrow up or down
    app = open_app(page, params={"regio": "IJmond", "periode": "2026-06", "sc_volume_complex": "-10"})
    assert [metric.proto.direction for metric in app.metric] == [Metric.MetricDirection.DOWN] * 2  # 10 % fewer youths
