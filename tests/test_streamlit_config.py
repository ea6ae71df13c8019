"""The dashboard's Streamlit settings that page speed rests on (issue 26)."""

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


def test_the_dashboard_watches_no_source_files():
    # Every new session (each page a link opens) would otherwise walk all imported modules on the
    # server's event loop after its first run, holding back that page's last messages.
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert settings["server"]["fileWatcherType"] == "none"

