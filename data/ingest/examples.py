"""Example rows of the templates, and the rule that refuses them when they are left in a file.

A template's workbook shows two filled rows so that a user sees every column's form. They are marked
in their first cell (`VOORBEELD ...`), which is also how the loader recognises them, in a workbook
and in a CSV saved from it alike: such a row is refused with one clear message on that cell.
"""

from __future__ import annotations

from datetime import date

import duckdb

from data.ingest.contracts import columns
from data.ingest.validate import FIRST_ROW, RowError, quote

MARKER = "VOORBEELD"
MESSAGE = (f"dit is een voorbeeldrij uit het sjabloon (de eerste cel begint met {MARKER}); "
           "verwijder de voorbeeldrijen en lever het bestand opnieuw aan")
_FLAG = "_example"


def flags(kind: str) -> dict[str, str]:
    """A `_dec` column: whether the row's first template column starts with the marker (any case)."""
    return {_FLAG: f"coalesce(starts_with(lower({quote('nl:' + columns(kind)[0])}), '{MARKER.lower()}'), false)"}


def errors(cur: duckdb.DuckDBPyConnection, kind: str) -> list[RowError]:
    """One error per example row, on its first column; no cell value is shown."""
    rows = cur.execute(f"select rowid from _dec where {quote(_FLAG)} order by rowid").fetchall()
    return [RowError(rid + FIRST_ROW, columns(kind)[0], MESSAGE) for (rid,) in rows]


def example_rows(kind: str, today: date, *, municipality: str, provider: str, region: str) -> list[dict[str, object]]:
    """Two plausible rows of `kind` (Dutch column -> Excel value), the first cell marked as an example.

    Dates are real dates, amounts and counts real numbers, so that a workbook shows Excel's own forms.
    """
    year = today.year - 1  # a whole past year: nothing lies in the future
    rows = _ROWS[kind](year, municipality, provider, region)
    first = columns(kind)[0]
    for row in rows:
        value = row.get(first, "")
        shown = value.strftime("%d-%m-%Y") if isinstance(value, date) else value
        row[first] = f"{MARKER} {shown}"
    return rows


def _trajecten(year, municipality, provider, region):
    return [
        {"traject_id": "T-0001", "client_id": "k-7f3a9c", "gemeente": municipality, "aanbieder": provider,
         "perceel": "complex", "productcategorie": "45", "verwijzer": "02", "aanmelddatum": date(year, 1, 6),
         "startdatum": date(year, 1, 15), "einddatum": date(year, 6, 30), "reden_einde": "31",
         "leeftijdsklasse": "12-17"},
        {"traject_id": "T-0002", "client_id": "k-9b1c2d", "gemeente": municipality, "aanbieder": provider,
         "perceel": "enkelvoudig", "productcategorie": "54", "startdatum": date(year, 3, 1),
         "leeftijdsklasse": "4-11"},
    ]


def _kosten(year, municipality, provider, region):
    return [
        {"periode": f"{year}-10", "gemeente": municipality, "aanbieder": provider, "perceel": "complex",
         "productcategorie": "45", "soort": "declaratie", "bedrag": 12345.67},
        {"periode": f"{year}-10", "gemeente": municipality, "aanbieder": provider, "perceel": "enkelvoudig",
         "soort": "lumpsum", "bedrag": 1000},
    ]


def _budget(year, municipality, provider, region):
    return [
        {"jaar": year + 1, "gemeente": municipality, "perceel": "complex", "budget": 2500000},
        {"jaar": year + 1, "gemeente": municipality, "perceel": "complex", "aanbieder": provider, "budget": 1200000.5},
    ]


def _uitkomsten(year, municipality, provider, region):
    return [
        {"periode": f"{year}-K3", "aanbieder": provider, "perceel": "complex", "afgesloten_trajecten": 40,
         "doelen_behaald": 31, "tevredenheid_respondenten": 25, "tevredenheid_positief": 20, "weigeringen": 2,
         "toelichting": "Wachtlijst daalt"},
        {"periode": f"{year}-K4", "aanbieder": provider, "perceel": "complex", "afgesloten_trajecten": 12,
         "doelen_behaald": 12, "tevredenheid_respondenten": 0, "tevredenheid_positief": 0, "weigeringen": 0},
    ]


def _dialoog(year, municipality, provider, region):
    return [
        {"datum": date(year, 3, 12), "regio": region, "aanbieder": provider, "thema": 9,
         "onderwerp": "Wachttijden complexe zorg", "signaal": "Wachttijd loopt op tot 12 weken",
         "actie": "Plan van aanpak opstellen", "eigenaar": "contractmanager", "deadline": date(year, 4, 30),
         "status": "open"},
        {"datum": date(year, 3, 12), "regio": region, "thema": 1, "onderwerp": "Zorgcontinuïteit bij overdracht"},
    ]


def _normen(year, municipality, provider, region):
    return [
        {"regio": region, "indicator": "wachttijd_mediaan", "jaar": year + 1, "norm": 42, "marge": 14},
        {"regio": region, "indicator": "wachttijd_mediaan", "jaar": year + 1, "perceel": "complex",
         "aanbieder": provider, "norm": 35.5},
    ]


def _aanbieders(year, municipality, provider, region):
    return [
        {"aanbieder": "ZORG-A", "naam": "Stichting Jeugdzorg Voorbeeld", "perceel": "complex",
         "rol": "strategisch_partner", "samenwerkingsverband": "Consortium Jeugd & Gezin", "regio": region,
         "certificaat_geldig_tot": date(year + 2, 12, 31)},
        {"aanbieder": "ZORG-B", "naam": "Praktijk Voorbeeld", "perceel": "enkelvoudig", "rol": "ontwikkelpartner",
         "regio": region},
    ]


def _gemeenten(year, municipality, provider, region):
    return [
        {"gemeente": municipality, "jaar": year + 1, "inwoners_0_17": 31250},
        {"gemeente": municipality, "jaar": year, "inwoners_0_17": 31180, "jeugdregio": region},
    ]


def _landelijk(year, municipality, provider, region):
    return [
        {"bron": "CBS 85099NED", "gebied": "NL01", "periode": f"{year}HJ01", "indicator": "jeugdhulp_per_1000",
         "waarde": 98.4, "definitie": "jongeren met jeugdhulp per 1.000 jongeren van 0 tot 23 jaar"},
        {"bron": "CBS 85099NED", "gebied": municipality, "periode": f"{year}-K3", "indicator": "zonder_verblijf",
         "waarde": 88.5},
    ]


def _procesbreuken(year, municipality, provider, region):
    return [
        {"regio": region, "datum": date(year - 3, 1, 1), "omschrijving": "nieuwe contracten"},
        {"regio": region, "datum": date(year, 3, 1), "indicator": "instroom", "omschrijving": "nieuw toegangsteam"},
    ]


_ROWS = {"trajecten": _trajecten, "kosten": _kosten, "budget": _budget, "uitkomsten": _uitkomsten,
         "dialoog": _dialoog, "normen": _normen, "aanbieders": _aanbieders, "gemeenten": _gemeenten,
         "landelijk": _landelijk, "procesbreuken": _procesbreuken}
