"""Dutch spreadsheet values decoded: small pure str -> value functions and the types built on them.

Every column type of the CSV contract is declared once here, as an `Annotated` type that carries
both halves of its meaning: a Python decoder (pydantic `BeforeValidator`, the reference semantics)
and a `SqlDecoder`, the same rule as a DuckDB expression for bulk validation of large files
(data/ingest/validate.py). tests/test_data_decode.py checks that both halves agree, value by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Callable

from pydantic import BeforeValidator
from pydantic_core import core_schema

from data.ingest.masking import shown

from data.ingest import dates
from data.ingest.dates import (
    DATE_MESSAGE, MONTH_MESSAGE, QUARTER_MESSAGE, REFERENCE_PERIOD_MESSAGE, YEAR_MESSAGE, dutch_date, month, quarter,
    reference_period, year,
)


def _months_later(day: date, months: int) -> date:
    """The first day `months` after the first of `day`'s month (a quarter's start + 3: the day after it ends)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def today() -> date:
    """The date 'not in the future' is measured against (one place, so tests can pin it)."""
    return date.today()


# -- the Python decoders: text (already cleaned, never empty) -> value, ValueError in Dutch ------------
STRIP = " "  # what surrounds a value and means nothing (money also drops non-breaking spaces inside)
# the same in DuckDB (its trim removes spaces); empty -> NULL. Trimming copies every text, so only a
# text that starts or ends with a space is trimmed: a third of the cost on a large file
SQL_CLEAN = "case when {v} = '' or prefix({v}, ' ') or suffix({v}, ' ') then nullif(trim({v}), '') else {v} end"


def clean(text: str) -> str:
    """A cell as the contract sees it: surrounding blanks dropped ('' means empty)."""
    return text.strip(STRIP)

_WHOLE = re.compile(r"-?\d{1,9}", re.ASCII)
_NUMBER = re.compile(r"-?\d{1,15}([.,]\d{1,15})?", re.ASCII)
# a thousands group needs a first group without a leading zero: `0,001` is no thousand (issue 22)
_MONEY_NL = re.compile(r"-?([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d{1,2})?", re.ASCII)
_MONEY_EN = re.compile(r"-?([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d{1,2})?", re.ASCII)
_MUNICIPALITY = re.compile(r"(GM)?\d{1,4}", re.IGNORECASE | re.ASCII)
_PROVIDER = re.compile(r"[A-Za-z0-9-]{1,20}", re.ASCII)
_CODE = re.compile(r"\d{1,3}", re.ASCII)
_AREA_MUNICIPALITY = re.compile(r"GM\d{4}", re.IGNORECASE | re.ASCII)
NATIONAL = "NL"
NATIONAL_CODES = ("NL", "NL01")
_LOTS = {"complex": "complex", "complexe jeugdhulp": "complex",
         "enkelvoudig": "enkelvoudig", "enkelvoudige jeugdhulp": "enkelvoudig"}
_PROVIDER_LOTS = {**_LOTS, "beide": "beide"}


def _invalid(message: str, text: str) -> ValueError:
    """The Dutch error for `text`, quoting it cut to 40 characters and never showing a BSN."""
    return ValueError(message.format(value=shown(text)))


def whole_number(text: str) -> int:
    if not _WHOLE.fullmatch(text):
        raise _invalid(WHOLE_MESSAGE, text)
    return int(text)


def number(text: str) -> float:
    """Decimal comma or decimal point; no thousands separators (those are for money only)."""
    if not _NUMBER.fullmatch(text):
        raise _invalid(NUMBER_MESSAGE, text)
    return float(text.replace(",", "."))


def _money_text(text: str) -> str:
    """Drop a leading `€` and (non-breaking) spaces: `€ -1.234,50` and `-€ 1.234,50` -> `-1.234,50`."""
    return text.replace("€", "").replace(" ", "").replace("\u00a0", "")


