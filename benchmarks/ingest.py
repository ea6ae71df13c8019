"""Benchmark: a validated load of a 1,000,000-row `trajecten` file against DuckDB's own typed read.

design.md, "Performance targets": the validated load (data.load.load_file: decoding, privacy gate,
every contract rule, one transaction with upload record and audit entry) should take at most 3x the
time DuckDB needs to read the same file into a typed table with `read_csv` and explicit columns.
Both write into a fresh database file and include closing it (the checkpoint to disk); reading the
file's bytes is part of the validated path. Each is run `--repeat` times, alternating; the best and
the median are printed, and the ratio of the best times.

    python benchmarks/ingest.py [--rows 1000000] [--repeat 3] [--cp1252] [--blank-line]

The generated file is Dutch Excel flavour: `;`, DD-MM-JJJJ dates, municipality codes as GM0392,
0392 or 392, codes with leading zeros, perceel in several spellings, empty optional cells. Plain
ASCII by default (valid as UTF-8 and as Windows-1252); `--cp1252` puts an `ë` in every client_id
so that the file really is Windows-1252 and has to be transcoded. `--blank-line` puts one blank
line in the middle (issue 12: it may not cost 3x the time and memory of the same file without it);
the peak memory of the process is printed at the end.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.db import connect  # noqa: E402
from data.load import load_file  # noqa: E402

PROVIDERS = 40
GENERATE = """
copy (
    select
        'TR-' || i as traject_id,
        $client || (i * 7919 % 400000) as client_id,
        ['GM0392', '0453', '375', 'GM0396', '0377'][1 + i % 5] as gemeente,
        'AGB-' || lpad((i % $providers)::varchar, 4, '0') as aanbieder,
        ['complex', 'Enkelvoudig', 'complexe jeugdhulp', 'enkelvoudige jeugdhulp'][1 + i % 4] as perceel,
        lpad(([31, 32, 33, 34, 35, 36, 40, 45, 55][1 + i % 9])::varchar, 3, '0') as productcategorie,
        case when i % 5 = 0 then null else '0' || (1 + i % 6) end as verwijzer,
        case when i % 4 = 0 then null else strftime(date '2023-01-01' + (i % 900)::int, '%d-%m-%Y') end
            as aanmelddatum,
        strftime(date '2023-01-01' + (i % 900)::int + 21, '%d-%m-%Y') as startdatum,
        case when i % 3 = 0 then strftime(date '2023-01-01' + (i % 900)::int + 140, '%d-%m-%Y') end as einddatum,
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
PROVIDER_ROWS = """
insert into providers (provider, name, lot, role, regions)
select 'AGB-' || lpad(i::varchar, 4, '0'), 'Aanbieder ' || i, 'beide', 'overig', 'IJmond/Zuid-Kennemerland'
from range($providers) as r(i)
"""


def generate(path: Path, rows: int, cp1252: bool, blank_line: bool = False) -> None:
    con = duckdb.connect()
    client = "cliënt-" if cp1252 else "client-"
    con.execute(GENERATE.format(path=path), {"rows": rows, "providers": PROVIDERS, "client": client})
    con.close()
    if cp1252:
        path.write_bytes(path.read_bytes().decode("utf-8").encode("cp1252"))
    if blank_line:
        data = path.read_bytes()
        middle = data.index(b"\n", len(data) // 2) + 1
        path.write_bytes(data[:middle] + b"\n" + data[middle:])


def validated_load(csv_path: Path, db_file: Path, rows: int) -> float:
    con = connect(db_file)  # schema and reference data: not part of the timing
    con.execute(PROVIDER_ROWS, {"providers": PROVIDERS})
    start = time.perf_counter()
    report = load_file(con, csv_path.read_bytes(), csv_path.name, kind="trajecten", uploader="benchmark")
    con.close()
    elapsed = time.perf_counter() - start
    if not report.stored or report.rows != rows:
        raise SystemExit(f"load failed: {report.summary}\n" + "\n".join(map(str, report.errors[:10])))
    return elapsed


def typed_read(csv_path: Path, db_file: Path, rows: int, cp1252: bool) -> float:
    con = duckdb.connect(str(db_file))
    start = time.perf_counter()
    # DuckDB reads Latin-1 natively; for this file (only ë beyond ASCII) that is Windows-1252
    con.execute("create table trajecten as select * from read_csv($path, delim = ';', header = true, "
                "dateformat = '%d-%m-%Y', columns = $columns, encoding = $encoding)",
                {"path": str(csv_path), "columns": COLUMNS, "encoding": "latin-1" if cp1252 else "utf-8"})
    con.close()
    elapsed = time.perf_counter() - start
    with duckdb.connect(str(db_file), read_only=True) as check:
        assert check.execute("select count(*) from trajecten").fetchone()[0] == rows
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cp1252", action="store_true", help="make the file Windows-1252 (an ë per row)")
    parser.add_argument("--blank-line", action="store_true", help="one blank line in the middle of the file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ingest-") as work:
        csv_path = Path(work) / "trajecten.csv"
        generate(csv_path, args.rows, args.cp1252, args.blank_line)
        size = csv_path.stat().st_size / 1e6
        print(f"file: {args.rows:,} rows, {size:.1f} MB, {'Windows-1252' if args.cp1252 else 'ASCII'}")
        ours, duck = [], []
        for run in range(args.repeat):
            duck.append(typed_read(csv_path, Path(work) / f"typed{run}.duckdb", args.rows, args.cp1252))
            ours.append(validated_load(csv_path, Path(work) / f"validated{run}.duckdb", args.rows))
            print(f"run {run + 1}: duckdb read_csv {duck[-1]:.2f} s, validated load {ours[-1]:.2f} s")
    print(f"duckdb typed read_csv : best {min(duck):.2f} s, median {statistics.median(duck):.2f} s")
    print(f"validated load_file   : best {min(ours):.2f} s, median {statistics.median(ours):.2f} s")
    print(f"ratio (best / best)   : {min(ours) / min(duck):.2f}x (goal <= 3x)")
    print(f"ratio (median/median) : {statistics.median(ours) / statistics.median(duck):.2f}x")
    print(f"peak memory (process) : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
