"""Serving the dashboard for browser measurements: `streamlit run dashboard.py` on a free loopback port.

One helper for the benchmarks (and browser tests) that start dashboard processes, so that the
command line, the health check and the clean stop are written once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(db_path: Path, *, read_only: bool = True, app_dir: Path = ROOT,
          port: int | None = None) -> tuple[str, subprocess.Popen]:
    """A dashboard process on 127.0.0.1 (PORT, or a free one) over DB_PATH; (its URL, the process)."""
    port = port or free_port()
    env = {**os.environ, "JEUGDMONITOR_DB": str(db_path), "JEUGDMONITOR_READ_ONLY": "1" if read_only else "0"}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=app_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f"http://127.0.0.1:{port}", process


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float = START_TIMEOUT_S) -> None:
    """Until Streamlit answers its health check; an error when the process stops or time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit on {url} stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit on {url} did not start in {timeout_s:.0f} s") from None
            time.sleep(0.1)  # polled often: benchmarks/coldstart.py times how soon a server answers


def stop(process: subprocess.Popen) -> None:
    """Terminate, and kill what does not stop within 15 seconds."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