def money(text: str) -> Decimal:
    """Euros with at most two decimals; `1.234,56`, `1234,56`, `1,234.56` and `1234.56` all work.

    The separator followed by the last one or two digits is the decimal one; a separator followed
    by exactly three digits groups thousands, so `1.234` is twelve hundred and thirty-four euros,
    but only after a group that does not start with 0: `0,001` has three decimals and is refused
    (a cent is the smallest amount; rounding would store a value the file does not hold).
    """
    cleaned = _money_text(text)
    if _MONEY_NL.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _MONEY_EN.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        raise _invalid(MONEY_MESSAGE, text)
    if len(cleaned.lstrip("-").split(".")[0]) > 12:
        raise _invalid(MONEY_MESSAGE, text)
    return Decimal(cleaned)


def municipality_code(text: str) -> str:
    """`GM0392`, `0392` and `392` -> `GM0392`."""
    if not _MUNICIPALITY.fullmatch(text):
        raise _invalid(MUNICIPALITY_MESSAGE, text)
    return "GM" + text[2:].zfill(4) if text[:2].upper() == "GM" else "GM" + text.zfill(4)


def provider_code(text: str) -> str:
    """A provider code in upper case: `zx-2` and `ZX-2` are one provider (issue 22)."""
    if not _PROVIDER.fullmatch(text):
        raise _invalid(PROVIDER_MESSAGE, text)
    return text.upper()


def code(text: str) -> int:
    """An iJw code: `45` and `045` are the same code."""
    if not _CODE.fullmatch(text):
        raise _invalid(CODE_MESSAGE, text)
    return int(text)


def lot(text: str) -> str:
    try:
        return _LOTS[text.lower()]
    except KeyError:
        raise _invalid(LOT_MESSAGE, text) from None


def provider_lot(text: str) -> str:
    try:
        return _PROVIDER_LOTS[text.lower()]
    except KeyError:
        raise _invalid(PROVIDER_LOT_MESSAGE, text) from None


def area(text: str) -> str:
    """A published figure's area: `GM0392` (any case), a jeugdregio's name as written, or `NL` (CBS: `NL01`)."""
    upper = text.upper()
    if upper in NATIONAL_CODES:
        return NATIONAL
    if _AREA_MUNICIPALITY.fullmatch(text):
        return "GM" + upper[2:]
    return text


def region_list(text: str) -> str:
    """`IJmond / Zuid-Kennemerland` -> `IJmond/Zuid-Kennemerland`."""
    return "/".join(part.strip(" ") for part in text.split("/"))


# -- the same rules in DuckDB SQL: `{v}` is the stripped, non-empty text; NULL means invalid ----------
WHOLE_MESSAGE = "{value} is geen geheel getal"
NUMBER_MESSAGE = "{value} is geen geldig getal"
MONEY_MESSAGE = ("{value} is geen geldig bedrag in euro's (hoogstens twee decimalen na de komma; "
                 "duizendtallen met een punt, bijvoorbeeld 1.234,56)")
MUNICIPALITY_MESSAGE = "{value} is geen geldige gemeentecode (bijvoorbeeld GM0392)"
PROVIDER_MESSAGE = "{value} is geen geldige aanbiedercode (1 tot 20 letters, cijfers of -)"
CODE_MESSAGE = "{value} is geen geldige iJw-code"
LOT_MESSAGE = "{value} is geen geldig perceel (complex of enkelvoudig)"
PROVIDER_LOT_MESSAGE = "{value} is geen geldig perceel (complex, enkelvoudig of beide)"


@dataclass(frozen=True)
class SqlDecoder:
    """A column type as DuckDB SQL: `expr` turns text `{v}` into `sql_type`, or NULL when invalid."""

    sql_type: str
    expr: str
    message: str
    display: str = "{x}::varchar"  # how a decoded value `{x}` reads in a Dutch summary


def _regex(pattern: str) -> str:
    return f"regexp_full_match({{v}}, '{pattern}')"


