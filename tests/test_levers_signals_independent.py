"""signals.md §3a on hand-made series: overlapping windows, flat series, process changes, a frozen
baseline and a look-ahead past the data date (issue 21).

Every expected figure is worked out beside its case: CL = mean, mR̄ = mean |x_i − x_(i−1)|,
limits CL ± 2.66 mR̄, σ = mR̄ / 1.128.
"""

from datetime import date

import pytest

from levers.catalogue import definition
from levers.chart_model import trend_model
from levers.process_changes import ProcessChange
from levers.result import IndicatorResult
from levers.scope import Period
from levers.series import build_series, grain_periods
from levers.variation import FEW_SINCE_CHANGE, FLAT, WINDOW, variation
from wording.signals import no_limits_text

OCTOBER = Period.parse("2026-10")


def _results(code: str, values, norm=None) -> list[IndicatorResult]:
    entry = definition(code)
    return [IndicatorResult(code, entry.lever, entry.name, entry.unit, value, None, norm, None, entry.better,
                            "grijs", None, False, None, None) for value in values]


def _marks(flags) -> str:
    return "".join("X" if flag else "." for flag in flags)


# 12 points alternating 30/34, the last one 50: CL = (6×30 + 5×34 + 50)/12 = 33.33, mR̄ = (10×4 + 20)/11
# = 5.4545, UPL = 33.33 + 14.51 = 47.84 < 50: special (verbetering/zorg) if the points were independent;
# 2σ = 9.67 puts only the 50 beyond CL + 2σ, the sides and steps alternate (no shift, no trend).
SPIKE = [30, 34] * 5 + [30, 50]


@pytest.mark.parametrize(
    ("code", "periods", "variatie"),
    [
        ("themadekking", grain_periods(OCTOBER)[-12:], ""),  # 12-month window in months: no limits
        ("themadekking", tuple(Period.parse(str(year)) for year in range(2015, 2027)), "verbetering"),  # years
        ("budgetuitputting", grain_periods(OCTOBER)[-12:], ""),  # January to p_end in months: no limits
        ("budgetuitputting", tuple(Period.parse(str(year)) for year in range(2015, 2027)), "zorg"),
    ],
    ids=["window in months", "window in years", "year to date in months", "year to date in years"],
)
def test_a_window_series_gets_no_variatie_in_the_month_view_and_one_in_the_year_view(code, periods, variatie):
    trend = build_series(code, periods, _results(code, SPIKE))
    assert trend.variation.variatie == variatie
    assert (trend.variation.chart is None) == (variatie == "")
    assert trend.variation.reason == ("" if variatie else WINDOW)
    model = trend_model(trend, "%")
    assert (model.limits is None, model.special) == ((True, []) if not variatie else (False, [11]))


def test_a_window_chart_says_why_it_has_no_limits():
    trend = build_series("themadekking", grain_periods(OCTOBER), _results("themadekking", SPIKE * 2))
    assert no_limits_text(trend_model(trend, "%").reason) == "geen procesgrenzen: elk punt telt de maanden ervoor mee"


@pytest.mark.parametrize(("norm", "zekerheid"), [(5, "haalt"), (4, "haalt_niet")])
def test_a_flat_series_has_no_limits_and_no_marks_and_its_value_against_the_norm_decides(norm, zekerheid):
    outcome = variation([5.0] * 12, "lower", norm)
    assert (outcome.chart, outcome.variatie, outcome.zekerheid, outcome.reason) == (None, "gewoon", zekerheid, FLAT)
    trend = build_series("certificaten", grain_periods(OCTOBER), _results("certificaten", [0] * 24, norm))
    model = trend_model(trend, "aantal")
    assert (model.limits, model.special, no_limits_text(model.reason)) == (None, [], "vlakke reeks")


# 24 months 2024-11 … 2026-10: twelve points alternating 50/54, then twelve alternating 30/32; a
# process change on 1-11-2025, the start of the 13th point.
# All 24: CL = (12×52 + 12×31)/24 = 41.5; mR̄ = (11×4 + |54−30| + 11×2)/23 = 90/23 = 3.913;
#   limits 41.5 ± 10.409 = [31.091, 51.909].
# After the change (12 points): CL = 31, mR̄ = 2, limits 31 ± 5.32 = [25.68, 36.32].
CHANGED = [50, 54] * 6 + [30, 32] * 6
CHANGE = ProcessChange(date(2025, 11, 1), "nieuw toegangsteam")


@pytest.mark.parametrize(
    ("changes", "centre", "lower", "upper", "since"),
    [
        ((), 41.5, 41.5 - 2.66 * 90 / 23, 41.5 + 2.66 * 90 / 23, 0),
        ((CHANGE,), 31, 25.68, 36.32, 12),
        ((ProcessChange(date(2023, 1, 1), "nieuwe contracten"), CHANGE), 31, 25.68, 36.32, 12),
    ],
    ids=["no change", "a change", "the latest of two changes"],
)
def test_a_process_change_moves_the_limits_to_the_points_after_it(changes, centre, lower, upper, since):
    trend = build_series("instroom", grain_periods(OCTOBER), _results("instroom", CHANGED), changes=changes)
    chart = trend.variation.chart
    assert (chart.centre, chart.lower, chart.upper) == pytest.approx((centre, lower, upper))
    model = trend_model(trend, "aantal")
    assert model.since == since
    assert model.faded == list(range(since))
    assert [(change.index, change.text) for change in model.process_changes] == (
        [(12, "nieuw toegangsteam")] if changes else [])
    assert not any(trend.variation.chart.special[:since])  # points before the change are never special


