"""Benchmark: many readers beside one writer (issue 14, goal 4), in real browsers.

    python benchmarks/concurrency.py [--db PATH] [--rebuild] [--sessions 20] [--processes 3]
                                     [--rows 25000] [--regions 2] [--tail 15] [--think 3] [--nice 19]
                                     [--app-dir CHECKOUT]

What is measured is the system: the --processes `streamlit run dashboard.py` servers (read-only,
JEUGDMONITOR_READ_ONLY=1, on loopback ports) and the writer. The --sessions browser sessions are
the load: in reality they are 20 people's browsers on 20 machines, here they share this machine's
cores with the servers. So the sessions' Chromium runs at the lowest CPU priority (SCHED_IDLE, else
`nice -n --nice`; 0: normal), each session pauses --think seconds on average between visits
(randomised between half and one and a half times; 0: one visit after another, no pause, as
before), and the person with a stopwatch who watches for the new figures (one watcher per process)
has a browser of their own at normal priority, as has one more session that times the pages the
servers give. The servers still serve all sessions at once while the upload runs. On 2 cores the
sessions' browsers cannot draw pages as fast as 20 machines would: the benchmark prints the visits
per second it served beside what 20 people would ask.

Copies the national demo (built once with `python -m data demo --national`, ~20 s) to a temporary
folder and publishes it as a snapshot. The sessions (Playwright contexts of one headless Chromium)
are spread over the processes; each opens the Overzicht of one of --regions regions, for the last
month or the one before, again and again, and times each visit from navigation to Streamlit's idle
state. Each process first computes every such page once (warm-up, not timed). When every session
has made two visits, the writer loads a --rows-row trajecten file for the last month into the
busiest region with `python -m data load`, while the sessions go on. A watcher per process reopens
that region's Overzicht until its figures change. The sessions stop --tail seconds after the last
process showed the new figures. --app-dir runs the servers and the writer from another checkout
(e.g. main), to compare before and after with the same benchmark.

Prints the settings and the machine's load average, then: errors per session (timeouts, Python
exceptions on the page, browser page errors), p50 and p95 visit time (all, and while the load ran),
the load's duration, the time from the end of the load to each process showing the new figures
(goal < 5 s) and each process's peak RSS (goal < 1 GB). Every wait has a timeout, so the benchmark
always stops by itself. The figures depend on the machine's load: say so when quoting them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder would come first on the path and shadow the `levers` package.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from benchmarks import serving  # noqa: E402

DEFAULT_DB = Path(tempfile.gettempdir()) / "jeugdmonitor-bench" / "national.duckdb"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VISIT_TIMEOUT_MS = 120_000  # a cold Overzicht of a national region under twenty sessions
WARM_UP_TIMEOUT_S = 900
SHOW_TIMEOUT_S = 180  # from the start of the load to a process showing the new figures
GOAL_SHOW_S, GOAL_RSS_MB = 5.0, 1024
REGIONS = 2  # the uploaded region and one more: each (region, month) is one cold computation per process
THINK_S = 3.0  # a person reads the page for a few seconds before the next click
NICE = 19  # the sessions' browser: the lowest CPU priority (their machines are not this one)

# Counts finished script runs in the page, so a visit waits for its own run to end.
_COUNT_RUNS = """
window.__runs = 0;
new MutationObserver(changes => changes.forEach(change => {
  if (change.oldValue === 'running') window.__runs += 1;
})).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                       attributeFilter: ['data-test-script-state']});
"""
# Idle: a run has ended, nothing runs or is stale, the title is there and every chart has drawn.
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const busy = '[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]';
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && window.__runs > 0
    && !document.querySelector(busy) && !!document.querySelector('[data-testid="stMainBlockContainer"] h1')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'));
}"""
_FIGURES = """() => document.querySelector('[data-testid="stMainBlockContainer"]').innerText"""  # tiles, sentences
_EXCEPTIONS = """() => [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.innerText)"""

# The month file: trajectories of the region started in the last month, as new trajectories.
_MONTH_FILE = """
copy (
    with picked as (
        select t.*, row_number() over () as n
        from (select t.* from trajectories as t
              inner join municipality_regions as r using (municipality)
              cross join range(3)
              where r.region = $region) as t
        using sample reservoir({rows} rows) repeatable (2026)
    )
    select
        'BENCH-' || lpad(n::varchar, 6, '0') as traject_id,
        'BENCHCLIENT' || n as client_id,
        municipality as gemeente, provider as aanbieder, lot as perceel,
        product_category as productcategorie, referrer as verwijzer,
        strftime($month_start::date - 7, '%d-%m-%Y') as aanmelddatum,
        strftime($month_start::date + (n % 28)::integer, '%d-%m-%Y') as startdatum,
        null as einddatum, null as reden_einde, age_group as leeftijdsklasse
    from picked
) to '{path}' (header, delimiter ';')
"""


