"""The README answers what a new user asked (issue 11), and the commands it shows exist."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SETUP_COMMANDS = (  # the two set-up commands stay exactly as they are
    "pip install -r requirements.txt && streamlit run dashboard.py",
    "pip install -q -r requirements.txt && bash scripts/install-chromium.sh && python -m pytest -q",
)


def test_the_two_set_up_commands_are_unchanged():
    for command in SETUP_COMMANDS:
        assert f"```bash\n{command}\n```" in README


@pytest.mark.parametrize(("question", "answer"), [
    ("which Python", "Python 3.11"),
    ("a virtual environment", "python3.11 -m venv .venv"),
    ("the port", "http://localhost:8501"),
    ("Chromium needs root", "needs root or `sudo`"),
    ("the first visit builds the demo", "first visit builds the demo database"),
    ("how long that takes", "10–30 seconds"),
    ("how long the tests take", "minutes** on a two-core machine"),
    ("demo mode", "never held an account"),
    ("the first account", "python -m data users add --email beheer@regio.nl --rol beheerder"),
    ("loading from the command line", "python -m data load "),
    ("OIDC", "[auth]"),
    ("OIDC keeps a login across a reload", "keeps the login across\na reload"),
    ("read-only processes beside one writer", "JEUGDMONITOR_READ_ONLY=1 streamlit run dashboard.py"),
])
def test_the_readme_answers(question, answer):
    assert answer in README, question


def test_the_virtual_environment_the_readme_makes_is_not_committed():
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text(encoding="utf-8").split()
    assert ".venv/" in ignored


@pytest.mark.parametrize("subcommand", sorted(set(re.findall(r"python -m data (\w+)", README))))
def test_every_data_command_in_the_readme_exists(subcommand):
    shown = subprocess.run([sys.executable, "-m", "data", subcommand, "--help"], capture_output=True, text=True,
                           cwd=Path(__file__).resolve().parents[1])
    assert shown.returncode == 0, shown.stderr
