"""The quarter rule of signals.md §1 as a pure function: delivered quarters and periods -> counted quarters."""

from datetime import date

import pytest

from levers.quarters import CountedQuarter, counted_quarters, source_labels
from levers.scope import Period

K1, K2, K3, K4 = date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)


def _k(start: date, ordinal: int = 0, fallback: bool = False) -> CountedQuarter:
    ends = {1: 31, 4: 30, 7: 30, 10: 31}  # the quarter's last month: March 31, June 30, September 30, December 31
    return CountedQuarter(ordinal, start, date(start.year, start.month + 2, ends[start.month]), fallback)


@pytest.mark.parametrize(
    ("delivered", "period", "as_of", "fallback", "expected"),
    [
        # August: K3 has not ended, so the latest reportable quarter K2 falls back in
        ([K1, K2], "2026-08", None, True, [_k(K2, fallback=True)]),
        # September ends K3: not delivered and not overdue -> K2; delivered -> K3 reports
        ([K1, K2], "2026-09", None, True, [_k(K2, fallback=True)]),
        ([K1, K2, K3], "2026-09", None, True, [_k(K3)]),
        # November 30 is 61 days after K3 ended (45 days overdue): K3 counts although nobody delivered it
        ([K1, K2], "2026-11", None, True, [_k(K3, fallback=True)]),
        # November 14 is exactly 45 days after September 30: overdue on that day; the 13th is not
        ([K1, K2], "2026-11", date(2026, 11, 14), True, [_k(K3, fallback=True)]),
        ([K1, K2], "2026-11", date(2026, 11, 13), True, [_k(K2, fallback=True)]),
        # the year: K1 to K3, K4 ended on p_end without a row
        ([K1, K2], "2026", None, True, [_k(K1), _k(K2), _k(K3)]),
        # the quarter itself reports
        ([K1, K2], "2026-K2", None, True, [_k(K2)]),
        # a series point never falls back: August has no reporting quarter
        ([K1, K2], "2026-08", date(2026, 12, 31), False, []),
        # before the first delivered quarter nothing is reportable, overdue or not
        ([K2], "2026-03", None, True, []),
        ([], "2026", None, True, []),
        # as known at an earlier day than p_end: K4 (ended 12-31) cannot count at 12-15
        ([K1, K2, K3, K4], "2026-K4", date(2026, 12, 15), False, []),
    ],
)
def test_a_period_counts_its_reportable_quarters_else_the_latest_reportable_one(
    delivered, period, as_of, fallback, expected
):
    assert counted_quarters(delivered, [Period.parse(period)], as_of=as_of, fallback=fallback) == expected


def test_each_period_of_a_list_gets_its_own_ordinal_and_label():
    periods = [Period.parse("2026-08"), Period.parse("2026-K2"), Period.parse("2026"), Period.parse("2025-12")]
    quarters = counted_quarters([K1, K2], periods)
    assert quarters == [_k(K2, 0, True), _k(K2, 1), _k(K1, 2), _k(K2, 2), _k(K3, 2)]
    assert source_labels(periods, quarters) == ["2026-K2", None, "2026-K1 t/m 2026-K3", None]
