"""The scope macros of data/store/schema.sql, given rows -> expected rows, each written out by hand."""

from datetime import date

import pytest

from tests.builders import add_dialogue, add_mixed_providers


@pytest.mark.parametrize(
    ("starts", "ends", "expected"),
    [
        ([], [], []),
        (["2024-02-01"], ["2024-02-29"], [(0, date(2024, 2, 1), date(2024, 2, 29))]),
        (
            ["2024-01-01", "2024-04-01", "2024-01-01"],
            ["2024-03-31", "2024-06-30", "2024-12-31"],
            [
                (0, date(2024, 1, 1), date(2024, 3, 31)),
                (1, date(2024, 4, 1), date(2024, 6, 30)),
                (2, date(2024, 1, 1), date(2024, 12, 31)),
            ],
        ),
    ],
)
def test_periods_numbers_the_periods_from_zero_in_list_order(empty_db, starts, ends, expected):
    rows = empty_db.execute(
        "select * from periods($starts::date[], $ends::date[]) order by ordinal", {"starts": starts, "ends": ends}
    ).fetchall()
    assert rows == expected


@pytest.mark.parametrize(
    ("ordinals", "starts", "expected"),
    [
        ([], [], []),
        ([0], ["2026-07-01"], [(0, date(2026, 7, 1))]),
        (  # a year counting three quarters, then a month falling back to one
            [0, 0, 0, 1],
            ["2026-01-01", "2026-04-01", "2026-07-01", "2026-07-01"],
            [(0, date(2026, 1, 1)), (0, date(2026, 4, 1)), (0, date(2026, 7, 1)), (1, date(2026, 7, 1))],
        ),
    ],
)
def test_counted_quarters_pairs_each_period_ordinal_with_a_quarter_in_list_order(empty_db, ordinals, starts, expected):
    rows = empty_db.execute(
        "select * from counted_quarters($ordinals, $starts::date[])", {"ordinals": ordinals, "starts": starts}
    ).fetchall()
    assert rows == expected


@pytest.mark.parametrize(
    ("row", "municipalities", "lot", "providers", "expected"),
    [
        (("GM0453", "complex", "P1"), ["GM0453"], None, [], True),  # no perceel, no provider filter
        (("GM0453", "complex", "P1"), ["GM0375"], None, [], False),  # another municipality
        (("GM0453", "complex", "P1"), [], None, [], False),  # no municipality in scope: nothing
        (("GM0453", "complex", "P1"), ["GM0453"], "complex", [], True),
        (("GM0453", "complex", "P1"), ["GM0453"], "enkelvoudig", [], False),
        (("GM0453", "complex", "P1"), ["GM0453"], None, ["P1", "P2"], True),
        (("GM0453", "complex", "P1"), ["GM0453"], None, ["P2"], False),
        (("GM0453", "complex", None), ["GM0453"], None, ["P2"], None),  # no provider, filtered: NULL (a WHERE drops it)
        (("GM0453", "complex", None), ["GM0453"], None, [], True),  # ... and unfiltered
    ],
)
def test_in_scope_checks_municipality_perceel_and_provider(empty_db, row, municipalities, lot, providers, expected):
    found = empty_db.execute(
        "select in_scope($municipality, $row_lot, $provider, $municipalities, $lot, $providers)",
        {"municipality": row[0], "row_lot": row[1], "provider": row[2], "municipalities": municipalities,
         "lot": lot, "providers": providers},
    ).fetchone()[0]
    assert found is expected


@pytest.mark.parametrize(
    ("part", "whole", "scale", "expected"),
    [
        (1, 4, 100, 25.0),
        (3, 12, 1000, 250.0),
        (0, 7, 100, 0.0),
        (5, 0, 100, None),  # nothing to divide by
        (5, None, 100, None),
        (None, 5, 100, None),
        (49, 400, 100, 49 / 400 * 100),  # Python's order: (49 / 400) × 100, not 4900 / 400
    ],
)
def test_ratio_divides_then_scales_and_is_null_without_a_whole(empty_db, part, whole, scale, expected):
    found = empty_db.execute("select ratio($part, $whole, $scale)",
                             {"part": part, "whole": whole, "scale": scale}).fetchone()[0]
    assert found == expected


