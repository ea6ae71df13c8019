"""A realistic, seeded demo database (design.md, "Demo data").

`build_demo` fills an empty database: the four regions of the reference list (or, with
national=True, all 342 municipalities), about forty fictional providers, trajectories from 2023
through the last full month, spending, budgets, outcomes, dialogue sessions, norms and synthetic
national figures (CBS-like, marked fictief), with the situations the levers exist to catch. Everything random comes from one numpy Generator seeded with
SEED (plus seeded hashes in SQL), so the same seed gives the same content.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np

from data.store import db, forecast_basis, snapshots
from data.demo.money import arrive_late, insert_budgets, insert_costs
from data.demo.changes import insert_process_changes
from data.demo.contracts import insert_contracts
from data.demo.national import insert_national
from data.demo.reports import insert_dialogues, insert_norms, insert_outcomes
from data.demo.sqlfiles import insert_frame, run_sql_file
from data.demo.trajectories import generate
from data.demo.world import build_world, provider_frame

Progress = Callable[[float, str], None]

# upload kind -> table it fills, in the order they are built
KIND_TABLES = (
    ("gemeenten", "populations"), ("aanbieders", "providers"), ("trajecten", "trajectories"), ("kosten", "costs"),
    ("budget", "budgets"), ("uitkomsten", "outcomes"), ("dialoog", "dialogues"), ("normen", "norms"),
    ("landelijk", "national_figures"), ("procesbreuken", "process_changes"), ("contracten", "contracts"),
)


def last_full_month_end(today: date) -> date:
    """The last day of the month before TODAY's month: where the demo's data end."""
    return today.replace(day=1) - timedelta(days=1)


def build_demo(con: duckdb.DuckDBPyConnection, *, national: bool = False, seed: int = 2026,
               today: date | None = None, scale: float = 1.0, progress: Progress | None = None,
               stationary: bool = False) -> None:
    """Fill an empty, schema'd database with demo data in one transaction.

    scale multiplies the youth populations (and so every volume); tests use a small scale. stationary
    leaves out the changes the demo injects over time (world.build_world), for benchmarks.
    """
    report = progress or (lambda fraction, message: None)
    end = last_full_month_end(today or date.today())
    if end < date(2023, 3, 31):
        raise ValueError("de demodata beginnen in januari 2023; kies een latere datum")
    if con.execute("select count(*) from trajectories").fetchall()[0][0]:
        raise ValueError("de database bevat al trajecten; de demo vult alleen een lege database")
    rng = np.random.default_rng(seed)
    con.execute("begin transaction")
    try:
        uploads = _upload_records(con, seed=seed, national=national, scale=scale, end=end)
        report(0.05, "Gemeenten en aanbieders aanmaken")
        world = build_world(con, rng, national=national, scale=scale, years=range(2023, end.year + 1),
                            stationary=stationary)
        insert_frame(con, "populations", world.populations.assign(upload_id=uploads["gemeenten"]))
        providers = provider_frame(world.providers, end, rng)
        insert_frame(con, "providers", providers.assign(upload_id=uploads["aanbieders"]))
        report(0.1, "Trajecten genereren")
        con.register("demo_arrow", generate(world, rng, end))
        con.execute("create or replace temp table demo_staged as select * from demo_arrow")
        con.unregister("demo_arrow")
        report(0.35, "Trajecten opslaan")
        run_sql_file(con, "demo_trajectories.sql", {"upload_id": uploads["trajecten"]})
        report(0.55, "Kosten per maand berekenen")
        insert_costs(con, end=end, seed=seed, upload_id=uploads["kosten"])
        report(0.8, "Budgetten, uitkomsten, dialogen en normen")
        insert_budgets(con, world, rng, end=end, upload_id=uploads["budget"])
        insert_outcomes(con, world, rng, end=end, upload_id=uploads["uitkomsten"])
        insert_dialogues(con, world, rng, end=end, upload_id=uploads["dialoog"])
        insert_norms(con, end=end, upload_id=uploads["normen"])
        insert_national(con, end=end, upload_id=uploads["landelijk"])
        insert_process_changes(con, end=end, upload_id=uploads["procesbreuken"])
        insert_contracts(con, end=end, upload_id=uploads["contracten"])
        report(0.9, "Late declaraties en de prognosebasis")
        arrive_late(con, end=end, seed=seed, upload_id=uploads["kosten"])
        forecast_basis.refresh(con)
        con.execute("drop table demo_staged")
        _finish_records(con, uploads, seed=seed, national=national, end=end)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    report(1.0, "Demodatabase klaar")


def build_demo_file(path: str | os.PathLike, *, national: bool = False, seed: int = 2026,
                    progress: Progress | None = None, today: date | None = None, scale: float = 1.0,
                    stationary: bool = False) -> None:
    """Build the demo into a temporary file next to PATH, then rename it into place.

    A reader never finds a half-built database at PATH, and a failed build leaves PATH as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.bouw")
    _remove(temporary)
    try:
        con = db.connect(temporary)
        try:
            build_demo(con, national=national, seed=seed, today=today, scale=scale, progress=progress,
                       stationary=stationary)
            db.continue_generations(con, db.file_generations(target))  # caches keyed on them stay right
            con.execute("checkpoint")
        finally:
            con.close()
        target.with_name(target.name + ".wal").unlink(missing_ok=True)  # a stale log must not replay onto it
        os.replace(temporary, target)
        snapshots.publish_file(target)  # read-only dashboard processes read the new demo at their next run
    finally:
        _remove(temporary)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _upload_records(con, *, seed: int, national: bool, scale: float, end: date) -> dict[str, int]:
    """One upload record per kind (uploader 'demo'); row counts are filled in at the end."""
    ids = {}
    for kind, _table in KIND_TABLES:
        fingerprint = f"demo|{kind}|{seed}|{national}|{scale}|{end.isoformat()}".encode()
        ids[kind] = con.execute(
            "insert into uploads (kind, file_name, sha256, row_count, uploader, scope_replaced) "
            "values ($kind, $file, $sha, 0, 'demo', $scope) returning upload_id",
            {"kind": kind, "file": f"demo-{kind}.csv", "sha": hashlib.sha256(fingerprint).hexdigest(),
             "scope": f"demodata: alle {kind} t/m {end:%d-%m-%Y}"},
        ).fetchall()[0][0]
    return ids


def _finish_records(con, uploads: dict[str, int], *, seed: int, national: bool, end: date) -> None:
    for kind, table in KIND_TABLES:  # table names come from the fixed list above
        con.execute(f"update uploads set row_count = (select count(*) from {table}) where upload_id = $id",
                    {"id": uploads[kind]})
    regions = con.execute("select count(distinct region) from municipality_regions "
                          "where municipality in (select municipality from populations)").fetchall()[0][0]
    variant = "landelijk" if national else "regionaal"
    con.execute(
        "insert into audit_log (actor, action, details) values ('demo', 'demo', $details)",
        {"details": f"Demodatabase gebouwd ({variant}, {regions} regio's, seed {seed}, data t/m {end:%d-%m-%Y})"},
    )