@dataclass
class Process:
    url: str
    popen: subprocess.Popen
    peak_rss_mb: float = 0.0
    shown_after_s: float | None = None  # from the end of the load
    watched: list[tuple[float, float, bool]] = field(default_factory=list)  # the watcher's (start, seconds, new?)


@dataclass
class Session:
    number: int
    process: Process
    region: str
    visits: list[tuple[float, float]] = field(default_factory=list)  # (started at, seconds)
    errors: list[str] = field(default_factory=list)


def _prepare(source: Path, rebuild: bool, folder: Path) -> Path:
    """A fresh copy of the national demo, opened read-write once (schema) and published."""
    if rebuild or not source.exists():
        source.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the national demo at {source} ...", flush=True)
        subprocess.run([sys.executable, "-m", "data", "demo", "--db", str(source), "--national"], cwd=ROOT,
                       check=True)
    from data.store import db, snapshots

    copy = folder / "monitor.duckdb"
    shutil.copyfile(source, copy)
    db.connect(copy).close()
    snapshots.publish_file(copy)
    return copy


def _choices(path: Path, count: int) -> tuple[list[str], str, str]:
    """The COUNT busiest regions, the last month and the one before (JJJJ-MM)."""
    from data.store import snapshots

    con = snapshots.Reader(path).connection()
    regions = [row[0] for row in con.execute(
        "select r.region from trajectories as t inner join municipality_regions as r using (municipality) "
        "where r.region is not null group by r.region order by count(*) desc limit $n", {"n": count}).fetchall()]
    last, before = con.execute("select strftime(max(start_date), '%Y-%m'), "
                               "strftime(max(start_date) - interval 1 month, '%Y-%m') from trajectories").fetchone()
    return regions, last, before


def _month_file(path: Path, region: str, month: str, rows: int, target: Path) -> None:
    from data.store import snapshots

    con = snapshots.Reader(path).connection()
    con.execute(_MONTH_FILE.format(rows=rows, path=str(target).replace("'", "''")),
                {"region": region, "month_start": f"{month}-01"})


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):  # the peak resident set size so far
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def _visit(page, url: str) -> float:
    """Seconds from navigating to `url` (a new session, as a link or a reload) to idle."""
    started = time.perf_counter()
    await page.goto(url, timeout=VISIT_TIMEOUT_MS)
    await page.wait_for_function(_IDLE, timeout=VISIT_TIMEOUT_MS, polling=100)
    return time.perf_counter() - started


async def _new_page(browser, errors: list[str]):
    context = await browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-NL")
    await context.add_init_script(_COUNT_RUNS)
    page = await context.new_page()
    page.on("pageerror", lambda error: errors.append(f"pageerror: {str(error)[:120]}"))
    return context, page


async def _think(seconds: float, stop: asyncio.Event, chance: random.Random) -> None:
    """Pause about `seconds` (half to one and a half times), or until the sessions stop."""
    if seconds > 0:
        try:
            await asyncio.wait_for(stop.wait(), timeout=chance.uniform(0.5, 1.5) * seconds)
        except asyncio.TimeoutError:
            pass


async def _session(browser, session: Session, months: tuple[str, str], stop: asyncio.Event, think: float) -> None:
    try:
        context, page = await _new_page(browser, session.errors)
    except Exception as failure:
        session.errors.append(f"no browser context: {type(failure).__name__}")
        return
    try:
        turn, chance = 0, random.Random(session.number)
        await _think(think, stop, chance)  # the sessions do not all start at the same moment
        while not stop.is_set():
            url = f"{session.process.url}/?{urlencode({'regio': session.region, 'periode': months[turn % 2]})}"
            turn += 1
            started = time.monotonic()
            try:
                seconds = await _visit(page, url)
            except Exception as failure:  # a timeout or a failed navigation: an error of this session
                session.errors.append(f"{type(failure).__name__}: {str(failure).splitlines()[0][:120]}")
                continue
            session.visits.append((started, seconds))
            for shown in await page.evaluate(_EXCEPTIONS):
                session.errors.append("exception on the page: " + " ".join(shown.split())[:160])
            await _think(think, stop, chance)
    finally:
        await context.close()


async def _watch(browser, process: Process, url: str, baseline: str, load_done: asyncio.Event,
                 load_end: list[float]) -> None:
    """Reopen the Overzicht until its figures differ from `baseline`; time it from the load's end."""
    errors: list[str] = []
    context, page = await _new_page(browser, errors)
    deadline = time.monotonic() + SHOW_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                seconds = await _visit(page, url)
                figures = await page.evaluate(_FIGURES)
            except Exception:
                continue
            if load_done.is_set():  # where the time after the load goes: each visit, and what it showed
                process.watched.append((started - load_end[0], seconds, figures != baseline))
            if figures != baseline and load_done.is_set():
                process.shown_after_s = max(0.0, time.monotonic() - load_end[0])
                return
            await asyncio.sleep(0.2)
    finally:
        await context.close()


