"""Package layering and import loops, read from the source with ast (issues 9 and 19).

The order, bottom to top: data → levers → {wording, auth, exports} → figures → reports → views →
{dashboard, commands}. A package imports only packages below it; nothing imports `commands` or the
`dashboard` (a top-level module). A `python -m X` entry point (`X/__main__.py`) is a shim of the command
line on top, so it counts as `commands`; the last test holds it to a few lines that only hand over.
No loop between packages or between modules (function-level imports included), and every import of a
project module inside a function is listed here with the import cost that keeps it there.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = frozenset(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()) - {"tests", "benchmarks"}
TOP_MODULES = frozenset({"dashboard"})  # dashboard.py: the Streamlit router, beside commands on top

# Bottom to top; packages on one line are on one level and import none of each other. `figures` (issue 19)
# holds its place before it exists. Reports sit below views: the pages offer the documents as downloads.
LAYERS = (
    ("data",),
    ("levers",),
    ("wording", "auth", "exports"),
    ("figures",),
    ("reports",),
    ("views",),
    ("dashboard", "commands"),
)
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}

# Imports of project modules inside a function: (file, module) → why. The figures are CPU seconds of the
# import (time.process_time around it in a fresh process, after the modules the importer or the Overzicht
# already imported; median of 5-7 runs on 2 shared cores): a cost every start would pay without need.
LAZY = {
    ("commands/data.py", "data.demo.build"): "0.41 s CPU (numpy, the generators) on every other `python -m data` command",
    ("views/db.py", "data.demo.build"): "0.43 s CPU on every dashboard start; only needed when there is no database",
    ("views/first_start.py", "data.demo.build"): "0.35 s CPU; only for a first start, imported before the warm-up thread",
    ("views/components.py", "exports.tables"): "0.46 s CPU (pandas) after the Overzicht's modules; only for a table",
    ("views/exports_ui.py", "exports.tables"): "0.46 s CPU (pandas, openpyxl); only when a page shows a table",
    ("views/dialogue_ui.py", "views.partner_tables"): "0.64 s CPU (pandas); only when a page shows a log table",
    ("views/documents_ui.py", "reports.agenda_document"): "0.39 s CPU after the Overzicht's modules; on a click",
    ("views/documents_ui.py", "reports.council_pdf"): "0.34 s CPU (fpdf) after the Overzicht's modules; on a click",
}


def source_files() -> list[Path]:
    files = [path for package in sorted(PACKAGES) for path in sorted((ROOT / package).rglob("*.py"))]
    return files + [ROOT / f"{name}.py" for name in sorted(TOP_MODULES)]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def owner(module: str) -> str:
    """The layer a module belongs to: its package, or `commands` for a `python -m` entry point."""
    return "commands" if module.endswith(".__main__") else module.split(".")[0]


@cache
def known_modules() -> frozenset[str]:
    return frozenset(module_name(path) for path in source_files())


def resolve(name: str) -> str | None:
    """The project module `name` names (itself, or the module of the package it lies in); None if none."""
    while name and name not in known_modules():
        name = name.rpartition(".")[0]
    return name or None


@cache
def imports() -> tuple[tuple[str, str, str, bool], ...]:
    """(importing module, imported project module, file, inside a function) for every import statement."""
    return tuple(found[:4] for found in _imports())


@cache
def _imports() -> tuple[tuple[str, str, str, bool, str], ...]:
    """As `imports`, with the source line of the statement."""
    found = []
    for path in source_files():
        importer, file = module_name(path), str(path.relative_to(ROOT))
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        text = path.read_text(encoding="utf-8")
        for node, lazy in _import_nodes(ast.parse(text)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:  # `from .x import y` inside package p.q: level 1 is p.q, level 2 is p
                    above = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(above + ([base] if base else []))
                # `from a import b`: the module a.b when b is one, else a
                names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known_modules() else base
                         for alias in node.names]
            for name in names:
                target = resolve(name)
                if target is not None and target != importer:
                    found.append((importer, target, file, lazy, text.splitlines()[node.end_lineno - 1]))
    return tuple(found)


def _import_nodes(tree: ast.AST, lazy: bool = False):
    """Every Import/ImportFrom with whether it runs only when a function is called."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, lazy
        else:
            inside = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _import_nodes(node, lazy or inside)


