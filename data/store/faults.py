"""Tests only: a named point where a writing process can be made to die or to find the disk full.

`JEUGDMONITOR_FAULT=kill:<stage>` SIGKILLs the process at `fault(<stage>)`; `enospc:<stage>` raises
the error of a full disk there. The stages: before-commit and after-commit (data.store.write_scope.transaction:
after-commit is the write-ahead log holding a commit the file does not have yet) and publishing (the
snapshot copy made, not yet named: data.store.snapshots). tests/test_data_faults.py kills and fills at each.
"""

from __future__ import annotations

import errno
import os
import signal

FAULT_ENV = "JEUGDMONITOR_FAULT"


def fault(stage: str) -> None:
    """Die (SIGKILL) or fail as a full disk at `stage` when $JEUGDMONITOR_FAULT names it; else nothing."""
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    action, _, where = wanted.partition(":")
    if where != stage:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
