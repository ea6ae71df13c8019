"""One computation, one read of the small lookup tables (norms, region membership).

A lever call builds tens to hundreds of results (a 24-month series: hundreds), and each needs the
applicable norm and every family query the region's municipalities. Inside `computation()` such a
lookup is read once and reused; outside it every call reads afresh. Nothing outlives the block, so
an upload is seen by the next computation. One block serves one database.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_MEMO: ContextVar[dict | None] = ContextVar("levers_memo", default=None)


@contextmanager
def computation() -> Iterator[None]:
    """Remember lookups until the block ends; a nested block shares the outer one's memory."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(key: Hashable, load: Callable[[], T]) -> T:
    """`load()`, once per computation for the same key (every time outside a computation)."""
    memo = _MEMO.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]
