"""Which national figure stands beside an indicator for a period (levers/national.py, issue 13 §1)."""

from __future__ import annotations

from datetime import date

import pytest

from levers.national import national_figures
from levers.scope import Period

# source, area, period, first day, last day, indicator, value, definition
ROWS = [
    ("CBS 85099NED", "NL", "2025-H1", date(2025, 1, 1), date(2025, 6, 30), "zonder_verblijf", 89.1, None),
    ("CBS 85099NED", "NL", "2025", date(2025, 1, 1), date(2025, 12, 31), "zonder_verblijf", 88.7, "hele jaar"),
    ("CBS 85099NED", "NL", "2025-K2", date(2025, 4, 1), date(2025, 6, 30), "zonder_verblijf", 89.9, None),
    ("CBS 85099NED", "NL", "2024-H2", date(2024, 7, 1), date(2024, 12, 31), "crisis_per_1000", 1.8, None),
    ("CBS 85099NED", "GM0392", "2025-H1", date(2025, 1, 1), date(2025, 6, 30), "crisis_per_1000", 2.5, None),
]


@pytest.fixture
def figures_db(empty_db):
    empty_db.executemany("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                         "value, definition) values (?, ?, ?, ?, ?, ?, ?, ?)", ROWS)
    return empty_db


@pytest.mark.parametrize("period, expected", [
    # a month inside K2: K2 (91 days) overlaps it as much as H1 and the year (30 days each) and is shortest
    ("2025-05", ("2025-K2", 89.9, False)),
    # K1: H1 and the year overlap 90 days; H1 is the shorter period
    ("2025-K1", ("2025-H1", 89.1, False)),
    # the year: the year figure overlaps 365 days, H1 181, K2 91
    ("2025", ("2025", 88.7, False)),
    # 2026-01: nothing overlaps; the latest earlier figure is the year 2025 and K2 (both end later than H1),
    # of which the year ends last (31-12-2025)
    ("2026-01", ("2025", 88.7, True)),
])
def test_the_overlapping_figure_with_most_overlap_then_the_shortest_is_chosen_else_the_latest_earlier(
        figures_db, period, expected):
    found = national_figures(figures_db, Period.parse(period))["zonder_verblijf"]
    assert (found.period, found.value, found.is_earlier) == expected


def test_only_figures_for_the_whole_country_count_and_a_later_figure_is_never_taken(figures_db):
    found = national_figures(figures_db, Period.parse("2025-03"))
    # crisis: the municipality's 2025-H1 figure is not national; 2024-H2 ended before March 2025
    assert (found["crisis_per_1000"].period, found["crisis_per_1000"].value, found["crisis_per_1000"].is_earlier) \
        == ("2024-H2", 1.8, True)
    assert national_figures(figures_db, Period.parse("2024-03")) == {}  # every figure starts later


def test_the_publisher_is_the_first_word_of_the_source_and_a_demo_figure_says_fictief(figures_db):
    found = national_figures(figures_db, Period.parse("2025"))["zonder_verblijf"]
    assert (found.publisher, found.fictitious, found.definition) == ("CBS", False, "hele jaar")


def test_the_report_command_ends_with_a_landelijk_column_holding_the_national_value_used(tmp_path, capsys):
    from data.store.db import connect
    from commands.levers import main
    from tests.test_levers_suppression import build_small_region

    path = tmp_path / "klein.duckdb"
    con = connect(path)
    build_small_region(con)
    con.executemany("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                    "value, definition) values (?, ?, ?, ?, ?, ?, ?, ?)", [
                        # October 2026: no half-year overlaps it yet, so 2026-H1 is the latest earlier one
                        ("CBS 85099NED", "NL", "2026-H1", date(2026, 1, 1), date(2026, 6, 30), "zonder_verblijf",
                         89.95, None),
                        ("CBS 85099NED", "GM0375", "2026-K3", date(2026, 7, 1), date(2026, 9, 30), "crisis_per_1000",
                         2.5, None)])
    con.close()
    assert main(["report", "--db", str(path), "--regio", "IJmond", "--periode", "2026-10"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(",")[-1] == "landelijk"
    landelijk = {line.split(",")[0]: line.split(",")[-1] for line in lines[1:]}
    assert landelijk["zonder_verblijf"] == "89.95"
    assert {code for code, value in landelijk.items() if value} == {"zonder_verblijf"}  # the GM figure is not NL