def _cases(mapping: dict[str, str]) -> str:
    """Look a word up in any case; spelled as the key already, it skips the lower() (the usual case)."""
    whens = " ".join(f"when '{key}' then '{value}'" for key, value in mapping.items())
    return f"case {{v}} {whens} else case lower({{v}}) {whens} end end"


_MONEY_SQL_TEXT = "replace(replace(replace({v}, '€', ''), ' ', ''), chr(160), '')"
SQL_TEXT = SqlDecoder("varchar", "{v}", "{value} is geen geldige tekst")
# strptime is strict about digits and separators; the guards make the year four digits (not 0000)
# and are much cheaper than a regular expression on a million dates
SQL_DATE = SqlDecoder("date", dates.SQL_DATE, DATE_MESSAGE, "strftime({x}, '%d-%m-%Y')")
SQL_MONTH = SqlDecoder("date", dates.SQL_MONTH, MONTH_MESSAGE, "strftime({x}, '%Y-%m')")
SQL_QUARTER = SqlDecoder("date", dates.SQL_QUARTER, QUARTER_MESSAGE, "year({x}) || '-K' || quarter({x})")
SQL_YEAR = SqlDecoder("smallint", dates.SQL_YEAR, YEAR_MESSAGE)
SQL_WHOLE = SqlDecoder("integer", f"case when {_regex(_WHOLE.pattern)} then {{v}}::integer end", WHOLE_MESSAGE)
SQL_NUMBER = SqlDecoder(
    "double", f"case when {_regex(_NUMBER.pattern)} then replace({{v}}, ',', '.')::double end", NUMBER_MESSAGE)
SQL_MONEY = SqlDecoder(
    "decimal(14, 2)",
    f"try_cast(case when regexp_full_match({_MONEY_SQL_TEXT}, '{_MONEY_NL.pattern}') "
    f"then replace(replace({_MONEY_SQL_TEXT}, '.', ''), ',', '.') "
    f"when regexp_full_match({_MONEY_SQL_TEXT}, '{_MONEY_EN.pattern}') "
    f"then replace({_MONEY_SQL_TEXT}, ',', '') end as decimal(14, 2))",
    MONEY_MESSAGE, "{x}::varchar")
SQL_MUNICIPALITY = SqlDecoder(
    "varchar",
    "case when regexp_full_match({v}, '(?i)(GM)?\\d{1,4}') "
    "then 'GM' || lpad(regexp_replace({v}, '(?i)^GM', ''), 4, '0') end",
    MUNICIPALITY_MESSAGE)
SQL_PROVIDER = SqlDecoder("varchar", f"case when {_regex(_PROVIDER.pattern)} then upper({{v}}) end", PROVIDER_MESSAGE)
SQL_CODE = SqlDecoder("smallint", f"case when {_regex(_CODE.pattern)} then {{v}}::smallint end", CODE_MESSAGE)
SQL_LOT = SqlDecoder("varchar", _cases(_LOTS), LOT_MESSAGE)
SQL_PROVIDER_LOT = SqlDecoder("varchar", _cases(_PROVIDER_LOTS), PROVIDER_LOT_MESSAGE)
SQL_AREA = SqlDecoder(
    "varchar",
    f"case when upper({{v}}) in {NATIONAL_CODES} then '{NATIONAL}' "
    "when regexp_full_match({v}, '(?i)GM\\d{4}') then upper({v}) else {v} end",
    "{value} is geen geldig gebied")
SQL_REFERENCE_PERIOD = SqlDecoder("varchar", dates.SQL_REFERENCE_PERIOD, REFERENCE_PERIOD_MESSAGE)
SQL_REGION_LIST = SqlDecoder(
    "varchar", "array_to_string(list_transform(string_split({v}, '/'), lambda part: trim(part)), '/')",
    "{value} is geen geldige lijst van jeugdregio's")


