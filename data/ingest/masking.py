"""Which part of a cell may be shown back to the user: never a BSN, never more than 40 characters.

Error messages quote the cell they are about ("31-02-2024 is geen geldige datum"); that is only
safe when the value is not personal data. A value holding a number that passes the BSN eleven-test
is replaced by a placeholder, also when written with spaces, dots, dashes, slashes or a tab, or as
Excel shows it with its leading zero dropped (8 digits); a long value is cut with "…". A date
(2025-01-15, 15/01/2025) is no BSN, though its 8 digits may pass the test. Text is normalised first
(`normalised`: NFKC, format characters dropped, csv-contract.md privacy gate v3), so full-width
digits and zero-width spaces hide nothing. The same rules in Python and in DuckDB SQL (tests check
that they agree), so messages assembled in SQL follow them too; SQL sees text the loader already
normalised (data/ingest/csvfile.py).
"""

from __future__ import annotations

import functools
import re
import unicodedata

HIDDEN = "(waarde niet getoond)"
SHOWN_LENGTH = 40  # characters, the "…" included
ELLIPSIS = "…"
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# runs of digits: with single separators between the digits, with dots only, digits only
_SEPARATORS = " .\t\u00a0/\u2010-\u2015\u2212-"  # the dash last: literal in a character class
_RUNS = (rf"\d(?:[{_SEPARATORS}]?\d)*", r"\d(?:\.?\d)*", r"\d(?:[/-]?\d)*", r"\d+")
# a date's digits are no BSN: jjjj-mm-dd or dd-mm-jjjj with one kind of separator
_DATE = "|".join(rf"\d{{4}}{s}\d{{1,2}}{s}\d{{1,2}}|\d{{1,2}}{s}\d{{1,2}}{s}\d{{4}}" for s in ("-", "/", r"\."))
_DATE_RE = re.compile(_DATE, re.ASCII)


def _character_class(codes: list[int], *, group: bool = False) -> re.Pattern:
    """A regular expression of one character out of `codes`, written as ranges (much faster to search)."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    pattern = "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"
    return re.compile(f"({pattern})" if group else pattern)


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Format characters (Unicode category Cf: zero-width spaces and joiners, soft hyphen, BOM,
    direction marks); characters NFKC turns into a CSV file's structure (a full-width ; , " or line
    break); and either of them or any character beyond the first 65,536 (a cheap first search).
    Built on first use: going through every code point takes a while."""
    every = [chr(c) for c in range(0x80, 0x110000)]
    formats = [ord(c) for c in every if unicodedata.category(c) == "Cf"]
    structural = [ord(c) for c in every if unicodedata.normalize("NFKC", c) in (";", ",", '"', "\n", "\r")]
    suspect = sorted({c for c in formats + structural if c <= 0xFFFF} | set(range(0x10000, 0x110000)))
    return _character_class(formats), _character_class(structural, group=True), _character_class(suspect)
