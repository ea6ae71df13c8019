"""Dutch values decoded (data/ingest/decode.py): each rule as a table, checked in Python and in DuckDB SQL.

The two halves of a type must agree: the pydantic decoder (one value) and the SQL expression that
validates a million rows at once. `None` in the table means: not a valid value of that type.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import pytest

from data.ingest import csvfile, decode
from data.ingest.validate import Refused

D = decode
CASES = [
    # dates: jjjj-mm-dd, d-m-jjjj with or without leading zeros (Excel's Dutch short date), d/m/jjjj
    (D.dutch_date, D.SQL_DATE, "2024-12-31", date(2024, 12, 31)),
    (D.dutch_date, D.SQL_DATE, "31-12-2024", date(2024, 12, 31)),
    (D.dutch_date, D.SQL_DATE, "1-2-2024", date(2024, 2, 1)),
    (D.dutch_date, D.SQL_DATE, "5-10-2026", date(2026, 10, 5)),  # '-' at the fifth character, not ISO
    (D.dutch_date, D.SQL_DATE, "15-9-2026", date(2026, 9, 15)),
    (D.dutch_date, D.SQL_DATE, "05-9-2026", date(2026, 9, 5)),
    (D.dutch_date, D.SQL_DATE, "5-09-2026", date(2026, 9, 5)),
    (D.dutch_date, D.SQL_DATE, "5/10/2026", date(2026, 10, 5)),
    (D.dutch_date, D.SQL_DATE, "05/10/2026", date(2026, 10, 5)),
    (D.dutch_date, D.SQL_DATE, "2024-2-1", date(2024, 2, 1)),
    (D.dutch_date, D.SQL_DATE, "29-02-2024", date(2024, 2, 29)),
    (D.dutch_date, D.SQL_DATE, "31-02-2024", None),
    (D.dutch_date, D.SQL_DATE, "29-02-2023", None),
    (D.dutch_date, D.SQL_DATE, "2024-13-01", None),
    # a short year is read as it stands, so that the four-digit rule can name the fault
    (D.dutch_date, D.SQL_DATE, "01-02-24", date(24, 2, 1)),
    (D.dutch_date, D.SQL_DATE, "15-1-25", date(25, 1, 15)),
    (D.dutch_date, D.SQL_DATE, "1-2-024", date(24, 2, 1)),
    (D.dutch_date, D.SQL_DATE, "1-2-00", None),  # year zero is no date
    (D.dutch_date, D.SQL_DATE, "01-01-0000", None),
    (D.dutch_date, D.SQL_DATE, "0000-01-01", None),
    (D.dutch_date, D.SQL_DATE, "1-2-20245", None),
    (D.dutch_date, D.SQL_DATE, "2024/02/01", None),
    (D.dutch_date, D.SQL_DATE, "1-2/2024", None),
    (D.dutch_date, D.SQL_DATE, "001-02-2024", None),
    (D.dutch_date, D.SQL_DATE, "202-1-1", None),
    (D.dutch_date, D.SQL_DATE, "01-02-2024x", None),
    (D.dutch_date, D.SQL_DATE, "1 februari 2024", None),
    # months: JJJJ-MM, MM-JJJJ, a whole date (a rule wants the first), Excel's `okt-26`, Dutch names
    (D.month, D.SQL_MONTH, "2026-09", date(2026, 9, 1)),
    (D.month, D.SQL_MONTH, "2026-9", date(2026, 9, 1)),
    (D.month, D.SQL_MONTH, "09-2026", date(2026, 9, 1)),
    (D.month, D.SQL_MONTH, "9-2026", date(2026, 9, 1)),
    (D.month, D.SQL_MONTH, "10/2026", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "1-10-2026", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "2026-10-01", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "15-10-2026", date(2026, 10, 15)),
    (D.month, D.SQL_MONTH, "okt-26", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "Okt 2026", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "oktober 2026", date(2026, 10, 1)),
    (D.month, D.SQL_MONTH, "mrt-25", date(2025, 3, 1)),
    (D.month, D.SQL_MONTH, "MEI 2025", date(2025, 5, 1)),
    (D.month, D.SQL_MONTH, "februari-2025", date(2025, 2, 1)),
    (D.month, D.SQL_MONTH, "okt-00", date(2000, 10, 1)),
    (D.month, D.SQL_MONTH, "okt 0000", None),
    (D.month, D.SQL_MONTH, "0000-01", None),
    (D.month, D.SQL_MONTH, "01-0000", None),
    (D.month, D.SQL_MONTH, "oct 2026", None),
    (D.month, D.SQL_MONTH, "okt 26 2026", None),
    (D.month, D.SQL_MONTH, "okt-2", None),
    (D.month, D.SQL_MONTH, "2026-13", None),
    (D.month, D.SQL_MONTH, "13-2026", None),
    # quarters: JJJJ-Kn/Qn, Kn JJJJ, or a month form (a rule wants a quarter's first month)
    (D.quarter, D.SQL_QUARTER, "2026-K3", date(2026, 7, 1)),
    (D.quarter, D.SQL_QUARTER, "2026-q4", date(2026, 10, 1)),
    (D.quarter, D.SQL_QUARTER, "2026-Q1", date(2026, 1, 1)),
    (D.quarter, D.SQL_QUARTER, "K3 2026", date(2026, 7, 1)),
    (D.quarter, D.SQL_QUARTER, "q2-2026", date(2026, 4, 1)),
    (D.quarter, D.SQL_QUARTER, "2026-10", date(2026, 10, 1)),
    (D.quarter, D.SQL_QUARTER, "okt-26", date(2026, 10, 1)),
    (D.quarter, D.SQL_QUARTER, "1-7-2026", date(2026, 7, 1)),
    (D.quarter, D.SQL_QUARTER, "2026-11", date(2026, 11, 1)),
    (D.quarter, D.SQL_QUARTER, "0000-K1", None),
    (D.quarter, D.SQL_QUARTER, "2026-K5", None),
    (D.quarter, D.SQL_QUARTER, "2026K3", None),
    # a published figure's period (landelijk): ours and CBS StatLine's forms, one label each
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024", "2024"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024JJ00", "2024"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-H2", "2024-H2"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-h1", "2024-H1"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024HJ01", "2024-H1"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-K3", "2024-K3"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-q4", "2024-K4"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024KW03", "2024-K3"),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-H3", None),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024KW05", None),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024HJ00", None),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "2024-10", None),
    (D.reference_period, D.SQL_REFERENCE_PERIOD, "24", None),
    # a published figure's area: a GM code in any case, NL or CBS's NL01, else a region's name
    (D.area, D.SQL_AREA, "gm0392", "GM0392"),
    (D.area, D.SQL_AREA, "NL01", "NL"),
    (D.area, D.SQL_AREA, "nl", "NL"),
    (D.area, D.SQL_AREA, "IJmond", "IJmond"),
    (D.area, D.SQL_AREA, "GM392", "GM392"),  # not four digits: a name, which the region check refuses
    (D.year, D.SQL_YEAR, "2025", 2025),
    (D.year, D.SQL_YEAR, "0000", 0),  # a year of digits; the plausible range refuses it
    (D.year, D.SQL_YEAR, "25", None),
    # money: decimal comma or point, thousands separators, a leading euro sign
    (D.money, D.SQL_MONEY, "1234,56", Decimal("1234.56")),
    (D.money, D.SQL_MONEY, "1234.56", Decimal("1234.56")),
    (D.money, D.SQL_MONEY, "1.234,56", Decimal("1234.56")),
    (D.money, D.SQL_MONEY, "1,234.56", Decimal("1234.56")),
    (D.money, D.SQL_MONEY, "€ 1.234.567", Decimal("1234567")),
    (D.money, D.SQL_MONEY, "€1.234,5", Decimal("1234.5")),
    (D.money, D.SQL_MONEY, "€\u00a012,50", Decimal("12.50")),
    (D.money, D.SQL_MONEY, "-€ 250,50", Decimal("-250.50")),
    (D.money, D.SQL_MONEY, "€ -250,50", Decimal("-250.50")),
    (D.money, D.SQL_MONEY, "1.234", Decimal("1234")),  # three digits after the separator: thousands
    (D.money, D.SQL_MONEY, "12,5", Decimal("12.5")),
    (D.money, D.SQL_MONEY, "0", Decimal("0")),
    (D.money, D.SQL_MONEY, "12,345,67", None),
    (D.money, D.SQL_MONEY, "1.23.4", None),
    (D.money, D.SQL_MONEY, "12,3456", None),
    (D.money, D.SQL_MONEY, "1234,567", None),
    (D.money, D.SQL_MONEY, "€", None),
    (D.money, D.SQL_MONEY, "EUR 12", None),
    (D.money, D.SQL_MONEY, "1234567890123", None),  # more than the 12 whole digits of decimal(14, 2)
    # plain numbers (norms): comma or point, no thousands separators
    (D.number, D.SQL_NUMBER, "42,5", 42.5),
    (D.number, D.SQL_NUMBER, "0.25", 0.25),
    (D.number, D.SQL_NUMBER, "-3", -3.0),
    (D.number, D.SQL_NUMBER, "1.234,5", None),
    (D.number, D.SQL_NUMBER, "6 weken", None),
    (D.whole_number, D.SQL_WHOLE, "017", 17),
    (D.whole_number, D.SQL_WHOLE, "-2", -2),
    (D.whole_number, D.SQL_WHOLE, "1,0", None),
    (D.whole_number, D.SQL_WHOLE, "1e3", None),
    # codes
    (D.municipality_code, D.SQL_MUNICIPALITY, "GM0392", "GM0392"),
    (D.municipality_code, D.SQL_MUNICIPALITY, "0392", "GM0392"),
    (D.municipality_code, D.SQL_MUNICIPALITY, "392", "GM0392"),
    (D.municipality_code, D.SQL_MUNICIPALITY, "gm392", "GM0392"),
    (D.municipality_code, D.SQL_MUNICIPALITY, "GM03921", None),
    (D.municipality_code, D.SQL_MUNICIPALITY, "G392", None),
    (D.municipality_code, D.SQL_MUNICIPALITY, "Haarlem", None),
    (D.provider_code, D.SQL_PROVIDER, "AGB-12345678", "AGB-12345678"),
    (D.provider_code, D.SQL_PROVIDER, "A" * 20, "A" * 20),
    (D.provider_code, D.SQL_PROVIDER, "A" * 21, None),
    (D.provider_code, D.SQL_PROVIDER, "Zorg A", None),
    (D.provider_code, D.SQL_PROVIDER, "zorg_a", None),
    (D.code, D.SQL_CODE, "045", 45),
    (D.code, D.SQL_CODE, "45", 45),
    (D.code, D.SQL_CODE, "4a", None),
    (D.code, D.SQL_CODE, "1234", None),
    # perceel
    (D.lot, D.SQL_LOT, "Complex", "complex"),
    (D.lot, D.SQL_LOT, "complexe jeugdhulp", "complex"),
    (D.lot, D.SQL_LOT, "ENKELVOUDIG", "enkelvoudig"),
    (D.lot, D.SQL_LOT, "Enkelvoudige jeugdhulp", "enkelvoudig"),
    (D.lot, D.SQL_LOT, "beide", None),
    (D.provider_lot, D.SQL_PROVIDER_LOT, "Beide", "beide"),
    (D.provider_lot, D.SQL_PROVIDER_LOT, "alles", None),
    (D.region_list, D.SQL_REGION_LIST, "IJmond / Zuid-Kennemerland", "IJmond/Zuid-Kennemerland"),
]


def _sql_value(decoder: decode.SqlDecoder, text: str):
    expression = decoder.expr.replace("{v}", "($text::varchar)")
    return duckdb.execute(f"select ({expression})::{decoder.sql_type}", {"text": text}).fetchone()[0]


@pytest.mark.parametrize("python, sql, text, expected", CASES, ids=[f"{c[0].__name__}:{c[2]}" for c in CASES])
def test_python_and_sql_decode_a_value_alike(python, sql, text, expected):
    if expected is None:
        with pytest.raises(ValueError):
            python(text)
    else:
        assert python(text) == expected
    assert _sql_value(sql, text) == expected


@pytest.mark.parametrize("text, expected", [("Declaratie", "declaratie"), (" lumpsum", None), ("factuur", None)])
def test_a_choice_ignores_case_and_names_the_allowed_words(text, expected):
    (pick, sql) = decode.Choice["declaratie", "lumpsum", "correctie"].__metadata__
    if expected is None:
        with pytest.raises(ValueError, match="kies uit declaratie, lumpsum, correctie"):
            pick.func(text)
    else:
        assert pick.func(text) == expected
    assert _sql_value(sql, text) == expected


@pytest.mark.parametrize("text, expected", [("  x ", "x"), ("   ", ""), ("a b", "a b"), ("", ""), (" x", "x"),
                                            ("x ", "x"), ("\tx", "\tx"), ("ë ", "ë")])
def test_surrounding_spaces_mean_nothing(text, expected):
    assert decode.clean(text) == expected
    cleaned = duckdb.execute(f"select {decode.SQL_CLEAN.replace('{v}', '$t::varchar')}", {"t": text}).fetchone()[0]
    assert cleaned == (expected or None)


@pytest.mark.parametrize("raw, encoding, delimiter", [
    ("gemeente;bedrag\r\n392;€ 5\r\n".encode("cp1252"), "cp1252", ";"),
    (b"\xef\xbb\xbfgemeente,bedrag\n392,5\n", "utf-8", ","),
    ("gemeente;bedrag\r\n392;€ 5\r\n".encode("utf-8"), "utf-8", ";"),
    (b"gemeente;toelichting\r\n392;a,b,c\r\n", "utf-8", ";"),  # the header decides, not the values
])
def test_a_file_is_read_as_utf8_else_windows_1252_with_the_delimiter_of_its_header(raw, encoding, delimiter):
    file = csvfile.read_header(raw)
    assert (file.encoding, file.delimiter, file.header) == (encoding, delimiter, ["gemeente", file.header[1]])
    assert not file.data.startswith(csvfile.UTF8_BOM)
    file.data.decode("utf-8")  # whatever came in, DuckDB reads UTF-8


def test_the_euro_sign_of_windows_1252_becomes_utf8():
    assert csvfile.read_header("a\r\n€\r\n".encode("cp1252")).data == "a\r\n€\r\n".encode("utf-8")


def test_a_utf16_file_is_refused_with_advice():
    with pytest.raises(Refused, match="UTF-16"):
        csvfile.read_header("a;b\r\n".encode("utf-16"))
