"""The XmR process-behaviour chart (signals.md §3) on hand-built series, each rule on both sides.

Every expected figure is worked out in the comment above its case: CL = mean, mR̄ = mean of
|x_i − x_(i−1)|, UPL/LPL = CL ± 2.66 mR̄, σ = mR̄ / 1.128.
"""

import pytest

from levers.variation import drawn_band, process_chart, variation


def _marks(flags) -> str:
    """Special causes as a picture: X special, . not."""
    return "".join("X" if flag else "." for flag in flags)


# Rule 1, a point beyond a limit. Base 30/32 alternating with one spike at index 5.
# Spike 50: Σ = 6×30 + 5×32 + 50 = 390, CL = 32.5; mR = 9×2 + 2×20 = 58 / 11 = 5.2727;
#   UPL = 32.5 + 14.0255 = 46.53 < 50 (special). σ = 4.674, CL + 2σ = 41.85: only 50 lies beyond, so
#   rule 4 adds nothing; the 30s and 32s all lie below 32.5 but in runs of 5 and 6 (no shift).
# Spike 41: Σ = 381, CL = 31.75; mR = 9×2 + 2×11 = 40 / 11 = 3.6364; UPL = 31.75 + 9.6727 = 41.42 > 41.
# Below: the mirror image 62 − x: spike 12 under LPL = 29.5 − 14.0255 = 15.47; spike 21 above
#   LPL = 30.25 − 9.6727 = 20.58.
@pytest.mark.parametrize(
    ("values", "marks"),
    [
        ([30, 32, 30, 32, 30, 50, 30, 32, 30, 32, 30, 32], ".....X......"),
        ([30, 32, 30, 32, 30, 41, 30, 32, 30, 32, 30, 32], "............"),
        ([32, 30, 32, 30, 32, 12, 32, 30, 32, 30, 32, 30], ".....X......"),
        ([32, 30, 32, 30, 32, 21, 32, 30, 32, 30, 32, 30], "............"),
    ],
    ids=["above UPL", "just under UPL", "below LPL", "just over LPL"],
)
def test_a_point_beyond_a_process_limit_is_a_special_cause(values, marks):
    assert _marks(process_chart(values).special) == marks


def test_the_limits_lie_2_66_mean_moving_ranges_from_the_centre_line():
    chart = process_chart([30, 32, 30, 32, 30, 50, 30, 32, 30, 32, 30, 32])
    assert chart.centre == pytest.approx(32.5)
    assert chart.mean_moving_range == pytest.approx(58 / 11)
    assert chart.upper == pytest.approx(32.5 + 2.66 * 58 / 11)
    assert chart.lower == pytest.approx(32.5 - 2.66 * 58 / 11)
    assert chart.sigma == pytest.approx(58 / 11 / 1.128)


# Rule 2, a shift. [9, 11, 9, 11, 9, 11, 9] then [13, 15, 13, 15, 13, 15]: Σ = 69 + 84 = 153,
# CL = 11.77: seven points below (special), six above (no shift). mR = 6×2 + 4 + 5×2 = 26 / 12 = 2.1667,
# limits 11.77 ± 5.76 = [6.01, 17.53] and 2σ band [7.93, 15.61] hold every point; the steps alternate
# except 9 → 13 → 15 (two steps: no trend).
def test_seven_points_below_the_centre_line_are_a_shift_and_six_above_are_not():
    values = [9, 11, 9, 11, 9, 11, 9, 13, 15, 13, 15, 13, 15]
    assert _marks(process_chart(values).special) == "XXXXXXX......"


# A point on the centre line ends a run. [13, 15, 13, 12, 15, 13, 15] then [11, 9, 11, 9, 11, 9]:
# Σ = 96 + 60 = 156, CL = 12 exactly, so the 12 splits the seven high points into runs of 3 and 3.
# mR = 26 / 12 = 2.1667: limits [6.24, 17.76], 2σ band [8.16, 15.84] hold every point.
# With 14 instead of 12: Σ = 158, CL = 12.15, all seven high points lie above it (a shift);
# mR = 24 / 12 = 2, limits [6.83, 17.47], 2σ band [8.61, 15.70] hold every point.
@pytest.mark.parametrize(
    ("fourth", "marks"), [(12, "............."), (14, "XXXXXXX......")], ids=["on CL", "above CL"]
)
def test_a_point_equal_to_the_centre_line_ends_a_run(fourth, marks):
    values = [13, 15, 13, fourth, 15, 13, 15, 11, 9, 11, 9, 11, 9]
    assert _marks(process_chart(values).special) == marks


