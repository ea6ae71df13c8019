"""Package layering, read from the source with ast (issue 9, acceptance 3).

views on top; reports, then figures (rights, peer rule, kept results), exports and auth below it;
wording words the levers' results for screen and paper; levers over data; data at the bottom. Command-line modules (`__main__.py`, `*_cli.py`) sit
above everything and may import anything, but no library module imports one.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = frozenset(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()) - {"tests", "benchmarks"}


def is_cli(path: Path) -> bool:
    return path.name == "__main__.py" or path.stem.endswith("_cli")


def imported_modules(path: Path) -> list[str]:
    """Absolute module names a file imports (`from x import y` counts as x and x.y)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


@cache
def library_imports() -> tuple[tuple[str, str, str], ...]:
    """(importing package, imported module, file) for every import in a non-CLI project module."""
    found = []
    for package in sorted(PACKAGES):
        for path in sorted((ROOT / package).rglob("*.py")):
            if not is_cli(path):
                found += [(package, module, str(path.relative_to(ROOT))) for module in imported_modules(path)]
    return tuple(found)


def package_edges() -> dict[tuple[str, str], str]:
    """(importer, imported) between different project packages → one file that makes the edge."""
    edges: dict[tuple[str, str], str] = {}
    for package, module, path in library_imports():
        target = module.split(".")[0]
        if target in PACKAGES and target != package:
            edges.setdefault((package, target), path)
    return edges


def test_the_layering_check_sees_the_imports_it_judges():
    # Known by reading the code: the pages import the levers, and the wording words their results.
    assert {("views", "levers"), ("wording", "levers"), ("reports", "wording")} <= set(package_edges())
    assert {"data", "levers", "views", "wording", "reports", "exports", "auth"} <= PACKAGES


def test_no_two_packages_import_each_other_outside_the_command_line():
    edges = package_edges()
    cycles = sorted(f"{a} <-> {b} ({edges[(a, b)]} / {edges[(b, a)]})" for a, b in edges if (b, a) in edges and a < b)
    assert cycles == []


def test_there_is_no_longer_cycle_between_packages_either():
    graph: dict[str, set[str]] = {}
    for a, b in package_edges():
        graph.setdefault(a, set()).add(b)

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(step == goal or (step not in seen and reaches(step, goal, seen | {step}))
                   for step in graph.get(start, ()))

    assert [package for package in sorted(graph) if reaches(package, package)] == []


@pytest.mark.parametrize(("package", "forbidden"), [
    ("reports", {"views"}),
    ("figures", {"views", "reports"}),
    ("exports", {"views", "reports", "figures"}),
    ("auth", {"views", "reports", "figures"}),
    ("wording", {"views", "reports", "exports", "figures"}),
    ("levers", {"views", "reports", "exports", "wording", "auth", "figures"}),
    ("data", PACKAGES - {"data"}),
])
def test_a_lower_package_imports_nothing_from_the_layers_above_it(package, forbidden):
    assert sorted(path for (a, b), path in package_edges().items() if a == package and b in forbidden) == []


@pytest.mark.parametrize("package", ["data", "levers", "wording", "figures", "reports", "exports", "auth"])
def test_only_the_views_import_streamlit(package):
    assert [path for a, module, path in library_imports() if a == package and module.split(".")[0] == "streamlit"] == []


def test_no_library_module_imports_a_command_line_module():
    def names_cli(module: str) -> bool:
        last = module.split(".")[-1]
        return last == "__main__" or last.endswith("_cli")

    assert sorted({path for _, module, path in library_imports() if names_cli(module)}) == []
