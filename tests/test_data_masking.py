"""What of a cell a message may show (issue 12): never a BSN however written, never more than 40 characters.

Python and DuckDB SQL must agree value by value; the expected results are worked out by hand.
"""

from __future__ import annotations

import unicodedata

import duckdb
import pytest

from data.ingest import masking
from data.ingest.masking import eight_digits_sql, has_bsn, has_bsn_sql, normalised, redact, shown, shown_sql

HIDDEN = "(waarde niet getoond)"
# 111222333: 9+8+7+12+10+8+9+6−3 = 66 = 6·11, a BSN; 012345672: 0+8+14+18+20+20+18+14−2 = 110 = 10·11, a BSN
# 123456789: 147 = 13·11 + 4, no BSN; 11122233 -> 011122233: 0+8+7+6+10+8+6+6−3 = 48, no BSN
CASES = [
    # text, has a BSN (8 digits allowed), has a 9-digit BSN, shown
    ("111222333", True, True, HIDDEN),
    ("\t111222333", True, True, HIDDEN),
    ("111 222 333", True, True, HIDDEN),
    ("111.222.333", True, True, HIDDEN),
    ("1112.22.333", True, True, HIDDEN),
    ("12345672", True, False, HIDDEN),  # a BSN with its leading zero dropped
    ("cliënt 111222333 belde in 2025", True, True, HIDDEN),
    ("123456789", False, False, "123456789"),
    ("11122233", False, False, "11122233"),
    ("1234567890", False, False, "1234567890"),  # ten digits
    ("000000000", False, False, "000000000"),
    ("Jan de Vries", False, False, "Jan de Vries"),
    ("x" * 40, False, False, "x" * 40),
    ("x" * 41, False, False, "x" * 39 + "…"),
    ("a\nb\x00c", False, False, "a b c"),
    ("y" * 30 + "1112223334z", False, False, HIDDEN),  # cut to 39 after 9 of its 10 digits, it would show a BSN
    ("", False, False, ""),
    # issue 22: dashes and slashes hide nothing (123456782: 9+16+21+24+25+24+21+16−2 = 154 = 14·11)
    ("123-456-782", True, True, HIDDEN),
    ("629-933-005", True, True, HIDDEN),  # 54+16+63+54+15+12+0+0−5 = 209 = 19·11
    ("123/456/782", True, True, HIDDEN),
    ("123–456–782", True, True, HIDDEN),  # en dashes
    # a date is no BSN, though 020250101 passes (0+16+0+12+25+0+3+0−1 = 55 = 5·11), as does 003012025
    ("2025-01-01", False, False, "2025-01-01"),
    ("03-01-2025", False, False, "03-01-2025"),
]


@pytest.mark.parametrize("text, any_bsn, nine_digit_bsn, expected", CASES)
def test_python_and_sql_agree_on_what_may_be_shown(text, any_bsn, nine_digit_bsn, expected):
    assert has_bsn(text) is any_bsn
    assert has_bsn(text, short=False) is nine_digit_bsn
    assert shown(text) == expected
    sql = (f"select {has_bsn_sql('$t::varchar')}, {has_bsn_sql('$t::varchar', short=False)}, "
           f"{shown_sql('$t::varchar')}")
    assert duckdb.execute(sql, {"t": text}).fetchone() == (any_bsn, nine_digit_bsn, expected)


@pytest.mark.parametrize("text", ["\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff12",
                                  "123\u200b456\u200b782", "1\u00ad2345\u20606782", "123\u00a0456\u00a0782"])
def test_full_width_digits_and_invisible_characters_hide_no_bsn(text):
    assert normalised(text) in ("123456782", "123 456 782")
    assert has_bsn(text)
    assert shown(text) == HIDDEN
    assert "•••" in redact(f"lijst {text}.csv")


@pytest.mark.parametrize("name, expected", [
    ("111222333.csv", "•••.csv"),
    ("export 111 222 333 januari.csv", "export ••• januari.csv"),
    ("kosten-2025-01.csv", "kosten-2025-01.csv"),
])
def test_a_file_name_keeps_everything_but_a_bsn(name, expected):
    assert redact(name) == expected


@pytest.mark.parametrize("text, expected", [
    ("111222333", "(waarde niet getoond) is geen geldige gemeentecode (bijvoorbeeld GM0392)"),
    ("x" * 50, "x" * 39 + "… is geen geldige gemeentecode (bijvoorbeeld GM0392)"),
])
def test_the_python_decoders_quote_a_value_the_same_way(text, expected):
    from data.ingest.decode import municipality_code

    with pytest.raises(ValueError) as raised:
        municipality_code(text)
    assert str(raised.value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("T1000000", False),  # 7 digits: a traject id that cannot hold a BSN skips the search
    ("k123456", False),
    ("1234567", False),
    ("12345678", True),
    ("111 222 333", True),  # separated digits count
    ("cliënt 1-2-3-4 belde 5.6.7.8", True),  # 8 digits anywhere in the cell
    ("AGB-0001", False),
    ("", False),
])
def test_a_cell_with_fewer_than_eight_digits_is_never_searched_for_a_bsn(text, expected):
    with duckdb.connect() as con:
        assert con.execute(f"select {eight_digits_sql('$t')}", {"t": text}).fetchone()[0] is expected


def test_no_character_below_u0300_or_of_windows_1252_combines_with_a_neighbour():
    # the premise of masking.unchanged_file, checked against Unicode's own data: such a character is a
    # starter (combining class 0) and never the second of a pair that composes
    chosen = {chr(c) for c in range(0x80, 0x300)} | masking._CP1252
    seconds = {unicodedata.decomposition(chr(c)).split()[-1] for c in range(0x110000)
               if unicodedata.decomposition(chr(c)) and not unicodedata.decomposition(chr(c)).startswith("<")
               and len(unicodedata.decomposition(chr(c)).split()) == 2}
    assert not [c for c in chosen if unicodedata.combining(c)]
    assert not {f"{ord(c):04X}" for c in chosen} & seconds
    assert len(masking._CP1252) == 27  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are no character in Windows-1252


@pytest.mark.parametrize("text, unchanged", [
    ("cliënt;één;naïef;Brücke\r\n", True),
    ("’t Hof – € 5 „x” œ\r\n", True),
    ("en zo … verder\r\n", False),  # NFKC makes an ellipsis three dots
    ("De Brücke ½\r\n", False),  # NFKC makes ½ 1⁄2
    ("a\u00a0b\r\n", False),  # a non-breaking space becomes a space
    ("a\u00adb\r\n", False),  # a soft hyphen is a format character
    ("e\u0301\r\n", False),  # e and a combining acute become é
    ("A\uff1bB\r\n", False),  # a full-width semicolon
    ("한\u11a8\r\n", False),  # a Hangul syllable and a final consonant compose
])
def test_a_file_is_known_unchanged_by_normalising_from_its_characters_beyond_ascii(text, unchanged):
    for encoding in ("utf-8", "latin-1"):
        try:
            body = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        assert masking.unchanged_file(body, encoding) is unchanged
        if unchanged:
            assert masking.normalised_file(text) == text