# Rule 3, a trend. Base 20/10 alternating, then a rise.
# 11 … 16 (six points, five steps up): Σ = 80 + 81 + 30 = 191, CL = 14.69; mR = 4×10 + 9 + 5×1 + 6 + 10
#   = 70 / 12 = 5.833; limits [−0.82, 30.21], 2σ band [4.35, 25.04] hold every point; the longest run on
#   one side is 11, 12, 13, 14 below CL (four).
# 11 … 15 (five points): Σ = 175, CL = 14.58; mR = 68 / 11 = 6.18; limits [−1.86, 31.03], 2σ band
#   [3.62, 25.54]; runs at most four.
@pytest.mark.parametrize(
    ("values", "marks"),
    [
        ([20, 10, 20, 10, 20, 11, 12, 13, 14, 15, 16, 10, 20], ".....XXXXXX.."),
        ([20, 10, 20, 10, 20, 11, 12, 13, 14, 15, 10, 20], "............"),
    ],
    ids=["six rising points", "five rising points"],
)
def test_six_points_each_higher_than_the_one_before_are_a_trend_and_five_are_not(values, marks):
    assert _marks(process_chart(values).special) == marks


# Rule 4, two of three beyond 2σ. Base B = (11, 12, 10) × 4 + 11: Σ = 143, 12 moving ranges summing
# to 16; it sits on or next to CL and never runs, rises or falls far.
# B + [16, 11, 16]: Σ = 186, CL = 11.625; mR = (16 + 15) / 15 = 2.0667, σ = 1.832, CL + 2σ = 15.29 < 16
#   < UPL 17.12: both 16s are marked (the 11 between them is not).
# B + [16, 11, 6]: Σ = 176, CL = 11; mR = 31 / 15 = 2.0667, 2σ band [7.34, 14.66]: 16 above, 6 below,
#   one on each side: no signal; limits [5.50, 16.50] hold both.
B = [11, 12, 10] * 4 + [11]


@pytest.mark.parametrize(
    ("tail", "marks"),
    [([16, 11, 16], "." * 13 + "X.X"), ([16, 11, 6], "." * 16)],
    ids=["same side", "opposite sides"],
)
def test_two_of_three_points_beyond_two_sigma_on_one_side_are_special(tail, marks):
    assert _marks(process_chart(B + tail).special) == marks


def test_all_points_equal_have_no_spread_and_no_special_cause():
    chart = process_chart([100 / 3] * 12)
    assert (chart.centre, chart.mean_moving_range, chart.sigma) == (100 / 3, 0, 0)
    assert chart.upper == chart.lower == 100 / 3
    assert _marks(chart.special) == "." * 12
    assert variation([100 / 3] * 12, "higher", None).variatie == "gewoon"


def test_eleven_valued_points_get_no_chart_variatie_or_zekerheid():
    values = [30, 32, 30, 32, 30, 50, 30, 32, 30, 32, 30]
    assert process_chart(values) is None
    assert variation(values, "higher", 30).variatie == ""
    assert variation(values, "higher", 30).zekerheid == ""


def test_missing_and_suppressed_points_are_left_out_of_the_sequence():
    # The shift case with gaps: still seven valued points in a row below CL 11.77 (same figures),
    # and 11 valued points plus two gaps is too few for a chart.
    values = [None, 9, 11, 9, None, 11, 9, 11, 9, 13, 15, 13, 15, 13, 15]
    chart = process_chart(values)
    assert chart.centre == pytest.approx(153 / 13)
    assert _marks(chart.special) == ".XXX.XXXX......"
    assert process_chart([None, *range(1, 12), None]) is None


def test_a_last_point_without_a_value_gives_no_variatie_but_the_limits_still_judge_the_norm():
    # The shift case plus a suppressed last point: LPL 6.01 ≥ norm 6 → haalt.
    outcome = variation([9, 11, 9, 11, 9, 11, 9, 13, 15, 13, 15, 13, 15, None], "higher", 6)
    assert (outcome.variatie, outcome.zekerheid) == ("", "haalt")