@pytest.mark.parametrize(
    ("region", "lot", "providers", "expected"),
    [
        # P1 complex and P2 enkelvoudig in IJmond, P3 beide in IJmond and Zuid-Kennemerland,
        # P4 complex in Achterhoek (tests.builders.add_mixed_providers).
        ("IJmond", None, [], ["P1", "P2", "P3"]),
        ("IJmond", "complex", [], ["P1", "P3"]),  # beide matches both percelen
        ("IJmond", "enkelvoudig", [], ["P2", "P3"]),
        ("IJmond", None, ["P2", "P4"], ["P2"]),  # P4 works elsewhere
        ("IJmond", "complex", ["P2"], []),
        ("Zuid-Kennemerland", None, [], ["P3"]),
        ("Achterhoek", "complex", [], ["P4"]),
        ("Helmond-De Peel", None, [], []),
    ],
)
def test_providers_in_scope_are_those_of_the_region_perceel_and_filter(empty_db, region, lot, providers, expected):
    add_mixed_providers(empty_db)
    rows = empty_db.execute(
        "select provider from providers_in_scope($region, $lot, $providers) order by provider",
        {"region": region, "lot": lot, "providers": providers},
    ).fetchall()
    assert [row[0] for row in rows] == expected


@pytest.mark.parametrize(
    ("region", "providers", "expected"),
    [
        # Rows: 1 region-wide IJmond, 2 P1 IJmond, 3 P2 IJmond, 4 blank aanbieder IJmond, 5 P1 Achterhoek.
        ("IJmond", [], [(1, None), (2, "P1"), (3, "P2"), (4, None)]),  # blank reads as region-wide
        ("IJmond", ["P1"], [(1, None), (2, "P1"), (4, None)]),  # the provider's rows and the region-wide
        ("IJmond", ["P9"], [(1, None), (4, None)]),
        ("Achterhoek", [], [(5, "P1")]),
        ("Achterhoek", ["P2"], []),
    ],
)
def test_region_dialogues_are_the_regions_rows_with_region_wide_ones_for_every_provider(
    empty_db, region, providers, expected
):
    for theme, provider, where in ((1, None, "IJmond"), (2, "P1", "IJmond"), (3, "P2", "IJmond"), (4, " ", "IJmond"),
                                   (5, "P1", "Achterhoek")):
        add_dialogue(empty_db, day=date(2025, 5, 1), theme=theme, provider=provider, region=where)
    rows = empty_db.execute(
        "select theme, provider from region_dialogues($region, $providers) order by theme",
        {"region": region, "providers": providers},
    ).fetchall()
    assert rows == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-10-31", None, True),  # started on the last day, open
        ("2026-11-01", None, False),  # starts after the period
        ("2026-01-01", "2026-10-01", True),  # ended on the first day
        ("2026-01-01", "2026-09-30", False),  # ended the day before
        ("2026-10-10", "2026-10-20", True),  # started and ended within
        ("2025-01-01", None, True),  # open and started long before
    ],
)
def test_is_active_means_started_by_the_periods_end_and_not_ended_before_its_start(empty_db, start, end, expected):
    row = empty_db.execute(
        "select is_active($start::date, $end::date, date '2026-10-01', date '2026-10-31')", {"start": start, "end": end}
    ).fetchone()
    assert row == (expected,)


def test_providers_per_row_set_counts_other_providers_per_perceel_and_for_both(empty_db):
    # P1 complex and enkelvoudig, P2 complex, P3 (the viewer's own) complex: all in row set 'active' of period 0
    rows = empty_db.execute(
        """
        with row_sets as (
            select * from (values (0, 'P1', 'complex', 'active'), (0, 'P1', 'enkelvoudig', 'active'),
                                  (0, 'P2', 'complex', 'active'), (0, 'P3', 'complex', 'active'),
                                  (1, 'P3', 'complex', 'costs')) as r (ordinal, provider, lot, base)
        )
        select * from providers_per_row_set('row_sets', ['P3']) order by ordinal, base, lot nulls last
        """
    ).fetchall()
    assert rows == [(0, "active", "complex", 2), (0, "active", "enkelvoudig", 1), (0, "active", None, 2)]
