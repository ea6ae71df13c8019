"""Which national figure stands beside an indicator for a period (levers/national.py, issue 13 §1)."""

from __future__ import annotations

from datetime import date

import pytest

from levers.national import national_figures, national_history
from levers.scope import Period

# source, area, period, first day, last day, indicator, value, definition
ROWS = [
    ("CBS 85099NED", "NL", "2025-H1", date(2025, 1, 1), date(2025, 6, 30), "zonder_verblijf", 89.1, None),
    ("CBS 85099NED", "NL", "2025", date(2025, 1, 1), date(2025, 12, 31), "zonder_verblijf", 88.7, "zonder_verblijf"),
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
    # a month: no national month; H1, K2 and the year end after 31-05-2025; the latest that ended by then
    # is nothing of zonder_verblijf (every row ends 30-06-2025 or later)
    ("2025-06", ("2025-K2", 89.9, True)),  # K2 and H1 both end on 30-06: the shorter, K2
    ("2025-K2", ("2025-K2", 89.9, False)),  # a national figure of P itself
    ("2025-K3", ("2025-K2", 89.9, True)),  # nothing of K3: the latest ended by 30-09-2025
    ("2025", ("2025", 88.7, False)),  # the year itself, though K2 and H1 ended earlier
    ("2026-01", ("2025", 88.7, True)),  # the year ended last (31-12-2025)
])
def test_the_figure_of_p_itself_is_chosen_else_the_latest_that_ended_by_the_end_of_p(figures_db, period, expected):
    found = national_figures(figures_db, Period.parse(period))["zonder_verblijf"]
    assert (found.period, found.value, found.is_earlier) == expected


def test_a_figure_that_ends_after_p_is_never_compared_with_p(figures_db):
    # May 2025 lies inside K2, H1 and 2025, but each ends after 31-05-2025: a month is not a half-year
    assert "zonder_verblijf" not in national_figures(figures_db, Period.parse("2025-05"))


def test_only_figures_for_the_whole_country_count_and_a_later_figure_is_never_taken(figures_db):
    found = national_figures(figures_db, Period.parse("2025-03"))
    # crisis: the municipality's 2025-H1 figure is not national; 2024-H2 ended before March 2025
    assert (found["crisis_per_1000"].period, found["crisis_per_1000"].value, found["crisis_per_1000"].is_earlier) \
        == ("2024-H2", 1.8, True)
    assert national_figures(figures_db, Period.parse("2024-03")) == {}  # every figure ends later


def test_the_publisher_is_the_first_word_of_the_source_and_a_demo_figure_says_fictief(figures_db):
    found = national_figures(figures_db, Period.parse("2025"))["zonder_verblijf"]
    assert (found.publisher, found.fictitious) == ("CBS", False)


@pytest.mark.parametrize(("definitie", "shown"), [
    (None, True),  # no definition stated: none differs
    ("", True),
    ("zonder_verblijf", True),  # the indicator's own code: the same definition
    (" zonder_verblijf ", True),
    ("jeugdhulp zonder verblijf, jongeren tot 23 jaar", False),  # CBS's own definition: not comparable
    ("jeugdhulp_per_1000", False),  # another indicator's definition
])
def test_a_figure_whose_definition_is_not_the_indicators_own_is_never_shown(empty_db, definitie, shown):
    # signals.md §7: the definitie text must match the indicator's code; the year 2025 is P itself
    empty_db.execute("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                     "value, definition) values ('CBS 85099NED', 'NL', '2025', '2025-01-01', '2025-12-31', "
                     "'zonder_verblijf', 88.7, ?)", [definitie])
    assert ("zonder_verblijf" in national_figures(empty_db, Period.parse("2025"))) is shown
    assert (len(national_history(empty_db)) == 1) is shown  # nor as a segment on the trend chart


def test_the_report_follows_reden_with_the_national_value_its_period_and_the_scopes_value_over_that_period(
        tmp_path, capsys):
    import csv
    import io

    from data.store.db import connect
    from commands.levers import main
    from tests.builders import add_trajectory
    from tests.test_levers_suppression import build_small_region

    path = tmp_path / "klein.duckdb"
    con = connect(path)
    build_small_region(con)  # A, B, C in care in October; 2000 youths (Velsen 1000, Beverwijk 500, Heemskerk 500)
    for number in range(1, 13):  # D1..D12: in care from February to March 2026 only
        add_trajectory(con, client=f"D{number}", start=date(2026, 2, 1), end=date(2026, 3, 31))
    con.executemany("insert into national_figures (source, area, period, period_start, period_end, indicator, "
                    "value, definition) values (?, ?, ?, ?, ?, ?, ?, ?)", [
                        ("CBS 85099NED", "NL", "2026-H1", date(2026, 1, 1), date(2026, 6, 30), "jeugdhulp_per_1000",
                         99.6, None),
                        ("CBS 85099NED", "NL", "2025", date(2025, 1, 1), date(2025, 12, 31), "jeugdhulp_per_1000",
                         98.7, None),
                        ("CBS 85099NED", "GM0375", "2026-K3", date(2026, 7, 1), date(2026, 9, 30), "crisis_per_1000",
                         2.5, None)])
    con.close()
    assert main(["report", "--db", str(path), "--regio", "IJmond", "--periode", "2026-10"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    columns = list(rows[0])  # signals.md §7: the columns after `reden`
    assert columns[columns.index("reden") + 1:][:3] == ["landelijk", "landelijk_periode", "regio_landelijke_periode"]
    found = next(row for row in rows if row["code"] == "jeugdhulp_per_1000")
    # October: A, B, C of 2000 youths = 1,5 per 1.000; over 2026-H1 (the latest national period ended by
    # 31-10-2026, not the year 2025) D1..D12: 12 / 2000 × 1000 = 6,0 beside the national 99,6
    assert (found["waarde"], found["landelijk"], found["landelijk_periode"], found["regio_landelijke_periode"]) \
        == ("1.50", "99.60", "2026-H1", "6.00")
    assert {row["code"] for row in rows if row["landelijk"]} == {"jeugdhulp_per_1000"}  # the GM figure is not NL
