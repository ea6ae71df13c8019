"""Dutch formatting: every figure a user reads looks like nl-NL on paper."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from levers.result import IndicatorResult
from levers.scope import Period
from wording import fmt


def _result(unit="%", value=None, label=None, norm=None, better="higher"):
    return IndicatorResult(
        code="x", lever="diagnostics", name="X", unit=unit, value=value, value_label=label, norm=norm,
        margin=None, better=better, status="grijs", reason=None, is_suppressed=label is not None,
        denominator=None, denominator_label=None,
    )


@pytest.mark.parametrize(("value", "expected"), [
    (1234567, "€ 1.234.567"),
    (1234567.5, "€ 1.234.568"),  # whole euros, half rounds up
    (0, "€ 0"),
    (-1234, "€ -1.234"),
])
def test_euro_amounts_have_a_thousands_dot_and_no_cents(value, expected):
    assert fmt.euro(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (12.5, "12,5%"),
    (12.35, "12,4%"),  # the float 12.35 is 12.3499…: rounding the binary value would give 12,3
    (12.25, "12,3%"),  # half-even would give 12,2
    (100, "100,0%"),
    (1234.5, "1.234,5%"),
])
def test_percentages_have_a_decimal_comma_and_no_space(value, expected):
    assert fmt.percent(value) == expected


def test_counts_have_a_thousands_dot():
    assert fmt.count(1234) == "1.234"
    assert fmt.count(1234567) == "1.234.567"
    assert fmt.count(0) == "0"


def test_a_tiny_negative_number_does_not_show_as_minus_zero():
    assert fmt.number(-0.04, 1) == "0,0"


def test_dates_are_day_month_year_with_dashes():
    assert fmt.day(date(2026, 11, 23)) == "23-11-2026"
    assert fmt.day(date(2026, 1, 5)) == "05-01-2026"


def test_months_are_named_in_dutch():
    assert fmt.month_name(date(2026, 10, 1)) == "oktober 2026"
    assert fmt.month_name(date(2026, 3, 31)) == "maart 2026"
    assert fmt.month_short(date(2026, 10, 1)) == "okt 2026"


@pytest.mark.parametrize(("text", "long", "short"), [
    ("2026-10", "oktober 2026", "okt 2026"),
    ("2026-K3", "3e kwartaal 2026", "K3 2026"),
    ("2025", "2025", "2025"),
])
def test_periods_read_as_dutch_words(text, long, short):
    assert fmt.period_label(Period.parse(text)) == long
    assert fmt.period_short(Period.parse(text)) == short


@pytest.mark.parametrize(("unit", "value", "expected"), [
    ("%", 86.24, "86,2%"),
    ("% van budget", 103.0, "103,0%"),
    ("% positief", 80, "80,0%"),
    ("% van 18", 77.777, "77,8%"),
    ("dagen", 30, "30 dagen"),
    ("dagen", 30.5, "30,5 dagen"),
    ("per 1.000", 104.26, "104,3"),
    ("gemiddelde", 1.234, "1,23"),
    ("euro", 4321.4, "€ 4.321"),
    ("aantal", 1234, "1.234"),
    ("sessies", 17, "17"),
])
def test_an_indicator_value_is_formatted_by_its_unit(unit, value, expected):
    assert fmt.value(_result(unit=unit, value=value)) == expected


def test_a_suppressed_small_count_shows_its_label_never_a_number():
    assert fmt.value(_result(unit="aantal", value=None, label="<5")) == "<5"


def test_a_missing_or_hidden_value_shows_a_dash():
    assert fmt.value(_result(unit="%", value=None)) == "–"


def test_a_norm_shows_its_direction():
    assert fmt.norm(_result(unit="dagen", norm=42, better="lower")) == "≤ 42 dagen"
    assert fmt.norm(_result(unit="%", norm=90, better="higher")) == "≥ 90,0%"
    assert fmt.norm(_result(unit="%", norm=None)) == "–"


def test_plotly_uses_a_decimal_comma_and_a_thousands_dot():
    assert fmt.PLOTLY_SEPARATORS == ",."


@pytest.mark.parametrize(("stored", "shown"), [
    (datetime(2026, 6, 15, 16, 17), "15-06-2026 18:17"),  # summer time: UTC+2
    (datetime(2027, 1, 15, 16, 17), "15-01-2027 17:17"),  # winter time: UTC+1
    (datetime(2026, 10, 25, 0, 30), "25-10-2026 02:30"),  # half an hour before the clocks go back (01:00 UTC)
    (datetime(2026, 10, 25, 1, 30), "25-10-2026 02:30"),  # ... and the same wall-clock time an hour later
    (datetime(2026, 6, 15, 16, 17, tzinfo=UTC), "15-06-2026 18:17"),  # an aware UTC moment alike
    (datetime(2026, 6, 15, 16, 17, tzinfo=timezone(timedelta(hours=-4))), "15-06-2026 22:17"),  # from its own zone
])
def test_a_stored_utc_moment_is_shown_on_the_amsterdam_clock(stored, shown):
    assert fmt.moment(stored) == shown


def test_no_moment_is_shown_as_nothing():
    assert fmt.moment(None) == "" and fmt.moment(float("nan")) == ""
