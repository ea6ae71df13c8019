"""Dates, months, quarters and years as Dutch Excel writes them: Python decoders and the same rules in SQL.

Excel rewrites what a user types before the file is saved: `05-10-2026` becomes `5-10-2026`, a month
`2026-10` becomes `1-10-2026` or `okt-26`. Each form is decoded here twice, as a Python function (the
reference) and as a DuckDB expression over the cleaned text `{v}` (NULL when invalid), and
tests/test_data_decode.py checks that both agree. data/ingest/decode.py wraps them into the column types.

A decoder only reads the form; whether the value is plausible (four-digit year, 2000 up to the year
after the data date, the first day of a month or quarter) is a separate rule with its own message,
so a user learns *why* `15-1-25` or `15-10-2026` in a month column is refused.
"""

from __future__ import annotations

import re
from datetime import date

FIRST_YEAR = 2000  # older data is not plausible for this monitor (issue 12: year zero, short years)

DATE_MESSAGE = "{value} is geen geldige datum (gebruik d-m-jjjj of jjjj-mm-dd)"
MONTH_MESSAGE = "{value} is geen geldige maand (gebruik JJJJ-MM)"
QUARTER_MESSAGE = "{value} is geen geldig kwartaal (gebruik JJJJ-Kn)"
YEAR_MESSAGE = "{value} is geen geldig jaartal (schrijf het jaar met vier cijfers, bijvoorbeeld 2026)"
REFERENCE_PERIOD_MESSAGE = ("{value} is geen geldige periode (gebruik JJJJ, JJJJ-H1, JJJJ-K3 "
                            "of de CBS-vorm 2024JJ00, 2024HJ01, 2024KW03)")
FOUR_DIGITS_MESSAGE = "{value} heeft geen jaartal van vier cijfers; schrijf het jaar voluit (bijvoorbeeld 2026)"
RANGE_MESSAGE = f"{{value}} ligt buiten de mogelijke jaren ({FIRST_YEAR} tot en met volgend jaar)"
YEARS_AHEAD = 10  # a date that lies ahead by nature (a certificate's expiry, a deadline) may lie this far ahead
AHEAD_RANGE_MESSAGE = f"{{value}} ligt buiten de mogelijke jaren ({FIRST_YEAR} tot en met {YEARS_AHEAD} jaar vooruit)"
FIRST_OF_MONTH_MESSAGE = ("{value} is niet de eerste dag van een maand; schrijf de maand als JJJJ-MM "
                          "(bijvoorbeeld 2026-10)")
FIRST_OF_QUARTER_MESSAGE = ("{value} is niet het begin van een kwartaal; schrijf het kwartaal als JJJJ-Kn "
                            "(bijvoorbeeld 2026-K4)")

