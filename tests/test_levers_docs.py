"""Every catalogue indicator is documented once, where its family is declared (style.md, like Datasette's test_docs)."""

import importlib
import re

import pytest

from levers.catalogue import CATALOGUE
from levers.families import FAMILIES


def _flat(text: str) -> str:
    """Whitespace-insensitive: docstrings wrap lines where the catalogue does not."""
    return re.sub(r"\s+", " ", text).strip()


def _family_doc(name: str) -> str:
    return _flat(importlib.import_module(f"levers.families.{name}").__doc__ or "")


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda entry: entry.code)
def test_the_family_module_quotes_the_code_and_its_definition(entry):
    assert entry.family in FAMILIES, f"{entry.code}: unknown family {entry.family!r}"
    doc = _family_doc(entry.family)
    assert f"{entry.code}: {_flat(entry.definition)}" in doc, (
        f"levers.families.{entry.family} does not quote {entry.code} with its definition"
    )


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_a_family_documents_only_its_own_indicators(name):
    # Each definition is required once: no family quotes an indicator of another family.
    doc = _family_doc(name)
    others = [entry.code for entry in CATALOGUE if entry.family != name and f"{entry.code}: " in doc]
    assert others == []
