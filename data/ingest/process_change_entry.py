"""A process change (procesbreuk) entered on the Beheer page, stored exactly like an uploaded file.

One truth for the rules: the form's entry becomes one `procesbreuken` row keyed by the CSV's Dutch
column names and goes through `data.ingest.load.load_rows`, so it meets the same contract (known region and
indicator, a date, a description of at most 120 characters that passes the privacy gate), the same
replace key (regio, datum, indicator), the same upload record and the same audit entry. A contract
manager may record changes of their own regions only, as for an uploaded file.
"""

from __future__ import annotations

from datetime import date

import duckdb

from data.ingest.load import LoadReport, load_rows

KIND = "procesbreuken"
SOURCE = "procesbreuk {day} {region} (invoer in de app)"


def change_row(*, region: str, day: date, description: str, indicator: str | None = None) -> dict[str, str]:
    """One `procesbreuken` row keyed by the contract's Dutch column names, as a CSV would hold it."""
    return {"regio": region, "datum": day.isoformat(), "indicator": indicator or "", "omschrijving": description}


def record_change(con: duckdb.DuckDBPyConnection, *, region: str, day: date, description: str,
                  indicator: str | None = None, uploader: str,
                  allowed_regions: tuple[str, ...] | None = None) -> LoadReport:
    """Store one change through the `procesbreuken` load path; the report says what was stored or refused.

    `allowed_regions`: a contract manager's regions (None: any region, for a beheerder).
    """
    row = change_row(region=region, day=day, description=description, indicator=indicator)
    return load_rows(con, KIND, [row], source=SOURCE.format(day=day.strftime("%d-%m-%Y"), region=region),
                     uploader=uploader, allowed_regions=allowed_regions)