MONTH_NAMES = {  # Dutch names and Excel's Dutch abbreviations (format mmm)
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
SHORT_NAMES = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_DMY = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{1,4})", re.ASCII)
_MONTH_ISO = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_MONTH_MY = re.compile(r"(\d{1,2})[-/](\d{4})", re.ASCII)
_MONTH_NAME = re.compile(r"([a-z]+)[ -](\d{2}|\d{4})", re.ASCII)
_QUARTER_YK = re.compile(r"(\d{4})-[KQ]([1-4])", re.ASCII)
_QUARTER_KY = re.compile(r"[KQ]([1-4])[ -](\d{4})", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
# a published figure's period: year, half-year or quarter, as we write it or as CBS StatLine does
_REFERENCE_PERIODS = (
    (re.compile(r"(\d{4})(JJ00)?", re.ASCII), ""),
    (re.compile(r"(\d{4})(?:-H|HJ0)([12])", re.ASCII), "H"),
    (re.compile(r"(\d{4})(?:-[KQ]|KW0)([1-4])", re.ASCII), "K"),
)
_PERIOD_MONTHS = {"": 12, "H": 6, "K": 3}


def _invalid(message: str, text: str) -> ValueError:
    return ValueError(message.format(value=text))


def dutch_date(text: str) -> date:
    """d-m-jjjj (days and months with or without a leading zero), d/m/jjjj or jjjj-mm-dd.

    A short year (`15-1-25`) is read as it stands, year 25, so that the four-digit rule can say
    what is wrong; year zero is no date at all.
    """
    if match := _ISO.fullmatch(text):
        year, month_number, day = match[1], match[2], match[3]
    elif match := _DMY.fullmatch(text):
        day, month_number, year = match[1], match[3], match[4]
    else:
        raise _invalid(DATE_MESSAGE, text)
    try:
        return date(int(year), int(month_number), int(day))
    except ValueError:
        raise _invalid(DATE_MESSAGE, text) from None


def _month_form(text: str) -> date | None:
    """The month forms that are not a whole date: JJJJ-MM, MM-JJJJ, `okt-26`, `oktober 2026`."""
    if match := _MONTH_ISO.fullmatch(text):
        return date(int(match[1]), int(match[2]), 1)
    if match := _MONTH_MY.fullmatch(text):
        return date(int(match[2]), int(match[1]), 1)
    if (match := _MONTH_NAME.fullmatch(text.lower())) and match[1] in MONTH_NAMES:
        year = int(match[2]) + (2000 if len(match[2]) == 2 else 0)  # Excel's `okt-26` means 2026
        return date(year, MONTH_NAMES[match[1]], 1)
    return None


def month(text: str) -> date:
    """A month as the first day of it; a whole date is read as it stands (a rule wants the first)."""
    try:
        found = _month_form(text)
        return found if found is not None else dutch_date(text)
    except ValueError:
        raise _invalid(MONTH_MESSAGE, text) from None


def quarter(text: str) -> date:
    """`JJJJ-Kn`, `JJJJ-Qn`, `Kn JJJJ` (any case), or any month form (a rule wants a quarter's first)."""
    upper = text.upper()
    try:
        if match := _QUARTER_YK.fullmatch(upper):
            return date(int(match[1]), 3 * int(match[2]) - 2, 1)
        if match := _QUARTER_KY.fullmatch(upper):
            return date(int(match[2]), 3 * int(match[1]) - 2, 1)
        return month(text)
    except ValueError:
        raise _invalid(QUARTER_MESSAGE, text) from None


def year(text: str) -> int:
    if not _YEAR.fullmatch(text):
        raise _invalid(YEAR_MESSAGE, text)
    return int(text)


def reference_period(text: str) -> str:
    """A year, half-year or quarter as one label: `2024`, `2024-H1`, `2024-K3` (CBS's `2024HJ01` too)."""
    upper = text.upper()
    for pattern, letter in _REFERENCE_PERIODS:
        if match := pattern.fullmatch(upper):
            return match[1] + (f"-{letter}{match[2]}" if letter else "")
    raise _invalid(REFERENCE_PERIOD_MESSAGE, text)


def reference_period_bounds(label: str) -> tuple[date, date]:
    """The first and last day of a `reference_period` label (`2025-H1` -> 1-1-2025, 30-6-2025)."""
    letter = label[5:6]
    months = _PERIOD_MONTHS[letter]
    first_month = 1 + (int(label[6]) - 1) * months if letter else 1
    start = date(int(label[:4]), first_month, 1)
    after = date(start.year + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
    return start, date.fromordinal(after.toordinal() - 1)


def plausible_year(number: int, today: date, ahead: int = 1) -> bool:
    return FIRST_YEAR <= number <= today.year + ahead


# -- the same in DuckDB SQL ------------------------------------------------------------------------------
def _names_sql(expr: str) -> str:
    whens = " ".join(f"when '{name}' then {number}" for name, number in MONTH_NAMES.items())
    return f"(case {expr} {whens} end)"


# strptime is strict about digits and separators and much cheaper than a regular expression on a
# million dates; the ISO form is the one whose first `-` is the fifth character. Year zero is refused
# as Python refuses it (only a text ending in a separator and zeros has one).
SQL_DATE = (
    "(case when strpos({v}, '-') = 5 then (case when left({v}, 4) <> '0000' then try_strptime({v}, '%Y-%m-%d') end) "
    "when {v}[-1] = '0' and regexp_matches({v}, '[-/]0+$') then null "
    "when strpos({v}, '/') > 0 then try_strptime({v}, '%d/%m/%Y') "
    "else try_strptime({v}, '%d-%m-%Y') end)::date")
_NAMED = "regexp_extract(lower({v}), '^([a-z]+)[ -](\\d{2}|\\d{4})$', ['name', 'year'])"
SQL_MONTH = (
    "(case when regexp_full_match({v}, '\\d{4}-\\d{1,2}') "
    "then (case when left({v}, 4) <> '0000' then try_strptime({v} || '-1', '%Y-%m-%d') end) "
    "when regexp_full_match({v}, '\\d{1,2}[-/]\\d{4}') "
    "then (case when right({v}, 4) <> '0000' then try_strptime('1-' || replace({v}, '/', '-'), '%d-%m-%Y') end) "
    f"when regexp_full_match(lower({{v}}), '[a-z]+[ -](\\d{{2}}|\\d{{4}})') then (case "
    f"when length({_NAMED}.year) = 2 then make_date(2000 + {_NAMED}.year::integer, {_names_sql(_NAMED + '.name')}, 1) "
    f"when {_NAMED}.year <> '0000' then make_date({_NAMED}.year::integer, {_names_sql(_NAMED + '.name')}, 1) end) "
    f"else {SQL_DATE} end)::date")
SQL_QUARTER = (
    "(case when regexp_full_match(upper({v}), '\\d{4}-[KQ][1-4]') "
    "then (case when left({v}, 4) <> '0000' "
    "then make_date(left({v}, 4)::integer, 3 * right({v}, 1)::integer - 2, 1) end) "
    "when regexp_full_match(upper({v}), '[KQ][1-4][ -]\\d{4}') "
    "then (case when right({v}, 4) <> '0000' then make_date(right({v}, 4)::integer, 3 * {v}[2]::integer - 2, 1) end) "
    f"else {SQL_MONTH} end)::date")
SQL_YEAR = "case when regexp_full_match({v}, '\\d{4}') then {v}::smallint end"
SQL_REFERENCE_PERIOD = (
    "(case when regexp_full_match(upper({v}), '\\d{4}(JJ00)?') then left({v}, 4) "
    "when regexp_full_match(upper({v}), '\\d{4}(-H|HJ0)[12]') then left({v}, 4) || '-H' || right({v}, 1) "
    "when regexp_full_match(upper({v}), '\\d{4}(-[KQ]|KW0)[1-4]') then left({v}, 4) || '-K' || right({v}, 1) end)")
# a label's bounds in SQL (the table keeps them beside the label, so levers can overlap periods)
_LABEL_MONTHS = "(case substr({x}, 6, 1) when 'H' then 6 when 'K' then 3 else 12 end)"
SQL_REFERENCE_PERIOD_START = (
    f"make_date(left({{x}}, 4)::integer, case when length({{x}}) = 4 then 1 "
    f"else 1 + (right({{x}}, 1)::integer - 1) * {_LABEL_MONTHS} end, 1)")
SQL_REFERENCE_PERIOD_END = (
    f"last_day({SQL_REFERENCE_PERIOD_START} + to_months({_LABEL_MONTHS} - 1))")
SQL_PLAUSIBLE_LABEL_YEAR = f"left({{x}}, 4)::integer between {FIRST_YEAR} and year($today) + 1"
SQL_PLAUSIBLE_YEAR = f"{{x}} between {FIRST_YEAR} and year($today) + 1"
SQL_PLAUSIBLE_DATE = f"year({{x}}) between {FIRST_YEAR} and year($today) + 1"
SQL_PLAUSIBLE_AHEAD = f"year({{x}}) between {FIRST_YEAR} and year($today) + {YEARS_AHEAD}"
SQL_FOUR_DIGITS = "year({x}) >= 1000"
SQL_FIRST_OF_MONTH = "day({x}) = 1"
SQL_FIRST_OF_QUARTER = "day({x}) = 1 and month({x}) in (1, 4, 7, 10)"


def month_label(value: date) -> str:
    """`okt 2026`: a month as the preview and the tables show it."""
    return f"{SHORT_NAMES[value.month - 1]} {value.year}"
