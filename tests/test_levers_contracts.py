"""The contract cycle's pure functions (levers/contracts.py): which dates the Overzicht names, a contract's
timeline, and the two periods an evaluation compares. Dates are written out by hand."""

from __future__ import annotations

from datetime import date, timedelta

from levers.contracts import before_period, contracts, due, recent_period, timeline
from levers.scope import Period
from tests.builders import add_contract

TODAY = date(2026, 12, 7)


def test_an_evaluation_89_days_ahead_is_named_and_one_91_days_ahead_is_not(empty_db):
    add_contract(empty_db, contract_id="CX-89", start=date(2023, 1, 1), end=date(2028, 12, 31),
                 evaluations=(date(2027, 3, 6),))  # 7-12-2026 + 89 days: 24 + 31 + 28 + 6 = 89
    add_contract(empty_db, contract_id="CX-91", start=date(2023, 1, 1), end=date(2028, 12, 31),
                 evaluations=(date(2027, 3, 8),))  # + 91 days
    named = due(contracts(empty_db, "IJmond"), TODAY)
    assert [(m.contract_id, m.kind, m.day, m.days_ahead) for m in named] == [
        ("CX-89", "evaluatie", date(2027, 3, 6), 89)]


def test_an_end_date_is_named_from_90_days_before_it_up_to_the_day_itself(empty_db):
    add_contract(empty_db, contract_id="EV-90", start=date(2023, 1, 1), end=date(2027, 3, 7))  # + 90 days
    add_contract(empty_db, contract_id="EV-0", start=date(2023, 1, 1), end=TODAY)
    add_contract(empty_db, contract_id="EV-past", start=date(2023, 1, 1), end=TODAY - timedelta(days=1))
    named = due(contracts(empty_db, "IJmond"), TODAY)
    assert [(m.contract_id, m.kind, m.days_ahead) for m in named] == [("EV-0", "einde", 0), ("EV-90", "einde", 90)]


def test_a_joint_contract_belongs_to_each_of_its_regions_and_to_no_other(empty_db):
    add_contract(empty_db, contract_id="CX-J", regions="IJmond/Zuid-Kennemerland", start=date(2023, 1, 1),
                 end=date(2025, 12, 31))
    assert [t.contract_id for t in contracts(empty_db, "Zuid-Kennemerland")] == ["CX-J"]
    assert [t.contract_id for t in contracts(empty_db, "IJmond")] == ["CX-J"]
    assert contracts(empty_db, "Achterhoek") == ()


def test_the_timeline_runs_from_start_over_evaluations_and_today_to_end_and_extension_limit(empty_db):
    add_contract(empty_db, contract_id="CX-T", start=date(2023, 1, 1), end=date(2026, 12, 31),
                 extension_until=date(2027, 12, 31), evaluations=(date(2027, 4, 1), date(2025, 4, 1)))
    (term,) = contracts(empty_db, "IJmond")
    assert [(m.kind, m.day) for m in timeline(term, TODAY)] == [
        ("start", date(2023, 1, 1)), ("evaluatie", date(2025, 4, 1)), ("vandaag", TODAY),
        ("einde", date(2026, 12, 31)), ("evaluatie", date(2027, 4, 1)), ("verlenging", date(2027, 12, 31))]


def test_an_evaluation_compares_the_twelve_months_before_the_start_with_the_last_four_whole_quarters(empty_db):
    add_contract(empty_db, contract_id="RV", start=date(2025, 7, 1), end=date(2028, 6, 30))
    add_contract(empty_db, contract_id="OLD", start=date(2023, 1, 1), end=date(2025, 6, 30))
    new, old = sorted(contracts(empty_db, "IJmond"), key=lambda t: t.contract_id != "RV")
    assert before_period(new) == Period.parse("2024-07..2025-06")
    assert before_period(old) == Period.parse("2022")  # a start on 1 January: the calendar year before it
    # data to 30-11-2026: the last whole quarter is 2026-K3, so October 2025 to September 2026
    assert recent_period(new, date(2026, 11, 30)) == Period.parse("2025-10..2026-09")
    # a contract that has ended: its own last twelve months
    assert recent_period(old, date(2026, 11, 30)) == Period.parse("2024-07..2025-06")


def test_twelve_months_are_a_period_that_reads_and_writes_as_jjjj_mm_to_jjjj_mm():
    period = Period.parse("2025-10..2026-09")
    assert (period.start, period.end, period.label) == (date(2025, 10, 1), date(2026, 9, 30), "2025-10..2026-09")
    assert period.year_earlier() == Period.parse("2024-10..2025-09")
    assert Period.parse("2025-01..2025-12") == Period.parse("2025")


def test_a_span_that_is_not_twelve_months_is_refused_in_dutch():
    import pytest

    with pytest.raises(ValueError, match="2025-10..2026-10 is geen reeks van twaalf maanden"):
        Period.parse("2025-10..2026-10")