def package_edges() -> dict[tuple[str, str], str]:
    """(importing layer, imported package) between different ones → one file that makes the edge."""
    edges: dict[tuple[str, str], str] = {}
    for importer, target, file, _ in imports():
        if owner(importer) != owner(target):
            edges.setdefault((owner(importer), owner(target)), file)
    return edges


def loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan), each sorted: the loops."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for step in sorted(graph.get(node, ())):
            if step not in index:
                visit(step)
                low[node] = min(low[node], low[step])
            elif step in stack:
                low[node] = min(low[node], index[step])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def module_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for importer, target, _, _ in imports():
        graph.setdefault(importer, set()).add(target)
    return graph


def test_the_scan_sees_the_imports_it_judges_and_finds_a_loop_where_there_is_one():
    # Known by reading the code: the pages import the levers, the wording words their results, the
    # command lines drive the store, and views.db keeps data.demo.build inside a function.
    assert {("views", "levers"), ("wording", "levers"), ("reports", "wording"), ("commands", "data")} \
        <= set(package_edges())
    assert ("views.db", "data.demo.build", "views/db.py", True) in imports()
    assert ("data.__main__", "commands.data", "data/__main__.py", False) in imports()
    assert {"data", "levers", "views", "wording", "reports", "exports", "auth", "commands"} <= PACKAGES
    # a → b → c → a and d ↔ e are loops; f → a is not part of one.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert loops(graph) == [["a", "b", "c"], ["d", "e"]]


def test_every_package_has_its_place_in_the_order():
    assert sorted((PACKAGES | TOP_MODULES) - set(LEVEL)) == []


def test_a_package_imports_only_packages_below_it():
    forbidden = sorted(f"{a} imports {b} ({file})" for (a, b), file in package_edges().items()
                       if LEVEL[b] >= LEVEL[a])
    assert forbidden == []


def test_nothing_imports_the_command_lines_or_the_dashboard():
    assert sorted(f"{file} imports {target}" for importer, target, file, _ in imports()
                  if owner(target) in {"commands", "dashboard"} and owner(importer) != owner(target)) == []


def test_there_is_no_loop_between_packages():
    graph: dict[str, set[str]] = {}
    for a, b in package_edges():
        graph.setdefault(a, set()).add(b)
    assert loops(graph) == []


def test_there_is_no_loop_between_modules_not_even_through_an_import_inside_a_function():
    assert loops(module_graph()) == []


def test_every_import_inside_a_function_is_listed_with_the_cost_that_keeps_it_there():
    lazy = {(file, target) for _, target, file, inside in imports() if inside}
    assert sorted(lazy - set(LAZY)) == [], "import it at the top, or measure it and list it in LAZY"
    assert sorted(set(LAZY) - lazy) == [], "no longer inside a function: take it off the list"


def test_an_import_kept_inside_a_function_says_on_its_line_what_it_costs():
    lines = {(file, line.strip()) for _, _, file, inside, line in _imports() if inside}
    assert sorted((file, line) for file, line in lines if not re.search(r"# .*lazy: \d+\.\d+ s", line)) == []


def imports_streamlit(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(name.split(".")[0] == "streamlit" for name in names):
            return True
    return False


@pytest.mark.parametrize("package", sorted(PACKAGES - {"views"}))
def test_only_the_views_import_streamlit(package):
    files = [path for path in source_files() if module_name(path).split(".")[0] == package]
    assert [str(path.relative_to(ROOT)) for path in files if imports_streamlit(path)] == []


@pytest.mark.parametrize("package", ["data", "levers", "reports"])
def test_a_python_m_entry_point_only_hands_over_to_its_command_line(package):
    path = ROOT / package / "__main__.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 15
    handed_to = {target for importer, target, _, _ in imports() if importer == f"{package}.__main__"}
    assert handed_to == {f"commands.{package}"}
