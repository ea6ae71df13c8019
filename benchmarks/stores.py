"""Benchmark: the three stores side by side (issue 27), in one run, with ratios to the DuckDB file.

    python benchmarks/stores.py [--rows 1000000] [--runs 7] [--stores file,sqlite,postgres]
                                [--compare PYTHON ...] [--national PATH] [--work DIR]

For each store (a DuckDB file; DuckLake with its catalogue in SQLite; DuckLake with its catalogue in
a throwaway PostgreSQL started by scripts/start-postgres.sh, data as Parquet in a local folder):

1. ingest: `python -m data load` of the 1,000,000-row `trajecten` file of benchmarks/ingest.py into
   a store with schema and providers (wall and CPU seconds of the whole command);
2. lever: one lever (`shared_values`) and all four levers for the busiest region and the last full
   month at national scale, warm, median of `--runs` (the national demo, built once as a file and
   imported into each lake);
3. readers: 3 reader processes read the national store the way read-only dashboards do (one view
   per page run, a run every 0.2 s) while a 4th process loads 1,000 trajectories; how long after
   the load returned each reader showed the new count (goal: all within 5 s).

`--compare PYTHON` (repeatable) runs the ingest and the lever on the DuckDB file with another
interpreter too, in the same run: e.g. a venv with another DuckDB version, to price a pin.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from benchmarks.ingest import PREPARE, PROVIDERS, generate, timed  # noqa: E402

DEFAULT_NATIONAL = ROOT / "benchmarks" / "out" / "national.duckdb"
VISIBLE_GOAL = 5.0
READERS = 3

LEVER = """
import json, statistics, sys, time
from datetime import date
from data.store import db
from data.demo.build import last_full_month_end
from levers.registry import all_indicators, lever_indicators
from levers.scope import Period, Scope
con = db.connect(sys.argv[1], read_only=True)
region = con.execute("select r.region from trajectories as t inner join municipality_regions as r using (municipality) "
                     "where r.region is not null group by r.region order by count(*) desc limit 1").fetchone()[0]
end = last_full_month_end(date.today())
scope, period = Scope(region=region), Period.month(end.year, end.month)
out = {}
for name, run in (("lever", lambda: lever_indicators(con, "shared_values", scope, period)),
                  ("levers", lambda: all_indicators(con, scope, period))):
    run()
    seconds = []
    for _ in range(int(sys.argv[2])):
        started = time.perf_counter(); run(); seconds.append(time.perf_counter() - started)
    out[name] = statistics.median(seconds)
import duckdb
out["duckdb"] = duckdb.__version__
print(json.dumps(out))
"""

READER = """
import sys, time
from data.store import snapshots
reader = snapshots.reader(sys.argv[1])
stop = time.monotonic() + float(sys.argv[2])
print("ready", flush=True)
while time.monotonic() < stop:
    con = reader.connection()
    cur = con.cursor()
    print(time.time(), cur.execute("select count(*) from trajectories").fetchone()[0], flush=True)
    cur.close()
    time.sleep(0.2)
"""

PREPARE_STORE = PREPARE.format(providers=PROVIDERS)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Postgres:
    """A throwaway cluster (scripts/start-postgres.sh), one database per lake."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="jm-pg-bench-")
        started = subprocess.run(["bash", str(ROOT / "scripts" / "start-postgres.sh"), self.folder,
                                  str(_free_port())], capture_output=True, text=True)
        if started.returncode:
            raise SystemExit(f"PostgreSQL could not be started: {started.stderr}")
        self.dsn = started.stdout.strip()
        self.made = 0

    def database(self) -> str:
        self.made += 1
        name = f"bench_{self.made}"
        subprocess.run(["psql", self.dsn, "-qc", f"create database {name}"], check=True, capture_output=True)
        return self.dsn.replace("dbname=jeugdmonitor", f"dbname={name}")

    def stop(self) -> None:
        subprocess.run(["bash", str(ROOT / "scripts" / "start-postgres.sh"), "--stop", self.folder])
        shutil.rmtree(self.folder, ignore_errors=True)


def new_store(kind: str, folder: Path, postgres: Postgres | None) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "file":
        return str(folder / "monitor.duckdb")
    if kind == "sqlite":
        return f"ducklake:sqlite:{folder}/catalogue.sqlite"
    return f"ducklake:postgres:{postgres.database()} data_path={folder}/lake"


def ingest(python: str, store: str, csv_path: Path) -> tuple[float, float]:
    subprocess.run([python, "-c", PREPARE_STORE, store], cwd=ROOT, check=True)  # schema, providers: not timed
    wall, cpu, _ = timed([python, "-m", "data", "load", "--db", store, "--kind", "trajecten", str(csv_path)], ROOT)
    return wall, cpu


