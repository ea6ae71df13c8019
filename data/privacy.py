"""The privacy gate: a file that looks like it holds personal data is refused, and nothing of it shown.

Signs (csv-contract.md, "Privacy gate", made stricter by issue 12): a header that is not a column of
the kind and looks like personal data; in any text column a number that passes the BSN eleven-test,
also hidden behind spaces, dots, a tab or a dropped leading zero (data/masking.py); an e-mail
address in a free-text column. A NUL byte in any cell is refused here too (it is never text). The
messages name the column and the rows but never repeat a value, and they come together with every
other error of the file, so that one round of corrections is enough.
"""

from __future__ import annotations

import re

import duckdb

from data import decode
from data.masking import bsn_sql, has_bsn, has_bsn_sql, is_bsn, shown
from data.validate import FIRST_ROW, RowError, plan, quote

__all__ = ["BSN_COLUMN", "BSN_MESSAGE", "EMAIL_MESSAGE", "NUL_MESSAGE", "bsn_sql", "gate_errors", "gate_flags",
           "is_bsn", "personal_data_headers"]

PERSONAL_DATA_WORDS = ("bsn", "burgerservicenummer", "naam", "achternaam", "voornaam", "geboortedatum",
                       "adres", "postcode", "email", "telefoon")
BSN_COLUMN = "client_id"
FREE_TEXT_COLUMNS = ("signaal", "onderwerp", "actie", "toelichting")
HEADER_MESSAGE = ("deze kolom lijkt persoonsgegevens te bevatten ({word}); het bestand is geweigerd, "
                  "verwijder de kolom en lever het opnieuw aan")
BSN_MESSAGE = ("deze waarde lijkt een burgerservicenummer (BSN); het bestand is geweigerd, "
               "gebruik een pseudoniem")
EMAIL_MESSAGE = "deze waarde lijkt een e-mailadres te bevatten; het bestand is geweigerd, laat persoonsgegevens weg"
NUL_MESSAGE = "deze waarde bevat een NUL-teken (onzichtbaar, hoort niet in tekst); sla het bestand opnieuw op"
_MESSAGES = {1: NUL_MESSAGE, 2: BSN_MESSAGE, 3: EMAIL_MESSAGE}
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# text columns by decoder, and whether an 8-digit number counts (an AGB provider code has 8 digits)
_GATED = {decode.SQL_TEXT: True, decode.SQL_REGION_LIST: True, decode.SQL_PROVIDER: False}


def personal_data_headers(header: list[str], allowed: set[str]) -> list[RowError]:
    """Headers (other than `allowed` columns) that contain a personal-data word, in any case or spelling."""
    errors = []
    for name in header:
        if name in allowed:
            continue
        squashed = re.sub(r"[^a-z]", "", name.lower())
        word = next((word for word in PERSONAL_DATA_WORDS if word in squashed), None)
        if word:
            errors.append(RowError(1, shown(name), HEADER_MESSAGE.format(word=word)))
    return errors


def gate_flags(kind: str, *, nul: bool = True) -> dict[str, str]:
    """Per column of `kind` a `_dec` column: the number of the gate rule its text breaks, else NULL.

    `nul`: whether to look for NUL bytes (the caller knows when the file has none: a cheap search).
    """
    flags = {}
    for column in plan(kind):
        whens = [f"when contains({column.text}, chr(0)) then 1"] if nul else []
        if column.decoder in _GATED:
            whens.append(f"when {has_bsn_sql(column.text, short=_GATED[column.decoder])} then 2")
        if column.name in FREE_TEXT_COLUMNS:
            whens.append(f"when regexp_matches({column.text}, '{_EMAIL}') then 3")
        if whens:
            flags[_flag(column.name)] = f"case {' '.join(whens)} end"
    return flags


def gate_errors(cur: duckdb.DuckDBPyConnection, kind: str) -> list[RowError]:
    """One error per cell that `gate_flags` marked, in row and column order; no value is shown."""
    present = {name for (name,) in cur.execute("select column_name from duckdb_columns() "
                                                "where table_name = '_dec' and column_name like '_g:%'").fetchall()}
    names = [column.name for column in plan(kind) if _flag(column.name) in present]
    if not names:
        return []
    flags = ", ".join(quote(_flag(name)) for name in names)
    if not cur.execute(f"select count(*) from _dec where coalesce({flags}) is not null").fetchone()[0]:
        return []
    order = "[" + ", ".join(f"'{_flag(name)}'" for name in names) + "]"
    rows = cur.execute(
        f"select _rid, _flag, _code from (unpivot (select rowid as _rid, {flags} from _dec) "
        f"on {flags} into name _flag value _code) order by _rid, list_position({order}, _flag)").fetchall()
    return [RowError(rid + FIRST_ROW, flag[len(_flag("")):], _MESSAGES[code]) for rid, flag, code in rows]


def _flag(name: str) -> str:
    return f"_g:{name}"


FREE_TEXT_WORDS = re.compile(r"\b(" + "|".join(PERSONAL_DATA_WORDS) + r")\b", re.IGNORECASE)
FREE_TEXT_WORD_MESSAGE = "de tekst noemt persoonsgegevens ({word}); laat die weg"
FREE_TEXT_BSN_MESSAGE = "de tekst bevat een nummer dat een burgerservicenummer (BSN) kan zijn; laat het weg"
FREE_TEXT_EMAIL_MESSAGE = "de tekst bevat een e-mailadres; laat het weg"


def free_text_error(text: str) -> str | None:
    """The privacy gate for one free text typed in the app (a toelichting): why it is refused, or None.

    The same signs as for an uploaded text column: a BSN (also behind separators), an e-mail address,
    and words that announce personal data. The message never repeats the text.
    """
    if has_bsn(text):
        return FREE_TEXT_BSN_MESSAGE
    if re.search(_EMAIL, text):
        return FREE_TEXT_EMAIL_MESSAGE
    if found := FREE_TEXT_WORDS.search(text):
        return FREE_TEXT_WORD_MESSAGE.format(word=found[1].lower())
    return None
