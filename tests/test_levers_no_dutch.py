"""levers/ decides, wording/ words: no Dutch sentence sits in a levers module (issue 19, "Words in wording/").

The check reads every string constant (and f-string, its holes as X) in levers/*.py with ast, docstrings
left out, and calls it Dutch when it has at least three words and one of them is a Dutch function word
that English text does not use (de, het, een, geen, niet, van, ...). SQL and English comments have none
of those; every Dutch sentence the levers held (the REASON_ texts, the agenda's sentence) has one.
Where Dutch may stay is listed below with its reason.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DUTCH_ONLY_WORDS = frozenset({"de", "het", "een", "geen", "niet", "van", "voor", "naar", "bij", "dan", "deze", "dit",
                              "wordt", "zijn", "te", "kies", "hoort", "kan", "nog", "ook", "waarnemingen"})
ALLOWED = {
    # the catalogue declares each indicator's Dutch name, definition and sentences (indicators.md)
    "levers/catalogue.py",
    # Period.parse's ValueError for a typed period: commands/args.py shows it as the usage error
    "levers/scope.py",
}


def strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant and f-string that is not a docstring."""
    tree = ast.parse(source)
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
            found.append((node.lineno, "".join(p.value if isinstance(p, ast.Constant) else "X" for p in node.values)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            found.append((node.lineno, node.value))
    return found


def is_dutch_sentence(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    return len(words) >= 3 and not DUTCH_ONLY_WORDS.isdisjoint(words)


@pytest.mark.parametrize(("text", "dutch"), [
    ("geen gegevens in deze periode", True),  # a former REASON_ text
    ("het verloop toont een zorgelijke verandering (procesgrafiek)", True),  # the agenda's former WHY_CONCERN
    ("Onbekend (geen verwijzer)", True),  # levers/referrers.py's former label
    ("select theme, name from dialogue_themes order by theme", False),  # SQL
    ("basis of X, scope in X", False),  # English (levers/runner.py)
    ("prognose_laag", False),  # a key, one word
])
def test_the_check_tells_a_dutch_sentence_from_sql_and_english(text, dutch):
    assert is_dutch_sentence(text) == dutch


def test_the_reader_skips_docstrings_and_reads_f_strings_with_their_holes():
    source = 'def why(x):\n    """Geen docstring telt."""\n    return f"status {x} volgens de eigen regel"\n'
    assert strings(source) == [(3, "status X volgens de eigen regel")]


def test_no_levers_module_outside_the_listed_ones_holds_a_dutch_sentence():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted((ROOT / "levers").rglob("*.py")) if str(path.relative_to(ROOT)) not in ALLOWED
        for line, text in strings(path.read_text(encoding="utf-8")) if is_dutch_sentence(text)
    ]
    assert found == []


def test_the_levers_do_not_import_the_wording():
    imported = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "levers").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in ([node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names])
        if name.split(".")[0] == "wording"
    ]
    assert imported == []
