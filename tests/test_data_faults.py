"""Faults during a load (issue 12, acceptance 2): a load killed at several stages, and a full disk.

The kill test loads JEUGDMONITOR_KILL_ROWS trajectories (default 100,000 to keep the suite quick;
run with JEUGDMONITOR_KILL_ROWS=1000000 for the issue's full size) through `python -m data load`
and SIGKILLs it at fractions of the time an uninterrupted load takes, and at three events: when the
scratch copy appears (for a file with a blank line: a file DuckDB can read as it is gets no copy),
when the write-ahead log appears, and when a snapshot is being published. The disk-full tests mount a
small tmpfs (root only; skipped with the reason where mounting is impossible).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.fixtures.csv import HERE

ROOT = Path(__file__).resolve().parents[1]
KILL_ROWS = int(os.environ.get("JEUGDMONITOR_KILL_ROWS", "100000"))
KILL_AT = (0.2, 0.6, 0.95)  # fractions of an uninterrupted load's time; also at two events below


def cli(db: Path, file: Path, tmpdir: Path, **popen) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    return subprocess.Popen([sys.executable, "-m", "data", "load", "--db", str(db), str(file)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def run(db: Path, file: Path, tmpdir: Path) -> subprocess.CompletedProcess:
    process = cli(db, file, tmpdir)
    out, err = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def trajectories_file(path: Path, rows: int, *, start: int = 0) -> Path:
    """`rows` valid trajectories of the fixture providers, traject_id T-<n> (no overlap with the fixture)."""
    municipalities = ("GM0392", "GM0453", "GM0375")
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("traject_id;client_id;gemeente;aanbieder;perceel;productcategorie;startdatum;einddatum;"
                  "reden_einde\r\n")
        out.writelines(f"T-{n:07d};pseudo-{n % 50_000:05d};{municipalities[n % 3]};ZORG-A;complex;45;"
                       f"{1 + n % 28}-{1 + n % 12}-2025;;\r\n" for n in range(start, start + rows))
    return path


def with_blank_line(path: Path, target: Path) -> Path:
    """`path` with one blank line in the middle: DuckDB then reads a scratch copy (blank lines filled),
    where a file it can read as it is is read in place (data/csvfile.py)."""
    data = path.read_bytes()
    middle = data.index(b"\n", len(data) // 2) + 1
    target.write_bytes(data[:middle] + b"\r\n" + data[middle:])
    return target


def state(db: Path) -> tuple[int, int, int]:
    """Trajectories, uploads and trajectories of the last upload; opening replays what a killed load left."""
    with duckdb.connect(str(db)) as con:
        return con.execute("select (select count(*) from trajectories), (select count(*) from uploads), "
                           "(select count(*) from trajectories where upload_id = (select max(upload_id) "
                           "from uploads))").fetchone()


def leftovers(tmpdir: Path) -> list[str]:
    return sorted(path.name for path in tmpdir.iterdir())


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict[str, Path]:
    """A database with the fixture providers and trajectories, and the large file to load into it."""
    folder = tmp_path_factory.mktemp("kill")
    tmpdir = folder / "tmp"
    tmpdir.mkdir()
    db = folder / "base.duckdb"
    for fixture in ("aanbieders_utf8.csv", "trajecten_utf8.csv"):
        assert run(db, HERE / fixture, tmpdir).returncode == 0
    file = trajectories_file(folder / "groot.csv", KILL_ROWS)
    return {"db": db, "file": file, "copied": with_blank_line(file, folder / "groot-leeg.csv"), "folder": folder}


def test_a_killed_load_leaves_the_database_before_or_after_and_its_scratch_copy_goes_at_the_next_start(base):
    folder, tmpdir = base["folder"], base["folder"] / "tmp"
    before = state(base["db"])
    assert before == (3, 2, 3)  # the three fixture trajectories, two uploads
    full = folder / "full.duckdb"
    shutil.copy(base["db"], full)
    started = time.monotonic()
    assert run(full, base["file"], tmpdir).returncode == 0
    duration = time.monotonic() - started
    after = (3 + KILL_ROWS, 3, KILL_ROWS)
    assert state(full) == after
    refused_file = trajectories_file(folder / "fout.csv", 1)
    refused_file.write_text(refused_file.read_text().replace("-2025;", "-2025-99;"))  # no date
    outcomes = []
    for stage in [*KILL_AT, "kopie", "wal", "publiceren"]:
        db = folder / f"killed-{stage}.duckdb"
        shutil.copy(base["db"], db)
        process = cli(db, base["copied" if stage == "kopie" else "file"], tmpdir)
        if isinstance(stage, float):
            time.sleep(duration * stage)
        else:  # the moment the scratch copy, or the write-ahead log, appears
            seen = {"kopie": lambda: any(tmpdir.glob("upload-*/upload.csv")),
                    "wal": lambda: Path(f"{db}.wal").exists(),
                    "publiceren": lambda: any(folder.glob(f"{db.name}.snapshots/.*.tmp"))}[stage]
            deadline = time.monotonic() + 2 * duration
            while not seen() and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        left = leftovers(tmpdir)
        assert all(name.startswith(f"upload-{process.pid}-") for name in left), left  # only the killed one's
        outcome = state(db)
        assert outcome in (before, after), (stage, outcome)
        outcomes.append(outcome)
        # no WAL once reopened; published read-only snapshots (data/snapshots.py) are no leftovers
        beside = sorted(path.name for path in folder.glob(f"{db.name}*"))
        assert beside in ([db.name], [db.name, f"{db.name}.snapshots"]), (stage, beside)
        # the next load (here a refused one) starts by removing what the killed one left: its scratch
        # copy and the temporary files of a publish it was killed in
        refused = run(db, refused_file, tmpdir)
        assert refused.returncode == 1 and b"Traceback" not in refused.stderr, refused.stderr
        assert leftovers(tmpdir) == []
        assert not list(folder.glob(f"{db.name}.snapshots/.*")), stage
    assert not list(Path("/dev/shm").glob("upload-*")) if Path("/dev/shm").is_dir() else True
    print(f"\n{KILL_ROWS} rows, uninterrupted load {duration:.1f} s; after each kill: "
          + ", ".join("after" if outcome == after else "before" for outcome in outcomes))
    assert before in outcomes


@pytest.fixture
def small_disk(tmp_path) -> Path:
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True)
    if result.returncode:
        reason = result.stderr.decode().strip()
        pytest.skip(f"cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN): {reason}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Write a file until only about `leave` bytes are free on `disk`."""
    filler = disk / "vulling"
    with filler.open("wb") as out:
        try:
            while shutil.disk_usage(disk).free > leave + 1_000_000:
                out.write(b"\0" * 1_000_000)
                out.flush()
            while shutil.disk_usage(disk).free > leave:
                out.write(b"\0" * 4096)
                out.flush()
        except OSError:
            pass
    return filler


