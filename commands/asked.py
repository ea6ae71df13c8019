"""What a command line asks for, checked against what exists (issue 23): the parsers only parse.

An unknown provider or a period that has not begun would give a document of nothing that looks like
one of something; a perceel is accepted in any case, as uploads accept it. Every refusal is a
ValueError with a Dutch message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

from levers.scope import LOTS, Period

_PROVIDERS_OF_REGION = """
select distinct provider from provider_regions where list_contains($regions, region) order by provider
"""


def lot(text: str | None) -> str | None:
    """`Complex`, ` complex ` → `complex`; None (both percelen) for none or `beide`; else ValueError."""
    if text is None or text.strip().casefold() == "beide":
        return None
    if text.strip().casefold() in LOTS:
        return text.strip().casefold()
    raise ValueError(f"onbekend perceel: {text} (kies complex of enkelvoudig)")


def providers(con: duckdb.DuckDBPyConnection, regions: str | Sequence[str], codes: Sequence[str]) -> tuple[str, ...]:
    """The codes as stored (any case), each a provider of the region (or of one of several regions);
    else ValueError naming the known ones."""
    regions = [regions] if isinstance(regions, str) else list(regions)
    region = " en ".join(regions)
    known = [code for (code,) in con.execute(_PROVIDERS_OF_REGION, {"regions": regions}).fetchall()]
    by_folded = {code.casefold(): code for code in known}
    unknown = [code for code in codes if code.strip().casefold() not in by_folded]
    if unknown:
        raise ValueError(f"onbekende aanbieder in regio {region}: {', '.join(unknown)} "
                         f"(bekend: {', '.join(known) or 'geen'})")
    return tuple(by_folded[code.strip().casefold()] for code in codes)


def begun(period: Period, today: date | None = None) -> Period:
    """The period when it has begun (the running month may be asked, as in the dashboard); else ValueError."""
    if period.start > (today or date.today()):
        raise ValueError(f"periode {period.label} is nog niet begonnen; kies een periode tot en met vandaag")
    return period
