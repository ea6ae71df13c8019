"""Loading files into the store (issue 2, acceptance 1, 4, 5 and 6; csv-contract.md "Validation and loading").

Expected values are read off the fixture files in tests/fixtures/csv/ by hand, not taken from the code.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from decimal import Decimal

import pytest

from data.store import audit
from data.ingest import decode, storing
from data.ingest.contracts import KINDS
from data.ingest.load import MAX_SHOWN_ERRORS, load_file, load_rows
from tests.fixtures.csv import FLAVOURS, add_providers, audit_actions, csv_bytes, fixture, fixture_rows, snapshot

# kind -> (query, rows stored from the fixture file: the same in both flavours)
STORED = {
    "aanbieders": (
        "select provider, name, lot, role, consortium, regions, certificate_valid_until from providers order by all",
        [("87654321", "Zorgboerderij ’t Hof", "beide", "overig", None, "Zuid-Kennemerland", date(2026, 7, 1)),
         ("ZORG-A", "Stichting Jeugdzorg Kennemerland", "complex", "strategisch_partner", "Consortium Jeugd & Gezin",
          "IJmond/Zuid-Kennemerland", date(2027, 12, 31)),
         ("ZORG-B", "Praktijk De Brücke", "enkelvoudig", "ontwikkelpartner", None, "IJmond", None)]),
    "trajecten": (
        "select municipality, trajectory_id, client_id, provider, lot, product_category, referrer, registration_date, "
        "start_date, end_date, end_reason, age_group from trajectories order by all",
        # 0375 -> GM0375, 392 -> GM0392; '045' is code 45, verwijzer '01' is 1; 3-3-2025 is 3 March
        [("GM0375", "T-003", "cliënt-9b1c", "87654321", "complex", 41, 2, date(2025, 2, 20), date(2025, 3, 3),
          None, None, None),
         ("GM0392", "T-001", "cliënt-7f3a", "ZORG-A", "complex", 45, 1, date(2025, 1, 2), date(2025, 1, 15),
          date(2025, 6, 30), 31, "12-17"),
         ("GM0453", "T-002", "cliënt-9b1c", "ZORG-B", "enkelvoudig", 32, None, None, date(2025, 3, 1),
          None, None, "4-11")]),
    "kosten": (
        "select month, municipality, provider, lot, product_category, kind, amount from costs order by all",
        # '€ 12.345,67' and '€ 12,345.67' are 12345.67; '€ 1.000' is a thousand euros
        [(date(2025, 1, 1), "GM0392", "ZORG-A", "complex", 45, "declaratie", Decimal("12345.67")),
         (date(2025, 1, 1), "GM0392", "ZORG-B", "enkelvoudig", None, "lumpsum", Decimal("1000.00")),
         (date(2025, 2, 1), "GM0453", "ZORG-A", "complex", 45, "correctie", Decimal("-250.50"))]),
    "budget": (
        "select year, municipality, lot, provider, budget from budgets order by all",
        [(2025, "GM0392", "complex", "ZORG-A", Decimal("1200000.50")),
         (2025, "GM0392", "complex", None, Decimal("2500000.00")),
         (2025, "GM0453", "enkelvoudig", None, Decimal("750000.00"))]),
    "uitkomsten": (
        "select quarter_start, quarter_end, region, provider, lot, closed_trajectories, goals_achieved, "
        "satisfaction_responses, satisfaction_positive, refusals, comment from outcomes order by all",
        # 2025-K1 runs 1 January to 31 March, 2025-Q2 1 April to 30 June
        [(date(2025, 1, 1), date(2025, 3, 31), "IJmond", "ZORG-A", "complex", 40, 31, 25, 20, 2,
          "Wachtlijst daalt; cliënten tevreden"),
         (date(2025, 4, 1), date(2025, 6, 30), "Zuid-Kennemerland", "ZORG-B", "enkelvoudig", 12, 12, 0, 0, 0, None)]),
    "dialoog": (
        "select session_date, region, provider, theme, subject, signal, action, owner, deadline, status "
        "from dialogues order by all",
        [(date(2025, 3, 12), "IJmond", "ZORG-A", 9, "Wachttijden complexe zorg",
          'Wachttijd loopt op tot 12 weken; zorg over "doorstroom"', "Plan van aanpak opstellen",
          "contractmanager IJmond", date(2025, 4, 30), "open"),
         (date(2025, 3, 12), "IJmond", None, 1, "Zorgcontinuïteit bij overdracht", None, None, None, None, None)]),
    "normen": (
        "select indicator, year, lot, provider, norm, margin from norms order by all",
        # an empty marge is the default 0
        [("wachttijd_mediaan", 2025, "complex", "ZORG-A", 35.5, 0.0),
         ("wachttijd_mediaan", 2025, None, None, 42.0, 14.0),
         ("zonder_verblijf", 2025, "enkelvoudig", None, 90.0, 2.5)]),
    "gemeenten": (
        "select municipality, year, youths_0_17, region from populations order by all",
        [("GM0080", 2025, 21300, "Achterhoek"), ("GM0392", 2025, 31250, None), ("GM0453", 2025, 12480, "IJmond")]),
    "landelijk": (
        "select source, area, period, period_start, period_end, indicator, value, definition "
        "from national_figures order by all",
        # CBS's 'NL01  ' and 'GM0392  ' lose their blanks; 2025HJ01 is 2025-H1, 2025KW02 2025-K2, 2024JJ00 2024
        [("CBS 85099NED", "GM0392", "2025-K2", date(2025, 4, 1), date(2025, 6, 30), "zonder_verblijf", 88.5, None),
         ("CBS 85099NED", "IJmond", "2024", date(2024, 1, 1), date(2024, 12, 31), "jeugdhulp_per_1000", 101.2, None),
         ("CBS 85099NED", "NL", "2025-H1", date(2025, 1, 1), date(2025, 6, 30), "jeugdhulp_per_1000", 98.4,
          "jongeren met jeugdhulp per 1.000 jongeren van 0 tot 23 jaar")]),
    "procesbreuken": (
        "select region, day, indicator, description from process_changes order by all",
        # an empty indicator is every indicator
        [("IJmond", date(2023, 1, 1), None, "nieuwe contracten"),
         ("IJmond", date(2025, 3, 1), "instroom", "nieuw toegangsteam"),
         ("Zuid-Kennemerland", date(2023, 1, 1), None, "nieuwe contracten")]),
    "contracten": (
        "select contract_id, regions, lot, provider, funding, start_date, end_date, extension_until, "
        "evaluation_dates, agreements from contracts order by all",
        # the evaluation moments are one list of dates; an empty aanbieder is every provider of the perceel
        [("CX-2023-01", "IJmond/Zuid-Kennemerland", "complex", None, "lumpsum", date(2023, 1, 1),
          date(2025, 12, 31), date(2027, 12, 31), [date(2024, 10, 1), date(2025, 4, 1)],
          "Wachttijd onder 6 weken, 80% doelen behaald"),
         ("EV-2023-02", "IJmond", "enkelvoudig", "ZORG-B", "pxq", date(2023, 1, 1), date(2026, 12, 31), None, None,
          None)]),
}


@pytest.fixture
def db(empty_db):
    add_providers(empty_db)
    return empty_db


def _rows(con, kind: str) -> list[tuple]:
    return con.execute(STORED[kind][0]).fetchall()


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_good_file_of_every_kind_in_both_dutch_flavours_is_stored_as_written(empty_db, kind, flavour):
    if kind != "aanbieders":
        add_providers(empty_db)
    report = load_file(empty_db, fixture(kind, flavour), f"{kind}.csv", uploader="test")
    assert report.errors == ()
    assert report.stored and report.kind == kind
    assert _rows(empty_db, kind) == STORED[kind][1]


def test_the_kind_is_recognised_from_the_header(db):
    assert load_file(db, fixture("kosten"), "zonder-soort.csv", uploader="test").kind == "kosten"


def test_an_upload_is_recorded_with_its_hash_and_scope_and_its_rows_point_to_it(db):
    raw = fixture("kosten", "excel")
    report = load_file(db, raw, "kosten-jan.csv", uploader="anna@regio.nl")
    upload = db.execute("select upload_id, kind, file_name, sha256, row_count, uploader, scope_replaced "
                        "from uploads").fetchall()
    # two pairs (periode, gemeente): (2025-01, GM0392 Haarlem) and (2025-02, GM0453 Velsen); periods and
    # municipalities are named (checked values, never personal), other keys only counted
    scope = "periode januari 2025 en februari 2025, gemeente Haarlem en Velsen (2 combinaties)"
    assert upload == [(1, "kosten", "kosten-jan.csv", hashlib.sha256(raw).hexdigest(), 3, "anna@regio.nl", scope)]
    assert report.scope_replaced == scope
    assert db.execute("select distinct upload_id from costs").fetchall() == [(1,)]
    assert audit_actions(db) == ["upload"]
    assert "kosten" in report.summary and "3 rijen" in report.summary


@pytest.mark.parametrize("kind", KINDS)
def test_the_same_bytes_twice_change_nothing_and_say_so(db, kind):
    load_file(db, fixture(kind), f"{kind}.csv", uploader="test")
    before = snapshot(db)
    again = load_file(db, fixture(kind), f"{kind}-opnieuw.csv", uploader="test")
    assert again.unchanged and not again.stored
    assert "ongewijzigd" in again.summary
    assert snapshot(db) == before


def test_the_same_bytes_load_again_once_a_later_file_replaced_their_rows(db):
    load_file(db, fixture("gemeenten"), "a.csv", uploader="test")
    load_file(db, csv_bytes([{"gemeente": "392", "jaar": "2025", "inwoners_0_17": "30000"}]), "b.csv", uploader="test")
    again = load_file(db, fixture("gemeenten"), "a.csv", uploader="test")
    assert again.stored and not again.unchanged
    assert db.execute("select youths_0_17 from populations where municipality = 'GM0392'").fetchall() == [(31250,)]


# kind -> (corrected file for one scope, query, rows afterwards, rows replaced)
CORRECTIONS = {
    "trajecten": (
        # T-001 of Haarlem now ends earlier, T-004 is new; T-002 and T-003 are not in the file and stay
        [{"traject_id": "T-001", "client_id": "cliënt-7f3a", "gemeente": "GM0392", "aanbieder": "ZORG-A",
          "perceel": "complex", "productcategorie": "45", "startdatum": "15-01-2025", "einddatum": "31-05-2025",
          "reden_einde": "32"},
         {"traject_id": "T-004", "client_id": "cliënt-11aa", "gemeente": "GM0392", "aanbieder": "ZORG-A",
          "perceel": "complex", "productcategorie": "45", "startdatum": "01-06-2025"}],
        "select municipality, trajectory_id, end_date, end_reason from trajectories order by all",
        [("GM0375", "T-003", None, None), ("GM0392", "T-001", date(2025, 5, 31), 32),
         ("GM0392", "T-004", None, None), ("GM0453", "T-002", None, None)], 1),
    "kosten": (
        # (2025-01, GM0392) had two rows: both go, one comes; February of Velsen stays
        [{"periode": "2025-01", "gemeente": "392", "aanbieder": "ZORG-A", "perceel": "complex",
          "soort": "declaratie", "bedrag": "500"}],
        "select month, municipality, amount from costs order by all",
        [(date(2025, 1, 1), "GM0392", Decimal("500.00")), (date(2025, 2, 1), "GM0453", Decimal("-250.50"))], 2),
    "budget": (
        # the whole-perceel budget of Haarlem (no aanbieder) is a key of its own; ZORG-A's budget stays
        [{"jaar": "2025", "gemeente": "392", "perceel": "complex", "aanbieder": "", "budget": "2600000"}],
        "select municipality, provider, budget from budgets order by all",
        [("GM0392", "ZORG-A", Decimal("1200000.50")), ("GM0392", None, Decimal("2600000.00")),
         ("GM0453", None, Decimal("750000.00"))], 1),
    "uitkomsten": (
        # the row about IJmond is replaced; the one about Zuid-Kennemerland (same quarter, provider, perceel) is new
        [{"periode": "2025-K1", "regio": "IJmond", "aanbieder": "ZORG-A", "perceel": "complex",
          "afgesloten_trajecten": "41", "doelen_behaald": "31", "tevredenheid_respondenten": "25",
          "tevredenheid_positief": "20", "weigeringen": "5"},
         {"periode": "2025-K1", "regio": "Zuid-Kennemerland", "aanbieder": "ZORG-A", "perceel": "complex",
          "afgesloten_trajecten": "3", "doelen_behaald": "1", "tevredenheid_respondenten": "2",
          "tevredenheid_positief": "1", "weigeringen": "1"}],
        "select quarter_start, region, provider, closed_trajectories, refusals from outcomes order by all",
        [(date(2025, 1, 1), "IJmond", "ZORG-A", 41, 5), (date(2025, 1, 1), "Zuid-Kennemerland", "ZORG-A", 3, 1),
         (date(2025, 4, 1), "Zuid-Kennemerland", "ZORG-B", 12, 0)], 1),
    "dialoog": (
        # the region-wide row (no aanbieder) is replaced, the session with ZORG-A stays
        [{"datum": "12-03-2025", "regio": "IJmond", "aanbieder": "", "thema": "1",
          "onderwerp": "Zorgcontinuïteit bij overdracht", "signaal": "Overdracht bij 18 jaar stokt"}],
        "select provider, theme, signal from dialogues order by all",
        [("ZORG-A", 9, 'Wachttijd loopt op tot 12 weken; zorg over "doorstroom"'),
         (None, 1, "Overdracht bij 18 jaar stokt")], 1),
    "normen": (
        # the general norm (no perceel, no aanbieder) is replaced; the one for ZORG-A's complex care stays
        [{"indicator": "wachttijd_mediaan", "jaar": "2025", "norm": "40", "marge": "10"}],
        "select indicator, lot, provider, norm, margin from norms order by all",
        [("wachttijd_mediaan", "complex", "ZORG-A", 35.5, 0.0), ("wachttijd_mediaan", None, None, 40.0, 10.0),
         ("zonder_verblijf", "enkelvoudig", None, 90.0, 2.5)], 1),
    "aanbieders": (
        [{"aanbieder": "ZORG-B", "naam": "De Brücke Jeugdhulp", "perceel": "enkelvoudig", "rol": "overig",
          "regio": "IJmond"}],
        "select provider, name, role from providers order by all",
        [("87654321", "Zorgboerderij ’t Hof", "overig"), ("ZORG-A", "Stichting Jeugdzorg Kennemerland",
                                                          "strategisch_partner"),
         ("ZORG-B", "De Brücke Jeugdhulp", "overig")], 1),
    "gemeenten": (
        # (GM0392, 2025) is replaced, (GM0392, 2024) is new, the other municipalities stay
        [{"gemeente": "392", "jaar": "2025", "inwoners_0_17": "31000"},
         {"gemeente": "392", "jaar": "2024", "inwoners_0_17": "30900"}],
        "select municipality, year, youths_0_17 from populations order by all",
        [("GM0080", 2025, 21300), ("GM0392", 2024, 30900), ("GM0392", 2025, 31000), ("GM0453", 2025, 12480)], 1),
    "landelijk": (
        # NL 2025-H1 (written as CBS writes it) is replaced; the same figure of another source is new
        [{"bron": "CBS 85099NED", "gebied": "NL01", "periode": "2025HJ01", "indicator": "jeugdhulp_per_1000",
          "waarde": "97,9"},
         {"bron": "CBS 84134NED", "gebied": "NL", "periode": "2025-H1", "indicator": "jeugdhulp_per_1000",
          "waarde": "99"}],
        "select source, area, period, value from national_figures order by all",
        [("CBS 84134NED", "NL", "2025-H1", 99.0), ("CBS 85099NED", "GM0392", "2025-K2", 88.5),
         ("CBS 85099NED", "IJmond", "2024", 101.2), ("CBS 85099NED", "NL", "2025-H1", 97.9)], 1),
    "procesbreuken": (
        # (IJmond, 1-1-2023, every indicator) is replaced; the same day for one indicator is new
        [{"regio": "IJmond", "datum": "1-1-2023", "indicator": "", "omschrijving": "nieuwe inkoop"},
         {"regio": "IJmond", "datum": "1-1-2023", "indicator": "uitval", "omschrijving": "nieuwe contracten"}],
        "select region, day, indicator, description from process_changes order by all",
        [("IJmond", date(2023, 1, 1), "uitval", "nieuwe contracten"), ("IJmond", date(2023, 1, 1), None, "nieuwe inkoop"),
         ("IJmond", date(2025, 3, 1), "instroom", "nieuw toegangsteam"),
         ("Zuid-Kennemerland", date(2023, 1, 1), None, "nieuwe contracten")], 1),
    "contracten": (
        # CX-2023-01 is replaced (extended to 2026, a new evaluation moment); EV-2023-02 stays
        [{"contract_id": "CX-2023-01", "regio": "IJmond", "perceel": "complex", "bekostiging": "lumpsum",
          "startdatum": "1-1-2023", "einddatum": "31-12-2026", "evaluatiemomenten": "1-4-2026"}],
        "select contract_id, end_date, evaluation_dates from contracts order by all",
        [("CX-2023-01", date(2026, 12, 31), [date(2026, 4, 1)]), ("EV-2023-02", date(2026, 12, 31), None)], 1),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_corrected_file_replaces_exactly_its_scope(empty_db, kind):
    if kind == "aanbieders":
        load_file(empty_db, fixture("aanbieders"), "aanbieders.csv", uploader="test")
    else:
        add_providers(empty_db)
        load_file(empty_db, fixture(kind), f"{kind}.csv", uploader="test")
    corrected, query, expected, replaced = CORRECTIONS[kind]
    report = load_file(empty_db, csv_bytes(corrected), "correctie.csv", kind=kind, uploader="test")
    assert report.errors == () and report.stored
    assert report.replaced_rows == replaced
    assert empty_db.execute(query).fetchall() == expected


def test_a_dry_run_reports_what_it_would_replace_and_stores_nothing(db):
    load_file(db, fixture("kosten"), "kosten.csv", uploader="test")
    before = snapshot(db)
    corrected = csv_bytes(CORRECTIONS["kosten"][0])
    report = load_file(db, corrected, "correctie.csv", uploader="test", dry_run=True)
    assert not report.stored and report.errors == ()
    assert report.replaced_rows == 2
    assert report.scope_replaced == "periode januari 2025, gemeente Haarlem (1 combinatie)"
    assert list(report.preview.columns) == ["periode", "gemeente", "aanbieder", "perceel", "productcategorie",
                                            "soort", "bedrag"]
    assert snapshot(db) == before
    assert audit_actions(db) == ["upload"]


def test_a_file_with_only_a_header_needs_confirmation_that_the_scope_is_empty(db):
    header_only = b"periode;gemeente;aanbieder;perceel;productcategorie;soort;bedrag\r\n"
    first = load_file(db, header_only, "leeg.csv", uploader="test")
    assert first.needs_empty_confirmation and not first.stored
    assert db.execute("select count(*) from uploads").fetchone() == (0,)
    confirmed = load_file(db, header_only, "leeg.csv", uploader="test", confirm_empty=True)
    assert confirmed.stored and confirmed.rows == 0
    assert db.execute("select row_count from uploads").fetchall() == [(0,)]


@pytest.mark.parametrize("kind, module, failing", [
    ("kosten", storing, "insert_rows"),  # after the scope's old rows were deleted
    ("kosten", audit, "record"),  # after the new rows were inserted
    ("trajecten", audit, "record"),  # after the upsert by primary key
])
def test_an_exception_in_the_middle_of_a_load_leaves_the_database_as_it_was(db, monkeypatch, kind, module, failing):
    load_file(db, fixture(kind), f"{kind}.csv", uploader="test")
    before, actions = snapshot(db), audit_actions(db)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, failing, fail)
    with pytest.raises(RuntimeError):
        load_file(db, csv_bytes(CORRECTIONS[kind][0]), "correctie.csv", kind=kind, uploader="test")
    assert snapshot(db) == before
    assert audit_actions(db) == actions


def test_values_with_spaces_around_them_are_read_as_without(db):
    row = {"gemeente": " 392 ", "jaar": "2025 ", "inwoners_0_17": " 31250", "jeugdregio": "  "}
    assert load_file(db, csv_bytes([row]), "g.csv", uploader="test").stored
    assert db.execute("select municipality, year, youths_0_17, region from populations").fetchall() == [
        ("GM0392", 2025, 31250, None)]


def test_a_reader_during_a_load_sees_the_old_rows_and_afterwards_the_new(db, monkeypatch):
    load_file(db, fixture("kosten"), "kosten.csv", uploader="test")
    inside, proceed = threading.Event(), threading.Event()
    insert_rows = storing.insert_rows

    def paused(*args, **kwargs):
        inside.set()  # the scope's old rows are deleted, the new ones not yet inserted
        proceed.wait(timeout=10)
        insert_rows(*args, **kwargs)

    monkeypatch.setattr(storing, "insert_rows", paused)
    writer = threading.Thread(target=load_file, args=(db, csv_bytes(CORRECTIONS["kosten"][0]), "correctie.csv"),
                              kwargs={"uploader": "test"})
    writer.start()
    assert inside.wait(timeout=10)
    reader = db.cursor()
    during = reader.execute("select amount from costs order by amount").fetchall()
    proceed.set()
    writer.join(timeout=10)
    after = reader.execute("select amount from costs order by amount").fetchall()
    assert during == [(Decimal("-250.50"),), (Decimal("1000.00"),), (Decimal("12345.67"),)]
    assert after == [(Decimal("-250.50"),), (Decimal("500.00"),)]


def test_all_errors_are_returned_even_beyond_the_thousand_shown(db):
    # distinct years keep the rows apart; each is implausible (after 2100) and has a zero count
    rows = [{"gemeente": "392", "jaar": str(3000 + i), "inwoners_0_17": "0"} for i in range(1200)]
    report = load_file(db, csv_bytes(rows), "nul.csv", uploader="test")
    assert MAX_SHOWN_ERRORS == 1000
    assert len(report.errors) == 2 * 1200
    assert str(report.errors[-1]) == "rij 1201, kolom inwoners_0_17: 0 moet groter dan 0 zijn"


@pytest.mark.parametrize("blank_row", [b"\r\n", b";;;\r\n"])  # Python's reader, DuckDB's reader
def test_row_numbers_count_blank_rows_and_quoted_line_breaks_as_in_the_file(db, blank_row):
    raw = (b"gemeente;jaar;inwoners_0_17;jeugdregio\r\n392;2025;100;\"Zuid-\r\nKennemerland\"\r\n" + blank_row
           + b"453;2025;-5;\r\n")
    # row 2 holds a quoted line break (no known region then), row 3 is blank, so the bad count is on row 4
    report = load_file(db, raw, "g.csv", uploader="test")
    assert [(e.row, e.column) for e in report.errors] == [(2, "jeugdregio"), (4, "inwoners_0_17")]
    assert str(report.errors[1]) == "rij 4, kolom inwoners_0_17: -5 moet groter dan 0 zijn"
    assert report.rows == 2


@pytest.mark.parametrize("raw, message", [
    (b"gemeente;jaar;inwoners_0_17\r\n392;2025;100\r\n453;2025\r\n", "rij 3: deze rij heeft 2 velden, de kopregel 3"),
    (b"gemeente;jaar;inwoners_0_17\r\n392;2025;\"10\"0\r\n",
     "rij 2: de aanhalingstekens (\") in deze rij kloppen niet"),
    (b"gemeente;jaar;inwoners_0_17\r\n392;2025;\x81\x8d\r\n",
     "rij 2: het bestand is geen tekst in UTF-8 of Windows-1252: deze rij bevat een onleesbaar teken"),
    (b"", "rij 1: het bestand is leeg"),
])
def test_a_malformed_file_is_refused_with_the_row_that_breaks_it(db, raw, message):
    report = load_file(db, raw, "kapot.csv", uploader="test")
    assert [str(error) for error in report.errors] == [message]
    assert not report.stored


def test_a_provider_may_only_load_outcomes_of_its_own_code(db):
    rows = fixture_rows("uitkomsten")  # ZORG-A on row 2, ZORG-B on row 3
    report = load_file(db, csv_bytes(rows), "uitkomsten.csv", uploader="zorg-a", allowed_provider="ZORG-A")
    assert [str(e) for e in report.errors] == [
        "rij 3, kolom aanbieder: u mag alleen uitkomsten van uw eigen organisatie (ZORG-A) aanleveren"]
    own = load_file(db, csv_bytes(rows[:1]), "uitkomsten.csv", uploader="zorg-a", allowed_provider="ZORG-A")
    assert own.stored
    other_kind = load_file(db, fixture("kosten"), "kosten.csv", uploader="zorg-a", allowed_provider="ZORG-A")
    assert not other_kind.stored and other_kind.errors[0].row == 1
    # sent as uitkomsten (the provider's only choice): one message, not the columns kosten lacks
    as_outcomes = load_file(db, fixture("kosten"), "kosten.csv", kind="uitkomsten", uploader="zorg-a",
                            allowed_provider="ZORG-A")
    assert [str(e) for e in as_outcomes.errors] == [
        "rij 1: u mag alleen uitkomsten aanleveren; dit bestand is van een andere soort"]


def test_outcomes_of_a_quarter_that_has_not_ended_are_refused_in_dutch_with_row_and_column(db, monkeypatch):
    monkeypatch.setattr(decode, "today", lambda: date(2026, 12, 31))  # the last day of 2026-K4
    rows = fixture_rows("uitkomsten")[:1]
    report = load_file(db, csv_bytes([{**rows[0], "periode": "2026-K4"}]), "uitkomsten.csv", uploader="test")
    assert [str(e) for e in report.errors] == [
        "rij 2, kolom periode: 2026-K4 is nog niet voorbij: uitkomsten levert u aan na het einde van het kwartaal"]
    monkeypatch.setattr(decode, "today", lambda: date(2027, 1, 1))  # the day after it ends
    assert load_file(db, csv_bytes([{**rows[0], "periode": "2026-K4"}]), "uitkomsten.csv", uploader="test").stored


def test_rows_entered_in_the_app_go_through_the_same_contract(db):
    row = {"datum": "01-10-2026", "regio": "IJmond", "thema": "6", "onderwerp": "Acceptatieplicht",
           "actie": "Weigeringen bespreken", "eigenaar": "contractmanager", "status": "open"}
    stored = load_rows(db, "dialoog", [row], source="sessie in de app", uploader="piet@regio.nl")
    assert stored.stored
    assert db.execute("select session_date, theme, action, status from dialogues").fetchall() == [
        (date(2026, 10, 1), 6, "Weigeringen bespreken", "open")]
    refused = load_rows(db, "dialoog", [{**row, "regio": "Atlantis", "eigenaar": ""}], source="sessie",
                        uploader="piet@regio.nl")
    assert [str(e) for e in refused.errors] == ["rij 2, kolom regio: Atlantis is geen bekende jeugdregio",
                                                "rij 2, kolom eigenaar: verplicht wanneer een actie is ingevuld"]


@pytest.mark.parametrize("stored_before", [False, True])  # a plain insert; an upsert over stored rows
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_repeated_key_is_refused_with_both_rows_and_nothing_is_stored(db, stored_before, dry_run):
    if stored_before:
        load_file(db, fixture("trajecten"), "trajecten.csv", uploader="test")
    rows = fixture_rows("trajecten")
    repeat = {**rows[0], "gemeente": "GM0392", "client_id": "ander"}  # 392 and GM0392 are the same municipality
    before = snapshot(db)
    report = load_file(db, csv_bytes(rows + [repeat]), "dubbel.csv", uploader="test", dry_run=dry_run)
    assert [str(error) for error in report.errors] == [
        "rij 5, kolom traject_id: dezelfde gemeente en traject_id staat al in rij 2"]
    assert not report.stored and "is geweigerd (1 fout)" in report.summary
    assert snapshot(db) == before
    assert audit_actions(db)[-1] == "upload_refused"


def test_a_repeated_key_is_reported_together_with_the_other_errors_of_the_file(db):
    rows = fixture_rows("trajecten")
    rows[1]["startdatum"] = "31-02-2025"
    report = load_file(db, csv_bytes(rows + [dict(rows[0])]), "fouten.csv", uploader="test")
    assert [(error.row, error.column) for error in report.errors] == [(3, "startdatum"), (5, "traject_id")]


@pytest.mark.parametrize("categories, not_counted, sentence", [
    (["45", "42", "48", "47", "49"], 4, "; 4 rijen jeugdbescherming of vervoer tellen niet mee als jeugdhulp"),
    (["45", "48"], 1, "; 1 rij jeugdbescherming of vervoer telt niet mee als jeugdhulp"),
    (["45", "41"], 0, ""),
])
def test_a_trajecten_file_says_how_many_of_its_stored_rows_are_no_jeugdhulp(db, categories, not_counted, sentence):
    rows = [{"traject_id": f"T-{n}", "client_id": f"c-{n}", "gemeente": "GM0392", "aanbieder": "ZORG-A",
             "perceel": "complex", "productcategorie": code, "startdatum": "01-06-2025"}
            for n, code in enumerate(categories)]
    checked = load_file(db, csv_bytes(rows), "t.csv", uploader="test", dry_run=True)
    stored = load_file(db, csv_bytes(rows), "t.csv", uploader="test")
    assert (checked.not_counted, stored.not_counted) == (not_counted, not_counted)
    assert stored.stored and db.execute("select count(*) from trajectories").fetchone() == (len(categories),)
    assert stored.summary.endswith("vervangen" + sentence) and checked.summary.endswith("vervangen" + sentence)


@pytest.mark.parametrize("dates, waiting, sentence", [
    ({"aanmelddatum": "20-05-2025"}, 1, "; 1 rij zonder startdatum telt mee als wachtend, niet als zorg"),
    ({"aanmelddatum": "20-05-2025", "einddatum": "01-06-2025", "reden_einde": "32"}, 1,  # withdrawn while waiting
     "; 1 rij zonder startdatum telt mee als wachtend, niet als zorg"),
    ({"aanmelddatum": "20-05-2025", "startdatum": "01-06-2025"}, 0, ""),
])
def test_a_trajecten_row_without_startdatum_is_accepted_and_said_to_count_as_waiting(db, dates, waiting, sentence):
    rows = [{"traject_id": "T-1", "client_id": "c-1", "gemeente": "GM0392", "aanbieder": "ZORG-A",
             "perceel": "complex", "productcategorie": "45", **dates},
            {"traject_id": "T-2", "client_id": "c-2", "gemeente": "GM0392", "aanbieder": "ZORG-A",
             "perceel": "complex", "productcategorie": "48", "aanmelddatum": "20-05-2025"}]  # no jeugdhulp at all
    stored = load_file(db, csv_bytes(rows), "t.csv", uploader="test")
    assert stored.errors == () and (stored.not_counted, stored.waiting) == (1, waiting)
    assert stored.summary.endswith("; 1 rij jeugdbescherming of vervoer telt niet mee als jeugdhulp" + sentence)
    assert db.execute("select trajectory_id, start_date is null from trajectories order by 1").fetchall() == [
        ("T-1", waiting == 1), ("T-2", True)]


def _norm_row(region: str, norm: str) -> dict[str, str]:
    return {"regio": region, "indicator": "zonder_verblijf", "jaar": "2026", "perceel": "", "aanbieder": "",
            "norm": norm, "marge": "2"}


def test_a_norm_of_one_region_replaces_only_that_regions_norm(db):
    for region, norm in (("Achterhoek", "85"), ("IJmond", "88"), ("", "90")):
        assert load_file(db, csv_bytes([_norm_row(region, norm)]), f"n{region}.csv", uploader="test").stored
    replaced = load_file(db, csv_bytes([_norm_row("IJmond", "80")]), "ijmond.csv", uploader="test")
    assert replaced.stored and replaced.replaced_rows == 1
    assert db.execute("select region, norm from norms order by region nulls first").fetchall() == [
        (None, 90.0), ("Achterhoek", 85.0), ("IJmond", 80.0)]


@pytest.mark.parametrize(("region", "stored"), [("IJmond", True), ("Achterhoek", False), ("", False)])
def test_a_contract_manager_sets_only_norms_of_their_own_region(db, region, stored):
    report = load_file(db, csv_bytes([_norm_row(region, "80")]), "normen.csv", uploader="cm",
                       allowed_regions=("IJmond", "Zuid-Kennemerland"))
    assert report.stored == stored
    if not stored:
        assert [str(error) for error in report.errors] == [
            "rij 2, kolom regio: u mag alleen normen van uw eigen regio (IJmond, Zuid-Kennemerland) aanleveren; "
            "vul de kolom regio in"]
