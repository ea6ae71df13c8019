"""Benchmark: `python -m data load` of a 1,000,000-row `trajecten` file against DuckDB's own typed read.

Issue 14, goal 1: a whole command, as a person runs it, against a whole command that only reads
the same file with DuckDB's typed `read_csv` into a fresh database file. The validated load
(decoding, privacy gate, example rows, every contract rule, one transaction with upload record and
audit entry, the published snapshot) should take at most 3x as long. Both are run `--repeat`
times, alternating; the medians, their ratio and each command's peak memory are printed. The CPU
time of each command (all its threads) is printed beside the wall time: on a machine that others
load heavily, wall times wait on the machine, and the ratio of CPU times shows the work itself.

    python benchmarks/ingest.py [--rows 1000000] [--repeat 5] [--root DIR ...] [--blank-line] [--shape NAME ...]

The file is as Dutch Excel writes it: Windows-1252 (an `ë` in every client_id), `;`, CRLF,
dd-mm-jjjj dates, 12 columns, about 400,000 distinct clients; municipality codes as GM0392, 0392
or 392, codes with leading zeros, perceel in several spellings, empty optional cells.
`--blank-line` puts one blank line in the middle (issue 12: it may not cost 3x time or memory).
`--shape` (repeatable; default all) chooses the shapes of file in SHAPES: the benchmark's own, and
`realistic` (T + 7-digit traject ids, 400,000 k-prefixed clients over the 342 municipalities), its dates
as Excel rewrites them (d-m-jjjj), and 900,000 clients with numeric traject ids (issue 26: a shape
other than the benchmark's measured 4.5x); the worst ratio over the shapes is printed last.
`--root` (repeatable) runs the load command of other checkouts too, in the same alternation, e.g.
`--root . --root /work/base` to compare a change with the code before it on a busy machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
GOAL = 3.0
PROVIDERS = 40
DISTINCT_CLIENTS = 400_000
# Column expressions per shape of file: the benchmark's own, and the shapes real exports have (issue 26:
# a file of a different shape measured 4.5x where the benchmark's own measured 2.6x). {clients} is the
# number of distinct clients, {municipalities} the list of codes, {day} a strftime format.
SHAPES = {
    "benchmark": {  # ids with a dash and an ë, five municipality spellings, perceel in several spellings
        "traject_id": "'TR-' || i", "client_id": "'cliënt-' || (i * 7919 % {clients})",
        "gemeente": "['GM0392', '0453', '375', 'GM0396', '0377'][1 + i % 5]",
        "perceel": "['complex', 'Enkelvoudig', 'complexe jeugdhulp', 'enkelvoudige jeugdhulp'][1 + i % 4]",
        "day": "%d-%m-%Y", "clients": DISTINCT_CLIENTS,
    },
    "realistic": {  # T + 7 digits, k + client number, all 342 municipalities (issue 26)
        "traject_id": "'T' || lpad((1000000 + i)::varchar, 7, '0')",
        "client_id": "'k' || (100000 + i * 7919 % {clients})",
        "gemeente": "{municipalities}[1 + (i * 31) % {municipality_count}]",
        "perceel": "['complex', 'enkelvoudig'][1 + i % 2]", "day": "%d-%m-%Y", "clients": DISTINCT_CLIENTS,
    },
    "excel_dates": {  # as realistic, the dates as Excel rewrites them: d-m-jjjj without leading zeros
        "traject_id": "'T' || lpad((1000000 + i)::varchar, 7, '0')",
        "client_id": "'k' || (100000 + i * 7919 % {clients})",
        "gemeente": "{municipalities}[1 + (i * 31) % {municipality_count}]",
        "perceel": "['complex', 'enkelvoudig'][1 + i % 2]", "day": "%-d-%-m-%Y", "clients": DISTINCT_CLIENTS,
    },
    "many_clients": {  # as realistic with 900,000 distinct clients and numeric traject ids
        "traject_id": "(30000000 + i)::varchar", "client_id": "'k' || (100000 + i * 7919 % {clients})",
        "gemeente": "{municipalities}[1 + (i * 31) % {municipality_count}]",
        "perceel": "['complex', 'enkelvoudig'][1 + i % 2]", "day": "%d-%m-%Y", "clients": 900_000,
    },
}
GENERATE = """
copy (
    select
        {traject_id} as traject_id,
        {client_id} as client_id,
        {gemeente} as gemeente,
        'AGB-' || lpad((i % $providers)::varchar, 4, '0') as aanbieder,
        {perceel} as perceel,
        lpad(([31, 32, 33, 34, 35, 36, 40, 45, 55][1 + i % 9])::varchar, 3, '0') as productcategorie,
        case when i % 5 = 0 then null else '0' || (1 + i % 6) end as verwijzer,
        case when i % 4 = 0 then null else strftime(date '2023-01-01' + (i % 900)::int, '{day}') end
            as aanmelddatum,
        strftime(date '2023-01-01' + (i % 900)::int + 21, '{day}') as startdatum,
        case when i % 3 = 0 then strftime(date '2023-01-01' + (i % 900)::int + 140, '{day}') end as einddatum,
        case when i % 3 = 0 then ['31', '32', '35', '02'][1 + i % 4] end as reden_einde,
        case when i % 7 = 0 then null else ['0-3', '4-11', '12-17', '18-22'][1 + i % 4] end as leeftijdsklasse
    from range($rows) as r(i)
) to '{path}' (delimiter ';', header true)
"""
COLUMNS = {
    "traject_id": "VARCHAR", "client_id": "VARCHAR", "gemeente": "VARCHAR", "aanbieder": "VARCHAR",
    "perceel": "VARCHAR", "productcategorie": "SMALLINT", "verwijzer": "SMALLINT", "aanmelddatum": "DATE",
    "startdatum": "DATE", "einddatum": "DATE", "reden_einde": "SMALLINT", "leeftijdsklasse": "VARCHAR",
}
# DuckDB reads Latin-1 natively; for this file (only ë beyond ASCII) that is Windows-1252
TYPED_READ = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("create table trajecten as select * from read_csv($path, delim = ';', header = true, "
            "dateformat = '%d-%m-%Y', columns = $columns, encoding = 'latin-1')",
            {{"path": sys.argv[2], "columns": {columns!r}}})
con.close()
"""
PREPARE = """
import sys
try:
    from data.store.db import connect
except ImportError:  # a checkout from before data/ was split by job (issue 19), measured with --root
    from data.db import connect
con = connect(sys.argv[1])  # schema and reference data: not part of the timing
con.execute("insert into providers (provider, name, lot, role, regions) "
            "select 'AGB-' || lpad(i::varchar, 4, '0'), 'Aanbieder ' || i, 'beide', 'overig', "
            "'IJmond/Zuid-Kennemerland' from range({providers}) as r(i)")
con.close()
"""


