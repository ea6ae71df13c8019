"""The privacy gate: a file that looks like it holds personal data is refused before anything else.

Two signs (csv-contract.md, "Privacy gate"): a header that is not a column of the kind and looks like
personal data, and a `client_id` that is a valid BSN (eleven-test). The messages name the column and
the rows but never repeat a value, so a refused BSN does not end up in logs or on screen.
"""

from __future__ import annotations

import re

import duckdb

from data.validate import FIRST_ROW, RowError, quote

PERSONAL_DATA_WORDS = ("bsn", "burgerservicenummer", "naam", "achternaam", "voornaam", "geboortedatum",
                       "adres", "postcode", "email", "telefoon")
BSN_COLUMN = "client_id"
HEADER_MESSAGE = ("deze kolom lijkt persoonsgegevens te bevatten ({word}); het bestand is geweigerd, "
                  "verwijder de kolom en lever het opnieuw aan")
BSN_MESSAGE = ("deze waarde lijkt een burgerservicenummer (BSN); het bestand is geweigerd, "
               "gebruik een pseudoniem")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def personal_data_headers(header: list[str], allowed: set[str]) -> list[RowError]:
    """Headers (other than `allowed` columns) that contain a personal-data word, in any case or spelling."""
    errors = []
    for name in header:
        if name in allowed:
            continue
        squashed = re.sub(r"[^a-z]", "", name.lower())
        word = next((word for word in PERSONAL_DATA_WORDS if word in squashed), None)
        if word:
            errors.append(RowError(1, name, HEADER_MESSAGE.format(word=word)))
    return errors


def is_bsn(text: str) -> bool:
    """Nine digits passing the eleven-test (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11), not all zeros."""
    if not re.fullmatch(r"[0-9]{9}", text) or text == "000000000":
        return False
    return sum(weight * int(digit) for weight, digit in zip(_WEIGHTS, text)) % 11 == 0


def bsn_sql(column: str) -> str:
    """`is_bsn` as a DuckDB predicate over a text column."""
    terms = " + ".join(f"{weight} * (ascii(substr({column}, {i}, 1)) - 48)" for i, weight in enumerate(_WEIGHTS, 1))
    return (f"case when length({column}) = 9 and regexp_full_match({column}, '\\d{{9}}') and {column} <> '000000000' "
            f"then ({terms}) % 11 = 0 else false end")


def bsn_errors(cur: duckdb.DuckDBPyConnection, flag: str = "_bsn") -> list[RowError]:
    """One error per row whose client_id passed the eleven-test (`flag` of `_dec`); the value is not shown."""
    rows = cur.execute(f"select rowid from _dec where {quote(flag)} order by rowid").fetchall()
    return [RowError(rowid + FIRST_ROW, BSN_COLUMN, BSN_MESSAGE) for (rowid,) in rows]


def bsn_flag() -> dict[str, str]:
    """The column `_dec` needs for `bsn_errors`, computed from the client_id text while decoding."""
    return {"_bsn": bsn_sql(quote(f"nl:{BSN_COLUMN}"))}
