"""The privacy gate (csv-contract.md; issue 2, acceptance 3): personal-data headers and BSNs refused unseen."""

from __future__ import annotations

import duckdb
import pytest

from data.ingest.load import load_file
from data.ingest.privacy import bsn_sql, is_bsn, personal_data_headers
from tests.fixtures.csv import add_providers, audit_actions, csv_bytes, fixture_rows, snapshot

# 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − d9, worked out by hand:
ELEVEN_TEST = [
    ("111222333", True),   # 9+8+7+12+10+8+9+6−3 = 66 = 6·11
    ("123456782", True),   # 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    ("123456789", False),  # 9+16+21+24+25+24+21+16−9 = 147 = 13·11 + 4
    ("000000000", False),  # all zeros is no BSN
    ("12345678", False),   # eight digits
    ("1234567820", False),  # ten digits
    ("12345678a", False),
]


@pytest.mark.parametrize("text, expected", ELEVEN_TEST)
def test_the_eleven_test_in_python_and_in_sql(text, expected):
    assert is_bsn(text) is expected
    assert duckdb.execute(f"select {bsn_sql('$t::varchar')}", {"t": text}).fetchone()[0] is expected


@pytest.mark.parametrize("header", ["bsn", "BSN", "Burgerservicenummer", "naam", "Achternaam", "voornaam",
                                    "geboortedatum", "geboorte_datum", "adres", "woonadres", "postcode", "email",
                                    "e-mailadres", "E-mail", "telefoon", "Telefoonnummer", "bsn_kind"])
def test_a_header_that_looks_like_personal_data_is_named(header):
    assert [error.column for error in personal_data_headers([header], allowed=set())] == [header]


def test_the_name_of_an_organisation_is_allowed_in_the_providers_file():
    assert personal_data_headers(["aanbieder", "naam"], allowed={"aanbieder", "naam"}) == []


@pytest.fixture
def db(empty_db):
    add_providers(empty_db)
    return empty_db


@pytest.mark.parametrize("extra", ["bsn", "naam", "geboortedatum"])
def test_a_file_with_a_personal_data_column_is_refused_without_its_values(db, extra):
    rows = [{**row, extra: value} for row, value in zip(fixture_rows("trajecten"), ["123456782", "Jan", "01-02-2015"])]
    before = snapshot(db)
    report = load_file(db, csv_bytes(rows[:1]), "export.csv", uploader="test")
    assert [(error.row, error.column) for error in report.errors] == [(1, extra)]
    assert "persoonsgegevens" in report.errors[0].message
    assert not any(value in str(error) for error in report.errors for value in ("123456782", "Jan", "01-02-2015"))
    assert snapshot(db) == before


def test_a_client_id_that_is_a_bsn_refuses_the_file_and_names_the_rows_not_the_values(db):
    rows = fixture_rows("trajecten")
    rows[0]["client_id"], rows[2]["client_id"] = "111222333", "123456782"
    before = snapshot(db)
    report = load_file(db, csv_bytes(rows), "export.csv", uploader="test")
    assert [(error.row, error.column) for error in report.errors] == [(2, "client_id"), (4, "client_id")]
    assert "burgerservicenummer" in report.errors[0].message
    logged = db.execute("select details from audit_log").fetchall()
    shown = [str(error) for error in report.errors] + [report.summary] + [details for (details,) in logged]
    assert not any("111222333" in text or "123456782" in text for text in shown)
    assert snapshot(db) == before
    assert audit_actions(db) == ["upload_refused"]


def test_a_bsn_is_reported_together_with_every_other_error_in_one_pass(db):
    rows = fixture_rows("trajecten")
    rows[0].update(client_id="123456782", gemeente="GM9999")  # also an unknown municipality
    rows[1].update(traject_id="111222333", startdatum="111222333")  # a BSN twice on row 3
    report = load_file(db, csv_bytes(rows), "export.csv", uploader="test")
    bsn = "deze waarde lijkt een burgerservicenummer (BSN); het bestand is geweigerd, gebruik een pseudoniem"
    column = ("deze kolom bevat vooral nummers die burgerservicenummers (BSN) kunnen zijn; het bestand is geweigerd, "
              "gebruik pseudoniemen")  # traject_id's only 8-9 digit value passes: judged as a column, refused
    assert [str(error) for error in report.errors[:3]] == [
        f"rij 2, kolom client_id: {bsn}",
        "rij 2, kolom gemeente: GM9999 is geen bekende gemeentecode",
        f"rij 3, kolom traject_id: {column}",
        "rij 3, kolom startdatum: (waarde niet getoond) is geen geldige datum"][:3]
    assert str(report.errors[3]).startswith("rij 3, kolom startdatum: (waarde niet getoond) is geen geldige datum")
    assert report.preview is None  # nothing of the file is shown