def test_fewer_than_12_points_after_the_change_give_no_limits_and_say_since_when():
    change = ProcessChange(date(2026, 3, 1), "nieuw toegangsteam")  # 2026-03 … 2026-10: 8 points
    trend = build_series("instroom", grain_periods(OCTOBER), _results("instroom", CHANGED), changes=(change,))
    model = trend_model(trend, "aantal")
    assert (trend.variation.chart, trend.variation.variatie, trend.variation.reason) == (None, "", FEW_SINCE_CHANGE)
    assert no_limits_text(model.reason, model.reason_day) == "te weinig punten sinds 1-3-2026"


# Baseline [32, 30] × 6: CL = 31, mR̄ = 2, limits [25.68, 36.32], σ = 1.773 (2σ band [27.45, 34.55]).
# Then a hand-placed shift of seven points 32/33 (all above 31, none beyond a limit or 2σ, no trend).
# Without a baseline the limits move with the tail: CL = (372 + 227)/19 = 31.526, mR̄ = (11×2 + 2 + 6×1)/18.
BASE = [32, 30] * 6
SHIFT = [32, 33, 32, 33, 32, 33, 32]


def test_a_baseline_of_12_freezes_the_limits_and_the_rules_flag_a_shift_after_it():
    frozen = variation(BASE + SHIFT, "lower", None, baseline=12).chart
    assert (frozen.centre, frozen.mean_moving_range, frozen.lower, frozen.upper) == pytest.approx((31, 2, 25.68, 36.32))
    assert _marks(frozen.special) == "." * 12 + "X" * 7
    assert variation(BASE + SHIFT, "lower", None, baseline=12).variatie == "zorg"
    moving = variation(BASE + SHIFT, "lower", None).chart
    assert (moving.centre, moving.mean_moving_range) == pytest.approx((599 / 19, 30 / 18))


def test_the_baseline_counts_from_the_latest_process_change():
    # 5 points of 80 before the change, then the baseline and the shift: the 80s are left out.
    outcome = variation([80] * 5 + BASE + SHIFT, "lower", None, since=5, baseline=12)
    assert (outcome.chart.centre, outcome.chart.upper) == pytest.approx((31, 36.32))
    assert _marks(outcome.chart.special) == "." * 17 + "X" * 7


# doorverwijzing 2024-11 … 2026-10, trajecten delivered up to 31-10-2026: 2026-10 ends 31-10 and its
# 30 days run to 30-11 (past the data date: voorlopig); 2026-09's run to 30-10 (complete).
# The 23 complete points alternate 9/11 ending at 9: CL = 229/23 = 9.957, mR̄ = 2, limits [4.64, 15.28],
# the last complete point (9) is gewoon. Had the last point (3.0) decided: CL = 232/24 = 9.667,
# mR̄ = 50/23 = 2.174, LPL = 3.884 > 3: a verbetering.
REFERRALS = [9.0, 11.0] * 11 + [9.0, 3.0]


@pytest.mark.parametrize(
    ("data_date", "variatie", "hollow"),
    [(date(2026, 10, 31), "gewoon", [23]), (date(2026, 12, 31), "verbetering", [])],
    ids=["look-ahead past the data date", "look-ahead within it"],
)
def test_a_point_whose_look_ahead_runs_past_the_data_date_is_voorlopig_and_does_not_decide(data_date, variatie, hollow):
    trend = build_series("doorverwijzing", grain_periods(OCTOBER), _results("doorverwijzing", REFERRALS),
                         look_ahead_until=data_date)
    model = trend_model(trend, "%")
    assert trend.variation.variatie == variatie
    assert model.provisional == hollow
    assert (23 in model.special) == (not hollow)



@pytest.mark.parametrize(("text", "accepted"), [("12", 12), ("24", 24), ("11", None), ("twaalf", None)])
def test_the_report_takes_a_baseline_of_at_least_12_points(text, accepted):
    import argparse

    from commands.args import baseline

    if accepted is None:
        with pytest.raises(argparse.ArgumentTypeError):
            baseline(text)
    else:
        assert baseline(text) == accepted


def test_open_actions_get_no_limits_in_any_view_because_each_point_counts_every_earlier_action():
    # 24 months of 0 … then a jump: with limits this would be a special cause; the count holds every
    # action agreed up to p_end by today's status, so the points are not independent.
    for periods in (grain_periods(OCTOBER), tuple(Period.parse(str(year)) for year in range(2015, 2027))):
        values = [0] * (len(periods) - 1) + [12]
        trend = build_series("open_acties", periods, _results("open_acties", values))
        assert (trend.variation.chart, trend.variation.variatie, trend.variation.reason) == (None, "", WINDOW)