def lever(python: str, store: str, runs: int) -> dict:
    done = subprocess.run([python, "-c", LEVER, store, str(runs)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"lever on {store} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def national_store(kind: str, folder: Path, postgres: Postgres | None, national: Path) -> tuple[str, float]:
    """The national demo in a store of `kind`, and the seconds its import took (a copy for the file)."""
    from data.store import db

    store = new_store(kind, folder, postgres)
    started = time.perf_counter()
    if kind == "file":
        shutil.copyfile(national, store)
        from data.store import snapshots
        snapshots.publish_file(Path(store))
    else:
        db.import_file(store, national)
    return store, time.perf_counter() - started


def readers_see_a_load(store: str, csv_path: Path) -> tuple[float, list[float]]:
    """(the load's wall seconds, per reader: seconds from the load's return to the new count showing)."""
    readers = [subprocess.Popen([sys.executable, "-c", READER, store, "120"], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True) for _ in range(READERS)]
    first_counts = []
    for reader in readers:
        assert reader.stdout.readline() == "ready\n"
        first_counts.append(int(reader.stdout.readline().split()[1]))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "data", "load", "--db", store, str(csv_path)], cwd=ROOT, check=True,
                   capture_output=True)
    loaded_at, wall = time.time(), time.perf_counter() - started
    delays = []
    for reader, before in zip(readers, first_counts):
        deadline = time.monotonic() + 60
        delay = float("inf")
        while time.monotonic() < deadline:
            at, count = reader.stdout.readline().split()
            if int(count) != before:
                delay = max(0.0, float(at) - loaded_at)
                break
        delays.append(delay)
        reader.kill()
        reader.communicate()
    return wall, delays


def small_load(path: Path, store: str) -> Path:
    """1,000 new trajectories of a provider and municipality the store knows."""
    from data.store import db

    con = db.connect(store, read_only=True)
    try:
        municipality, provider, lot = con.execute(
            "select municipality, provider, lot from trajectories limit 1").fetchone()
    finally:
        con.close()
    lines = ["traject_id;client_id;gemeente;aanbieder;perceel;productcategorie;startdatum;einddatum;reden_einde"]
    lines += [f"BENCH-{n:06d};bench-{n:05d};{municipality};{provider};{lot};45;1-{1 + n % 12}-2025;;"
              for n in range(1000)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--stores", default="file,sqlite,postgres")
    parser.add_argument("--compare", action="append", default=[], help="another interpreter for the file store")
    parser.add_argument("--national", type=Path, default=DEFAULT_NATIONAL)
    parser.add_argument("--work", type=Path, help="folder for the stores (default: a temporary one)")
    args = parser.parse_args()
    kinds = args.stores.split(",")

    if not args.national.exists():
        from data.demo.build import build_demo_file
        print(f"building the national demo at {args.national} ...", flush=True)
        build_demo_file(args.national, national=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="jm-stores-"))
    postgres = Postgres() if "postgres" in kinds else None
    try:
        csv_path = work / "trajecten.csv"
        generate(csv_path, args.rows)
        print(f"ingest file: {args.rows:,} rows; national demo: {args.national}; runs {args.runs}; "
              f"DuckDB of this run: {__import__('duckdb').__version__}\n", flush=True)
        results: dict[str, dict] = {}
        for kind in kinds:
            wall, cpu = ingest(sys.executable, new_store(kind, work / f"ingest-{kind}", postgres), csv_path)
            store, imported = national_store(kind, work / f"national-{kind}", postgres, args.national)
            figures = lever(sys.executable, store, args.runs)
            load_wall, delays = readers_see_a_load(store, small_load(work / f"small-{kind}.csv", store))
            results[kind] = {"ingest": wall, "ingest cpu": cpu, "import": imported, **figures,
                             "small load": load_wall, "visible": max(delays)}
            print(f"{kind}: {json.dumps(results[kind])}", flush=True)
        for python in args.compare:
            wall, cpu = ingest(python, new_store("file", work / f"ingest-compare-{len(results)}", None), csv_path)
            figures = lever(python, str(args.national), args.runs)
            results[f"file ({python})"] = {"ingest": wall, "ingest cpu": cpu, **figures}
            print(f"file with {python}: {json.dumps(results[f'file ({python})'])}", flush=True)
        _table(results, base="file" if "file" in results else next(iter(results)))
        return 0
    finally:
        if postgres is not None:
            postgres.stop()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _table(results: dict[str, dict], base: str) -> None:
    print(f"\n{'store':<34} {'DuckDB':>7} {'ingest s':>9} {'x':>5} {'cpu s':>7} {'lever s':>8} {'x':>5} "
          f"{'4 levers s':>10} {'x':>5} {'visible s':>9}")
    reference = results[base]
    for name, row in results.items():
        visible = row.get("visible")
        shown = "" if visible is None else f"{visible:.2f}" + (" ok" if visible <= VISIBLE_GOAL else " SLOW")
        print(f"{name[:34]:<34} {row['duckdb']:>7} {row['ingest']:>9.1f} {row['ingest'] / reference['ingest']:>5.2f} "
              f"{row['ingest cpu']:>7.1f} {row['lever']:>8.3f} {row['lever'] / reference['lever']:>5.2f} "
              f"{row['levers']:>10.3f} {row['levers'] / reference['levers']:>5.2f} {shown:>9}")


if __name__ == "__main__":
    sys.exit(main())
