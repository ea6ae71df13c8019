"""The privacy gate: a file or a form that looks like it holds personal data is refused, and nothing of it shown.

Signs (csv-contract.md, "Privacy gate" v3, made stricter by issues 12 and 22), all judged on text
normalised first (NFKC, format characters dropped: data/ingest/masking.py):
- a header that is not a column of the kind and looks like personal data;
- `client_id`: a value that is a BSN (letters make it none), an `@`, or words with spaces between
  them (a name); `traject_id` likewise, but BSNs judged as a column, since ordinary 9-digit ids pass
  the eleven-test one time in eleven; provider codes (9 digits) judged as a column too;
- free text (`FREE_TEXT_COLUMNS`): a BSN anywhere, an e-mail address in any spelling (`(at)`,
  `a @ b`, a non-ASCII domain), a date of birth near "geboren/geb.", a phone number, a postcode with
  a house number, words that announce personal data; in `eigenaar` also a first name and surname
  (a role or organisation is asked for);
- other text (an organisation's name, a source): all free-text signs but the announcing words;
- a NUL byte in any cell (it is never text).
One set of rules (`TEXT_RULES`) serves an uploaded file (as DuckDB SQL, one pass) and a text typed in
the app (`free_text_error`, a note); forms that store through the loader (a dialogue) get the file's
gate itself. Messages name the column and the rows but never repeat a value, and they come together
with every other error of the file, so that one round of corrections is enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from data.ingest import decode
from data.ingest.masking import (bsn_shaped_sql, bsn_sql, eight_digits_sql, has_bsn, has_bsn_sql, id_bsn_sql,
                                 is_bsn, normalised, shown)
from data.ingest.validate import FIRST_ROW, RowError, plan, quote

__all__ = ["BSN_COLUMN", "BSN_MESSAGE", "EMAIL_MESSAGE", "NUL_MESSAGE", "bsn_sql", "free_text_error", "gate_errors",
           "gate_flags", "is_bsn", "personal_data_headers"]

# in the order a header is judged: a longer word before a word it contains (`e-mailadres` is an e-mail)
PERSONAL_DATA_WORDS = ("burgerservicenummer", "bsn", "geboortedatum", "achternaam", "voornaam", "naam",
                       "email", "postcode", "adres", "telefoon")
_SPELLED = {"email": "e-mail"}
BSN_COLUMN = "client_id"
IDENTIFIER_COLUMNS = ("client_id", "traject_id")
FREE_TEXT_COLUMNS = ("onderwerp", "signaal", "actie", "eigenaar", "toelichting", "afspraken", "omschrijving")
OWNER_COLUMN = "eigenaar"
HEADER_MESSAGE = ("deze kolom lijkt persoonsgegevens te bevatten ({word}); het bestand is geweigerd, "
                  "verwijder de kolom en lever het opnieuw aan")
BSN_MESSAGE = ("deze waarde lijkt een burgerservicenummer (BSN); het bestand is geweigerd, "
               "gebruik een pseudoniem")
BSN_COLUMN_MESSAGE = ("deze kolom bevat vooral nummers die burgerservicenummers (BSN) kunnen zijn; het bestand is "
                      "geweigerd, gebruik pseudoniemen")
EMAIL_MESSAGE = "deze waarde lijkt een e-mailadres te bevatten; het bestand is geweigerd, laat persoonsgegevens weg"
NAME_MESSAGE = ("deze waarde lijkt een naam van een persoon (woorden met spaties ertussen); een kenmerk is een "
                "code of pseudoniem, laat persoonsgegevens weg")
OWNER_MESSAGE = ("deze waarde lijkt de naam van een persoon; vul een rol of organisatie in (bijvoorbeeld "
                 "'contractmanager' of 'Team Jeugd'), geen voornaam en achternaam")
NUL_MESSAGE = "deze waarde bevat een NUL-teken (onzichtbaar, hoort niet in tekst); sla het bestand opnieuw op"
FREE_TEXT_WORD_MESSAGE = "de tekst noemt persoonsgegevens ({word}); laat die weg"
FREE_TEXT_BSN_MESSAGE = "de tekst bevat een nummer dat een burgerservicenummer (BSN) kan zijn; laat het weg"
FREE_TEXT_EMAIL_MESSAGE = "de tekst bevat een e-mailadres; laat het weg"

# regular expressions that Python's re and DuckDB's RE2 read alike
_NOT_IN_ADDRESS = r"\s@()\[\]<>,;:\"'"
EMAIL = (rf"(?i)[^{_NOT_IN_ADDRESS}]+\s*(?:@|\(at\)|\[at\]|\{{at\}}|\(a\))\s*"
         rf"[^{_NOT_IN_ADDRESS}.]+(?:\.[^{_NOT_IN_ADDRESS}.]+)*\.[^{_NOT_IN_ADDRESS}.\d]{{2,}}")
_DATE_FORMS = (r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
               r"\d{1,2}\s+(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s+\d{2,4}")
BIRTH_DATE = rf"(?i)\bgeb(?:oren|oortedatum|\.|\b)[^0-9\n]{{0,20}}(?:{_DATE_FORMS})"
PHONE = r"(?:\+|\b00)31[\s-]*(?:\(0\)[\s-]*)?[1-9](?:[\s-]?\d){8}\b|\b0[1-9](?:[\s-]?\d){8}\b"
_POSTCODE = r"[1-9]\d{3} ?[A-Z]{2}"
POSTCODE_HOUSE = rf"\b\d{{1,5}}[a-zA-Z]?,?\s+{_POSTCODE}\b|\b{_POSTCODE},?\s+\d{{1,5}}\b"
WORDS = r"(?i)\b(" + "|".join(PERSONAL_DATA_WORDS) + r")\b"
NAME_WORDS = r"[A-Za-zÀ-ÖØ-öø-ÿ]{2,}\s+[A-Za-zÀ-ÖØ-öø-ÿ]{2,}"
_RE2_SPACES = " \t\n\f\r"  # what \s matches in DuckDB's RE2, and nothing else
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ']+"
_PARTICLES = r"van|von|de|der|den|het|ten|ter|te|el|al|la|le|du|da|di|dos|in|op|'t|v\.d\."
PERSON = (rf"(?:{_CAPITALISED}(?:-{_CAPITALISED})?|[A-Z]\.(?:\s?[A-Z]\.)*)(?:\s+(?:{_PARTICLES}))*"
          rf"\s+{_CAPITALISED}(?:-{_CAPITALISED})?")
# a word in a role's or an organisation's name: such an eigenaar is no person
ROLE_WORDS = (r"(?i)team|gemeente|regio|jeugd|beleid|manager|co[oö]rdinator|adviseur|medewerker|afdeling|inkoop|"
              r"contract|bureau|wijk|zorg|stichting|directeur|directie|bestuur|college|wethouder|loket|centrum|dienst|"
              r"groep|sociaal|domein|kwaliteit|financ|control|secretar|toegang|cjg|ggd|unit|cluster|sector|programma|"
              r"project|overleg|raad|commissie|partner|aanbieder|organisatie|praktijk|expertise|leiding|functionaris|"
              r"specialist|consulent|inspectie|ministerie|provincie|werkgroep|kantoor|bv\b|b\.v\.|vereniging")


@dataclass(frozen=True)
class TextRule:
    """One sign of personal data in a text: its pattern (searched), the code the gate gives it, its messages."""

    code: int
    pattern: str
    message: str  # in a file's error list
    form_message: str  # for a text typed in the app
    full: bool = False  # the pattern must match the whole text
    unless: str = ""  # a pattern that clears the text when found (a role word)
    # characters the pattern cannot match without (one of them): looked for first in SQL, a search for a
    # character costing a fraction of a regular expression on a million cells that hold none (issue 26)
    needs: str = ""

    def python(self, text: str) -> bool:
        found = (re.fullmatch if self.full else re.search)(self.pattern, text)
        return bool(found) and not (self.unless and re.search(self.unless, text))

    def sql(self, text: str) -> str:
        found = f"regexp_{'full_match' if self.full else 'matches'}({text}, {_literal(self.pattern)})"
        if self.needs:
            found = f"({' or '.join(f'contains({text}, chr({ord(c)}))' for c in self.needs)}) and {found}"
        return f"{found} and not regexp_matches({text}, {_literal(self.unless)})" if self.unless else found


def _literal(pattern: str) -> str:
    return "'" + pattern.replace("'", "''") + "'"


_TEXT_MESSAGE = "de tekst bevat {what}; het bestand is geweigerd, laat persoonsgegevens weg"
EMAIL_RULE = TextRule(3, EMAIL, EMAIL_MESSAGE, FREE_TEXT_EMAIL_MESSAGE)
BIRTH_RULE = TextRule(8, BIRTH_DATE, _TEXT_MESSAGE.format(what="een geboortedatum"),
                      "de tekst bevat een geboortedatum; laat die weg")
PHONE_RULE = TextRule(9, PHONE, _TEXT_MESSAGE.format(what="een telefoonnummer"),
                      "de tekst bevat een telefoonnummer; laat het weg")
ADDRESS_RULE = TextRule(10, POSTCODE_HOUSE, _TEXT_MESSAGE.format(what="een adres (postcode en huisnummer)"),
                        "de tekst bevat een adres (postcode en huisnummer); laat het weg")
WORDS_RULE = TextRule(11, WORDS, "de tekst noemt persoonsgegevens; het bestand is geweigerd, laat die weg",
                      FREE_TEXT_WORD_MESSAGE)
OWNER_RULE = TextRule(12, PERSON, OWNER_MESSAGE, OWNER_MESSAGE, full=True, unless=ROLE_WORDS)
AT_RULE = TextRule(3, "@", EMAIL_MESSAGE, EMAIL_MESSAGE)
NAME_RULE = TextRule(5, NAME_WORDS, NAME_MESSAGE, NAME_MESSAGE, needs=_RE2_SPACES)
# the rules by kind of column, after the BSN rule (code 2) and before none: the first that holds is reported
OTHER_TEXT_RULES = (EMAIL_RULE, BIRTH_RULE, PHONE_RULE, ADDRESS_RULE)
TEXT_RULES = OTHER_TEXT_RULES + (WORDS_RULE,)
_RULES_OF = {"client_id": (AT_RULE, NAME_RULE), "traject_id": (AT_RULE, NAME_RULE), OWNER_COLUMN: TEXT_RULES + (OWNER_RULE,)}
_MESSAGES = {1: NUL_MESSAGE, 2: BSN_MESSAGE, 6: BSN_COLUMN_MESSAGE} | {
    rule.code: rule.message for rule in TEXT_RULES + (OWNER_RULE, AT_RULE, NAME_RULE)}
# a word with a letter in it, digits glued on included (`T00000012`, `k123456789`: never BSN-shaped)
_WORD_WITH_LETTER = "[0-9]*[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9]*"
_PASSES, _FAILS = 6, 7  # an 8- or 9-digit value of a column judged as a whole, passing or failing the eleven-test
_TEXT_DECODERS = (decode.SQL_TEXT, decode.SQL_REGION_LIST)


def personal_data_headers(header: list[str], allowed: set[str]) -> list[RowError]:
    """Headers (other than `allowed` columns) that contain a personal-data word, in any case or spelling."""
    errors = []
    for name in header:
        if name in allowed:
            continue
        squashed = re.sub(r"[^a-z]", "", name.lower())
        word = next((word for word in PERSONAL_DATA_WORDS if word in squashed), None)
        if word:
            errors.append(RowError(1, shown(name), HEADER_MESSAGE.format(word=_SPELLED.get(word, word))))
    return errors


def gate_flags(kind: str, *, nul: bool = True) -> dict[str, str]:
    """Per column of `kind` a `_dec` column: the code of the gate rule its text breaks, else NULL.

    `nul`: whether to look for NUL bytes (the caller knows when the file has none: a cheap search).
    A column judged as a whole gets code 6 or 7 for each value of 8 or 9 digits (`gate_errors` decides).
    """
    flags = {}
    for column in plan(kind):
        text = column.text
        parts = [f"case when contains({text}, chr(0)) then 1 end"] if nul else []
        if digit_rules := _digit_rules(column):  # every BSN search needs 8 digits in the cell: looked for once
            parts.append(f"case when {eight_digits_sql(text)} then {digit_rules} end")
        rules = _RULES_OF.get(column.name) or (
            TEXT_RULES if column.name in FREE_TEXT_COLUMNS else OTHER_TEXT_RULES if column.decoder in _TEXT_DECODERS
            else ())
        if rules:
            parts.append(f"case {' '.join(f'when {rule.sql(text)} then {rule.code}' for rule in rules)} end")
        if parts:  # the first code that holds, in this order (coalesce looks at the next part only for the rest)
            flags[_flag(column.name)] = parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"
    return flags


def _digit_rules(column) -> str:
    """The code of the BSN rule a cell with 8 digits breaks (NULL: none), as SQL; '' for a column without one."""
    text = column.text
    codes = []
    if column.name in IDENTIFIER_COLUMNS:  # a BSN standing apart in a text ('cliënt 111222333 belde')
        apart = f"regexp_replace({text}, '{_WORD_WITH_LETTER}', ' ', 'g')"
        codes.append(f"case when regexp_matches({text}, '[A-Za-z]') and {has_bsn_sql(apart)} then 2 end")
    if column.name == BSN_COLUMN:
        codes.append(f"case when {bsn_shaped_sql(text)} then 2 end")
    elif column.name in IDENTIFIER_COLUMNS or column.decoder == decode.SQL_PROVIDER:
        short = column.decoder != decode.SQL_PROVIDER  # an AGB provider code has 8 digits
        # NULL for no 8- or 9-digit number, else passing (true: 6, _PASSES) or failing (false: 7) the eleven-test
        codes.append(f"{_FAILS} - ({id_bsn_sql(text, short=short)})::integer")
    elif column.decoder in _TEXT_DECODERS:
        codes.append(f"case when {has_bsn_sql(text)} then 2 end")
    return f"coalesce({', '.join(codes)})" if len(codes) > 1 else "".join(codes)


def gate_errors(cur: duckdb.DuckDBPyConnection, kind: str) -> list[RowError]:
    """One error per cell that `gate_flags` marked, in row and column order; no value is shown.

    A column judged as a whole is refused when it holds 20 or more values of 8 or 9 digits and more
    than half pass the eleven-test, or 1 to 19 such values that all pass; then each passing row is named.
    """
    present = {name for (name,) in cur.execute("select column_name from duckdb_columns() "
                                                "where table_name = '_dec' and column_name like '_g:%'").fetchall()}
    names = [column.name for column in plan(kind) if _flag(column.name) in present]
    if not names:
        return []
    flags = ", ".join(quote(_flag(name)) for name in names)
    if not cur.execute(f"select count(*) from _dec where coalesce({flags}) is not null").fetchone()[0]:
        return []
    counted = ", ".join(f"count(*) filter (where {quote(_flag(name))} = {_PASSES}), "
                        f"count(*) filter (where {quote(_flag(name))} in ({_PASSES}, {_FAILS}))" for name in names)
    counts = cur.execute(f"select {counted} from _dec").fetchone()
    refused = [f"'{_flag(name)}'" for i, name in enumerate(names)
               if _column_refused(passing=counts[2 * i], candidates=counts[2 * i + 1])]
    judged = f"_code = {_PASSES} and _flag in ({', '.join(refused)})" if refused else "false"
    order = "[" + ", ".join(f"'{_flag(name)}'" for name in names) + "]"
    rows = cur.execute(
        f"select _rid, _flag, _code from (unpivot (select rowid as _rid, {flags} from _dec) "
        f"on {flags} into name _flag value _code) where _code not in ({_PASSES}, {_FAILS}) or {judged} "
        f"order by _rid, list_position({order}, _flag)").fetchall()
    return [RowError(rid + FIRST_ROW, flag[len(_flag("")):], _MESSAGES[code]) for rid, flag, code in rows]


def _column_refused(*, passing: int, candidates: int) -> bool:
    """csv-contract.md v3: ≥ 20 values of 8–9 digits and more than half pass, or 1–19 and all pass."""
    return passing * 2 > candidates if candidates >= 20 else 0 < candidates == passing


def _flag(name: str) -> str:
    return f"_g:{name}"


def free_text_error(text: str) -> str | None:
    """The privacy gate for one free text typed in the app (a note): why it is refused, or None.

    The same rules as for an uploaded free-text column (`TEXT_RULES`), on the same normalised text.
    The message never repeats the text.
    """
    text = normalised(text)
    if has_bsn(text):
        return FREE_TEXT_BSN_MESSAGE
    for rule in TEXT_RULES:
        if rule.python(text):
            found = re.search(WORDS, text) if rule is WORDS_RULE else None
            return rule.form_message.format(word=found[1].lower() if found else "")
    return None
