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
TABLE_KEY = "lever_table_{}".format  # the table's row selection, per lever
_ROW_PX, _BORDER_PX = 35, 3  # Streamlit's row height: the table is as tall as its rows, no inner scrolling
# Light tints of the Okabe–Ito status colours (wording.colours), dark text stays readable on paper too.
_TINTS = dict(zip(STATUS_GLYPHS.values(), ("#d5f0e6", "#fbeacc", "#f7d9c6", "#ececec")))


def table(rows: Sequence[SummaryRow], lever: str) -> None:
    """The rows as a sortable table; choosing a row sets the select box below (`choose`)."""
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    frame = pd.DataFrame({
        texts.COLUMN_INDICATOR: [row.name for row in rows],
        texts.VALUE: [row.value for row in rows],
        texts.COLUMN_PERIOD: [row.period for row in rows],
        texts.NORM: [row.norm for row in rows],
        texts.STATUS: [row.status for row in rows],
        texts.COLUMN_VARIATIE: [row.variatie for row in rows],
        texts.COLUMN_ZEKERHEID: [row.zekerheid for row in rows],
        texts.COLUMN_TREND: [list(row.sparkline) for row in rows],
    })
    styled = frame.style.map(lambda text: f"background-color: {_TINTS.get(text[:1], '')}", subset=[texts.STATUS])
    small = st.column_config.TextColumn(width="small")
    st.dataframe(
        styled, hide_index=True, width="stretch", height=_ROW_PX * (len(rows) + 1) + _BORDER_PX,
        key=TABLE_KEY(lever), on_select=partial(_from_table, lever, [row.code for row in rows]),
        selection_mode="single-row",
        column_config={
            texts.COLUMN_INDICATOR: st.column_config.TextColumn(width="large", pinned=True),
            texts.VALUE: small, texts.COLUMN_PERIOD: small, texts.NORM: small,
            texts.STATUS: st.column_config.TextColumn(width="medium", help=texts.SUMMARY_STATUS_HELP),
            texts.COLUMN_VARIATIE: st.column_config.TextColumn(width="medium", help=signal_words.VARIATIE_HELP),
            texts.COLUMN_ZEKERHEID: st.column_config.TextColumn(width="medium", help=signal_words.ZEKERHEID_HELP),
            texts.COLUMN_TREND: st.column_config.LineChartColumn(width="small", help=texts.SUMMARY_TREND_HELP),
        },
    )


def choose(rows: Sequence[SummaryRow], lever: str) -> str:
    """The select box of the indicator to show, seeded from the URL; returns its code and writes it back."""
    names = {row.code: row.name for row in rows}
    key = PICK_KEY(lever)
    wanted = st.query_params.get(PARAM)
    if st.session_state.get(key) not in names:  # a new visit: the link's choice, else the first row
        st.session_state[key] = wanted if wanted in names else rows[0].code
    code = st.selectbox(texts.SUMMARY_PICK, list(names), format_func=names.get, key=key)
    if st.query_params.get(PARAM) != code:
        st.query_params[PARAM] = code
    return code


def _from_table(lever: str, codes: list[str]) -> None:
    """A click on a row: the select box (and so the URL and the card) follow; a click that clears the
    selection leaves the card as it was."""
    chosen = st.session_state[TABLE_KEY(lever)].selection.rows
    if chosen:
        st.session_state[PICK_KEY(lever)] = codes[chosen[0]]
