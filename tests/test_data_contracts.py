"""The CSV contract (csv-contract.md): columns, kind detection, and every rule refusing a bad file.

Acceptance 2 of issue 2: each rule of each kind has a bad file here; the Dutch message names the row
and the column, and the database is unchanged afterwards. Bad files are the good fixture files of
tests/fixtures/csv/ with one or two cells changed (row 2 is the first data row).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pydantic
import pytest

from data.ingest.contracts import KINDS, MODELS, columns, detect_kind, template
from data.store.db import connect
from data.ingest.load import load_file
from tests.fixtures.csv import add_providers, csv_bytes, fixture, fixture_rows, snapshot

CONTRACT_COLUMNS = {  # csv-contract.md, "The kinds", in order
    "trajecten": ["traject_id", "client_id", "gemeente", "aanbieder", "perceel", "productcategorie", "verwijzer",
                  "aanmelddatum", "startdatum", "einddatum", "reden_einde", "leeftijdsklasse"],
    "kosten": ["periode", "gemeente", "aanbieder", "perceel", "productcategorie", "soort", "bedrag"],
    "budget": ["jaar", "gemeente", "perceel", "aanbieder", "budget"],
    "uitkomsten": ["periode", "aanbieder", "perceel", "afgesloten_trajecten", "doelen_behaald",
                   "tevredenheid_respondenten", "tevredenheid_positief", "weigeringen", "toelichting"],
    "dialoog": ["datum", "regio", "aanbieder", "thema", "onderwerp", "signaal", "actie", "eigenaar", "deadline",
                "status"],
    "normen": ["regio", "indicator", "jaar", "perceel", "aanbieder", "norm", "marge"],
    "aanbieders": ["aanbieder", "naam", "perceel", "rol", "samenwerkingsverband", "regio", "certificaat_geldig_tot"],
    "gemeenten": ["gemeente", "jaar", "inwoners_0_17", "jeugdregio"],
    "landelijk": ["bron", "gebied", "periode", "indicator", "waarde", "definitie"],
    "procesbreuken": ["regio", "datum", "indicator", "omschrijving"],
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_the_columns_of_the_contract_in_order(kind):
    assert columns(kind) == CONTRACT_COLUMNS[kind]
    assert template(kind) == ";".join(CONTRACT_COLUMNS[kind]) + "\r\n"


@pytest.mark.parametrize("kind", KINDS)
def test_the_attributes_of_a_model_are_the_columns_of_its_table(empty_db, kind):
    model = MODELS[kind]
    table = {name for (name,) in empty_db.execute(
        "select column_name from information_schema.columns where table_name = $t", {"t": model.TABLE}).fetchall()}
    assert set(model.model_fields) | set(model.DERIVED) | {"upload_id"} == table


@pytest.mark.parametrize("kind", KINDS)
def test_the_kind_is_detected_from_a_full_header_and_from_the_required_columns_alone(kind):
    assert detect_kind(CONTRACT_COLUMNS[kind]) == kind
    required = [name for name, field in zip(columns(kind), MODELS[kind].model_fields.values()) if field.is_required()]
    assert detect_kind([name.upper() for name in required]) == kind


@pytest.mark.parametrize("header", [["foo", "bar"], ["periode", "aanbieder", "perceel"]])
def test_no_kind_is_detected_from_an_unknown_or_ambiguous_header(header):
    # periode, aanbieder and perceel belong to both kosten and uitkomsten
    assert detect_kind(header) is None


def test_a_model_validates_one_row_with_the_same_rules():
    row = {"traject_id": "T-1", "client_id": "k1", "gemeente": "392", "aanbieder": "ZORG-A", "perceel": "Complex",
           "productcategorie": "045", "startdatum": "15-01-2025", "einddatum": " ", "reden_einde": ""}
    trajectory = MODELS["trajecten"].model_validate(row)
    assert (trajectory.municipality, trajectory.lot, trajectory.product_category, trajectory.start_date,
            trajectory.end_date) == ("GM0392", "complex", 45, date(2025, 1, 15), None)
    with pytest.raises(pydantic.ValidationError, match="Extra inputs"):
        MODELS["trajecten"].model_validate({**row, "bsn": "x"})
    with pytest.raises(pydantic.ValidationError, match="verplicht wanneer de einddatum is ingevuld"):
        MODELS["trajecten"].model_validate({**row, "einddatum": "30-06-2025"})
    assert MODELS["normen"].model_validate({"indicator": "wachttijd_mediaan", "jaar": "2025", "norm": "42"}).margin == 0


def _changed(kind: str, **cells: str) -> list[dict[str, str]]:
    rows = fixture_rows(kind)
    rows[0].update(cells)
    return rows


def _repeated(kind: str) -> list[dict[str, str]]:
    rows = fixture_rows(kind)
    return rows + [dict(rows[0])]


LONG = "x" * 501
NEXT_YEAR = date.today().year + 1  # the last plausible year: its end is always in the future
NO_DATE = "is geen geldige datum (gebruik d-m-jjjj of jjjj-mm-dd)"
NO_YEAR = "is geen geldig jaartal (schrijf het jaar met vier cijfers, bijvoorbeeld 2026)"
# (kind, rows of the bad file, the error expected among the file's errors)
BAD_CELLS = [
    # 1. trajecten
    ("trajecten", _changed("trajecten", traject_id=""), "rij 2, kolom traject_id: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", traject_id="T" * 65), "rij 2, kolom traject_id: tekst is langer dan 64 tekens"),
    ("trajecten", _repeated("trajecten"), "rij 5, kolom traject_id: dezelfde gemeente en traject_id staat al in rij 2"),
    ("trajecten", _changed("trajecten", client_id=""), "rij 2, kolom client_id: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", client_id="k" * 65), "rij 2, kolom client_id: tekst is langer dan 64 tekens"),
    ("trajecten", _changed("trajecten", gemeente=""), "rij 2, kolom gemeente: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", gemeente="Haarlem"),
     "rij 2, kolom gemeente: Haarlem is geen geldige gemeentecode (bijvoorbeeld GM0392)"),
    ("trajecten", _changed("trajecten", gemeente="GM9999"),
     "rij 2, kolom gemeente: GM9999 is geen bekende gemeentecode"),
    ("trajecten", _changed("trajecten", aanbieder=""), "rij 2, kolom aanbieder: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", aanbieder="Zorg A"),
     "rij 2, kolom aanbieder: Zorg A is geen geldige aanbiedercode (1 tot 20 letters, cijfers of -)"),
    ("trajecten", _changed("trajecten", aanbieder="ZORG-Z"),
     "rij 2, kolom aanbieder: ZORG-Z is geen bekende aanbieder; lever eerst het aanbiedersbestand aan"),
    ("trajecten", _changed("trajecten", perceel=""), "rij 2, kolom perceel: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", perceel="licht"),
     "rij 2, kolom perceel: licht is geen geldig perceel (complex of enkelvoudig)"),
    ("trajecten", _changed("trajecten", productcategorie=""), "rij 2, kolom productcategorie: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", productcategorie="45a"),
     "rij 2, kolom productcategorie: 45a is geen geldige iJw-code"),
    ("trajecten", _changed("trajecten", productcategorie="39"),
     "rij 2, kolom productcategorie: 39 is geen code van de iJw-lijst JZ020"),
    ("trajecten", _changed("trajecten", verwijzer="07"),
     "rij 2, kolom verwijzer: 07 is geen code van de iJw-lijst COD327"),
    ("trajecten", _changed("trajecten", aanmelddatum="2025-13-01"),
     "rij 2, kolom aanmelddatum: 2025-13-01 " + NO_DATE),
    ("trajecten", _changed("trajecten", aanmelddatum="2025-01-16"),
     "rij 2, kolom aanmelddatum: 2025-01-16 ligt na de startdatum 2025-01-15"),
    ("trajecten", _changed("trajecten", startdatum=""), "rij 2, kolom startdatum: verplicht veld is leeg"),
    ("trajecten", _changed("trajecten", startdatum="31-02-2024", aanmelddatum=""),
     "rij 2, kolom startdatum: 31-02-2024 " + NO_DATE),
    ("trajecten", _changed("trajecten", startdatum=f"31-12-{NEXT_YEAR}", einddatum="", reden_einde=""),
     f"rij 2, kolom startdatum: 31-12-{NEXT_YEAR} ligt in de toekomst"),
    ("trajecten", _changed("trajecten", einddatum="30-06-25"),
     "rij 2, kolom einddatum: 30-06-25 heeft geen jaartal van vier cijfers; schrijf het jaar voluit "
     "(bijvoorbeeld 2026)"),
    ("trajecten", _changed("trajecten", einddatum="2025-01-14"),
     "rij 2, kolom einddatum: 2025-01-14 ligt vóór de startdatum 2025-01-15"),
    ("trajecten", _changed("trajecten", einddatum=f"{NEXT_YEAR}-12-31"),
     f"rij 2, kolom einddatum: {NEXT_YEAR}-12-31 ligt in de toekomst"),
    ("trajecten", _changed("trajecten", reden_einde=""),
     "rij 2, kolom reden_einde: verplicht wanneer de einddatum is ingevuld"),
    ("trajecten", _changed("trajecten", einddatum=""),
     "rij 2, kolom reden_einde: 31 moet leeg zijn zolang de einddatum leeg is"),
    ("trajecten", _changed("trajecten", reden_einde="45"),
     "rij 2, kolom reden_einde: 45 is geen code van de iJw-lijst JZ588"),
    ("trajecten", _changed("trajecten", leeftijdsklasse="12-18"),
     "rij 2, kolom leeftijdsklasse: 12-18 is geen toegestane waarde (kies uit 0-3, 4-11, 12-17, 18-22)"),
    # 2. kosten
    ("kosten", _changed("kosten", periode=""), "rij 2, kolom periode: verplicht veld is leeg"),
    ("kosten", _changed("kosten", periode="januari"),
     "rij 2, kolom periode: januari is geen geldige maand (gebruik JJJJ-MM)"),
    ("kosten", _changed("kosten", periode=f"{NEXT_YEAR}-12"),
     f"rij 2, kolom periode: {NEXT_YEAR}-12 ligt na de huidige maand"),
    ("kosten", _changed("kosten", gemeente="GM03921"),
     "rij 2, kolom gemeente: GM03921 is geen geldige gemeentecode (bijvoorbeeld GM0392)"),
    ("kosten", _changed("kosten", aanbieder=""), "rij 2, kolom aanbieder: verplicht veld is leeg"),
    ("kosten", _changed("kosten", perceel="beide"),
     "rij 2, kolom perceel: beide is geen geldig perceel (complex of enkelvoudig)"),
    ("kosten", _changed("kosten", productcategorie="31a"),
     "rij 2, kolom productcategorie: 31a is geen geldige iJw-code"),
    ("kosten", _changed("kosten", productcategorie="02"),
     "rij 2, kolom productcategorie: 02 is geen code van de iJw-lijst JZ020"),
    ("kosten", _changed("kosten", soort=""), "rij 2, kolom soort: verplicht veld is leeg"),
    ("kosten", _changed("kosten", soort="factuur"),
     "rij 2, kolom soort: factuur is geen toegestane waarde (kies uit declaratie, lumpsum, correctie)"),
    ("kosten", _changed("kosten", bedrag=""), "rij 2, kolom bedrag: verplicht veld is leeg"),
    ("kosten", _changed("kosten", bedrag="12,345,67"),
     "rij 2, kolom bedrag: 12,345,67 is geen geldig bedrag in euro's"
     " (hoogstens twee decimalen na de komma; duizendtallen met een punt, bijvoorbeeld 1.234,56)"),
    ("kosten", _changed("kosten", bedrag="12,345"), None),  # three digits after a separator group thousands: valid
    ("kosten", _changed("kosten", bedrag="-12,50"),
     "rij 2, kolom bedrag: -12,50 is negatief; alleen soort correctie mag negatief zijn"),
    # 3. budget
    ("budget", _changed("budget", jaar=""), "rij 2, kolom jaar: verplicht veld is leeg"),
    ("budget", _changed("budget", jaar="'25"), "rij 2, kolom jaar: '25 " + NO_YEAR),
    ("budget", _changed("budget", jaar="2014"), "rij 2, kolom jaar: 2014 ligt niet tussen 2015 en 2100"),
    ("budget", _changed("budget", jaar="2101"), "rij 2, kolom jaar: 2101 ligt niet tussen 2015 en 2100"),
    ("budget", _changed("budget", gemeente="0000"), "rij 2, kolom gemeente: 0000 is geen bekende gemeentecode"),
    ("budget", _changed("budget", perceel=""), "rij 2, kolom perceel: verplicht veld is leeg"),
    ("budget", _changed("budget", aanbieder="ZORG-Z"),
     "rij 2, kolom aanbieder: ZORG-Z is geen bekende aanbieder; lever eerst het aanbiedersbestand aan"),
    ("budget", _changed("budget", budget=""), "rij 2, kolom budget: verplicht veld is leeg"),
    ("budget", _changed("budget", budget="veel"), "rij 2, kolom budget: veel is geen geldig bedrag in euro's"
     " (hoogstens twee decimalen na de komma; duizendtallen met een punt, bijvoorbeeld 1.234,56)"),
    ("budget", _changed("budget", budget="0"), "rij 2, kolom budget: 0 moet groter dan 0 zijn"),
    ("budget", _repeated("budget"),
     "rij 5, kolom aanbieder: dezelfde jaar, gemeente, perceel en aanbieder staat al in rij 2"),
    # 4. uitkomsten
    ("uitkomsten", _changed("uitkomsten", periode=""), "rij 2, kolom periode: verplicht veld is leeg"),
    ("uitkomsten", _changed("uitkomsten", periode="2025-K5"),
     "rij 2, kolom periode: 2025-K5 is geen geldig kwartaal (gebruik JJJJ-Kn)"),
    ("uitkomsten", _changed("uitkomsten", aanbieder="ZORG-Z"),
     "rij 2, kolom aanbieder: ZORG-Z is geen bekende aanbieder; lever eerst het aanbiedersbestand aan"),
    ("uitkomsten", _changed("uitkomsten", perceel="x"),
     "rij 2, kolom perceel: x is geen geldig perceel (complex of enkelvoudig)"),
    ("uitkomsten", _changed("uitkomsten", afgesloten_trajecten=""),
     "rij 2, kolom afgesloten_trajecten: verplicht veld is leeg"),
    ("uitkomsten", _changed("uitkomsten", afgesloten_trajecten="40,5"),
     "rij 2, kolom afgesloten_trajecten: 40,5 is geen geheel getal"),
    ("uitkomsten", _changed("uitkomsten", afgesloten_trajecten="-1", doelen_behaald="0"),
     "rij 2, kolom afgesloten_trajecten: -1 moet 0 of meer zijn"),
    ("uitkomsten", _changed("uitkomsten", doelen_behaald="-1"), "rij 2, kolom doelen_behaald: -1 moet 0 of meer zijn"),
    ("uitkomsten", _changed("uitkomsten", doelen_behaald="41"),
     "rij 2, kolom doelen_behaald: 41 is meer dan afgesloten_trajecten (40)"),
    ("uitkomsten", _changed("uitkomsten", tevredenheid_respondenten=""),
     "rij 2, kolom tevredenheid_respondenten: verplicht veld is leeg"),
    ("uitkomsten", _changed("uitkomsten", tevredenheid_respondenten="-3", tevredenheid_positief="0"),
     "rij 2, kolom tevredenheid_respondenten: -3 moet 0 of meer zijn"),
    ("uitkomsten", _changed("uitkomsten", tevredenheid_positief="twintig"),
     "rij 2, kolom tevredenheid_positief: twintig is geen geheel getal"),
    ("uitkomsten", _changed("uitkomsten", tevredenheid_positief="26"),
     "rij 2, kolom tevredenheid_positief: 26 is meer dan tevredenheid_respondenten (25)"),
    ("uitkomsten", _changed("uitkomsten", weigeringen=""), "rij 2, kolom weigeringen: verplicht veld is leeg"),
    ("uitkomsten", _changed("uitkomsten", weigeringen="-2"), "rij 2, kolom weigeringen: -2 moet 0 of meer zijn"),
    ("uitkomsten", _changed("uitkomsten", toelichting=LONG),
     "rij 2, kolom toelichting: tekst is langer dan 500 tekens"),
    ("uitkomsten", _repeated("uitkomsten"),
     "rij 4, kolom aanbieder: dezelfde periode, aanbieder en perceel staat al in rij 2"),
    # 5. dialoog
    ("dialoog", _changed("dialoog", datum=""), "rij 2, kolom datum: verplicht veld is leeg"),
    ("dialoog", _changed("dialoog", datum="12 maart"), "rij 2, kolom datum: 12 maart " + NO_DATE),
    ("dialoog", _changed("dialoog", regio=""), "rij 2, kolom regio: verplicht veld is leeg"),
    ("dialoog", _changed("dialoog", regio="Kennemerland"),
     "rij 2, kolom regio: Kennemerland is geen bekende jeugdregio"),
    ("dialoog", _changed("dialoog", aanbieder="ZORG-Z"),
     "rij 2, kolom aanbieder: ZORG-Z is geen bekende aanbieder; lever eerst het aanbiedersbestand aan"),
    ("dialoog", _changed("dialoog", thema=""), "rij 2, kolom thema: verplicht veld is leeg"),
    ("dialoog", _changed("dialoog", thema="19"), "rij 2, kolom thema: 19 is geen dialoogthema (1 tot en met 18)"),
    ("dialoog", _changed("dialoog", thema="negen"), "rij 2, kolom thema: negen is geen geheel getal"),
    ("dialoog", _changed("dialoog", onderwerp=""), "rij 2, kolom onderwerp: verplicht veld is leeg"),
    ("dialoog", _changed("dialoog", onderwerp="o" * 201), "rij 2, kolom onderwerp: tekst is langer dan 200 tekens"),
    ("dialoog", _changed("dialoog", signaal="s" * 1001), "rij 2, kolom signaal: tekst is langer dan 1000 tekens"),
    ("dialoog", _changed("dialoog", actie=LONG), "rij 2, kolom actie: tekst is langer dan 500 tekens"),
    ("dialoog", _changed("dialoog", eigenaar="e" * 101), "rij 2, kolom eigenaar: tekst is langer dan 100 tekens"),
    ("dialoog", _changed("dialoog", eigenaar=""), "rij 2, kolom eigenaar: verplicht wanneer een actie is ingevuld"),
    ("dialoog", _changed("dialoog", deadline="eind april"), "rij 2, kolom deadline: eind april " + NO_DATE),
    ("dialoog", _changed("dialoog", status=""), "rij 2, kolom status: verplicht wanneer een actie is ingevuld"),
    ("dialoog", _changed("dialoog", status="bezig"),
     "rij 2, kolom status: bezig is geen toegestane waarde (kies uit open, afgerond)"),
    # 6. normen
    ("normen", _changed("normen", regio="Kennemerland"), "rij 2, kolom regio: Kennemerland is geen bekende jeugdregio"),
    ("normen", _changed("normen", indicator=""), "rij 2, kolom indicator: verplicht veld is leeg"),
    ("normen", _changed("normen", indicator="wachttijd"),
     "rij 2, kolom indicator: wachttijd is geen indicatorcode uit de catalogus (indicators.md)"),
    ("normen", _changed("normen", jaar=""), "rij 2, kolom jaar: verplicht veld is leeg"),
    ("normen", _changed("normen", jaar="2025/26"), "rij 2, kolom jaar: 2025/26 " + NO_YEAR),
    ("normen", _changed("normen", perceel="alles"),
     "rij 2, kolom perceel: alles is geen geldig perceel (complex of enkelvoudig)"),
    ("normen", _changed("normen", aanbieder="ZORG-Z"),
     "rij 2, kolom aanbieder: ZORG-Z is geen bekende aanbieder; lever eerst het aanbiedersbestand aan"),
    ("normen", _changed("normen", norm=""), "rij 2, kolom norm: verplicht veld is leeg"),
    ("normen", _changed("normen", norm="6 weken"), "rij 2, kolom norm: 6 weken is geen geldig getal"),
    ("normen", _changed("normen", marge="1.234,5"), "rij 2, kolom marge: 1.234,5 is geen geldig getal"),
    ("normen", _changed("normen", marge="-1"), "rij 2, kolom marge: -1 moet 0 of meer zijn"),
    ("normen", _repeated("normen"),
     "rij 5, kolom indicator: dezelfde regio, indicator, jaar, perceel en aanbieder staat al in rij 2"),
    # 7. aanbieders
    ("aanbieders", _changed("aanbieders", aanbieder=""), "rij 2, kolom aanbieder: verplicht veld is leeg"),
    ("aanbieders", _changed("aanbieders", aanbieder="ZORG_A"),
     "rij 2, kolom aanbieder: ZORG_A is geen geldige aanbiedercode (1 tot 20 letters, cijfers of -)"),
    ("aanbieders", _changed("aanbieders", aanbieder="A" * 21),
     f"rij 2, kolom aanbieder: {'A' * 21} is geen geldige aanbiedercode (1 tot 20 letters, cijfers of -)"),
    ("aanbieders", _repeated("aanbieders"), "rij 5, kolom aanbieder: dezelfde aanbieder staat al in rij 2"),
    ("aanbieders", _changed("aanbieders", naam=""), "rij 2, kolom naam: verplicht veld is leeg"),
    ("aanbieders", _changed("aanbieders", naam="n" * 121), "rij 2, kolom naam: tekst is langer dan 120 tekens"),
    ("aanbieders", _changed("aanbieders", perceel="alles"),
     "rij 2, kolom perceel: alles is geen geldig perceel (complex, enkelvoudig of beide)"),
    ("aanbieders", _changed("aanbieders", rol=""), "rij 2, kolom rol: verplicht veld is leeg"),
    ("aanbieders", _changed("aanbieders", rol="partner"),
     "rij 2, kolom rol: partner is geen toegestane waarde (kies uit strategisch_partner, ontwikkelpartner, overig)"),
    ("aanbieders", _changed("aanbieders", samenwerkingsverband="s" * 121),
     "rij 2, kolom samenwerkingsverband: tekst is langer dan 120 tekens"),
    ("aanbieders", _changed("aanbieders", regio=""), "rij 2, kolom regio: verplicht veld is leeg"),
    ("aanbieders", _changed("aanbieders", regio="IJmond/Texel"),
     "rij 2, kolom regio: IJmond/Texel bevat een onbekende jeugdregio (scheid meerdere regio's met /)"),
    ("aanbieders", _changed("aanbieders", certificaat_geldig_tot="2027-12"),
     "rij 2, kolom certificaat_geldig_tot: 2027-12 " + NO_DATE),
    # 8. gemeenten
    ("gemeenten", _changed("gemeenten", gemeente=""), "rij 2, kolom gemeente: verplicht veld is leeg"),
    ("gemeenten", _changed("gemeenten", gemeente="GM 0392"),
     "rij 2, kolom gemeente: GM 0392 is geen geldige gemeentecode (bijvoorbeeld GM0392)"),
    ("gemeenten", _changed("gemeenten", gemeente="0001"), "rij 2, kolom gemeente: 0001 is geen bekende gemeentecode"),
    ("gemeenten", _changed("gemeenten", jaar=""), "rij 2, kolom jaar: verplicht veld is leeg"),
    ("gemeenten", _changed("gemeenten", jaar="MMXXV"), "rij 2, kolom jaar: MMXXV " + NO_YEAR),
    ("gemeenten", _changed("gemeenten", inwoners_0_17=""), "rij 2, kolom inwoners_0_17: verplicht veld is leeg"),
    ("gemeenten", _changed("gemeenten", inwoners_0_17="0"), "rij 2, kolom inwoners_0_17: 0 moet groter dan 0 zijn"),
    ("gemeenten", _changed("gemeenten", inwoners_0_17="31.250"),
     "rij 2, kolom inwoners_0_17: 31.250 is geen geheel getal"),
    ("gemeenten", _repeated("gemeenten"), "rij 5, kolom gemeente: dezelfde gemeente en jaar staat al in rij 2"),
]


@pytest.fixture(scope="session")
def loaded_file(tmp_path_factory) -> Path:
    """A store file with the providers and every good fixture file (built once, never changed)."""
    path = tmp_path_factory.mktemp("store") / "loaded.duckdb"
    con = connect(path)
    add_providers(con)
    for kind in KINDS:
        assert load_file(con, fixture(kind), f"{kind}.csv", uploader="test").errors == ()
    con.close()
    return path


@pytest.fixture
def loaded(loaded_file, tmp_path):
    """A fresh copy of `loaded_file`: a refused file must leave all of it as it was."""
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(loaded_file, copy)
    con = duckdb.connect(str(copy))
    yield con
    con.close()


@pytest.mark.parametrize("kind, rows, expected", BAD_CELLS, ids=[f"{k}-{e}" for k, _, e in BAD_CELLS])
def test_a_file_breaking_a_rule_is_refused_with_row_and_column_and_changes_nothing(loaded, kind, rows, expected):
    before = snapshot(loaded)
    report = load_file(loaded, csv_bytes(rows), "fout.csv", kind=kind, uploader="test")
    if expected is None:  # a near miss that the contract accepts
        assert report.errors == () and report.stored
        return
    assert expected in [str(error) for error in report.errors]
    assert not report.stored
    assert snapshot(loaded) == before


BAD_HEADERS = [
    ("budget", "jaar;gemeente;perceel;aanbieder;budget;opmerking",
     "rij 1, kolom opmerking: onbekende kolom voor soort budget; extra kolommen worden geweigerd"),
    ("budget", "jaar;gemeente;perceel;aanbieder", "rij 1, kolom budget: verplichte kolom ontbreekt"),
    ("budget", "jaar;gemeente;perceel;aanbieder;budget;jaar",
     "rij 1, kolom jaar: deze kolom komt meer dan één keer voor"),
    ("budget", "jaar;gemeente;perceel;;budget", "rij 1: kolom 4 heeft geen naam"),
    (None, "periode;aanbieder;perceel;bedrag_totaal",
     "rij 1: de soort van dit bestand is niet te herkennen aan de kopregel; kies een soort "
     "(trajecten, kosten, budget, uitkomsten, dialoog, normen, aanbieders, gemeenten, landelijk, procesbreuken)"),
]


@pytest.mark.parametrize("kind, header, expected", BAD_HEADERS)
def test_a_file_with_an_extra_missing_doubled_or_unknown_column_is_refused(loaded, kind, header, expected):
    before = snapshot(loaded)
    raw = (header + "\r\n" + ";".join(["x"] * len(header.split(";"))) + "\r\n").encode("utf-8")
    report = load_file(loaded, raw, "kop.csv", kind=kind, uploader="test")
    assert expected in [str(error) for error in report.errors]
    assert snapshot(loaded) == before


def test_an_optional_column_may_be_left_out(empty_db):
    raw = b"gemeente;jaar;inwoners_0_17\r\n392;2025;31250\r\n"
    assert load_file(empty_db, raw, "g.csv", uploader="test").stored
    assert empty_db.execute("select region from populations").fetchall() == [(None,)]
