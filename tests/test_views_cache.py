"""The dashboard keeps a figure once per name, version and (narrowed) arguments (views.cache._kept)."""

import streamlit as st

from levers.scope import Period, Scope
from views import cache

VERSION = ("/data/monitor.duckdb", ("trajecten", 3))


def _counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_the_same_figure_asked_again_with_equal_arguments_is_computed_once():
    st.cache_data.clear()
    calls, compute = _counting()
    first = cache._kept("indicators", VERSION, (Scope("IJmond"), Period.parse("2026-10")), compute)
    again = cache._kept("indicators", VERSION, (Scope(("IJmond",)), Period.parse("2026-10")), compute)
    assert (first, again, len(calls)) == (1, 1, 1)


def test_another_period_scope_name_or_version_is_computed_anew():
    st.cache_data.clear()
    calls, compute = _counting()
    asked = [("indicators", VERSION, (Scope("IJmond"), Period.parse("2026-10"))),
             ("indicators", VERSION, (Scope("IJmond"), Period.parse("2026-09"))),
             ("indicators", VERSION, (Scope("IJmond", lot="complex"), Period.parse("2026-10"))),
             ("series", VERSION, (Scope("IJmond"), Period.parse("2026-10"))),
             ("indicators", ("/data/monitor.duckdb", ("trajecten", 4)), (Scope("IJmond"), Period.parse("2026-10")))]
    for name, version, args in asked:
        cache._kept(name, version, args, compute)
    assert len(calls) == 5