# -- rules a type or a field can carry besides its decoder -------------------------------------------
@dataclass(frozen=True)
class Check:
    """A rule on one decoded value, declared once: DuckDB predicate over `{x}`, Python predicate."""

    sql: str
    python: Callable[[Any], bool]
    message: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable) -> core_schema.CoreSchema:
        def check(value: Any) -> Any:
            if value is not None and not self.python(value):
                raise ValueError(self.message.format(value=value))
            return value

        return core_schema.no_info_after_validator_function(check, handler(source))


@dataclass(frozen=True)
class Known:
    """The decoded value must occur in the database (a reference list): checked in SQL only.

    `sql` is a predicate over `{x}` that may query the store, e.g. `{x} in (select ...)`.
    """

    sql: str
    message: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable) -> core_schema.CoreSchema:
        return handler(source)


NOT_IN_FUTURE = Check("{x} <= $today", lambda value: value <= today(), "{value} ligt in de toekomst")
NOT_AFTER_THIS_MONTH = Check("{x} <= date_trunc('month', $today)",
                             lambda value: value <= today().replace(day=1), "{value} ligt na de huidige maand")
QUARTER_ENDED = Check("{x} + interval 3 month <= $today",
                      lambda value: _months_later(value, 3) <= today(),
                      "{value} is nog niet voorbij: uitkomsten levert u aan na het einde van het kwartaal")
# dates, months, quarters and years (data/ingest/dates.py): a full year, plausible, and where asked the first day
FOUR_DIGITS = Check(dates.SQL_FOUR_DIGITS, lambda value: value.year >= 1000, dates.FOUR_DIGITS_MESSAGE)
PLAUSIBLE_DATE = Check(dates.SQL_PLAUSIBLE_DATE, lambda value: dates.plausible_year(value.year, today()),
                       dates.RANGE_MESSAGE)
PLAUSIBLE_YEAR = Check(dates.SQL_PLAUSIBLE_YEAR, lambda value: dates.plausible_year(value, today()),
                       dates.RANGE_MESSAGE)
PLAUSIBLE_LABEL = Check(dates.SQL_PLAUSIBLE_LABEL_YEAR,
                        lambda value: dates.plausible_year(int(value[:4]), today()), dates.RANGE_MESSAGE)
PLAUSIBLE_AHEAD = Check(dates.SQL_PLAUSIBLE_AHEAD,
                        lambda value: dates.plausible_year(value.year, today(), dates.YEARS_AHEAD),
                        dates.AHEAD_RANGE_MESSAGE)
FIRST_OF_MONTH = Check(dates.SQL_FIRST_OF_MONTH, lambda value: value.day == 1, dates.FIRST_OF_MONTH_MESSAGE)
FIRST_OF_QUARTER = Check(dates.SQL_FIRST_OF_QUARTER, lambda value: value.day == 1 and value.month % 3 == 1,
                         dates.FIRST_OF_QUARTER_MESSAGE)


def _decoded(python: Callable[[str], Any], sql: SqlDecoder) -> tuple[BeforeValidator, SqlDecoder]:
    return BeforeValidator(lambda value: python(value) if isinstance(value, str) else value), sql


Text = Annotated[str, *_decoded(clean, SQL_TEXT)]
DutchDate = Annotated[date, *_decoded(dutch_date, SQL_DATE), FOUR_DIGITS, PLAUSIBLE_DATE]
# a date ahead by nature: a certificate's expiry, a deadline (issue 22: 2028 and 2029 were refused)
AheadDate = Annotated[date, *_decoded(dutch_date, SQL_DATE), FOUR_DIGITS, PLAUSIBLE_AHEAD]
Month = Annotated[date, *_decoded(month, SQL_MONTH), FOUR_DIGITS, FIRST_OF_MONTH, PLAUSIBLE_DATE]
Quarter = Annotated[date, *_decoded(quarter, SQL_QUARTER), FOUR_DIGITS, FIRST_OF_QUARTER, PLAUSIBLE_DATE]
Year = Annotated[int, *_decoded(year, SQL_YEAR), PLAUSIBLE_YEAR]
WholeNumber = Annotated[int, *_decoded(whole_number, SQL_WHOLE)]
DutchNumber = Annotated[float, *_decoded(number, SQL_NUMBER)]
DutchDecimal = Annotated[Decimal, *_decoded(money, SQL_MONEY)]
MunicipalityCode = Annotated[str, *_decoded(municipality_code, SQL_MUNICIPALITY), Known(
    "{x} in (select municipality from municipalities)", "{value} is geen bekende gemeentecode")]
