"""The period choices and the selection's URL form (the widgets themselves: tests/test_pages_*.py)."""

from datetime import date

from levers.scope import Period
from views import filters

NOV_23 = date(2026, 11, 23)


def test_the_default_period_is_the_last_full_month():
    assert filters.last_full_month(NOV_23) == Period.parse("2026-10")
    assert filters.last_full_month(date(2027, 1, 1)) == Period.parse("2026-12")


def test_months_to_choose_are_the_running_month_then_complete_ones_newest_first():
    months = filters.period_options("maand", NOV_23)
    assert months[:4] == ("2026-11", "2026-10", "2026-09", "2026-08")
    assert len(months) == 49 and months[-1] == "2022-11"  # November, then 48 months back from 2026-10 inclusive


def test_the_running_month_is_labelled_as_such_and_no_other():
    assert filters.period_choice("2026-11", NOV_23) == "november 2026 (lopende maand)"
    assert filters.period_choice("2026-10", NOV_23) == "oktober 2026"
    assert filters.period_choice("2026-K3", NOV_23) == "3e kwartaal 2026"


def test_the_running_quarter_and_year_are_not_offered():
    # On 23-11-2026 the 4th quarter and the year 2026 are not complete.
    assert filters.period_options("kwartaal", NOV_23)[:2] == ("2026-K3", "2026-K2")
    assert filters.period_options("jaar", NOV_23)[:2] == ("2025", "2024")


def test_a_quarter_is_offered_the_day_after_it_ends():
    assert filters.period_options("kwartaal", date(2026, 10, 1))[0] == "2026-K3"
    assert filters.period_options("jaar", date(2027, 1, 2))[0] == "2026"


def test_a_period_from_a_link_must_be_one_a_user_could_pick():
    assert filters.parse_period("2026-K3", NOV_23) == Period.parse("2026-K3")
    assert filters.parse_period("2026-11", NOV_23) == Period.parse("2026-11")  # the running month
    assert filters.parse_period("2026-12", NOV_23) is None  # not begun
    assert filters.parse_period("2026-K4", NOV_23) is None  # not complete yet
    assert filters.parse_period("2026-13", NOV_23) is None
    assert filters.parse_period("gisteren", NOV_23) is None
    assert filters.parse_period(None, NOV_23) is None


def test_the_selection_writes_every_filter_as_a_url_parameter():
    selection = filters.Selection("IJmond", ("GM0453",), None, ("P1", "P2"), Period.parse("2026-10"))
    assert selection.query_params() == {
        "regio": ["IJmond"], "gemeente": ["GM0453"], "perceel": "beide", "aanbieder": ["P1", "P2"],
        "periode": "2026-10",
    }


def test_no_period_that_ends_before_the_data_start_is_offered():
    start = date(2023, 1, 1)  # the demo's first kosten month
    months = filters.period_options("maand", NOV_23, start)
    assert months[-1] == "2023-01" and len(months) == 1 + 46  # November, then 2026-10 back to 2023-01
    assert filters.period_options("kwartaal", NOV_23, start)[-1] == "2023-K1"  # 2022-K4 ended before it
    assert filters.period_options("jaar", NOV_23, start) == ("2025", "2024", "2023")  # not 2022, 2021
    assert filters.parse_period("2022-12", NOV_23, start) is None
    assert filters.parse_period("2022-12", NOV_23) == Period.parse("2022-12")  # without a start: as before


def test_a_kind_keeps_its_newest_period_when_the_data_begin_after_it():
    # data from January 2026 only: no complete year yet, yet the year picker still offers 2025
    assert filters.period_options("jaar", NOV_23, date(2026, 1, 1)) == ("2025",)
