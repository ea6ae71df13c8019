"""Benchmark: what the writer dashboard pays for releasing its file when idle (data.store.db.Holder, issue 22).

    python benchmarks/writer_release.py DATABASE [--runs N]

One query (a sum over the costs) through a Holder, N times while the connection is held (used again
within the idle time) and N times after the idle time passed (the file was closed, so the use
reopens it: connect, the schema fingerprint, the published snapshot's generations). The difference
is the cost of letting `python -m data load` and `users add` write beside the dashboard.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.store import db  # noqa: E402

QUERY = "select count(*), sum(amount) from costs"
IDLE = 0.05


def _once(holder: db.Holder) -> float:
    started = time.perf_counter()
    with holder.connection() as con:
        con.execute(QUERY).fetchall()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    holder = db.Holder(args.database, idle=IDLE)
    _once(holder)
    held = [_once(holder) for _ in range(args.runs)]
    reopened = []
    for _ in range(args.runs):
        time.sleep(IDLE * 3)  # past the idle time: the holder closed the file
        reopened.append(_once(holder))
    time.sleep(IDLE * 3)  # closed before the interpreter exits
    print(f"{args.database}: opened {holder.opened} times; held: median {statistics.median(held) * 1000:.1f} ms; "
          f"reopened: median {statistics.median(reopened) * 1000:.1f} ms, max {max(reopened) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
