"""The summary table that opens a lever page (issue 26) and the choice of the one indicator shown below it.

One row per indicator, the rows needing attention first (wording.summary); a click on a row or the
select box under the table chooses the indicator whose card is drawn, and the URL keeps the choice
(`?indicator=wachttijd_mediaan`) so a link, e.g. from the Overzicht's signals, reopens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from wording import signals as signal_words
from wording import texts
from wording.summary import STATUS_GLYPHS, SummaryRow

PARAM = "indicator"  # the chosen indicator's code in the URL
PICK_KEY = "lever_pick_{}".format  # the select box, per lever
TABLE_KEY = "lever_table_{}".format  # the table's selected cell, per lever
# Rows tall enough for three lines: Streamlit wraps a cell's text only above 4rem. The table is as tall
# as its rows (no inner scrolling) and as wide as its columns, which together fit a portrait A4 page (a
# printed canvas keeps its screen width). A click selects a cell (no checkbox column); its row is the choice.
ROW_PX, HEADER_PX, _BORDER_PX = 66, 35, 3  # public: benchmarks/browser.py clicks a row
# Name and status first: at 390 px they are what shows before scrolling sideways.
_WIDTHS = {texts.COLUMN_INDICATOR: 190, texts.STATUS: 104, texts.VALUE: 80, texts.NORM: 66,
           texts.COLUMN_VARIATIE: 100, texts.COLUMN_ZEKERHEID: 96, texts.COLUMN_TREND: 56}
# Light tints of the Okabe–Ito status colours (wording.colours), dark text stays readable on paper too.
_TINTS = dict(zip(STATUS_GLYPHS.values(), ("#d5f0e6", "#fbeacc", "#f7d9c6", "#ececec")))


def table(rows: Sequence[SummaryRow], lever: str) -> None:
    """The rows as a sortable table; a click on a row sets the select box below (`choose`)."""
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    frame = pd.DataFrame({
        texts.COLUMN_INDICATOR: [row.name for row in rows],
        texts.STATUS: [row.status for row in rows],
        texts.VALUE: [row.value for row in rows],
        texts.NORM: [row.norm for row in rows],
        texts.COLUMN_VARIATIE: [row.variatie for row in rows],
        texts.COLUMN_ZEKERHEID: [row.zekerheid for row in rows],
        texts.COLUMN_TREND: [list(row.sparkline) for row in rows],
    })
    styled = frame.style.map(lambda text: f"background-color: {_TINTS.get(text[:1], '')}", subset=[texts.STATUS])
    text = {name: st.column_config.TextColumn(width=width) for name, width in _WIDTHS.items()}
    st.dataframe(
        styled, hide_index=True, width=sum(_WIDTHS.values()) + _BORDER_PX, row_height=ROW_PX,
        height=ROW_PX * len(rows) + HEADER_PX + _BORDER_PX,
        key=TABLE_KEY(lever), on_select=partial(_from_table, lever, [row.code for row in rows]),
        selection_mode="single-cell",
        column_config={
            **text,  # not pinned: Streamlit draws a pinned column's text faded
            texts.STATUS: st.column_config.TextColumn(width=_WIDTHS[texts.STATUS], help=texts.SUMMARY_STATUS_HELP),
            texts.COLUMN_VARIATIE: st.column_config.TextColumn(width=_WIDTHS[texts.COLUMN_VARIATIE],
                                                               help=signal_words.VARIATIE_HELP),
            texts.COLUMN_ZEKERHEID: st.column_config.TextColumn(width=_WIDTHS[texts.COLUMN_ZEKERHEID],
                                                                help=signal_words.ZEKERHEID_HELP),
            texts.COLUMN_TREND: st.column_config.LineChartColumn(width=_WIDTHS[texts.COLUMN_TREND],
                                                                 help=texts.SUMMARY_TREND_HELP),
        },
    )


def chosen(rows: Sequence[SummaryRow], lever: str) -> str:
    """The indicator to show: the select box's, seeded on a new visit from the URL, else the first row."""
    key = PICK_KEY(lever)
    codes = [row.code for row in rows]
    if st.session_state.get(key) not in codes:
        wanted = st.query_params.get(PARAM)
        st.session_state[key] = wanted if wanted in codes else codes[0]
    return st.session_state[key]


def choose(rows: Sequence[SummaryRow], lever: str) -> str:
    """The select box of the indicator to show (after `chosen`); writes the choice into the URL."""
    names = {row.code: row.name for row in rows}
    code = st.selectbox(texts.SUMMARY_PICK, list(names), format_func=names.get, key=PICK_KEY(lever))
    if st.query_params.get(PARAM) != code:
        st.query_params[PARAM] = code
    return code


def _from_table(lever: str, codes: list[str]) -> None:
    """A click on a cell: its row's indicator goes into the select box (and so the URL and the card);
    a click that clears the selection leaves the card as it was."""
    cells = st.session_state[TABLE_KEY(lever)].selection.cells
    if cells:
        st.session_state[PICK_KEY(lever)] = codes[cells[0][0]]
