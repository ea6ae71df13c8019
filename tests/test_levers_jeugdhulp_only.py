"""Only jeugdhulp counts (indicators.md, "Scope and period"): transport (JZ020 42), jeugdreclassering
(47), jeugdbescherming (48) and preventive justice (49) are stored but count in no indicator.

One youth c1 has one jeugdhulp trajectory in February 2024 and, beside it, a transport row and a later
child-protection row; x and y have only such rows. Every value below is worked out by hand from c1 alone.
"""

from datetime import date

import pytest

from levers import suppression
from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import add_population, add_trajectory

IJMOND = Scope("IJmond")


@pytest.fixture
def mixed_db(empty_db, monkeypatch):
    monkeypatch.setattr(suppression, "SMALL_COUNT_LIMIT", 0)
    monkeypatch.setattr(suppression, "MIN_DENOMINATOR", 0)
    add_population(empty_db, year=2024, youths=1000)
    add_trajectory(empty_db, client="c1", registered=date(2024, 1, 20), start=date(2024, 2, 1),
                   end=date(2024, 2, 10))  # jeugdhulp (45), ended volgens plan
    add_trajectory(empty_db, client="c1", start=date(2024, 2, 1), provider="P2", category=42)  # transport
    add_trajectory(empty_db, client="c1", start=date(2024, 2, 15), provider="P2", category=48)  # not a referral
    add_trajectory(empty_db, client="x", registered=date(2024, 1, 1), start=date(2024, 2, 1),
                   end=date(2024, 2, 20), category=48)  # only jeugdbescherming
    add_trajectory(empty_db, client="y", start=date(2024, 2, 3), category=47, age_group="12-17")
    add_trajectory(empty_db, client="y", start=date(2024, 2, 3), provider="P2", category=49)
    return empty_db


@pytest.mark.parametrize(("code", "expected"), [
    ("unieke_jeugdigen", 1),  # c1; x and y have no jeugdhulp
    ("actieve_trajecten", 1),  # c1's 45, not its 42 and 48 nor x's and y's rows
    ("instroom", 1),
    ("uitstroom", 1),  # x's 48 ends in February too
    ("gemiddelde_duur", 9),  # 10 − 1 February
    ("wachttijd_mediaan", 12),  # 1 February − 20 January; x's 31 days do not count
    ("jeugdhulp_per_1000", 1 / 1000 * 1000),
    ("zonder_verblijf", 100),
    ("aanbieders_per_jeugdige", 1),  # the transport at P2 is no second provider
    ("doorverwijzing", 0),  # c1's 48 at P2 five days after the end is no referral
])
def test_a_person_with_only_transport_or_child_protection_rows_counts_nowhere(mixed_db, code, expected):
    result = indicator(mixed_db, code, IJMOND, Period.parse("2024-02"))
    assert result.value == pytest.approx(expected)