ProviderCodeFormat = Annotated[str, *_decoded(provider_code, SQL_PROVIDER)]
ProviderCode = Annotated[ProviderCodeFormat, Known(
    "{x} in (select provider from providers)",
    "{value} is geen bekende aanbieder; lever eerst het aanbiedersbestand aan")]
Lot = Annotated[str, *_decoded(lot, SQL_LOT)]
ProviderLot = Annotated[str, *_decoded(provider_lot, SQL_PROVIDER_LOT)]
Region = Annotated[str, *_decoded(clean, SQL_TEXT), Known(
    "{x} in (select region from municipality_regions)", "{value} is geen bekende jeugdregio")]
# a region of the reference list itself, so that an override cannot invent a region (issue 12)
ReferenceRegion = Annotated[str, *_decoded(clean, SQL_TEXT), Known(
    "{x} in (select region from municipalities)",
    "{value} is geen bekende jeugdregio (zie de lijst van gemeenten en jeugdregio's)")]
RegionList = Annotated[str, *_decoded(region_list, SQL_REGION_LIST), Known(
    "list_has_all((select list(region) from municipality_regions), string_split({x}, '/'))",
    "{value} bevat een onbekende jeugdregio (scheid meerdere regio's met /)")]
# a CBS figure's area: a municipality or jeugdregio of the reference list, or the whole country
Area = Annotated[str, *_decoded(area, SQL_AREA), Known(
    f"{{x}} = '{NATIONAL}' or {{x}} in (select municipality from municipalities) "
    "or {x} in (select region from municipalities)",
    "{value} is geen bekend gebied (een gemeentecode zoals GM0392, een jeugdregio of NL)")]
ReferencePeriod = Annotated[str, *_decoded(reference_period, SQL_REFERENCE_PERIOD), PLAUSIBLE_LABEL]
Theme = Annotated[int, *_decoded(whole_number, SQL_WHOLE), Known(
    "{x} in (select theme from dialogue_themes)", "{value} is geen dialoogthema (1 tot en met 18)")]


class IjwCode:
    """`IjwCode["JZ020"]`: a code of that iJw list (data/reference/ijw_codelijsten.csv)."""

    def __class_getitem__(cls, list_code: str) -> Any:
        return Annotated[int, *_decoded(code, SQL_CODE), Known(
            f"{{x}} in (select code from ijw_codes where list_code = '{list_code}')",
            f"{{value}} is geen code van de iJw-lijst {list_code}")]


class Choice:
    """`Choice["declaratie", "lumpsum"]`: one of these words, in any case, stored as declared."""

    def __class_getitem__(cls, values: str | tuple[str, ...]) -> Any:
        values = (values,) if isinstance(values, str) else tuple(values)
        return choice(values, "{value} is geen toegestane waarde (kies uit " + ", ".join(values) + ")")


def choice(values: tuple[str, ...], message: str) -> Any:
    """One of `values` (any case), with its own Dutch message."""
    allowed = {value.lower(): value for value in values}

    def pick(text: str) -> str:
        try:
            return allowed[text.lower()]
        except KeyError:
            raise _invalid(message, text) from None

    return Annotated[str, *_decoded(pick, SqlDecoder("varchar", _cases(allowed), message))]
