"""Demo contracts (contracten, csv-contract.md kind 11): the seeds' contract cycle, and one per generated region.

IJmond and Zuid-Kennemerland contracted jointly from 1-1-2023 for three years with two optional
one-year extensions: the complex care with the strategic-partner consortium as a lump sum, the
enkelvoudige care pxq; their end date is the original end extended year by year as far as the demo's
data reach (the options used). Residential care was re-tendered early: the first contract ended on
30-6-2025 and its successor has an evaluation moment two months after the data end, so the Overzicht
always names one. Helmond–De Peel buys enkelvoudige care pxq, the Achterhoek complex care
resultaatgericht. In the national demo every generated region gets a complex contract whose funding
form follows its place in the list, so that the forms can be compared on matched periods.
"""

from __future__ import annotations

from datetime import date

import duckdb

FUNDING_FORMS = ("lumpsum", "pxq", "taakgericht", "resultaatgericht")
JOINT = "IJmond/Zuid-Kennemerland"
RESIDENTIAL_PROVIDER = "87040885"  # JeugdzorgPlus Duinen en Kust: the closed residential care


def _extended(end: date, limit: date, data_end: date) -> date:
    """The end after the options used so far: one year at a time while the data run past the end."""
    while end < data_end and end < limit:
        end = date(end.year + 1, end.month, end.day)
    return end


def _first_of_month_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def seed_contracts(data_end: date) -> list[dict]:
    """The seeds' contracts as table rows (the regions they name must be in the database to be kept)."""
    due = _first_of_month_after(data_end, 3)  # two months after the first day after the data
    return [
        {"contract_id": "CX-2023-01", "regions": JOINT, "lot": "complex", "provider": None, "funding": "lumpsum",
         "start_date": date(2023, 1, 1), "end_date": _extended(date(2025, 12, 31), date(2027, 12, 31), data_end),
         "extension_until": date(2027, 12, 31),
         "evaluation_dates": [date(2024, 10, 1), date(2025, 4, 1), date(2026, 4, 1), date(2026, 10, 1),
                              date(2027, 4, 1)],
         "agreements": "Strategisch partnerschap met het consortium; wachttijd onder 6 weken, "
                       "80% van de doelen behaald, geen weigeringen"},
        {"contract_id": "EV-2023-02", "regions": JOINT, "lot": "enkelvoudig", "provider": None, "funding": "pxq",
         "start_date": date(2023, 1, 1), "end_date": _extended(date(2025, 12, 31), date(2027, 12, 31), data_end),
         "extension_until": date(2027, 12, 31), "evaluation_dates": [date(2025, 10, 1), date(2026, 10, 1)],
         "agreements": "Prijs per product; volumegroei hoogstens 3% per jaar"},
        {"contract_id": "RV-2023-03", "regions": JOINT, "lot": "complex", "provider": RESIDENTIAL_PROVIDER,
         "funding": "lumpsum", "start_date": date(2023, 1, 1), "end_date": date(2025, 6, 30),
         "extension_until": None, "evaluation_dates": [date(2024, 10, 1)],
         "agreements": "Residentiële jeugdhulp; vervroegd opnieuw aanbesteed per 1-7-2025"},
        {"contract_id": "RV-2025-01", "regions": JOINT, "lot": "complex", "provider": RESIDENTIAL_PROVIDER,
         "funding": "taakgericht", "start_date": date(2025, 7, 1), "end_date": date(2028, 6, 30),
         "extension_until": date(2030, 6, 30), "evaluation_dates": sorted({date(2026, 7, 1), due}),
         "agreements": "Residentiële jeugdhulp na heraanbesteding; minder verblijf, meer gezinsgericht"},
        {"contract_id": "HP-2023-01", "regions": "Helmond-De Peel", "lot": "enkelvoudig", "provider": None,
         "funding": "pxq", "start_date": date(2023, 1, 1), "end_date": date(2026, 12, 31),
         "extension_until": date(2028, 12, 31), "evaluation_dates": [date(2025, 10, 1), date(2026, 10, 1)],
         "agreements": "Vijf segmenten; dit is het segment enkelvoudige hulp"},
        {"contract_id": "AH-2023-01", "regions": "Achterhoek", "lot": "complex", "provider": None,
         "funding": "resultaatgericht", "start_date": date(2023, 1, 1), "end_date": date(2027, 12, 31),
         "extension_until": None, "evaluation_dates": [date(2025, 1, 1), date(2026, 7, 1)],
         "agreements": "Het resultaat voorop: bekostiging per behaald resultaat"},
    ]


_COLUMNS = ("contract_id", "regions", "lot", "provider", "funding", "start_date", "end_date", "extension_until",
            "evaluation_dates", "agreements")


def insert_contracts(con: duckdb.DuckDBPyConnection, *, end: date, upload_id: int) -> None:
    present = {row[0] for row in con.execute(
        "select distinct region from municipality_regions where municipality in (select municipality from populations)"
    ).fetchall()}
    providers = {row[0] for row in con.execute("select provider from providers").fetchall()}
    rows = [row for row in seed_contracts(end)
            if set(row["regions"].split("/")) <= present and (row["provider"] is None or row["provider"] in providers)]
    generated = sorted(present - {region for row in seed_contracts(end) for region in row["regions"].split("/")})
    for number, region in enumerate(generated, start=1):
        rows.append({"contract_id": f"CX-2023-{100 + number}", "regions": region, "lot": "complex", "provider": None,
                     "funding": FUNDING_FORMS[number % len(FUNDING_FORMS)], "start_date": date(2023, 1, 1),
                     "end_date": date(2026, 12, 31), "extension_until": date(2028, 12, 31),
                     "evaluation_dates": [date(2025, 10, 1)], "agreements": None})
    placeholders = ", ".join(f"${name}" for name in _COLUMNS)
    for row in rows:
        con.execute(f"insert into contracts ({', '.join(_COLUMNS)}, upload_id) values ({placeholders}, $upload)",
                    {**row, "upload": upload_id})
