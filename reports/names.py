"""File names of the documents: imported by pages that only name a download, without loading fpdf."""

from __future__ import annotations

from levers.scope import Period


def download_stem(prefix: str, region: str, period: Period, providers: tuple[str, ...] = ()) -> str:
    """A file name without spaces: `agenda_Helmond-De-Peel_2026-10`; a provider's agenda names its code
    (`agenda_IJmond_P1_2026-10`), so two providers' agendas of one month do not share a name."""
    return "_".join((prefix, region.replace(" ", "-"), *providers, period.label))