async def _baseline(browser, url: str) -> str:
    """The page's text as it is now (several tries: a visit can time out on a busy machine)."""
    context, page = await _new_page(browser, [])
    try:
        for _attempt in range(3):
            try:
                await _visit(page, url)
                return await page.evaluate(_FIGURES)
            except Exception as failure:
                first_line = str(failure).splitlines()[0][:160] if str(failure) else ""
                print(f"  baseline of {url}: {type(failure).__name__} ({first_line}), again", flush=True)
        raise RuntimeError(f"no baseline for {url}")
    finally:
        await context.close()


async def _sample_rss(processes: list[Process], stop: asyncio.Event) -> None:
    while not stop.is_set():
        for process in processes:
            process.peak_rss_mb = max(process.peak_rss_mb, _rss_mb(process.popen.pid))
        await asyncio.sleep(0.5)


def _niced_chromium(folder: Path, nice: int) -> str:
    """Chromium at the lowest CPU priority: a wrapper script as the executable (0: as it is).

    Run as root, Chromium sets its renderers' nice value back to 0 itself, so the wrapper puts it in
    the SCHED_IDLE policy (children inherit it; nice values do not count there): it gets what the
    servers leave. Outside a cgroup the kernel's autogroups share the cores per session first, and
    Playwright starts the browser in a session of its own: the wrapper lowers its session's share too.
    `nice` is the niceness where SCHED_IDLE is not available."""
    if nice == 0:
        return CHROMIUM
    wrapper = folder / "chromium-niced"
    wrapper.write_text(f"#!/bin/sh\n(echo {nice} > /proc/self/autogroup) 2>/dev/null\n"
                       f'chrt --idle 0 true 2>/dev/null && exec chrt --idle 0 {CHROMIUM} "$@"\n'
                       f'exec nice -n {nice} {CHROMIUM} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return str(wrapper)


async def _run(args, path: Path, processes: list[Process], regions: list[str], months: tuple[str, str],
               month_file: Path) -> dict:
    from playwright.async_api import async_playwright

    sessions = [Session(i + 1, processes[i % len(processes)], regions[i % len(regions)]) for i in range(args.sessions)]
    stop, rss_stop, load_done = asyncio.Event(), asyncio.Event(), asyncio.Event()
    load_average = _load_average()
    async with async_playwright() as playwright:
        # The watchers (and the untimed warm-up) use a browser of their own at normal priority.
        watching = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser = await playwright.chromium.launch(
            executable_path=_niced_chromium(month_file.parent, args.nice), args=CHROMIUM_ARGS)
        rss = asyncio.create_task(_sample_rss(processes, rss_stop))
        print("warming up: every page once per process ...", flush=True)
        pages = [f"/?{urlencode({'regio': region, 'periode': month})}" for region in regions for month in months]
        for process in processes:
            await asyncio.gather(*(_baseline(watching, process.url + page) for page in pages))
        tasks = [asyncio.create_task(_session(browser, s, months, stop, args.think)) for s in sessions]
        # One more person, in the watchers' browser at normal priority: the page time the servers give.
        probe = Session(0, processes[0], regions[0])
        tasks.append(asyncio.create_task(_session(watching, probe, months, stop, args.think)))
        print(f"{args.sessions} sessions over {len(processes)} processes ...", flush=True)
        deadline = time.monotonic() + WARM_UP_TIMEOUT_S
        while not all(len(s.visits) >= 2 or len(s.errors) >= 3 for s in sessions) and time.monotonic() < deadline:
            await asyncio.sleep(10)
            print(f"  visits so far: {sum(len(s.visits) for s in sessions)}", flush=True)
        watched = f"/?{urlencode({'regio': regions[0], 'periode': months[0]})}"
        baselines = [await _baseline(watching, process.url + watched) for process in processes]
        print("  baselines taken", flush=True)
        load_end: list[float] = []
        watchers = [asyncio.create_task(_watch(watching, p, p.url + watched, b, load_done, load_end))
                    for p, b in zip(processes, baselines)]
        print("loading the month file ...", flush=True)
        load_start = time.monotonic()
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "data", "load", "--db", str(path), "--kind", "trajecten", str(month_file),
            cwd=args.app_dir, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await writer.communicate()
        load_end.append(time.monotonic())
        load_done.set()
        await asyncio.gather(*watchers)
        print("  every watcher is done", flush=True)
        await asyncio.sleep(args.tail)
        stop.set()
        stopped = time.monotonic()
        await asyncio.gather(*tasks)
        rss_stop.set()
        await rss
        await browser.close()
        await watching.close()
    return {"sessions": sessions, "probe": probe, "load_average": load_average, "stopped": stopped,
            "load": (load_start, load_end[0], writer.returncode, (out + err).decode()[-600:])}


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


def _load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def _report(args, result: dict, processes: list[Process]) -> None:
    sessions = result["sessions"]
    print(f"\nsettings: {args.sessions} sessions over {args.processes} processes, {args.regions} regions, "
          f"think {args.think:g} s (randomised x0.5-1.5), sessions' Chromium at SCHED_IDLE (nice {args.nice} "
          f"where not), watchers' at normal priority, upload {args.rows} rows; app {args.app_dir}; "
          f"{os.cpu_count()} cores; "
          "load average at the start "
          f"{result['load_average']}, at the end {_load_average()}")
    load_start, load_end, code, output = result["load"]
    print(f"\nload: exit {code} in {load_end - load_start:.1f} s: {output.strip().splitlines()[-1] if output else ''}")
    print("errors per session: " + ", ".join(f"{s.number}:{len(s.errors)}" for s in sessions))
    for session in sessions:
        for error in dict.fromkeys(session.errors):
            print(f"  session {session.number}: {error}")
    every = [seconds for s in sessions for _, seconds in s.visits]
    during = [seconds for s in sessions for started, seconds in s.visits if load_start <= started <= load_end]
    first = min((started for s in sessions for started, _ in s.visits), default=result["stopped"])
    asked = args.sessions / (args.think + 1.0) if args.think else float("nan")
    rate = len(every) / max(1e-9, result["stopped"] - first)
    print(f"served {rate:.2f} visits/s ({args.sessions} people with their own browsers, a 1 s page and this think "
          f"time would ask about {asked:.1f}/s: below that, the sessions' starved Chromium holds the load back, "
          "and their page times are mostly their own wait for CPU)")
    print(f"visits: {len(every)}; page time p50 {statistics.median(every):.2f} s, p95 {_p(every, 0.95):.2f} s; "
          f"while loading ({len(during)} visits): p95 {_p(during, 0.95):.2f} s")
    probe = [seconds for _, seconds in result["probe"].visits]
    print(f"one more session in a browser at normal priority (the page time the servers give): {len(probe)} visits, "
          f"p50 {statistics.median(probe) if probe else float('nan'):.2f} s, p95 {_p(probe, 0.95):.2f} s, "
          f"{len(result['probe'].errors)} errors")
    for number, process in enumerate(processes, 1):
        shown = "not within the timeout" if process.shown_after_s is None else (
            f"{process.shown_after_s:.1f} s after the load ended, "
            f"{process.shown_after_s + load_end - load_start:.1f} s after it started")
        print(f"process {number}: new figures shown {shown} "
              f"(goal < {GOAL_SHOW_S:.0f} s); peak RSS {process.peak_rss_mb:.0f} MB (goal < {GOAL_RSS_MB} MB)")
        print("  its watcher's visits after the load (start, in s from the load's end, + seconds; old/new figures): "
              + ", ".join(f"{start:+.1f}+{seconds:.1f} {'new' if new else 'old'}"
                          for start, seconds, new in process.watched))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"national demo (default {DEFAULT_DB})")
    parser.add_argument("--rebuild", action="store_true", help="build the national demo again")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--rows", type=int, default=25_000)
    parser.add_argument("--regions", type=int, default=REGIONS, help="how many regions the sessions look at")
    parser.add_argument("--tail", type=float, default=15.0, help="seconds the sessions go on after the last process")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout the servers and the writer run from")
    parser.add_argument("--think", type=float, default=THINK_S,
                        help=f"mean seconds a session pauses between visits (default {THINK_S:g}; 0: no pause)")
    parser.add_argument("--nice", type=int, default=NICE,
                        help=f"CPU niceness of the sessions' Chromium (default {NICE}; 0: normal priority)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="concurrency-bench-") as folder:
        path = _prepare(args.db.resolve(), args.rebuild, Path(folder))
        regions, last, before = _choices(path, args.regions)
        month_file = Path(folder) / "trajecten_maand.csv"
        _month_file(path, regions[0], last, args.rows, month_file)
        print(f"regions {', '.join(regions)}; months {last}, {before}; upload: {args.rows} trajectories "
              f"in {regions[0]}, {last}", flush=True)
        processes = [Process(*serving.start(path, app_dir=args.app_dir)) for _ in range(args.processes)]
        try:
            for process in processes:
                serving.wait_healthy(process.url, process.popen)
            result = asyncio.run(_run(args, path, processes, regions, (last, before), month_file))
        finally:
            for process in processes:
                serving.stop(process.popen)
        _report(args, result, processes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
