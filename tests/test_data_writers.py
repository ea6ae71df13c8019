"""Writers side by side (issue 22, point 6): the README's dashboard with a session open, and the commands
`python -m data load` and `python -m data users add` beside it; two loads started together; a command that
finds another writer at work waits its turn with one Dutch line, and refuses in Dutch when the wait runs out.

The dashboard holds its file only while it uses it and two seconds after (data.store.db.Holder); a command that
comes while it does waits (data.store.db.connect(wait=...)).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from data.store import db
from tests.conftest import copy_db
from tests.fixtures.browser import dashboard_server, opened, require_chromium
from tests.fixtures.csv import HERE, trajectories_file

require_chromium()

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "een-lang-wachtwoord-2026"
WAITING = "wacht op een andere schrijver"


def command(*args: str, db_file: Path, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.Popen:
    """`python -m data ARGS --db DB_FILE` started, its standard input written (a password) and closed."""
    process = subprocess.Popen([sys.executable, "-m", "data", *args, "--db", str(db_file)], cwd=ROOT,
                               env={**os.environ, **(env or {})}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    process.stdin.write(stdin)
    process.stdin.close()
    process.stdin = None  # written and closed: communicate() only reads
    return process


def finished(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=180)
    return process.returncode, out, err


def counted(db_file: Path) -> tuple[int, int, list[str]]:
    """Trajectories, uploads and account addresses, read through the store's own waiting open."""
    con = db.connect(db_file, wait=60)
    try:
        return (con.execute("select count(*) from trajectories").fetchone()[0],
                con.execute("select count(*) from uploads").fetchone()[0],
                [email for (email,) in con.execute("select email from users order by email").fetchall()])
    finally:
        con.close()


@pytest.fixture
def database(small_db_template, tmp_path) -> Path:
    """A copy of the small fixture database (its providers include ZORG-A) with the fixture providers loaded."""
    path = copy_db(small_db_template, tmp_path)
    code, out, err = finished(command("load", str(HERE / "aanbieders_utf8.csv"), db_file=path))
    assert code == 0, err
    return path


def test_load_and_users_add_succeed_beside_the_dashboard_with_a_session_open(database, browser, tmp_path):
    before_rows, before_uploads, before_accounts = counted(database)
    with dashboard_server(database) as url, opened(browser, url) as page:
        # the session's run has just used the file: the commands come while the dashboard may still hold it
        loading = command("load", str(trajectories_file(tmp_path / "t.csv", 0, 250)), db_file=database)
        adding = command("users", "add", "--email", "beheer@regio.nl", "--rol", "beheerder", db_file=database,
                         stdin=PASSWORD + "\n")
        load_code, load_out, load_err = finished(loading)
        add_code, add_out, add_err = finished(adding)
        page.reload()  # the dashboard opens the file again after the commands: its page still works
        page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0
    assert load_code == 0, load_err
    assert load_out.startswith("trajecten: 250 rijen opgeslagen")
    assert add_code == 0, add_err
    assert add_out == "account toegevoegd: beheer@regio.nl (beheerder)\n"
    for err in (load_err, add_err):
        assert "Traceback" not in err and "Exception" not in err
        assert set(err.splitlines()) <= {WAITING + " (het dashboard of een andere opdracht)…"}
    assert counted(database) == (before_rows + 250, before_uploads + 1, sorted([*before_accounts, "beheer@regio.nl"]))


def test_two_loads_started_together_both_land(database, tmp_path):
    before_rows, before_uploads, _ = counted(database)
    first = command("load", str(trajectories_file(tmp_path / "a.csv", 0, 3000)), db_file=database)
    second = command("load", str(trajectories_file(tmp_path / "b.csv", 10_000, 2000)), db_file=database)
    results = [finished(first), finished(second)]
    assert [code for code, _, _ in results] == [0, 0], results
    assert sorted(out.split(" opgeslagen")[0] for _, out, _ in results) == ["trajecten: 2.000 rijen",
                                                                           "trajecten: 3.000 rijen"]
    assert all("Traceback" not in err for _, _, err in results)
    assert counted(database)[:2] == (before_rows + 5000, before_uploads + 2)


def test_a_second_writer_says_it_waits_in_one_dutch_line_then_succeeds(database, tmp_path):
    held = duckdb.connect(str(database))  # as a dashboard in the middle of a write
    loading = subprocess.Popen([sys.executable, "-m", "data", "load", "--db", str(database),
                                str(trajectories_file(tmp_path / "t.csv", 0, 10))], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first_line = loading.stderr.readline()  # written when it finds the file in use; then it waits
    assert loading.poll() is None  # still waiting
    held.close()  # the other writer is done: its turn
    out, rest = loading.communicate(timeout=120)
    assert loading.returncode == 0, rest
    assert first_line + rest == WAITING + " (het dashboard of een andere opdracht)…\n"
    assert out.startswith("trajecten: 10 rijen opgeslagen")


def test_a_writer_that_waited_in_vain_refuses_in_dutch_and_stores_nothing(database, tmp_path):
    before = counted(database)
    held = duckdb.connect(str(database))  # a writer that takes longer than the wait
    code, out, err = finished(command("users", "add", "--email", "cm@regio.nl", "--rol", "beheerder",
                                      db_file=database, env={db.WAIT_ENV: "1"}, stdin=PASSWORD + "\n"))
    held.close()
    assert code == 1
    assert out == ""
    assert err.splitlines() == [WAITING + " (het dashboard of een andere opdracht)…",
                                f"{database}: de database is na 1 s wachten nog steeds in gebruik door een andere "
                                "schrijver; er is niets opgeslagen. Probeer het later opnieuw"]
    assert counted(database) == before


def opens_elsewhere(db_file: Path) -> bool:
    """Whether another process can open the file for writing now."""
    probe = f"import duckdb; duckdb.connect({str(db_file)!r}).close()"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def test_the_dashboards_hold_on_its_file_ends_when_idle_and_comes_back_when_used(database):
    holder = db.Holder(database, idle=4)  # longer than starting the probe's Python takes on a busy machine
    with holder.connection() as con:
        assert con.execute("select count(*) from providers").fetchone()[0] >= 3
    assert not opens_elsewhere(database)  # held: within the idle time
    time.sleep(6)
    assert not holder.is_open()
    assert opens_elsewhere(database)
    with holder.connection() as con:
        assert con.execute("select 1").fetchall() == [(1,)]
    assert holder.opened == 2
    holder.close()
