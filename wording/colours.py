"""Status colours, defined once for the dashboard's charts and badges and the printed documents.

Okabe–Ito, safe for colour-blind readers; the status word is always shown beside its colour.
"""

from __future__ import annotations

STATUS_COLOURS = {"groen": "#009E73", "oranje": "#E69F00", "rood": "#D55E00", "grijs": "#8C8C8C"}

# st.badge and `:color-badge[...]` accept only Streamlit's named colours: the nearest name of each.
BADGE_COLOURS = {"groen": "green", "oranje": "orange", "rood": "red", "grijs": "gray"}


def rgb(colour: str) -> tuple[int, int, int]:
    """`#D55E00` as (213, 94, 0), for the PDF library."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
