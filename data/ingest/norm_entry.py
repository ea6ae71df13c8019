"""A norm set on the Beheer page, stored through the `normen` load path like a one-row file.

The same contract checks, replace key (regio, indicator, jaar, perceel, aanbieder) and upload history as
an uploaded norms file: the page adds no way of writing of its own.
"""

from __future__ import annotations

import duckdb

from data.ingest.load import LoadReport, load_rows

KIND = "normen"
SOURCE = "Beheer: norm {indicator} {year} ({region})"
ALL_REGIONS = "alle regio's"


def norm_row(*, region: str | None, indicator: str, year: int, lot: str | None, provider: str | None,
             norm: float, margin: float) -> dict[str, str]:
    """The row as a `normen` file has it: empty regio = a default for every region, empty perceel = both."""
    return {"regio": region or "", "indicator": indicator, "jaar": str(year), "perceel": lot or "",
            "aanbieder": provider or "", "norm": repr(float(norm)), "marge": repr(float(margin))}


def record_norm(con: duckdb.DuckDBPyConnection, *, region: str | None, indicator: str, year: int, lot: str | None,
                provider: str | None, norm: float, margin: float, uploader: str) -> LoadReport:
    """Store one norm (replacing the one of the same key); the report says what was stored or refused."""
    row = norm_row(region=region, indicator=indicator, year=year, lot=lot, provider=provider, norm=norm, margin=margin)
    source = SOURCE.format(indicator=indicator, year=year, region=region or ALL_REGIONS)
    return load_rows(con, KIND, [row], source=source, uploader=uploader)
