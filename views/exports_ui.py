"""The two download buttons under every table: CSV (Dutch Excel) and XLSX, each download audited.

The files are built only when the user clicks (a deferred download), so a page with many tables
stays fast. What is exported is exactly the table that is shown: pages pass the display table
(exports.tables.indicator_table or a page's own), in which small numbers are already `<5` or `–`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import streamlit as st

from views import db
from views.session import actor
from wording import texts

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_ACTION = "export"

if TYPE_CHECKING:
    import pandas as pd


def file_stem(*parts: str) -> str:
    """A safe file name from readable parts: `kaders_ijmond_2026-10`."""
    text = "_".join(part for part in parts if part).lower()
    return re.sub(r"[^a-z0-9._-]+", "-", text).strip("-_") or "export"


def download_buttons(table: pd.DataFrame, stem: str, *, key: str) -> None:
    """CSV and XLSX buttons for `table`, side by side; `key` must be unique on the page."""
    from exports.tables import to_csv_bytes, to_xlsx_bytes  # noqa: PLC0415  lazy: 0.46 s CPU, only for a table

    with st.container(horizontal=True, gap="small"):
        for extension, mime, label, build in (
            ("csv", CSV_MIME, texts.EXPORT_CSV, to_csv_bytes),
            ("xlsx", XLSX_MIME, texts.EXPORT_XLSX, to_xlsx_bytes),
        ):
            name = f"{stem}.{extension}"
            st.download_button(
                label, data=lambda build=build: build(table), file_name=name, mime=mime,
                key=f"{key}_{extension}", help=texts.EXPORT_HELP, icon=":material/download:",
                type="tertiary", on_click=record_export, args=(name, len(table)),
            )


def record_export(file_name: str, rows: int) -> None:
    """Write the export to the audit log (who, which file, how many rows)."""
    db.audit(actor(), EXPORT_ACTION, f"{file_name} ({rows} {'rij' if rows == 1 else 'rijen'})")
