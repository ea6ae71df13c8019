"""The first page after a start imports no table libraries: pandas, numpy and openpyxl cost ~0.5 s there.

The upload contracts' pydantic (~0.1 s, once per process) is imported since spec version 3: the
Overzicht's reporting-burden statement is counted from the `uitkomsten` contract itself
(indicators.md, "Reporting burden"), so that it cannot drift from what the file asks.

Issue 14 asks for the Overzicht < 3 s from `streamlit run` with an existing database; it shows no
table, so the modules it runs import pandas and openpyxl only inside the functions that build one, and
read table names from data.store.tables, not from the contracts.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "openpyxl", "pandas")


def _imported_by(script: str) -> set[str]:
    """The modules a script imports at its top level (`from views import cache` counts views.cache)."""
    found: set[str] = set()
    for node in ast.parse((ROOT / script).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_router_and_the_overzicht_import_no_table_library():
    modules = sorted(_imported_by("dashboard.py") | _imported_by("views/pages/overview.py"))
    assert {"views.components", "views.cache", "views.documents_ui", "views.charts"} <= set(modules)
    script = ("import importlib, sys\n"
              f"for name in {modules!r}:\n"
              "    try:\n"
              "        importlib.import_module(name)\n"
              "    except ModuleNotFoundError:\n"  # `from auth.pages import OVERZICHT`: a name, not a module
              "        pass\n"
              f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout.strip()) == (0, "[]"), run.stderr[-2000:]
