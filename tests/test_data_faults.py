"""Faults during a load (issue 12, acceptance 2): a load killed at several stages, and a full disk.

Issue 22 adds kills and a full disk at named stages (data.store.db.fault), a filling disk at several sizes,
a file size limit and an immutable folder: the message says what happened, and the next open publishes.

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


# The municipalities a trajectories file holds, with their names as in data/reference/gemeenten_2025.csv.
MUNICIPALITIES = {"GM0392": "Haarlem", "GM0453": "Velsen", "GM0375": "Beverwijk"}


def trajectories_file(path: Path, rows: int, *, start: int = 0) -> Path:
    """`rows` valid trajectories of the fixture providers, traject_id T-<n> (no overlap with the fixture)."""
    municipalities = tuple(MUNICIPALITIES)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("traject_id;client_id;gemeente;aanbieder;perceel;productcategorie;startdatum;einddatum;"
                  "reden_einde\r\n")
        out.writelines(f"T-{n:07d};pseudo-{n % 50_000:05d};{municipalities[n % 3]};ZORG-A;complex;45;"
                       f"{1 + n % 28}-{1 + n % 12}-2025;;\r\n" for n in range(start, start + rows))
    return path


def with_blank_line(path: Path, target: Path) -> Path:
    """`path` with one blank line in the middle: DuckDB then reads a scratch copy (blank lines filled),
    where a file it can read as it is is read in place (data/ingest/csvfile.py)."""
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
        # no WAL once reopened; published read-only snapshots (data/store/snapshots.py) are no leftovers
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


def _mounted(tmp_path: Path, size: str):
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True)
    if result.returncode:
        reason = result.stderr.decode().strip()
        pytest.skip(f"cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN): {reason}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def small_disk(tmp_path) -> Path:
    yield from _mounted(tmp_path, "24m")


@pytest.fixture
def roomier_disk(tmp_path) -> Path:
    """Room for the file, its write-ahead log and three snapshots of it once the filler goes."""
    yield from _mounted(tmp_path, "64m")


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


# --- issue 22: a kill or a full disk at a named stage (data.store.db.fault), and what the next open does -------

def faulted(db: Path, file: Path, tmpdir: Path, fault: str | None, **popen) -> subprocess.CompletedProcess:
    """`python -m data load` with $JEUGDMONITOR_FAULT set to FAULT (none: an ordinary load)."""
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    env.pop("JEUGDMONITOR_FAULT", None)
    if fault:
        env["JEUGDMONITOR_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "data", "load", "--db", str(db), str(file)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, **popen)


def published_state(db: Path) -> tuple[tuple[int, int, int], tuple[tuple[str, int], ...]]:
    """The snapshot readers read: its trajectories, uploads and last upload's trajectories, and its data
    generations (every table's but the audit log's)."""
    from data.store import snapshots

    snapshot = snapshots.published(db)
    with duckdb.connect(str(snapshot), read_only=True) as con:
        return _state_of(con), _data_generations(con)


def file_state(db: Path) -> tuple[tuple[int, int, int], tuple[tuple[str, int], ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return _state_of(con), _data_generations(con)


def _state_of(con) -> tuple[int, int, int]:
    return con.execute("select (select count(*) from trajectories), (select count(*) from uploads), "
                       "(select count(*) from trajectories where upload_id = (select max(upload_id) "
                       "from uploads))").fetchone()


def _data_generations(con) -> tuple[tuple[str, int], ...]:
    return tuple(con.execute("select table_name, generation from table_generations "
                             "where table_name not in ('audit_log', 'audit_imports') order by 1").fetchall())


@pytest.fixture(scope="module")
def published_base(tmp_path_factory) -> dict[str, Path]:
    """The fixture providers and trajectories loaded (and so published), and a file of 2,000 more."""
    folder = tmp_path_factory.mktemp("stages")
    tmpdir = folder / "tmp"
    tmpdir.mkdir()
    db = folder / "base.duckdb"
    for fixture in ("aanbieders_utf8.csv", "trajecten_utf8.csv"):
        assert faulted(db, HERE / fixture, tmpdir, None).returncode == 0
    return {"db": db, "file": trajectories_file(folder / "meer.csv", 2000), "folder": folder}


def copied(base: dict[str, Path], name: str) -> Path:
    """A copy of the base database with its published snapshots."""
    db = base["folder"] / f"{name}.duckdb"
    shutil.copyfile(base["db"], db)
    shutil.copytree(Path(f"{base['db']}.snapshots"), Path(f"{db}.snapshots"))
    return db


# (stage, whether the data is stored when the load dies there). "after-commit" is the WAL: the commit
# is in the write-ahead log, not yet in the file; "publishing": the snapshot copy is half made.
STAGES = [("before-commit", False), ("after-commit", True), ("publishing", True)]


@pytest.mark.parametrize("stage, stored", STAGES)
def test_a_load_killed_at_a_stage_leaves_data_generations_and_snapshot_in_agreement_after_the_next_open(
        published_base, stage, stored):
    tmpdir = published_base["folder"] / "tmp"
    db = copied(published_base, stage)
    before = file_state(db)
    assert published_state(db) == before  # published before the kill
    killed = faulted(db, published_base["file"], tmpdir, f"kill:{stage}")
    assert killed.returncode == -signal.SIGKILL
    assert killed.stdout == "" and killed.stderr == ""  # it said nothing it could not stand by
    after_kill = file_state(db)  # opening replays the write-ahead log of a commit
    assert after_kill[0] == ((3 + 2000, 3, 2000) if stored else (3, 2, 3))
    if stored:  # the generations went up with the data, in its own transaction
        assert dict(after_kill[1])["trajectories"] == dict(before[1])["trajectories"] + 1
        assert dict(after_kill[1])["uploads"] == dict(before[1])["uploads"] + 1
        assert published_state(db) == before  # readers do not have it yet
    else:
        assert after_kill == before
    again = faulted(db, published_base["file"], tmpdir, None)  # the next process to open the file
    assert again.returncode == 0, again.stderr
    if stored:
        assert again.stdout.startswith("trajecten: ongewijzigd; meer.csv is al opgeslagen")
    else:
        assert again.stdout.startswith("trajecten: 2.000 rijen opgeslagen uit meer.csv")
    assert file_state(db)[0] == (3 + 2000, 3, 2000)
    assert published_state(db) == file_state(db)  # data and generations: readers read what the file holds
    assert not list(Path(f"{db}.snapshots").glob(".*.tmp"))


def test_a_full_disk_while_publishing_says_stored_but_not_published_and_the_rerun_publishes(published_base):
    tmpdir = published_base["folder"] / "tmp"
    db = copied(published_base, "vol-na-commit")
    before = file_state(db)
    full = faulted(db, published_base["file"], tmpdir, "enospc:publishing")
    assert full.returncode == 3  # commands/data.py: stored, not yet published
    assert full.stdout == ""
    # the upload names a key's few values, ordered by code (GM0375, GM0392, GM0453): issue 23
    beverwijk, haarlem, velsen = MUNICIPALITIES["GM0375"], MUNICIPALITIES["GM0392"], MUNICIPALITIES["GM0453"]
    assert full.stderr == (
        f"trajecten: 2.000 rijen opgeslagen uit meer.csv; vervangen: gemeente {beverwijk}, {haarlem} en {velsen}, "
        "elke traject_id in het "
        "bestand (2.000 combinaties); 0 bestaande rijen vervangen; opgeslagen, maar nog niet gepubliceerd voor "
        "lezers (de schijf is vol). Maak ruimte vrij en probeer opnieuw: dezelfde opdracht (of de volgende "
        "opslag) publiceert het alsnog\n")
    assert file_state(db)[0] == (3 + 2000, 3, 2000)
    assert published_state(db) == before
    again = faulted(db, published_base["file"], tmpdir, None)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("trajecten: ongewijzigd; meer.csv is al opgeslagen (upload 3)")
    assert published_state(db) == file_state(db)


def test_a_file_size_limit_says_in_dutch_what_happened(published_base):
    """`ulimit -f`: Python ignores SIGXFSZ, so writes beyond the limit fail with EFBIG."""
    import resource

    tmpdir = published_base["folder"] / "tmp"
    db = copied(published_base, "ulimit")
    before = file_state(db)
    big = trajectories_file(published_base["folder"] / "groot-ulimit.csv", 40_000)
    limit = db.stat().st_size + 256 * 1024  # the file may grow a little, a snapshot copy may not be made
    result = faulted(db, big, tmpdir, None, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    assert "de grens op de bestandsgrootte (ulimit -f) is bereikt" in result.stderr
    if result.returncode == 1:
        assert "er is niets opgeslagen" in result.stderr
        assert file_state(db) == before
    else:
        assert result.returncode == 3
        assert "opgeslagen, maar nog niet gepubliceerd voor lezers" in result.stderr
        assert file_state(db)[0] == (3 + 40_000, 3, 40_000)


@pytest.fixture
def immutable(tmp_path) -> Path:
    folder = tmp_path / "vast"
    folder.mkdir()
    probe = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if probe.returncode:
        pytest.skip(f"cannot make a folder immutable here: {probe.stderr.decode().strip()}")
    subprocess.run(["chattr", "-i", str(folder)], check=True)
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=False)


def test_an_immutable_database_folder_is_refused_in_dutch_for_load_and_users_add(immutable, published_base):
    tmpdir = published_base["folder"] / "tmp"
    db = immutable / "monitor.duckdb"
    shutil.copyfile(published_base["db"], db)
    before = file_state(db)
    subprocess.run(["chattr", "+i", str(immutable)], check=True)
    loaded = faulted(db, published_base["file"], tmpdir, None)
    added = subprocess.run([sys.executable, "-m", "data", "users", "add", "--db", str(db), "--email", "b@regio.nl",
                            "--rol", "beheerder"], cwd=ROOT, input="een-lang-wachtwoord-2026\n", capture_output=True,
                           text=True, timeout=120)
    subprocess.run(["chattr", "-i", str(immutable)], check=True)
    for result in (loaded, added):
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "Exception" not in result.stderr, result.stderr
        assert ("de map van de database is niet beschrijfbaar; er is niets opgeslagen en de database is ongewijzigd. "
                "Geef schrijfrechten op de map (en het bestand) en probeer opnieuw") in result.stderr
    assert file_state(db) == before


@pytest.mark.parametrize("leave_mb", [2, 4, 8])  # measured: 1-3 MB left end in exit 1, 4-8 MB in exit 3
def test_on_a_filling_disk_the_message_says_what_happened_and_a_rerun_with_room_publishes(roomier_disk, tmp_path,
                                                                                         leave_mb):
    """A real full disk at whatever step the room runs out (the read, the commit, the checkpoint, the
    snapshot copy): exit 1 says nothing was stored and nothing was; exit 3 says stored, not published, and
    it was; exit 0 stored and published. After room is made, the same command leaves readers up to date."""
    db, tmpdir = roomier_disk / "monitor.duckdb", tmp_path / "tmp"
    tmpdir.mkdir()
    for fixture in ("aanbieders_utf8.csv", "trajecten_utf8.csv"):
        assert run(db, HERE / fixture, tmpdir).returncode == 0
    before = file_state(db)
    big = trajectories_file(tmp_path / "groot.csv", 40_000)
    filler = fill(roomier_disk, leave_mb * 1_000_000)
    result = faulted(db, big, tmpdir, None)
    filler.unlink()
    assert "Traceback" not in result.stderr and "not published" not in result.stderr, result.stderr
    stored = (3 + 40_000, 3, 40_000)
    if result.returncode == 1:
        assert "de schijf is vol; er is niets opgeslagen en de database is ongewijzigd" in result.stderr
        assert file_state(db) == before
    elif result.returncode == 3:
        assert "opgeslagen, maar nog niet gepubliceerd voor lezers (de schijf is vol)" in result.stderr
        assert "niets opgeslagen" not in result.stderr
        assert file_state(db)[0] == stored
        assert published_state(db) == before
    else:
        assert result.returncode == 0, result.stderr
        assert published_state(db) == file_state(db) and file_state(db)[0] == stored
    again = faulted(db, big, tmpdir, None)
    assert again.returncode == 0, again.stderr
    assert file_state(db)[0] == stored
    assert published_state(db) == file_state(db)
    print(f"\n{leave_mb} MB left: exit {result.returncode}")