@pytest.mark.parametrize("scratch_on_disk, leave", [(True, 0), (False, 0), (False, 400_000)])
def test_a_full_disk_says_so_in_dutch_and_leaves_the_database_as_it_was(small_disk, tmp_path, scratch_on_disk, leave):
    db, tmpdir = small_disk / "monitor.duckdb", (small_disk if scratch_on_disk else tmp_path) / "tmp"
    tmpdir.mkdir()
    for fixture in ("aanbieders_utf8.csv", "trajecten_utf8.csv"):
        assert run(db, HERE / fixture, tmpdir).returncode == 0
    before = state(db)
    big = trajectories_file(tmp_path / "groot.csv", 40_000)  # some 3 MB of rows: more than is left
    filler = fill(small_disk, leave)
    result = run(db, big, tmpdir)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "de schijf is vol" in err and "Traceback" not in err
    filler.unlink()
    assert state(db) == before
    assert leftovers(tmpdir) == []


def test_on_a_full_disk_a_bad_file_is_still_refused_with_its_errors(small_disk, tmp_path):
    db, tmpdir = small_disk / "monitor.duckdb", tmp_path / "tmp"
    tmpdir.mkdir()
    assert run(db, HERE / "aanbieders_utf8.csv", tmpdir).returncode == 0
    bad = tmp_path / "gemeenten.csv"
    bad.write_bytes(b"gemeente;jaar;inwoners_0_17\r\n392;2025;0\r\n")
    filler = fill(small_disk, 0)
    result = run(db, bad, tmpdir)
    filler.unlink()
    assert result.returncode == 1
    assert result.stdout.decode() == "rij 2, kolom inwoners_0_17: 0 moet groter dan 0 zijn\n"
    assert "de schijf is vol" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
