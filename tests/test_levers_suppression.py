from datetime import date

import pytest

from levers import suppression
from levers.registry import all_indicators
from commands.report import report_rows
from levers.scope import Period, Scope
from tests.builders import BEVERWIJK, HEEMSKERK, VELSEN, add_outcome, add_population, add_provider, add_trajectory

OCTOBER = Period.parse("2026-10")


def build_small_region(con) -> None:
    """IJmond in October 2026 with small numbers everywhere (all in Velsen, provider P1 complex).

    Trajectories active in October: A (no stay, started 5 Oct, registered 20 Sep), B (stay, cat. 35,
    started 10 Oct), C (no stay, started 1 Sep, open). Nothing ended in October.
    Uitkomsten 2026-K3 of P1 (strategic partner, complex): 2 refusals, 12 respondents of whom 9 positive;
    in October K4 has not ended, so the delivered K3 is the quarter that counts (signals.md §1).
    Youth population 2026: Velsen 1000, Beverwijk 500, Heemskerk 500.
    """
    add_provider(con, provider="P1", certificate_valid_until=date(2028, 1, 1))
    add_trajectory(con, client="A", start=date(2026, 10, 5), registered=date(2026, 9, 20))
    add_trajectory(con, client="B", start=date(2026, 10, 10), category=35)
    add_trajectory(con, client="C", start=date(2026, 9, 1))
    add_outcome(con, quarter_start=date(2026, 7, 1), quarter_end=date(2026, 9, 30), refusals=2,
                responses=12, positive=9)
    for municipality, youths in ((VELSEN, 1000), (BEVERWIJK, 500), (HEEMSKERK, 500)):
        add_population(con, year=2026, youths=youths, municipality=municipality)


@pytest.fixture
def report(empty_db) -> dict[str, dict[str, str]]:
    """The report rows of the small region, by code."""
    build_small_region(empty_db)
    return {row["code"]: row for row in report_rows(all_indicators(empty_db, Scope(regions="IJmond"), OCTOBER))}


@pytest.mark.parametrize(
    ("code", "waarde", "status"),
    [
        ("unieke_jeugdigen", "<5", "grijs"),  # persons A, B, C: 3
        ("actieve_trajecten", "<5", "grijs"),  # 3 trajectories
        ("instroom", "<5", "grijs"),  # A and B started in October: 2
        ("uitstroom", "0.00", "grijs"),  # nothing ended: zero is shown as 0 (no norm: grijs)
    ],
)
def test_counts_from_one_to_four_are_shown_as_less_than_five_in_the_report(report, code, waarde, status):
    assert (report[code]["waarde"], report[code]["status"]) == (waarde, status)


def test_refusals_are_shown_as_less_than_five_but_stay_red(report):
    # 2 refusals against norm 0 (marge 0): rood, shown as <5.
    assert (report["weigeringen"]["waarde"], report["weigeringen"]["status"]) == ("<5", "rood")


def test_a_ratio_over_fewer_than_ten_is_empty_and_grey_with_its_denominator_as_less_than_five(report):
    # zonder_verblijf = 2 of 3 active trajectories without stay: denominator 3 < 10.
    row = report["zonder_verblijf"]
    assert (row["waarde"], row["status"], row["noemer"]) == ("", "grijs", "<5")
    assert row["reden"] == "te weinig waarnemingen"


def test_a_ratio_over_ten_or_more_is_shown_with_two_decimals(report):
    # tevredenheid = 9 / 12 × 100 = 75.00 against 80 (5): 75 ≥ 80 − 5 → oranje; 12 respondents.
    row = report["tevredenheid"]
    assert (row["waarde"], row["status"], row["noemer"]) == ("75.00", "oranje", "12")


def test_rates_per_thousand_youths_are_not_suppressed(report):
    # 3 persons / (1000 + 500 + 500) youths × 1000 = 1.50, although 3 persons is a small count.
    assert report["jeugdhulp_per_1000"]["waarde"] == "1.50"


def test_no_exact_small_count_leaves_the_levers(empty_db):
    # Whatever the indicator, a shown count-protected value is never between 1 and 4.
    build_small_region(empty_db)
    for result in all_indicators(empty_db, Scope(regions="IJmond"), OCTOBER):
        if result.code in {"unieke_jeugdigen", "actieve_trajecten", "instroom", "uitstroom", "weigeringen"}:
            assert not suppression.is_small_count(result.value), result.code


@pytest.mark.parametrize(
    ("count", "is_small"), [(0, False), (1, True), (4, True), (4.5, True), (5, False), (None, False)]
)
def test_small_count_rule(count, is_small):
    assert suppression.is_small_count(count) is is_small


@pytest.mark.parametrize(("denominator", "too_few"), [(None, True), (0, True), (9, True), (10, False), (250, False)])
def test_too_few_rule(denominator, too_few):
    assert suppression.is_too_few(denominator) is too_few
