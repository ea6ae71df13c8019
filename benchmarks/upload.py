"""Benchmark: a 1,000,000-row `trajecten` upload through the Uploaden page's code path, check then store.

Issue 14, goal 5: the page checks a file (a dry run, with preview) and stores it on confirmation.
This script makes the page's two data.load calls in a fresh process per upload, as the page makes
them (views/pages/upload.py `_check` and `_store`): where data.load can keep the checked rows
(`stage`/`checked`), the confirmation stores those; in older code it loads the file a second time.
`--root` (repeatable) compares checkouts in one run, alternating, e.g. `--root . --root /work/base`.
The file is the one benchmarks/ingest.py generates (Dutch Excel: Windows-1252, `;`, CRLF).

    python benchmarks/upload.py [--rows 1000000] [--repeat 3] [--root DIR ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ingest import PREPARE, PROVIDERS, generate  # noqa: E402

# the page's calls (views/pages/upload.py), timed; `stage` exists only where the check keeps its rows
WORKER = """
import inspect, json, resource, sys, time
import pandas  # a dashboard process has it loaded (the preview is a DataFrame)
from pathlib import Path
from data.db import connect
from data.load import load_file
con = connect(sys.argv[1])
raw_path = Path(sys.argv[2])
staged = "stage" in inspect.signature(load_file).parameters
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of the process, DuckDB's too
    return usage.ru_utime + usage.ru_stime
start, start_cpu = time.perf_counter(), cpu()
raw = raw_path.read_bytes()
options = dict(kind=None, uploader="benchmark", confirm_empty=False, allowed_provider=None)
report = load_file(con, raw, raw_path.name, dry_run=True, **options, **({"stage": True} if staged else {}))
checked, checked_cpu = time.perf_counter(), cpu()
stored = load_file(con, raw, raw_path.name, dry_run=False, **options, **({"checked": report} if staged else {}))
done, done_cpu = time.perf_counter(), cpu()
assert stored.stored and stored.rows == int(sys.argv[3]), stored.summary
if staged and report.staged is not None:
    report.staged.discard()
con.close()
print(json.dumps({"check": checked - start, "store": done - checked,
                  "check_cpu": checked_cpu - start_cpu, "store_cpu": done_cpu - checked_cpu}))
"""


def upload(root: Path, template: Path, csv_path: Path, db_file: Path, rows: int) -> dict[str, float]:
    shutil.copyfile(template, db_file)
    result = subprocess.run([sys.executable, "-c", WORKER, str(db_file), str(csv_path), str(rows)], cwd=root,
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{root}: upload failed\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--root", type=Path, action="append", help="checkout whose page code path to time")
    args = parser.parse_args()
    roots = [root.resolve() for root in args.root or [ROOT]]
    with tempfile.TemporaryDirectory(prefix="upload-bench-") as work_dir:
        work = Path(work_dir)
        csv_path = work / "trajecten.csv"
        generate(csv_path, args.rows)
        print(f"file: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB, Windows-1252, ';', CRLF")
        templates = {}
        for i, root in enumerate(roots):
            templates[root] = work / f"template{i}.duckdb"
            subprocess.run([sys.executable, "-c", PREPARE.format(providers=PROVIDERS), str(templates[root])],
                           cwd=root, check=True)
        times: dict[Path, list[dict[str, float]]] = {root: [] for root in roots}
        for run in range(args.repeat):
            line = []
            for i, root in enumerate(roots):
                target = work / f"page{i}-{run}.duckdb"
                times[root].append(upload(root, templates[root], csv_path, target, args.rows))
                shutil.rmtree(target.with_name(target.name + ".snapshots"), ignore_errors=True)
                target.unlink()
                last = times[root][-1]
                line.append(f"[{i}] check {last['check']:.2f} s ({last['check_cpu']:.2f} CPU) + "
                            f"store {last['store']:.2f} s ({last['store_cpu']:.2f} CPU)")
            print(f"run {run + 1}: " + ", ".join(line), flush=True)
    totals = {}
    for i, root in enumerate(roots):
        median = {key: statistics.median(t[key] for t in times[root])
                  for key in ("check", "store", "check_cpu", "store_cpu")}
        totals[root] = tuple(statistics.median(t[f"check{x}"] + t[f"store{x}"] for t in times[root])
                             for x in ("", "_cpu"))
        print(f"[{i}] median check {median['check']:.2f} s ({median['check_cpu']:.2f} CPU), store "
              f"{median['store']:.2f} s ({median['store_cpu']:.2f} CPU), together {totals[root][0]:.2f} s "
              f"({totals[root][1]:.2f} CPU) ({root})")
    for i, root in enumerate(roots[1:], 1):
        print(f"[0] / [{i}] together: {totals[roots[0]][0] / totals[root][0]:.2f} wall, "
              f"{totals[roots[0]][1] / totals[root][1]:.2f} CPU")


if __name__ == "__main__":
    main()