@pytest.mark.parametrize("column, value", [
    ("client_id", "\t111222333"),  # a tab before it
    ("client_id", "11122233"),  # not a BSN with a zero dropped: 0·9+1·8+1·7+1·6+2·5+2·4+2·3+3·2−3 = 48
    ("traject_id", "12345672"),  # 012345672: 0+8+14+18+20+20+18+14−2 = 110 = 10·11, a BSN
    ("client_id", "111 222 333"),
    ("traject_id", "111.222.333"),
])
def test_a_bsn_written_differently_is_still_refused(db, column, value):
    rows = fixture_rows("trajecten")
    rows[0][column] = value
    digits = "".join(ch for ch in value if ch.isdigit()).zfill(9)
    # the eleven-test by hand, so the table above cannot drift from the rule
    passes = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), digits)) % 11 == 0
    report = load_file(db, csv_bytes(rows), "export.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == ([(2, column)] if passes else [])
    assert report.stored is not passes


@pytest.mark.parametrize("column, value, message", [
    ("onderwerp", "Overleg over 111 222 333 gehad", "burgerservicenummer"),
    ("signaal", "moeder belde, mail j.devries@example.nl terug", "e-mailadres"),
    ("actie", "Bellen: 11122233", "burgerservicenummer"),  # 011122233: 0+8+7+6+10+8+6+6-3 = 48, no BSN
    ("onderwerp", "Regio\x00overleg", "NUL-teken"),
])
def test_free_text_is_refused_for_a_bsn_an_e_mail_address_or_a_nul_without_echoing_it(db, column, value, message):
    rows = fixture_rows("dialoog")
    rows[0][column] = value
    report = load_file(db, csv_bytes(rows), "dialoog.csv", uploader="test")
    if "11122233" in value:  # the control case: eight digits that fail the eleven-test pass
        assert report.stored
        return
    assert [(e.row, e.column) for e in report.errors] == [(2, column)]
    assert message in report.errors[0].message
    logged = " ".join(details for (details,) in db.execute("select details from audit_log").fetchall())
    for text in [str(report.errors[0]), report.summary, logged]:
        assert "example" not in text and "222 333" not in text and "overleg" not in text


def test_a_pseudonym_of_nine_digits_that_fails_the_eleven_test_is_accepted(db):
    rows = fixture_rows("trajecten")
    rows[0]["client_id"] = "123456789"
    assert load_file(db, csv_bytes(rows), "export.csv", uploader="test").stored


def test_a_file_without_a_header_row_loaded_with_a_kind_shows_nothing_of_its_first_row(db):
    raw = b"111222333;GM0392;ZORG-A;complex;45;;;15-01-2025;;;\r\nT-2;c-2;GM0392;ZORG-A;complex;45;;;15-01-2025;;;\r\n"
    report = load_file(db, raw, "zonder-kop.csv", kind="trajecten", uploader="test")
    assert [str(error) for error in report.errors] == [
        "rij 1: de eerste rij bevat geen enkele kolomnaam van soort trajecten; zet de kolomnamen in de eerste rij "
        "(download een sjabloon) en lever het bestand opnieuw aan"]


def test_a_long_cell_is_quoted_cut_to_forty_characters(db):
    rows = [{"gemeente": "392", "jaar": "2025", "inwoners_0_17": "x" * 9_000}]  # longer: refused by its length
    report = load_file(db, csv_bytes(rows), "groot.csv", uploader="test")
    assert [str(error) for error in report.errors] == [
        "rij 2, kolom inwoners_0_17: " + "x" * 39 + "… is geen geheel getal"]


def test_the_upload_record_the_audit_log_and_the_summary_hold_counts_and_column_names_but_no_values(db):
    rows = fixture_rows("trajecten")  # three trajectories T-001..T-003 in GM0392, GM0453, GM0375
    report = load_file(db, csv_bytes(rows), "111222333.csv", uploader="test")
    assert report.stored
    (record,) = db.execute("select file_name, scope_replaced from uploads").fetchall()
    logged = [details for (details,) in db.execute("select details from audit_log").fetchall()]
    # municipalities are named (a reference list's names); the trajectory ids only counted
    assert record == ("•••.csv", "gemeente Beverwijk, Haarlem en Velsen, traject_id (3 waarden) (3 combinaties)")
    for text in [report.summary, *record, *logged]:
        assert not any(value in text for value in ("T-00", "GM0", "111222333", "cliënt"))


def test_a_file_without_a_header_row_and_without_a_kind_shows_nothing_of_its_first_row(db):
    raw = "Jan Naamloos;Dorpsstraat 1;111222333\r\nPiet;Kerkweg 2;123456782\r\n".encode()
    report = load_file(db, raw, "lijst.csv", uploader="test")
    assert [str(error) for error in report.errors] == [
        "rij 1: de eerste rij bevat geen enkele kolomnaam van een soort; zet de kolomnamen in de eerste rij "
        "(download een sjabloon) en lever het bestand opnieuw aan"]


# -- issue 22: one gate for files and forms, v3 of the contract's privacy gate -----------------------
@pytest.mark.parametrize("value", ["123-456-782", "123/456/782", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff12",
                                   "123\u200b456\u200b782", "123\u2013456\u2013782"])
def test_a_bsn_with_dashes_slashes_full_width_digits_or_zero_width_spaces_is_refused_and_not_echoed(db, value):
    rows = fixture_rows("trajecten")
    rows[0]["client_id"] = value  # 123456782: 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    rows[1]["aanbieder"] = value  # an unknown provider code: its message must not echo it either
    report = load_file(db, csv_bytes(rows), "export.csv", uploader="test")
    assert not report.stored
    assert (2, "client_id") in [(e.row, e.column) for e in report.errors]
    texts = " ".join(str(e) for e in report.errors) + report.summary
    assert "123" not in texts.replace("rij 1", "")
    assert "456" not in texts


def test_a_provider_code_that_is_a_bsn_with_dashes_is_not_echoed(db):
    rows = fixture_rows("kosten")
    rows[0]["aanbieder"] = "629-933-005"  # 54+16+63+54+15+12+0+0−5 = 209 = 19·11
    report = load_file(db, csv_bytes(rows), "kosten.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, "aanbieder")]
    assert "629" not in str(report.errors[0]) and "933" not in str(report.errors[0])


def _traject_ids(numbers: list[str]) -> list[dict[str, str]]:
    base = fixture_rows("trajecten")[0]
    return [base | {"traject_id": number, "client_id": f"p-{i}"} for i, number in enumerate(numbers)]


def _passes(number: str) -> bool:
    digits = number.zfill(9)
    return sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), digits)) % 11 == 0 and digits != "0" * 9


