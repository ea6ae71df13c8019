from dataclasses import replace
from datetime import date

import pytest

from levers.catalogue import of_lever
from levers.compare import _anonymised, by_municipality, by_provider, providers_in_scope
from levers.scope import Period, Scope
from tests.builders import BEVERWIJK, VELSEN, add_provider, add_trajectory

OCTOBER = Period.parse("2026-10")
START = date(2026, 9, 1)  # every trajectory below is open: active in October


@pytest.fixture
def region(empty_db):
    """Three providers of IJmond and one of the Achterhoek, with open trajectories.

    P1 Zorg Noord (complex): 10 in Beverwijk, none with stay → zonder_verblijf 100%.
    P2 Alpha Jeugd (enkelvoudig): 10 in Velsen, 2 with stay (cat. 35) → 8 / 10 = 80%.
    P3 Midden Hulp (beide, IJmond and Zuid-Kennemerland): 3 in Velsen (complex) → too few to show.
    P4 Oost (complex, Achterhoek only).
    """
    add_provider(empty_db, provider="P1", name="Zorg Noord", lot="complex")
    add_provider(empty_db, provider="P2", name="Alpha Jeugd", lot="enkelvoudig")
    add_provider(empty_db, provider="P3", name="Midden Hulp", lot="beide", regions="IJmond/Zuid-Kennemerland")
    add_provider(empty_db, provider="P4", name="Oost", lot="complex", regions="Achterhoek")
    for i in range(10):
        add_trajectory(empty_db, client=f"B{i}", start=START, municipality=BEVERWIJK, provider="P1")
        add_trajectory(empty_db, client=f"V{i}", start=START, provider="P2", lot="enkelvoudig",
                       category=35 if i < 2 else 45)
    for i in range(3):
        add_trajectory(empty_db, client=f"W{i}", start=START, municipality=VELSEN, provider="P3")
    return empty_db


def _rows(rows):
    return [(row.key, row.name, row.result.value, row.result.value_label) for row in rows]


def test_each_municipality_of_the_region_by_name(region):
    # Beverwijk: 10 persons; Heemskerk: none; Velsen: 10 (P2) + 3 (P3) = 13.
    rows = by_municipality(region, Scope(regions="IJmond"), OCTOBER, "unieke_jeugdigen")
    assert _rows(rows) == [
        ("GM0375", "Beverwijk", 10.0, None), ("GM0396", "Heemskerk", 0.0, None), ("GM0453", "Velsen", 13.0, None),
    ]


def test_a_municipality_row_keeps_the_rest_of_the_scope(region):
    # Perceel complex: Velsen has only P3's 3 persons, shown as <5.
    rows = by_municipality(region, Scope(regions="IJmond", lot="complex"), OCTOBER, "unieke_jeugdigen")
    assert _rows(rows)[2] == ("GM0453", "Velsen", None, "<5")


def test_a_whole_lever_is_compared_at_once(region):
    rows = by_municipality(region, Scope(regions="IJmond", municipalities=(BEVERWIJK,)), OCTOBER, "diagnostics")
    assert [row.key for row in rows] == [BEVERWIJK]
    # doelrealisatie is a region-level figure (uitkomsten): not compared per municipality
    assert [r.code for r in rows[0].results] == [entry.code for entry in of_lever("diagnostics")
                                                 if entry.code != "doelrealisatie"]
    assert rows[0].results[1].value == 10.0  # actieve_trajecten of Beverwijk


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (Scope(regions="IJmond"), [("P2", "Alpha Jeugd"), ("P3", "Midden Hulp"), ("P1", "Zorg Noord")]),
        (Scope(regions="IJmond", lot="complex"), [("P3", "Midden Hulp"), ("P1", "Zorg Noord")]),  # beide matches
        (Scope(regions="IJmond", lot="enkelvoudig"), [("P2", "Alpha Jeugd"), ("P3", "Midden Hulp")]),
        (Scope(regions="IJmond", providers=("P2", "P4")), [("P2", "Alpha Jeugd")]),  # P4 works elsewhere
        (Scope(regions="Zuid-Kennemerland"), [("P3", "Midden Hulp")]),
    ],
)
def test_providers_in_scope_follow_region_perceel_and_filter(region, scope, expected):
    assert providers_in_scope(region, scope) == expected


def test_each_provider_in_scope_by_name(region):
    # zonder_verblijf: P2 8 / 10 = 80%; P3 3 trajectories (too few); P1 10 / 10 = 100%.
    rows = by_provider(region, Scope(regions="IJmond"), OCTOBER, "zonder_verblijf")
    assert _rows(rows) == [
        ("P2", "Alpha Jeugd", 80.0, None), ("P3", "Midden Hulp", None, None), ("P1", "Zorg Noord", 100.0, None),
    ]
    # the region's norm 90 (3) does not judge one provider's zonder_verblijf (per aanbieder "nee"): all grijs
    assert [row.result.status for row in rows] == ["grijs", "grijs", "grijs"]


def test_anonymised_providers_are_ordered_by_value_best_first_and_lettered(region):
    # Higher is better: 100% (P1), 80% (P2), no value (P3); the letters are A, B and C in a secret order.
    rows = by_provider(region, Scope(regions="IJmond"), OCTOBER, "zonder_verblijf", anonymise=True)
    assert [row.result.value for row in rows] == [100.0, 80.0, None]
    assert sorted(row.key for row in rows) == ["A", "B", "C"]
    assert all(row.name == f"aanbieder {row.key}" for row in rows)


def test_a_provider_keeps_its_letter_whatever_is_compared(region):
    # P1 is the 100% row of the whole region and of perceel complex (P3, P1); P3 the row without a value.
    region_rows = by_provider(region, Scope(regions="IJmond"), OCTOBER, "zonder_verblijf", anonymise=True)
    complex_rows = by_provider(region, Scope(regions="IJmond", lot="complex"), OCTOBER, "zonder_verblijf",
                               anonymise=True)
    letter = {row.result.value: row.key for row in region_rows}
    assert {row.result.value: row.key for row in complex_rows} == {100.0: letter[100.0], None: letter[None]}


def test_rows_are_ordered_on_the_first_indicator_that_has_a_value(region):
    rows = by_provider(region, Scope(regions="IJmond"), OCTOBER, "zonder_verblijf", anonymise=True)
    blank = [replace(row, results=(replace(row.result, value=None), row.result)) for row in rows[::-1]]
    ordered = _anonymised(blank, None, {row.key: row.key for row in rows})
    assert [row.results[1].value for row in ordered] == [100.0, 80.0, None]  # the first column is all empty


def test_an_anonymised_comparison_shows_the_own_provider_by_name_only(region):
    rows = by_provider(region, Scope(regions="IJmond"), OCTOBER, "zonder_verblijf", anonymise=True, own_provider="P2")
    assert [(row.key if row.key == "P2" else "?", row.result.value) for row in rows] == [
        ("?", 100.0), ("P2", 80.0), ("?", None)]
    assert sorted(row.key for row in rows if row.key != "P2") == ["A", "B"]
    shown = " ".join(f"{row.key} {row.name}" for row in rows)
    assert not any(secret in shown for secret in ("P1", "P3", "Zorg Noord", "Midden Hulp"))
