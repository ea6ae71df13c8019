"""Figures shared by the read-only processes of one machine: one computes a new key, the others read it."""

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from figures import shared_results


def _never():
    raise AssertionError("computed again although it was stored")


def test_a_stored_result_is_read_by_another_process_without_computing(tmp_path):
    folder = tmp_path / "m.duckdb.results" / "v1"
    assert shared_results.computed_once(folder, "indicators IJmond 2026-10", lambda: (600, "Velsen")) == (600, "Velsen")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from figures import shared_results
        def never():
            raise SystemExit(3)
        print(shared_results.computed_once(Path({str(folder)!r}), "indicators IJmond 2026-10", never))
    """)
    other = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1], capture_output=True,
                           text=True, timeout=120)
    assert (other.returncode, other.stdout.strip()) == (0, "(600, 'Velsen')")


def test_sessions_that_miss_the_same_key_at_once_compute_it_once_and_all_get_it(tmp_path):
    calls, answers = [], []

    def slow():
        calls.append(1)
        time.sleep(0.3)  # long enough for the other threads to find the key missing and wait
        return 1234

    threads = [threading.Thread(target=lambda: answers.append(
        shared_results.computed_once(tmp_path, "k", slow))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(calls), answers) == (1, [1234] * 4)


def test_a_failed_computation_stores_nothing_and_the_next_one_computes(tmp_path):
    with pytest.raises(ZeroDivisionError):
        shared_results.computed_once(tmp_path, "k", lambda: 1 / 0)
    assert shared_results.computed_once(tmp_path, "k", lambda: 7) == 7
    assert shared_results.computed_once(tmp_path, "k", _never) == 7


def test_a_new_version_or_other_arguments_compute_afresh_and_a_process_that_does_not_share_writes_nothing(tmp_path):
    main, calls, sharing = tmp_path / "m.duckdb", [], [True]

    @shared_results.across_processes(lambda: sharing[0])
    def youths(version, region):
        calls.append((version[1], region))
        return 100 * version[1]

    assert youths((str(main), 1), "IJmond") == 100
    assert youths((str(main), 1), "IJmond") == 100
    assert youths((str(main), 2), "IJmond") == 200  # a write bumped the generation
    assert youths((str(main), 2), "Zaanstreek") == 200
    assert calls == [(1, "IJmond"), (2, "IJmond"), (2, "Zaanstreek")]
    shared_results.clear(main)
    assert not shared_results.folder_of(main).exists()
    sharing[0] = False
    assert youths((str(main), 2), "IJmond") == 200
    assert calls[-1] == (2, "IJmond") and not shared_results.folder_of(main).exists()


def test_an_unwritable_results_folder_means_computing_here(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    assert shared_results.computed_once(blocked / "v1", "k", lambda: 5) == 5


@pytest.mark.parametrize(("value", "expected"), [(None, True), ("1", True), ("0", False)])
def test_sharing_is_on_unless_the_environment_turns_it_off(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(shared_results.ENV, raising=False)
    else:
        monkeypatch.setenv(shared_results.ENV, value)
    assert shared_results.enabled() is expected
