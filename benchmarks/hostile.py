"""The tally of issue 22's hostile files through `python -m data load`, as a scheduler runs it.

Each case of tests/fixtures/hostile_files.py is written to disk and loaded into a fresh database
(the fixture providers only) by the command line; then counted:
- traceback: a Python traceback in the output, or an exit code other than 0, 1 or 2;
- personal stored: a case with planted personal data that was stored;
- echoed: a planted personal value (or its digits, for a number) in the output;
- wrong value: stored where it should be refused or the other way round, or a stored value other
  than the case expects (`0,001` as 1.00, a row dropped, a lower-case provider code, a NUL kept);
- partial write: refused, yet the database changed;
- misplaced: refused, but the first message does not point at the planted row and column (or blames
  the quotes for a long line).
A case with a NUL in its file name cannot be named on a command line: it is loaded in-process.

    python benchmarks/hostile.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from tests.fixtures.csv import DATA_TABLES, add_providers  # noqa: E402
from tests.fixtures.hostile_files import CASES, Case  # noqa: E402

COLUMNS = ("traceback", "personal stored", "echoed", "wrong value", "partial write", "misplaced")
_FIRST = re.compile(r"rij (\d+)(?:, kolom ([^:]*))?: (.*)")


def _template(folder: Path) -> Path:
    from data.store.db import connect

    path = folder / "template.duckdb"
    con = connect(path)
    add_providers(con)
    con.close()
    return path


def _state(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path)) as con:
        return {table: con.execute(f"select * from {table} order by all").fetchall() for table in DATA_TABLES}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _points_at(out: str, case: Case) -> bool:
    """Whether the first message names the case's row and column, and blames no quotes for a long line."""
    first = _FIRST.search(out)
    if first is None or case.where is None:
        return False
    row, column = case.where
    return (int(first[1]), first[2] or "") == (row, column) and "aanhalingstekens" not in first[3]


def run_case(case: Case, folder: Path, template: Path) -> tuple[dict[str, bool], float, str]:
    db = folder / f"{case.name}.duckdb"
    shutil.copy(template, db)
    before = _state(db)
    raw = case.build()
    start = time.perf_counter()
    if "\x00" in case.file_name:
        from data.store.db import connect
        from data.ingest.load import load_file

        con = connect(db)
        try:
            report = load_file(con, raw, case.file_name, kind=case.kind, uploader="hostile")
            code, out = (0 if report.stored or report.unchanged else 1), " ".join(map(str, report.errors)) + report.summary
        except Exception as error:  # noqa: BLE001  (counted as a traceback)
            code, out = 99, f"Traceback {error!r}"
        finally:
            con.close()
    else:
        file = folder / f"{case.name}{case.suffix}"
        file.write_bytes(raw)
        result = subprocess.run([sys.executable, "-m", "data", "load", "--db", str(db), "--kind", case.kind, str(file)],
                                cwd=ROOT, capture_output=True, timeout=900)
        code, out = result.returncode, result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
        file.unlink()
    seconds = time.perf_counter() - start
    after = _state(db)
    stored = code == 0 and after != before
    wrong = stored is not case.stored
    if stored and case.check and not wrong:
        with duckdb.connect(str(db)) as con:
            wrong = con.execute(case.check[0]).fetchone()[0] != case.check[1]
    echoed = any(value in out or (len(_digits(value)) >= 8 and _digits(value) in _digits(out)) for value in case.personal)
    counts = {"traceback": "Traceback" in out or code not in (0, 1, 2),
              "personal stored": bool(case.personal) and stored,
              "echoed": echoed, "wrong value": wrong, "partial write": code != 0 and after != before,
              "misplaced": code != 0 and not case.stored and not _points_at(out, case)}
    db.unlink()
    return counts, seconds, out.strip().splitlines()[0][:150] if out.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="case names")
    args = parser.parse_args()
    cases = [case for case in CASES if not args.only or case.name in args.only]
    totals = dict.fromkeys(COLUMNS, 0)
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        template = _template(folder)
        for case in cases:
            counts, seconds, first = run_case(case, folder, template)
            for column, hit in counts.items():
                totals[column] += hit
            marks = ", ".join(column for column, hit in counts.items() if hit) or "ok"
            print(f"{case.name:36} {seconds:6.1f} s  {marks:30}  {first}", flush=True)
    print(f"\n{len(cases)} files: " + ", ".join(f"{column} {count}" for column, count in totals.items()))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
