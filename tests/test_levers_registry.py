from datetime import date

import pytest

from levers.catalogue import CODES, LEVERS, of_lever
from levers.registry import all_indicators, indicator, lever_indicators, lever_series, pick
from levers.scope import Period, Scope
from tests.builders import add_trajectory

SCOPE = Scope(regions="IJmond")
OCTOBER = Period.parse("2026-10")


def test_a_lever_that_is_not_one_of_the_four_is_refused(empty_db):
    with pytest.raises(KeyError):
        lever_indicators(empty_db, "catalogue", SCOPE, OCTOBER)  # only levers, not any module of the package


@pytest.mark.parametrize("lever", LEVERS)
def test_a_lever_returns_its_indicators_in_catalogue_order(empty_db, lever):
    codes = [result.code for result in lever_indicators(empty_db, lever, SCOPE, OCTOBER)]
    assert codes == [entry.code for entry in of_lever(lever)]


def test_all_indicators_are_the_whole_catalogue_in_lever_then_catalogue_order(empty_db):
    assert [result.code for result in all_indicators(empty_db, SCOPE, OCTOBER)] == list(CODES)


def _five_trajectories_started_in(con, year: int, month: int) -> None:
    for client in "ABCDE":
        add_trajectory(con, client=f"{client}{month}", start=date(year, month, 2), end=date(year, month, 20))


def test_a_lever_series_has_one_tuple_per_period_in_order(empty_db):
    # Five trajectories start (and end) in September, none in August or October.
    _five_trajectories_started_in(empty_db, 2026, 9)
    periods = [Period.parse("2026-08"), Period.parse("2026-09"), OCTOBER]
    per_period = lever_series(empty_db, "diagnostics", SCOPE, periods)
    assert [pick(results, "instroom").value for results in per_period] == [0.0, 5.0, 0.0]


def test_one_indicator_by_its_code(empty_db):
    _five_trajectories_started_in(empty_db, 2026, 10)
    result = indicator(empty_db, "uitstroom", SCOPE, OCTOBER)
    assert (result.code, result.lever, result.value) == ("uitstroom", "diagnostics", 5.0)


def test_pick_refuses_a_code_that_is_not_there(empty_db):
    with pytest.raises(KeyError):
        pick(lever_indicators(empty_db, "interaction", SCOPE, OCTOBER), "instroom")
