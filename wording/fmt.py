"""Dutch (nl-NL) formatting of every figure, date and period a user reads.

One place for it, so that `€ 1.234.567`, `12,5%` and `23-11-2026` look the same on every page and
in every chart. Rounding follows levers.rounding (half-up), the one rule for every figure.
Suppressed figures never reach a formatter as numbers: `IndicatorResult` carries `<5` or no value.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_decimal

from levers.result import IndicatorResult
from levers.rounding import half_up
from levers.scope import Period, PeriodKind

LOCALE = "nl_NL"
PLOTLY_SEPARATORS = ",."  # plotly: decimal comma, thousands dot
NOT_SHOWN = "–"  # no value, or too few observations to show one
PERCENT_UNITS = frozenset({"%", "% positief", "% van budget", "% van 18"})
AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the clock every reader lives by; moments are stored in UTC


def number(value: float, decimals: int = 0) -> str:
    """`1.234` or `1.234,5`: thousands dot, decimal comma."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(half_up(value, decimals), format=pattern, locale=LOCALE)


def count(value: float) -> str:
    """A whole count: `1.234`."""
    return number(value, 0)


def together(words: list[str]) -> str:
    """`A`, `A en B`, `A, B en C`: a Dutch enumeration."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


def euro(value: float) -> str:
    """Whole euros: `€ 1.234.567` (negative: `€ -1.234`)."""
    return f"€ {number(value, 0)}"


def percent(value: float, decimals: int = 1) -> str:
    """`12,5%` (Dutch: no space before the sign)."""
    return f"{number(value, decimals)}%"


def day(value: date) -> str:
    """`23-11-2026`."""
    return value.strftime("%d-%m-%Y")


def amsterdam(stored: datetime) -> datetime:
    """A stored moment (naive UTC, as every table keeps them) as Amsterdam wall-clock time, naive.

    Summer time included: 16:17 UTC is 18:17 in June and 17:17 in January. An aware moment is
    converted from its own zone.
    """
    return (stored if stored.tzinfo else stored.replace(tzinfo=UTC)).astimezone(AMSTERDAM).replace(tzinfo=None)


def moment(stored: datetime | None) -> str:
    """`23-11-2026 17:17`: a stored UTC moment as the reader's clock shows it; '' for none."""
    if stored is None or stored != stored:  # None, or pandas' NaT (never equal to itself)
        return ""
    return clock(amsterdam(stored))


def clock(local: datetime) -> str:
    """`23-11-2026 17:17` for a moment already in Amsterdam time (see `amsterdam`)."""
    return f"{local:%d-%m-%Y %H:%M}"


def month_name(value: date) -> str:
    """`oktober 2026`."""
    return format_date(value, "MMMM y", locale=LOCALE)


def month_short(value: date) -> str:
    """`okt 2026`: chart axes."""
    return format_date(value, "MMM y", locale=LOCALE)


def period_label(period: Period, *, short: bool = False) -> str:
    """`oktober 2026`, `3e kwartaal 2026`, `1e helft 2026` or `2026`; short (chart axes, tables): `okt 2026`,
    `K3 2026`, `H1 2026`."""
    if period.kind == PeriodKind.MONTH:
        return (month_short if short else month_name)(period.start)
    if period.kind == PeriodKind.QUARTER:
        quarter = (period.start.month + 2) // 3
        return f"K{quarter} {period.start.year}" if short else f"{quarter}e kwartaal {period.start.year}"
    if period.kind == PeriodKind.HALF_YEAR:
        half = 1 if period.start.month == 1 else 2
        return f"H{half} {period.start.year}" if short else f"{half}e helft {period.start.year}"
    if not period.is_calendar_year:  # twelve months: `nov 2025 – okt 2026`
        return f"{month_short(period.start)} – {month_short(period.end)}"
    return str(period.start.year)


def period_short(period: Period) -> str:
    """`okt 2026`, `K3 2026` or `2026`."""
    return period_label(period, short=True)


def in_unit(value: float, unit: str) -> str:
    """A number in an indicator's unit: `12,5%`, `30 dagen`, `€ 4.321`, `1.234`, `1,25`."""
    if unit in PERCENT_UNITS:
        return percent(value)
    if unit == "euro":
        return euro(value)
    if unit == "dagen":
        return f"{number(value, 0 if float(value).is_integer() else 1)} dagen"
    if unit == "per 1.000":
        return number(value, 1)
    if unit == "gemiddelde":
        return number(value, 2)
    return count(value)  # aantal, sessies


def margin(value: float, unit: str) -> str:
    """A norm's margin: `5 procentpunt` for a percentage (not `5,0%`), else the unit's own words."""
    if unit in PERCENT_UNITS:
        return f"{number(value, 0 if float(value).is_integer() else 1)} procentpunt"
    return in_unit(value, unit)


def value(result: IndicatorResult) -> str:
    """The shown value of an indicator: formatted, `<5` for a small count, `–` when not shown."""
    if result.value_label:
        return result.value_label
    if result.value is None:
        return NOT_SHOWN
    return in_unit(result.value, result.unit)


def norm(result: IndicatorResult) -> str:
    """`≤ 42 dagen`, `≥ 90,0%`, or `–` without a norm."""
    if result.norm is None:
        return NOT_SHOWN
    return bound(result.norm, result.unit, result.better)


def bound(value: float, unit: str, better: str | None) -> str:
    """A norm with its direction: `≤ 42 dagen` when lower is better, `≥ 90,0%` when higher is."""
    sign = "≤" if better == "lower" else "≥" if better == "higher" else ""
    return f"{sign} {in_unit(value, unit)}".strip()


def axis_number(value: float | None, unit: str) -> str:
    """Hover and bar labels in charts: the value in its unit, `–` when missing."""
    return NOT_SHOWN if value is None else in_unit(value, unit)
