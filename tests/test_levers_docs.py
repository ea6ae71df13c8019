"""Every catalogue indicator is documented where it is computed (style.md, like Datasette's test_docs)."""

import inspect
import re

import pytest

from levers.catalogue import CATALOGUE
from levers.registry import LEVER_MODULES


def _flat(text: str) -> str:
    """Whitespace-insensitive: docstrings wrap lines where the catalogue does not."""
    return re.sub(r"\s+", " ", text).strip()


def _public_docstrings(lever: str) -> list[str]:
    module = LEVER_MODULES[lever]
    return [
        _flat(inspect.getdoc(function) or "")
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if not name.startswith("_") and function.__module__ == module.__name__
    ]


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda entry: entry.code)
def test_a_public_function_of_the_lever_quotes_the_code_and_its_definition(entry):
    docstrings = _public_docstrings(entry.lever)
    definition = _flat(entry.definition)
    assert any(entry.code in doc and definition in doc for doc in docstrings), (
        f"no public function of levers.{entry.lever} quotes {entry.code} with its definition"
    )
