from datetime import date

import pytest

from levers.scope import Period
from levers.series import outlier_flags, series_periods

# Twelve values alternating 10 and 12: mean 11; every deviation is ±1, so the sample variance is
# 12 / 11 = 1.0909 and the sample sd 1.0445; mean ± 2 sd = [8.911, 13.089].
# (The population sd would be 1, giving [9, 13].)
ALTERNATING = [10.0, 12.0] * 6


@pytest.mark.parametrize(
    ("latest", "is_outlier"),
    [
        (13.0, False),
        (13.05, False),  # outside [9, 13] but inside [8.911, 13.089]: the sd is the sample sd
        (13.1, True),
        (9.0, False),
        (8.9, True),
    ],
)
def test_the_latest_value_is_an_outlier_outside_two_sample_sds(latest, is_outlier):
    assert outlier_flags([*ALTERNATING, latest])[-1] is is_outlier


def test_points_with_fewer_than_twelve_values_before_them_are_never_flagged():
    # 1 … 11 then 1000: only 11 values precede 1000.
    assert outlier_flags([*range(1, 12), 1000.0]) == (False,) * 12


def test_missing_values_are_skipped_and_not_counted():
    # The Nones are no values: 1000 still has only 11 values before it, so it is not flagged ...
    values = [None, *ALTERNATING[:6], None, *ALTERNATING[6:11], 1000.0, None]
    flags = outlier_flags(values)
    assert flags == (False,) * len(values)
    # ... and with the twelfth value in place, 1000 is compared with the 12 values (mean 11).
    flags = outlier_flags([None, *ALTERNATING[:6], None, *ALTERNATING[6:], 1000.0, None])
    assert flags[-2:] == (True, False)


def test_every_point_is_compared_with_its_own_twelve_predecessors():
    # 13.1 is an outlier against the alternating twelve; the next point 12 is compared with
    # 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 13.1: mean (6 × 12 + 5 × 10 + 13.1) / 12 = 11.258;
    # squared deviations 6 × 0.742² + 5 × 1.258² + 1.842² = 14.61, / 11 → sd 1.152;
    # 12 lies inside [8.95, 13.56].
    assert outlier_flags([*ALTERNATING, 13.1, 12.0])[-2:] == (True, False)


def test_a_flat_series_flags_any_change_and_never_itself():
    # sd 0: mean ± 0 holds only the mean itself.
    flat = [100 / 3] * 12
    assert outlier_flags([*flat, 100 / 3])[-1] is False
    assert outlier_flags([*flat, 34.0])[-1] is True


def test_a_monthly_series_has_the_24_months_up_to_p_end():
    periods = series_periods("instroom", Period.parse("2026-10"))
    assert len(periods) == 24
    assert (periods[0].label, periods[-1].label) == ("2024-11", "2026-10")
    assert (periods[0].start, periods[-1].end) == (date(2024, 11, 1), date(2026, 10, 31))


def test_the_series_of_a_year_ends_with_its_december():
    periods = series_periods("uitval", Period.parse("2024"))
    assert [p.label for p in periods[:2]] + [periods[-1].label] == ["2023-01", "2023-02", "2024-12"]
    assert periods[13].end == date(2024, 2, 29)  # the leap day is the last day of 2024-02


@pytest.mark.parametrize("code", ["doelrealisatie", "tevredenheid", "weigeringen", "aanlevering"])
def test_an_uitkomsten_series_has_the_8_quarters_up_to_the_quarter_of_p_end(code):
    periods = series_periods(code, Period.parse("2026-11"))
    assert [p.label for p in periods] == [
        "2025-K1", "2025-K2", "2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3", "2026-K4",
    ]
    assert (periods[0].start, periods[-1].end) == (date(2025, 1, 1), date(2026, 12, 31))