def municipality_codes() -> list[str]:
    """The 342 municipalities of the reference list."""
    with (ROOT / "data" / "reference" / "gemeenten_2025.csv").open(encoding="utf-8") as file:
        return [row["gemeente"] for row in csv.DictReader(file)]


def generate(path: Path, rows: int, blank_line: bool = False, shape: str = "benchmark") -> None:
    """The file as Dutch Excel saves 'CSV (puntkomma)': Windows-1252 and CRLF line ends."""
    codes = municipality_codes()
    fields = {name: text.format(clients=SHAPES[shape]["clients"], municipalities=codes,
                                municipality_count=len(codes)) if isinstance(text, str) else text
              for name, text in SHAPES[shape].items()}
    with duckdb.connect() as con:
        con.execute(GENERATE.format(path=path, **fields), {"rows": rows, "providers": PROVIDERS})
    data = path.read_bytes().decode("utf-8").encode("cp1252").replace(b"\n", b"\r\n")
    if blank_line:
        middle = data.index(b"\n", len(data) // 2) + 1
        data = data[:middle] + b"\r\n" + data[middle:]
    path.write_bytes(data)


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall time of a whole command (start-up and imports included), its CPU time and peak memory in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    process.stdout.close()
    process.stderr.close()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{out}\n{err}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def typed_read(csv_path: Path, db_file: Path) -> tuple[float, float, float]:
    """DuckDB's %d and %m read `5-1-2026` as well as `05-01-2026`: one read for every shape."""
    return timed([sys.executable, "-c", TYPED_READ.format(columns=COLUMNS), str(db_file), str(csv_path)], ROOT)


def validated_load(root: Path, template: Path, csv_path: Path, db_file: Path,
                   rows: int) -> tuple[float, float, float]:
    shutil.copyfile(template, db_file)  # a database with schema and providers, as a user has one
    result = timed([sys.executable, "-m", "data", "load", "--db", str(db_file), "--kind", "trajecten",
                    str(csv_path)], root)
    with duckdb.connect(str(db_file), read_only=True) as check:
        stored = check.execute("select count(*) from trajectories").fetchone()[0]
    if stored != rows:
        raise SystemExit(f"{root}: {stored} rows stored, expected {rows}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--root", type=Path, action="append", help="checkout whose 'python -m data load' to time")
    parser.add_argument("--blank-line", action="store_true", help="one blank line in the middle of the file")
    parser.add_argument("--shape", action="append", choices=list(SHAPES),
                        help="shape of the generated file (repeatable; default: every shape, the worst ratio counts)")
    args = parser.parse_args()
    roots = [root.resolve() for root in args.root or [ROOT]]
    worst: dict[Path, tuple[float, float, str]] = {}
    with tempfile.TemporaryDirectory(prefix="ingest-") as work_dir:
        work = Path(work_dir)
        templates = {}
        for i, root in enumerate(roots):
            templates[root] = work / f"template{i}.duckdb"
            subprocess.run([sys.executable, "-c", PREPARE.format(providers=PROVIDERS), str(templates[root])],
                           cwd=root, check=True)
        for shape in args.shape or list(SHAPES):
            ratios = _measure_shape(work, shape, args, roots, templates)
            for root, (wall, cpu) in ratios.items():
                if root not in worst or wall > worst[root][0]:
                    worst[root] = (wall, cpu, shape)
    for i, root in enumerate(roots):
        wall, cpu, shape = worst[root]
        print(f"load[{i}] worst ratio: {wall:.2f}x wall, {cpu:.2f}x CPU ({shape}; goal <= {GOAL:g}x) ({root})")


def _measure_shape(work: Path, shape: str, args, roots: list[Path],
                   templates: dict[Path, Path]) -> dict[Path, tuple[float, float]]:
    """Both commands on one generated file, alternating; the ratio of medians (wall, CPU) per checkout."""
    csv_path = work / f"trajecten_{shape}.csv"
    generate(csv_path, args.rows, args.blank_line, shape)
    print(f"\n{shape}: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB, Windows-1252, ';', CRLF, "
          f"{SHAPES[shape]['day']} dates, {SHAPES[shape]['clients']:,} clients"
          f"{', one blank line' if args.blank_line else ''}")
    results: dict[str, list[tuple[float, float, float]]] = {"read_csv": []} | {str(root): [] for root in roots}
    for run in range(args.repeat):
        target = work / f"typed{run}.duckdb"
        results["read_csv"].append(typed_read(csv_path, target))
        target.unlink()
        line = [f"run {run + 1}: read_csv {_figures(results['read_csv'][-1])}"]
        for i, root in enumerate(roots):
            target = work / f"load{i}-{run}.duckdb"
            results[str(root)].append(validated_load(root, templates[root], csv_path, target, args.rows))
            shutil.rmtree(target.with_name(target.name + ".snapshots"), ignore_errors=True)
            target.unlink()
            line.append(f"load[{i}] {_figures(results[str(root)][-1])}")
        print(", ".join(line), flush=True)
    csv_path.unlink()
    wall, cpu = (statistics.median(r[k] for r in results["read_csv"]) for k in (0, 1))
    print(f"python -c read_csv (typed)  : median {wall:.2f} s wall, {cpu:.2f} s CPU, "
          f"peak {max(r[2] for r in results['read_csv']):.0f} MB")
    ratios = {}
    for i, root in enumerate(roots):
        ours = results[str(root)]
        our_wall, our_cpu = (statistics.median(r[k] for r in ours) for k in (0, 1))
        print(f"load[{i}] python -m data load : median {our_wall:.2f} s wall, {our_cpu:.2f} s CPU, "
              f"peak {max(r[2] for r in ours):.0f} MB ({root})")
        print(f"load[{i}] ratio of medians    : {our_wall / wall:.2f}x wall, {our_cpu / cpu:.2f}x CPU "
              f"(goal <= {GOAL:g}x)")
        ratios[root] = (our_wall / wall, our_cpu / cpu)
    return ratios


def _figures(result: tuple[float, float, float]) -> str:
    return f"{result[0]:.2f} s ({result[1]:.2f} s CPU)"


if __name__ == "__main__":
    main()