_SEPARATORS_RE = re.compile(f"[{_SEPARATORS}]")
_EIGHT_DIGITS = rf"\d(?:[{_SEPARATORS}]?\d){{7}}"  # what every candidate holds: a cheap filter first in SQL
_RUNS_RE = tuple(re.compile(pattern, re.ASCII) for pattern in _RUNS)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalised(text: str) -> str:
    """`text` as every check and every message sees it: NFKC (full-width digits become digits, a
    non-breaking space a space) with format characters (zero-width space, soft hyphen) dropped."""
    if text.isascii():
        return text
    formats, _, suspect = _patterns()
    if suspect.search(text):
        text = formats.sub("", text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Characters that never change, nor change a neighbour, under `normalised`: below U+0300 (where the
# combining marks begin) and Windows-1252's own (the euro sign, curly quotes, dashes) no character
# combines with another or is reordered, so each that is NFKC by itself and no format character is
# left as it stands wherever it stands (tests/test_data_masking.py checks this against Unicode's data).
_CP1252 = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", "ignore"))
_ASCII = bytes(range(0x80))


def unchanged_file(body: bytes, encoding: str) -> bool:
    """Whether `normalised_file` leaves the text of `body` (in `encoding`) as it is, judged by its distinct
    characters beyond ASCII alone: a Dutch file holds a few (ë, é, ï), so a large file is spared a search
    of its whole text (issue 26). False means: normalise the text to know."""
    rest = body.translate(None, _ASCII)  # UTF-8 sequences hold no ASCII byte: what is left still decodes
    return all((ord(c) < 0x300 or c in _CP1252) and unicodedata.category(c) != "Cf"
               and unicodedata.normalize("NFKC", c) == c for c in set(rest.decode(encoding)))


def normalised_file(text: str) -> str:
    """A whole CSV text `normalised`, its full-width delimiters, quotes and line breaks left as they
    are: they belong to a value and must not split it."""
    if text.isascii():
        return text
    _, structural, suspect = _patterns()
    if not suspect.search(text) or not structural.search(text):
        return normalised(text)
    parts = structural.split(text)  # the structural characters at odd positions
    return "".join(part if i % 2 else normalised(part) for i, part in enumerate(parts))


def is_bsn(text: str) -> bool:
    """Nine digits passing the eleven-test (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11), not all zeros."""
    if not re.fullmatch(r"[0-9]{9}", text) or text == "000000000":
        return False
    return sum(weight * int(digit) for weight, digit in zip(_WEIGHTS, text)) % 11 == 0


def has_bsn(text: str, *, short: bool = True) -> bool:
    """Whether `text` holds a number that passes the eleven-test; `short` also tries 8 digits as 0 + 8."""
    lengths = (8, 9) if short else (9,)
    text = normalised(text)
    for pattern in _RUNS_RE:
        for run in pattern.findall(text):
            if _DATE_RE.fullmatch(run):
                continue
            digits = re.sub(r"\D", "", run)
            if len(digits) in lengths and is_bsn(digits.zfill(9)):
                return True
    return False


def bsn_shaped(value: str, *, short: bool = True) -> bool:
    """Whether a whole value is a BSN (csv-contract.md, privacy gate v3): normalised, without spaces,
    tabs, dots, dashes and slashes, 9 digits (or 8, `short`) passing the eleven-test. A letter in it
    makes it no BSN (`T00000012`)."""
    digits = _SEPARATORS_RE.sub("", normalised(value))
    return bool(re.fullmatch(r"[0-9]{8,9}" if short else r"[0-9]{9}", digits)) and is_bsn(digits.zfill(9))


def id_digits(value: str) -> bool:
    """Whether a whole value is 8 or 9 digits once separators are out (a candidate for a column's judgement)."""
    return bool(re.fullmatch(r"[0-9]{8,9}", _SEPARATORS_RE.sub("", normalised(value))))


def shown(text: str) -> str:
    """`text` as it may appear in a message: control characters as spaces, a BSN hidden, cut to 40."""
    text = _CONTROL.sub(" ", normalised(text))
    cut = text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH - 1] + ELLIPSIS
    return HIDDEN if has_bsn(text) or has_bsn(text[:SHOWN_LENGTH - 1]) else cut


def redact(text: str) -> str:
    """`text` (a file name) with each number that passes the eleven-test replaced by `•••`, and control
    characters (a NUL) as spaces."""
    def mask(match: re.Match) -> str:
        return "•••" if has_bsn(match.group()) else match.group()

    return _RUNS_RE[0].sub(mask, _CONTROL.sub(" ", normalised(text)))


# -- the same in DuckDB SQL; `expression` is any SQL expression of type varchar -----------------------
def bsn_sql(expression: str) -> str:
    """`is_bsn` as a DuckDB predicate over a text expression."""
    x = expression
    return (f"case when length({x}) = 9 and regexp_full_match({x}, '\\d{{9}}') and {x} <> '000000000' "
            f"then {_eleven_test_sql(f'{x}::bigint')} else false end")


def _eleven_test_sql(number: str) -> str:
    """The eleven-test on the digits of a number below a billion (9 digits, leading zeros included; 0 fails). Its
    digits by arithmetic, the number bound once: half the cost of cutting the text into nine (issue 26)."""
    terms = " + ".join(f"{weight} * (_n // {10 ** (9 - i)} % 10)" for i, weight in enumerate(_WEIGHTS, 1))
    return f"list_transform([{number}], lambda _n: _n <> 0 and ({terms}) % 11 = 0)[1]"


def has_bsn_sql(expression: str, *, short: bool = True) -> str:
    """`has_bsn` as a DuckDB predicate (false for NULL)."""
    runs = [f"regexp_extract_all({expression}, '{pattern}')" for pattern in _RUNS]
    every = runs[0]
    for run in runs[1:]:
        every = f"list_concat({every}, {run})"
    lengths = "between 8 and 9" if short else "= 9"
    undated = f"list_filter({every}, lambda _r: not regexp_full_match(_r, '{_DATE}'))"
    digits = f"list_transform({undated}, lambda _r: regexp_replace(_r, '[^0-9]', '', 'g'))"
    candidates = f"list_filter({digits}, lambda _d: length(_d) {lengths})"
    padded = f"list_transform({candidates}, lambda _d: lpad(_d, 9, '0'))"
    test = f"coalesce(list_bool_or(list_transform({padded}, lambda _p: {bsn_sql('_p')})), false)"
    return f"case when regexp_matches({expression}, '{_EIGHT_DIGITS}') then {test} else false end"


def eight_digits_sql(expression: str) -> str:
    """Whether a text holds at least 8 digits, the fewest a BSN has. Cheap tests first (its length, one
    plain regular expression), so a million cells that cannot hold a BSN (`T1000000`, `k123456`) skip
    the search for one at a fifth of its cost (issue 26)."""
    return (f"(case when strlen({expression}) < 8 then false "
            f"else coalesce(regexp_matches({expression}, '[0-9](?:[^0-9]*[0-9]){{7}}'), false) end)")


def _without_separators_sql(expression: str) -> str:
    return f"regexp_replace({expression}, '[{_SEPARATORS}]', '', 'g')"


def bsn_shaped_sql(expression: str, *, short: bool = True) -> str:
    """`bsn_shaped` as a DuckDB predicate (false for NULL)."""
    return f"coalesce({id_bsn_sql(expression, short=short)}, false)"


def id_digits_sql(expression: str) -> str:
    """`id_digits` as a DuckDB predicate (false for NULL)."""
    return f"coalesce(regexp_full_match({_without_separators_sql(expression)}, '\\d{{8,9}}'), false)"


def id_bsn_sql(expression: str, *, short: bool = True) -> str:
    """`id_digits` and `bsn_shaped` at once: NULL when the value is no 8- or 9-digit number once separators
    are out, else whether it is a BSN. The digits are bound once (a one-element list's lambda), not worked
    out again for each test: a file of 8-digit traject ids costs half the CPU (issue 26)."""
    nine = "" if short else "strlen(_s) = 9 and "
    return (f"list_transform([{_without_separators_sql(expression)}], lambda _s: case when "
            f"regexp_full_match(_s, '\\d{{8,9}}') then {nine}{_eleven_test_sql('_s::bigint')} "
            "end)[1]")


def shown_sql(expression: str) -> str:
    """`shown` as a DuckDB expression (NULL stays NULL)."""
    text = f"regexp_replace({expression}, '[\\x00-\\x1f\\x7f]', ' ', 'g')"
    cut = f"left({text}, {SHOWN_LENGTH - 1}) || '{ELLIPSIS}'"
    both = f"{text} || '|' || left({text}, {SHOWN_LENGTH - 1})"  # the whole text and its cut, apart
    return (f"case when {has_bsn_sql(both)} then '{HIDDEN}' when length({text}) > {SHOWN_LENGTH} then {cut} "
            f"else {text} end")
