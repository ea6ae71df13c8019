"""Benchmark: after an upload, how long until every read-only process has the new figures (no browser).

    python benchmarks/readers.py [--db PATH] [--processes 3] [--rounds 3] [--regio NAME] [--rows 2000]

The server side of benchmarks/concurrency.py, without Chromium (whose rendering dominates that
benchmark on a busy machine). Copies the national demo (built at PATH when missing) to a temporary
folder and publishes it. Starts --processes read-only processes that each run the Overzicht with
AppTest; after a first and a warm run, each round uploads a --rows-row `trajecten` file of that
region for the default month (data.ingest.load, as `python -m data load` does: every figure gets a new
key), and all processes then run the Overzicht at the same moment. Prints, per round, the upload's
seconds (from reading the file to the published snapshot), the seconds until the last process
finished (the time until every process shows the new figures) and each process's run, two ways:
each process computing for itself, and figures shared between the processes (figures/shared_results.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

logging.disable(logging.WARNING)  # the writer here has no Streamlit runtime: its caches say so, once each
from benchmarks.concurrency import _month_file  # noqa: E402
from benchmarks.levers import DEFAULT_DB, _ensure_database  # noqa: E402
from data.store import db, snapshots  # noqa: E402
from data.ingest.load import load_file  # noqa: E402
from figures import shared_results  # noqa: E402
from views import filters  # noqa: E402

MODES = (("each computes itself", False), ("shared between them", True))

# One dashboard process: runs the Overzicht once per line on stdin, prints the seconds.
_PROCESS = r"""
import logging, sys, time
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
app = AppTest.from_file(sys.argv[1], default_timeout=900)
app.query_params["regio"] = sys.argv[2]
for _ in sys.stdin:
    started = time.perf_counter()
    app.run()
    print(f"{time.perf_counter() - started:.3f} {'error' if app.exception else 'ok'}", flush=True)
"""


def _start(path: Path, region: str, share: bool) -> subprocess.Popen:
    env = {**os.environ, db.DB_ENV_VAR: str(path), "JEUGDMONITOR_READ_ONLY": "1",
           shared_results.ENV: "1" if share else "0"}
    return subprocess.Popen([sys.executable, "-c", _PROCESS, str(ROOT / "dashboard.py"), region], cwd=ROOT,
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _run_all(processes: list[subprocess.Popen]) -> list[float]:
    """Every process runs the page at the same moment; each one's seconds."""
    for process in processes:
        process.stdin.write("run\n")
        process.stdin.flush()
    seconds = []
    for process in processes:
        value, state = process.stdout.readline().split()
        if state != "ok":
            raise RuntimeError("the Overzicht failed in a reader process")
        seconds.append(float(value))
    return seconds


def _write(path: Path, upload: Path) -> float:
    """Upload `upload` as the load command does; its seconds."""
    started = time.perf_counter()
    con = db.connect(path)
    try:
        report = load_file(con, upload.read_bytes(), upload.name, kind="trajecten", uploader="bench", preview=False)
    finally:
        con.close()
    if not report.stored:
        raise RuntimeError(f"the upload was not stored: {report.summary}")
    return time.perf_counter() - started


def _measure(path: Path, region: str, count: int, uploads: list[Path], share: bool) -> list[list[float]]:
    shared_results.clear(path)
    processes = [_start(path, region, share) for _ in range(count)]
    try:
        for process in processes:  # first runs one by one: imports and a cold page, not measured
            _run_all([process])
        _run_all(processes)
        out = []
        for upload in uploads:
            writing = _write(path, upload)
            started = time.perf_counter()
            each = _run_all(processes)
            out.append([writing, time.perf_counter() - started, *each])
        return out
    finally:
        for process in processes:
            process.stdin.close()
            process.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--regio", default="Regio Gelderland-Noord")
    parser.add_argument("--rows", type=int, default=2000, help="rows of each round's trajecten upload")
    args = parser.parse_args(argv)
    _ensure_database(args.db)
    month = filters.last_full_month().start.strftime("%Y-%m")  # the Overzicht's default period
    with tempfile.TemporaryDirectory(prefix="readers-bench-") as folder:
        path = Path(folder) / "monitor.duckdb"
        shutil.copyfile(args.db, path)
        db.connect(path).close()
        snapshots.publish_file(path)
        print(f"{args.processes} read-only processes, Overzicht of {args.regio}; after each upload all run at once; "
              f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
        print(f"{'figures':<24} {'':>8} {'upload (s)':>10} {'then every process (s)':>23}   each process (s)")
        for label, share in MODES:
            uploads = []
            for number in range(args.rounds):  # other rows each round: an upload of the same bytes stores nothing
                uploads.append(Path(folder) / f"trajecten_{label[:6].strip()}_{number}.csv")
                _month_file(path, args.regio, month, args.rows + number, uploads[-1])
            rounds = _measure(path, args.regio, args.processes, uploads, share)
            for number, (writing, every, *each) in enumerate(rounds, 1):
                print(f"{label:<24} round {number}: {writing:>9.2f} {every:>23.2f}   "
                      + "  ".join(f"{s:.2f}" for s in each))
            print(f"{label:<24} median: {statistics.median(w for w, *_ in rounds):>11.2f} "
                  f"{statistics.median(every for _, every, *_ in rounds):>23.2f}")
        print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