# variatie from the last point. Spike up: [30, 34] × 5 + [30, 53]: Σ = 403, CL = 33.58; mR = 10×4 + 23
#   = 63 / 11 = 5.727; UPL = 33.58 + 15.23 = 48.82 < 53 (rule 1 only: 2σ band top 43.74 holds the rest).
# Spike down: the mirror 64 − x, ending with 11 under LPL 15.18.
# Rule 4 at the end: B + [16, 11, 16] (above, see rule 4) and B + [6, 11, 6]: Σ = 166, CL = 10.375,
#   mR̄ 2.0667, CL − 2σ = 6.71 > 6 > LPL 4.88: both 6s below.
# Trend at the end: [10, 20] × 3 + [19, 18, 17, 16, 15, 14]: seven points falling; CL 15.75, the last
#   two below it (no shift); limits [2.21, 29.29], 2σ band [6.72, 24.78].
# Shift at the end: [15, 17] × 3 + [12, 13, 12, 13, 12, 13, 12]: Σ = 183, CL = 14.08, the last seven
#   below it; limits [9.42, 18.73], 2σ band [10.97, 17.18]; no trend (they alternate).
UP_SPIKE = [30, 34] * 5 + [30, 53]
DOWN_SPIKE = [34, 30] * 5 + [34, 11]
UP_PAIR = B + [16, 11, 16]
DOWN_PAIR = B + [6, 11, 6]
FALLING = [10, 20] * 3 + [19, 18, 17, 16, 15, 14]
SHIFTED_DOWN = [15, 17] * 3 + [12, 13, 12, 13, 12, 13, 12]
# Conflicting sides: [20, 24] × 3 then 5 … 11: Σ = 188, CL = 14.46; the last seven lie below CL (shift:
# down) and rise in six steps (trend: up).
CONFLICT = [20, 24] * 3 + [5, 6, 7, 8, 9, 10, 11]


@pytest.mark.parametrize(
    ("values", "better", "expected"),
    [
        (UP_SPIKE, "higher", "verbetering"),
        (UP_SPIKE, "lower", "zorg"),
        (UP_SPIKE, None, "bijzonder"),
        (DOWN_SPIKE, "higher", "zorg"),
        (DOWN_SPIKE, "lower", "verbetering"),
        (UP_PAIR, "higher", "verbetering"),
        (DOWN_PAIR, "higher", "zorg"),
        (FALLING, "lower", "verbetering"),
        (FALLING, "higher", "zorg"),
        (SHIFTED_DOWN, "lower", "verbetering"),
        (SHIFTED_DOWN, "higher", "zorg"),
        (CONFLICT, "higher", "zorg"),
        (CONFLICT, "lower", "zorg"),
        (CONFLICT, None, "bijzonder"),
        ([30, 32, 30, 32, 30, 50, 30, 32, 30, 32, 30, 32], "higher", "gewoon"),  # special, not the last
        ([9, 11, 9, 11, 9, 11, 9, 13, 15, 13, 15, 13, 15], "lower", "gewoon"),
    ],
)
def test_the_last_point_decides_the_variatie(values, better, expected):
    assert variation(values, better, None).variatie == expected


# zekerheid: [90, 100] × 6 has CL 95, mR̄ 10, limits 95 ± 26.6 = [68.4, 121.6], no special cause.
@pytest.mark.parametrize(
    ("better", "norm", "expected"),
    [
        ("higher", 68.4, "haalt"),  # LPL exactly on the norm
        ("higher", 68.5, "wisselend"),
        ("higher", 121.6, "wisselend"),  # UPL on the norm is not below it
        ("higher", 121.7, "haalt_niet"),
        ("lower", 121.6, "haalt"),  # UPL exactly on the norm
        ("lower", 121.5, "wisselend"),
        ("lower", 68.4, "wisselend"),  # LPL on the norm is not above it
        ("lower", 68.3, "haalt_niet"),
        ("higher", None, ""),
        (None, None, ""),
    ],
)
def test_the_limits_against_the_norm_give_the_zekerheid(better, norm, expected):
    outcome = variation([90, 100] * 6, better, norm)
    assert (outcome.variatie, outcome.zekerheid) == ("gewoon", expected)


def test_a_flat_series_on_its_norm_meets_it_and_one_under_it_does_not():
    assert variation([7.0] * 12, "higher", 7).zekerheid == "haalt"
    assert variation([7.0] * 12, "higher", 8).zekerheid == "haalt_niet"


def test_the_band_is_drawn_clipped_to_the_units_range():
    chart = process_chart([30, 32, 30, 32, 30, 50, 30, 32, 30, 32, 30, 32])  # limits [18.47, 46.53]
    assert drawn_band(chart, 20, 40) == (20, 40)
    assert drawn_band(chart, None, None) == (chart.lower, chart.upper)
    assert drawn_band(chart, 0, 100) == (chart.lower, chart.upper)