def test_ordinary_nine_digit_traject_numbers_load_though_one_in_eleven_passes_the_eleven_test(db):
    numbers = [str(100000000 + n) for n in range(200)]
    assert 5 < sum(map(_passes, numbers)) < 100  # by chance, some pass: about one in eleven
    report = load_file(db, csv_bytes(_traject_ids(numbers)), "trajecten.csv", uploader="test")
    assert report.errors == () and report.stored


def test_t_plus_eight_digits_is_never_bsn_shaped(db):
    numbers = [f"T{10000000 + 11 * n:08d}" for n in range(30)]
    report = load_file(db, csv_bytes(_traject_ids(numbers)), "trajecten.csv", uploader="test")
    assert report.stored


def test_a_traject_column_of_mostly_bsns_is_refused_naming_the_passing_rows(db):
    bsns = [n for n in (str(100000000 + k) for k in range(2000)) if _passes(n)][:15]
    others = [n for n in (str(300000000 + k) for k in range(100)) if not _passes(n)][:10]
    report = load_file(db, csv_bytes(_traject_ids(bsns + others)), "trajecten.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(row, "traject_id") for row in range(2, 17)]
    assert not any(n in str(e) for e in report.errors for n in bsns)


def test_a_few_traject_numbers_that_all_pass_refuse_the_file(db):
    report = load_file(db, csv_bytes(_traject_ids(["111222333", "123456782"])), "trajecten.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, "traject_id"), (3, "traject_id")]


@pytest.mark.parametrize("column, value, word", [
    ("client_id", "jan.devries@gmail.com", "e-mailadres"),
    ("client_id", "Jan de Vries", "naam"),
    ("traject_id", "Fatima el Amrani", "naam"),
    ("traject_id", "t1@x", "e-mailadres"),
    ("client_id", "Jan\tVries", "naam"),  # a tab, a line break or a form feed between the words: a name too
    ("client_id", "Jan\nVries", "naam"),
    ("traject_id", "Fatima\x0cAmrani", "naam"),
])
def test_an_identifier_column_refuses_an_at_sign_and_words_with_spaces(db, column, value, word):
    rows = fixture_rows("trajecten")
    rows[0][column] = value
    report = load_file(db, csv_bytes(rows), "export.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, column)]
    assert word in report.errors[0].message and value not in str(report.errors[0])


@pytest.mark.parametrize("owner, refused", [
    ("Jan de Vries", True), ("Fatima el Amrani", True), ("Pieter-Jan van den Berg", True), ("J. de Vries", True),
    ("contractmanager", False), ("Team Jeugd", False), ("Gemeente Velsen", False), ("Wijkteam Noord", False),
])
def test_the_eigenaar_of_an_action_is_a_role_or_organisation_never_a_first_name_and_surname(db, owner, refused):
    rows = fixture_rows("dialoog")
    rows[0]["eigenaar"] = owner
    report = load_file(db, csv_bytes(rows), "dialoog.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == ([(2, "eigenaar")] if refused else [])
    if refused:
        assert "rol of organisatie" in report.errors[0].message and owner not in str(report.errors[0])


FREE_TEXTS = [
    ("mail jan(at)example.nl even", "e-mailadres"),
    ("mail jan @ example.nl even", "e-mailadres"),
    ("stuur naar piet@bücher.de", "e-mailadres"),
    ("kind geboren 3-4-2012, zus ook", "geboortedatum"),
    ("geb. 12 maart 2011", "geboortedatum"),
    ("geboortedatum 03-04-2012 bekend", "geboortedatum"),
    ("moeder: 06-12345678", "telefoonnummer"),
    ("bel +31 6 1234 5678", "telefoonnummer"),
    ("woont Dorpsstraat 12, 1234 AB Utrecht", "adres"),
]


@pytest.mark.parametrize("text, word", FREE_TEXTS)
def test_an_uploaded_toelichting_is_refused_where_the_note_form_refuses_the_same_text(db, text, word):
    from data.ingest.privacy import free_text_error

    rows = fixture_rows("uitkomsten")
    rows[0]["toelichting"] = text
    report = load_file(db, csv_bytes(rows), "uitkomsten.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, "toelichting")]
    assert word in report.errors[0].message
    assert text not in str(report.errors[0])
    assert word in free_text_error(text)  # the note form: the same gate


@pytest.mark.parametrize("text", ["overleg in 2024 is 5 keer gevoerd", "deadline 2025-03-01, 12 trajecten",
                                  "kosten 1.234,56 in Q3 2025", "zie www.example.nl/jeugd"])
def test_ordinary_free_text_with_numbers_and_dates_passes_the_gate(db, text):
    from data.ingest.privacy import free_text_error

    rows = fixture_rows("uitkomsten")
    rows[0]["toelichting"] = text
    assert load_file(db, csv_bytes(rows), "uitkomsten.csv", uploader="test").stored
    assert free_text_error(text) is None


@pytest.mark.parametrize("header, word", [("e-mailadres", "e-mail"), ("E-mail adres", "e-mail"), ("achternaam", "achternaam"),
                                          ("geboortedatum kind", "geboortedatum")])
def test_a_personal_data_header_is_named_by_what_it_holds(header, word):
    errors = personal_data_headers([header], set())
    assert [e.message.split("(")[1].split(")")[0] for e in errors] == [word]
