"""The suite's grouping holds (tests/conftest.py, pytest.ini): on pytest-xdist workers each test carries
its group, so a module's tests, and those sharing a costly session fixture, run in one process.

With pytest 9 and pytest-xdist 3.8 the group silently went missing and every test was scheduled on
its own: demo databases, Chromium and the dashboard server were built on both workers.
"""

import os

import pytest


@pytest.mark.skipif("PYTEST_XDIST_WORKER" not in os.environ, reason="only a pytest-xdist worker groups tests")
def test_a_test_on_a_worker_carries_its_modules_group(request):
    assert request.node.nodeid.endswith("@tests/test_suite_groups.py")

