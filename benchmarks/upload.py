"""Benchmark: a 1,000,000-row `trajecten` upload through the Uploaden page's code path, check then store.

Issue 14, goal 5: the page checks a file (a dry run, with preview) and stores it on confirmation.
This script makes the page's two data.ingest.load calls in a fresh process per upload, as the page makes
them (views/pages/upload.py `_check` and `_store`): where data.ingest.load can keep the checked rows
(`stage`/`checked`), the confirmation stores those; in older code it loads the file a second time.
`--root` (repeatable) compares checkouts in one run, alternating, e.g. `--root . --root /work/base`.
The file is the one benchmarks/ingest.py generates (Dutch Excel: Windows-1252, `;`, CRLF).

`--browser` makes the same upload through the page itself, as a person does: `streamlit run
dashboard.py` on the prepared database, the Uploaden page in headless Chromium, the file chosen in
its file input (sent to the server as the browser sends it), then Opslaan. It times the choice until
"Het bestand is in orde" stands on the idle page, and Opslaan until "Opgeslagen", and lists the
progress bar's stages the page showed meanwhile.

    python benchmarks/upload.py [--rows 1000000] [--repeat 3] [--root DIR ...] [--browser]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ingest import PREPARE, PROVIDERS, generate  # noqa: E402

# the page's calls (views/pages/upload.py), timed; `stage` exists only where the check keeps its rows
WORKER = """
import inspect, json, resource, sys, time
import pandas  # a dashboard process has it loaded (the preview is a DataFrame)
from pathlib import Path
from data.store.db import connect
from data.ingest.load import load_file
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


# Notes every text the page's progress bar shows (the stages of a check and of a store).
_WATCH_STAGES = """
window.__stages = [];
new MutationObserver(() => {
  for (const bar of document.querySelectorAll('[data-testid="stProgress"]')) {
    const text = bar.innerText.trim();
    if (text && !window.__stages.includes(text)) window.__stages.push(text);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""
# The run is over and an alert holds the words.
_ALERT_ON_IDLE = """(words) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  return [...document.querySelectorAll('[data-testid="stAlert"]')].some(a => a.innerText.includes(words));
}"""
BROWSER_TIMEOUT_MS = 600_000


def browser_upload(root: Path, template: Path, csv_path: Path, db_file: Path, rows: int) -> dict[str, float]:
    """The upload through the Uploaden page in Chromium: seconds to the checked file, then to the stored one."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, WATCH_RUNS, server, wait_idle  # noqa: PLC0415
    from wording import texts  # noqa: PLC0415

    shutil.copyfile(template, db_file)
    with server(root, db_file, read_only=False) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
            context.add_init_script(WATCH_RUNS)
            context.add_init_script(_WATCH_STAGES)
            tab = context.new_page()
            tab.goto(f"{url}/uploaden")
            wait_idle(tab, 0, BROWSER_TIMEOUT_MS)
            started = time.perf_counter()
            tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(csv_path))
            tab.wait_for_function(_ALERT_ON_IDLE, arg=texts.UPLOAD_READY.split(".")[0], timeout=BROWSER_TIMEOUT_MS)
            checked = time.perf_counter()
            tab.get_by_role("button", name=texts.UPLOAD_CONFIRM).click()
            tab.wait_for_function(_ALERT_ON_IDLE, arg=texts.UPLOAD_DONE.split(":")[0], timeout=BROWSER_TIMEOUT_MS)
            done = time.perf_counter()
            stages = tab.evaluate("() => window.__stages")
        finally:
            browser.close()
    print(f"  progress shown: {' | '.join(stages) or 'none'}")
    con = duckdb.connect(str(db_file), read_only=True)
    try:
        stored = con.execute("select count(*) from trajectories").fetchone()[0]
    finally:
        con.close()
    if stored != rows:
        raise SystemExit(f"{root}: {stored} rows stored, not {rows}")
    return {"check": checked - started, "store": done - checked, "check_cpu": float("nan"),
            "store_cpu": float("nan")}


def _cpu(seconds: float) -> str:
    """` (1.23 CPU)`, or nothing where the CPU time is not measured (in the browser: two processes)."""
    return "" if seconds != seconds else f" ({seconds:.2f} CPU)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--root", type=Path, action="append", help="checkout whose page code path to time")
    parser.add_argument("--browser", action="store_true", help="through the page in headless Chromium")
    args = parser.parse_args()
    measure = browser_upload if args.browser else upload
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
                times[root].append(measure(root, templates[root], csv_path, target, args.rows))
                shutil.rmtree(target.with_name(target.name + ".snapshots"), ignore_errors=True)
                target.unlink()
                last = times[root][-1]
                line.append(f"[{i}] check {last['check']:.2f} s{_cpu(last['check_cpu'])} + "
                            f"store {last['store']:.2f} s{_cpu(last['store_cpu'])}")
            print(f"run {run + 1}: " + ", ".join(line), flush=True)
    totals = {}
    for i, root in enumerate(roots):
        median = {key: statistics.median(t[key] for t in times[root])
                  for key in ("check", "store", "check_cpu", "store_cpu")}
        totals[root] = tuple(statistics.median(t[f"check{x}"] + t[f"store{x}"] for t in times[root])
                             for x in ("", "_cpu"))
        print(f"[{i}] median check {median['check']:.2f} s{_cpu(median['check_cpu'])}, store "
              f"{median['store']:.2f} s{_cpu(median['store_cpu'])}, together {totals[root][0]:.2f} s"
              f"{_cpu(totals[root][1])} ({root})")
    for i, root in enumerate(roots[1:], 1):
        cpu_ratio = "" if args.browser else f", {totals[roots[0]][1] / totals[root][1]:.2f} CPU"
        print(f"[0] / [{i}] together: {totals[roots[0]][0] / totals[root][0]:.2f} wall{cpu_ratio}")


if __name__ == "__main__":
    main()
