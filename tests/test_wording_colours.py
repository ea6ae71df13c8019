"""Status colours: one table for screen and paper, one grey."""

import pytest

from reports.document import STATUS_COLOURS as PAPER
from wording.colours import BADGE_COLOURS, STATUS_COLOURS, rgb


@pytest.mark.parametrize(("colour", "expected"), [
    ("#009E73", (0, 158, 115)),
    ("#E69F00", (230, 159, 0)),
    ("#D55E00", (213, 94, 0)),
    ("#8C8C8C", (140, 140, 140)),
    ("#ffffff", (255, 255, 255)),
])
def test_a_hex_colour_becomes_red_green_blue_for_the_pdf(colour, expected):
    assert rgb(colour) == expected


@pytest.mark.parametrize(("status", "screen", "paper"), [
    ("groen", "#009E73", (0, 158, 115)),  # Okabe–Ito bluish green
    ("oranje", "#E69F00", (230, 159, 0)),  # Okabe–Ito orange
    ("rood", "#D55E00", (213, 94, 0)),  # Okabe–Ito vermillion
    ("grijs", "#8C8C8C", (140, 140, 140)),  # the one grey (the PDF used a second one, 153)
])
def test_the_screen_and_the_documents_paint_a_status_alike(status, screen, paper):
    assert (STATUS_COLOURS[status], PAPER[status]) == (screen, paper)


def test_every_status_has_a_badge_colour_streamlit_knows():
    assert BADGE_COLOURS == {"groen": "green", "oranje": "orange", "rood": "red", "grijs": "gray"}
