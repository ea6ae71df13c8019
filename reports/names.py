"""File names of the documents: imported by pages that only name a download, without loading fpdf."""

from __future__ import annotations

from levers.scope import Period


def download_stem(prefix: str, region: str, period: Period) -> str:
    """A file name without spaces: `agenda_Helmond-De-Peel_2026-10`."""
    return f"{prefix}_{region.replace(' ', '-')}_{period.label}"
