"""Every reason the levers can give has one Dutch text (wording.reasons), and the levers use only codes."""

import ast
from pathlib import Path

import pytest

from levers.reasons import Reason
from wording.reasons import REASON_TEXTS, reason_text

LEVERS = Path(__file__).resolve().parent.parent / "levers"


@pytest.mark.parametrize("reason", list(Reason))
def test_every_reason_code_has_a_dutch_text_that_reads_after_geen_oordeel(reason):
    text = reason_text(reason)
    # Shown as "geen oordeel: <text>": lower case first, no closing full stop, and not the code itself.
    assert text and text[0].islower() and not text.endswith(".") and text != reason.value and "_" not in text


def test_the_table_words_exactly_the_codes():
    assert set(REASON_TEXTS) == set(Reason)


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (Reason.NO_DATA, "geen gegevens in deze periode"),
        (Reason.TOO_FEW_OBSERVATIONS, "te weinig waarnemingen"),
        (Reason.SMALL_COUNT, "klein aantal, afgeschermd"),
        # suppression.MIN_OTHER_PROVIDERS is 2, written out as a word
        (Reason.FEW_OTHER_PROVIDERS, "minder dan twee andere aanbieders, afgeschermd"),
        (Reason.PROVIDER_FILTER, "niet getoond bij een selectie van aanbieders"),
        ("too_few_observations", "te weinig waarnemingen"),  # the bare code, as read back from JSON
        (None, ""),
    ],
)
def test_a_reason_reads_as_before_the_codes_came(reason, text):
    assert reason_text(reason) == text


def _referenced_reasons() -> set[str]:
    """Names X of every `Reason.X` written in a levers module."""
    found = set()
    for path in LEVERS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Reason":
                found.add(node.attr)
    return found


def test_every_reason_code_is_given_somewhere_in_the_levers():
    # A code no lever gives would be a text no reader can ever see.
    assert {reason.name for reason in Reason} - _referenced_reasons() == set()
