"""Status colours, defined once for the dashboard's charts and badges and the printed documents.

Okabe–Ito, safe for colour-blind readers; the status word is always shown beside its colour.
"""

from __future__ import annotations

from levers.norms import AMBER, GREEN, GREY, RED

STATUS_COLOURS = {GREEN: "#009E73", AMBER: "#E69F00", RED: "#D55E00", GREY: "#8C8C8C"}

# st.badge and `:color-badge[...]` accept only Streamlit's named colours: the nearest name of each.
BADGE_COLOURS = {GREEN: "green", AMBER: "orange", RED: "red", GREY: "gray"}


def rgb(colour: str) -> tuple[int, int, int]:
    """`#D55E00` as (213, 94, 0), for the PDF library."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
