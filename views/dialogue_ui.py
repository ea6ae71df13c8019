"""Recording the dialogue in the app (issue 6); the documents for it are views.documents_ui.

Widgets only. Rows are built and stored by data.ingest.dialogue_entry through the `dialoog` load path (same
contract, replace key, upload record and audit entry as an uploaded file). Only `contractmanager` and
`beheerder` (auth.pages.may_enter_dialogue) in a region they may see, on a writable database, get the
forms; everyone else reads the log and nothing more.
After a store the page reruns, so every figure on it (cached per rights) is computed afresh.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING
from datetime import date, datetime

import streamlit as st

from auth.pages import may_enter_dialogue
from auth.rights import Rights
from data.ingest.dialogue_entry import OPEN, Action, ActionRef, mark_action_done, record_agenda_items, record_session
from levers.agenda import AgendaItem, theme_names
from levers.dialogue_log import DialogueLog
from levers.scope import Period, Scope
from views import cache, db, filters
from views.plain import plain
from views.documents_ui import documents
from views.exports_ui import download_buttons, file_stem
from wording import agenda as agenda_words
from wording import fmt, texts

if TYPE_CHECKING:
    import pandas as pd

_FLASH = "dialogue_flash"  # the outcome of the last store, shown once after the rerun


def may_record(rights: Rights, region: str) -> bool:
    """Whether this user may write dialogue rows for `region` here."""
    writable = os.environ.get(db.READ_ONLY_ENV) != "1"
    return writable and may_enter_dialogue(rights.role) and rights.may_see_region(region)


def uploader(rights: Rights) -> str:
    return rights.email or "demo"


def read_log(rights: Rights, scope: Scope, period: Period) -> DialogueLog | None:
    """The dialogue log of the scope as the user may list it (an aanbieder: its own and region-wide rows)."""
    return cache.figures(rights).dialogue_log(scope, period)


@st.cache_data(show_spinner=False)
def _themes(db_file: str) -> dict[int, str]:
    with db.reading() as con:
        return theme_names(con)


def flash() -> None:
    """Show what the last store did, once."""
    outcome = st.session_state.pop(_FLASH, None)
    if outcome:
        getattr(st, outcome[0])(outcome[1])


def _store(write: Callable) -> None:
    """Run `write(cursor)` under the write lock; rerun on success, list the contract's errors otherwise."""
    try:
        with db.writing() as con:
            result = write(con)
    except LookupError as gone:  # an action someone else closed meanwhile
        st.warning(str(gone))
        return
    reports = result if isinstance(result, list) else [result]
    refused = [error for report in reports for error in report.errors]
    if not refused:
        stored = [report.summary for report in reports if report.stored]
        st.session_state[_FLASH] = (("success", texts.DIALOGUE_SAVED.format(summary=plain(" ".join(stored)))) if stored
                                    else ("info", texts.DIALOGUE_UNCHANGED))
        st.rerun()
    problems = dict.fromkeys((error.column, error.message) for error in refused)  # one line per rule, not per row
    lines = [f"- {texts.DIALOGUE_ERROR.format(column=plain(column), message=plain(message))}"
             for column, message in problems]
    st.error("\n".join([texts.DIALOGUE_REFUSED, *lines]))


def _empty_actions() -> pd.DataFrame:
    """The empty table of actions the session form starts with."""
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    return pd.DataFrame({name: pd.Series(dtype="object") for name in texts.DIALOGUE_ACTION_COLUMNS})


def _cell(value) -> str:
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def _day(value) -> date | None:
    """A date from the editor: a date, a timestamp or an ISO text (the browser sends text); else None."""
    if isinstance(value, str):
        return date.fromisoformat(value.strip()[:10]) if value.strip() else None
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    if value is None or pd.isna(value):  # None, NaN and NaT
        return None
    return value.date() if isinstance(value, datetime) else value  # a pandas Timestamp is a datetime


def actions_from(frame: pd.DataFrame) -> list[Action]:
    """The editor's rows as actions; a row without an action text is left out."""
    return [
        Action(_cell(row.get("action")), _cell(row.get("owner")), _day(row.get("deadline")),
               _cell(row.get("status")) or OPEN)
        for row in frame.to_dict("records") if _cell(row.get("action"))
    ]


def untitled_actions(frame: pd.DataFrame) -> bool:
    """Whether a row of the editor has an owner or deadline but no action text (it would be lost)."""
    return any(not _cell(row.get("action")) and (_cell(row.get("owner")) or _day(row.get("deadline")))
               for row in frame.to_dict("records"))


def session_form(rights: Rights, region: str, providers: Mapping[str, str], *, default_provider: str | None,
                 key: str, expanded: bool = False) -> None:
    """The form for one session: with whom, when, themes, subject, signals and the agreed actions."""
    flash()
    if not may_enter_dialogue(rights.role) or not rights.may_see_region(region):
        return
    with st.expander(texts.DIALOGUE_RECORD, icon=":material/edit_note:", expanded=expanded):
        if not may_record(rights, region):
            st.info(texts.DIALOGUE_READ_ONLY)
            return
        st.caption(texts.DIALOGUE_RECORD_HELP)
        themes = _themes(db.db_file())
        choices = ["", *providers]
        _follow_page_provider(f"{key}_who", choices, default_provider or "")
        with st.form(f"{key}_session"):
            who = st.selectbox(texts.DIALOGUE_WITH, choices,
                               format_func=lambda code: providers.get(code, texts.DIALOGUE_REGION_WIDE),
                               key=f"{key}_who")
            day = st.date_input(texts.DIALOGUE_DATE, value=date.today(), format="DD-MM-YYYY", key=f"{key}_day")
            st.caption(texts.DIALOGUE_WHERE_SHOWN.format(running=filters.period_choice(filters.running_month().label)))
            chosen = st.multiselect(texts.DIALOGUE_THEMES, list(themes), format_func=lambda t: f"{t}. {themes[t]}",
                                    placeholder=texts.DIALOGUE_THEMES_PLACEHOLDER, key=f"{key}_themes",
                                    select_all=False)  # Streamlit's "Select all" is English
            subject = st.text_input(texts.DIALOGUE_SUBJECT, max_chars=200, key=f"{key}_subject")
            signal = st.text_area(texts.DIALOGUE_SIGNAL, max_chars=1000, help=texts.DIALOGUE_SIGNAL_HELP,
                                  key=f"{key}_signal")
            st.markdown(f"**{texts.DIALOGUE_ACTIONS}**")
            st.caption(texts.DIALOGUE_ACTIONS_HELP)
            actions = st.data_editor(_empty_actions(), num_rows="dynamic", hide_index=True, width="stretch",
                                     placeholder=texts.EMPTY_CELL,  # an empty cell shows a dash, not "None"
                                     column_config=_action_columns(), key=f"{key}_actions")
            submitted = st.form_submit_button(texts.DIALOGUE_SAVE, type="primary")
    if not submitted:
        return
    if not chosen or not subject.strip():
        st.warning(texts.DIALOGUE_NEEDS)
        return
    if untitled_actions(actions):
        st.error(texts.DIALOGUE_ACTION_NEEDS_TEXT)
        return
    _store(lambda con: record_session(
        con, day=day, region=region, provider=who or None, themes=chosen, subject=subject.strip(),
        signal=signal.strip() or None, actions=actions_from(actions), uploader=uploader(rights)))


def _follow_page_provider(widget: str, choices: list[str], default: str) -> None:
    """Point "Met wie" at the page's provider whenever that changes (or the kept choice is no option).

    A keyed selectbox keeps its value across reruns; without this, switching provider on the page
    left the previous provider chosen and a conversation was recorded against the wrong one.
    """
    followed = f"{widget}_follows"
    if st.session_state.get(followed) != default or st.session_state.get(widget) not in choices:
        st.session_state[widget] = default
        st.session_state[followed] = default


def _action_columns() -> dict:
    labels = texts.DIALOGUE_ACTION_COLUMNS
    return {
        # not `required`: the browser would keep a row with an empty required cell to itself and the
        # session would be stored without that action (issue 22); the check refuses it on the form instead
        "action": st.column_config.TextColumn(labels["action"], max_chars=500, width="large"),
        "owner": st.column_config.SelectboxColumn(labels["owner"], options=texts.DIALOGUE_OWNERS),
        "deadline": st.column_config.DateColumn(labels["deadline"], format="DD-MM-YYYY"),
        "status": st.column_config.SelectboxColumn(labels["status"], options=texts.DIALOGUE_STATUSES, default=OPEN,
                                                   required=True),
    }


def action_refs(region: str, open_actions: pd.DataFrame) -> dict[str, ActionRef]:
    """Label → action, one per action of a session (its copies under other themes are the same action)."""
    refs = {}
    for row in open_actions.to_dict("records"):
        provider = _cell(row["provider"]) or None
        label = texts.DIALOGUE_DONE_ITEM.format(
            day=fmt.day(_day(row["session_date"])), who=_cell(row["provider_name"]) or texts.PARTNER_REGION_WIDE,
            subject=row["subject"], action=row["action"])
        refs[label] = ActionRef(_day(row["session_date"]), region, provider, row["subject"], row["action"])
    return refs


def mark_done(rights: Rights, region: str, open_actions: pd.DataFrame, *, key: str) -> None:
    """Pick open actions and mark them done (each through the load path)."""
    flash()
    if not may_record(rights, region) or open_actions.empty:
        return
    refs = action_refs(region, open_actions)
    with st.form(f"{key}_done"):
        picked = st.multiselect(texts.DIALOGUE_DONE_PICK, list(refs), placeholder=texts.DIALOGUE_DONE_PLACEHOLDER,
                                key=f"{key}_done_pick", select_all=False)
        submitted = st.form_submit_button(texts.DIALOGUE_DONE_BUTTON, icon=":material/task_alt:")
    if submitted and picked:
        _store(lambda con: [mark_action_done(con, refs[label], uploader=uploader(rights)) for label in picked])


def agenda_to_rows(rights: Rights, region: str, provider: str | None, items: Sequence[AgendaItem], *,
                   key: str, expanded: bool = False) -> None:
    """After the conversation: the discussed agenda items become dialogue rows with one action each."""
    if not items or not may_record(rights, region):
        return
    names = {item.code: item.name for item in items}
    with st.expander(texts.AGENDA_TO_ROWS, icon=":material/playlist_add_check:", expanded=expanded):
        st.caption(texts.AGENDA_TO_ROWS_HELP)
        with st.form(f"{key}_agenda_rows"):
            picked = st.multiselect(texts.AGENDA_TO_ROWS_PICK, list(names), format_func=names.get,
                                    placeholder=texts.AGENDA_TO_ROWS_PLACEHOLDER, key=f"{key}_agenda_pick",
                                    select_all=False)
            day = st.date_input(texts.DIALOGUE_DATE, value=date.today(), format="DD-MM-YYYY", key=f"{key}_agenda_day")
            owner = st.selectbox(texts.AGENDA_TO_ROWS_OWNER, texts.DIALOGUE_OWNERS, key=f"{key}_agenda_owner")
            deadline = st.date_input(texts.AGENDA_TO_ROWS_DEADLINE, value=None, format="DD-MM-YYYY",
                                     key=f"{key}_agenda_deadline")
            submitted = st.form_submit_button(texts.AGENDA_TO_ROWS_SAVE)
    if not submitted:
        return
    if not picked:
        st.warning(texts.AGENDA_TO_ROWS_NEEDS)
        return
    discussed = [item for item in items if item.code in picked]
    signals = {item.code: agenda_words.why(item) for item in discussed}
    _store(lambda con: record_agenda_items(con, discussed, day=day, region=region, provider=provider, owner=owner,
                                           signals=signals, deadline=deadline, uploader=uploader(rights)))


# --- the Interactie page's section ---------------------------------------------------------------------------

def interaction_section(rights: Rights, scope: Scope, period: Period) -> None:
    """The dialogue of the sidebar's scope, one part at a time (none until chosen, so the page stays light)."""
    st.header(texts.DIALOGUE_SECTION, anchor="dialoog")
    flash()
    writes = may_enter_dialogue(rights.role) and rights.may_see_region(scope.region)  # else no empty form panel
    parts = [part for part in texts.DIALOGUE_PARTS if writes or part != "record"]
    part = st.segmented_control(texts.DIALOGUE_PARTS_LABEL, parts,
                                format_func=texts.DIALOGUE_PARTS.get, key="interaction_dialogue",
                                label_visibility="collapsed")
    if part is None:
        st.caption(texts.DIALOGUE_PARTS_HINT)
        return
    log = read_log(rights, scope, period)
    if log is None:
        return
    stem = file_stem("dialoog", scope.region, *scope.providers, period.label)
    if part == "actions":
        _table(log.open_actions, texts.DIALOGUE_OPEN_NONE, f"{stem}_acties", actions=True)
        mark_done(rights, scope.region, log.open_actions, key="interaction")
    elif part == "sessions":
        _table(log.sessions, texts.PARTNER_SESSIONS_NONE, f"{stem}_gesprekken")
    elif part == "record":
        providers = dict(cache.providers(rights, scope.region))
        session_form(rights, scope.region, providers, default_provider=scope.single_provider, key="interaction",
                     expanded=True)
        agenda_to_rows(rights, scope.region, scope.single_provider, cache.agenda(rights, scope, period),
                       key="interaction")
    else:
        documents(rights, scope, period, key="interaction", heading=False)


def _table(rows: pd.DataFrame, empty: str, stem: str, *, actions: bool = False) -> None:
    """A log table with dates the Dutch way and its CSV and Excel exports."""
    from views.partner_tables import dialogue_table  # noqa: PLC0415  lazy: 0.64 s CPU (pandas), only for a table

    if rows.empty:
        st.caption(empty)
        return
    table = dialogue_table(rows, actions=actions)
    show_log(table)
    download_buttons(table, stem, key=stem)


# Rows tall enough for four lines: Streamlit wraps a table's text only above 4rem (64 px), so a
# long theme, action or provider name is read in full instead of being cut off. Every column has a
# width and together they stay within the page at 1440 px (about 980 px), so nothing scrolls away.
LOG_ROW_HEIGHT = 84
LOG_MAX_WIDTH = 960
_LOG_WIDTHS = {"session_date": 85, "provider_name": 115, "theme_name": 130, "subject": 130, "signal": 110,
               "action": 140, "owner": 105, "deadline": 85, "status": 60, "is_overdue": 100}


def show_log(table: pd.DataFrame) -> None:
    """A dialogue table (views.partner_tables.dialogue_table): dates the Dutch way, no text cut off."""
    config = {}
    for column, width in _LOG_WIDTHS.items():
        label = texts.DIALOGUE_COLUMNS[column]
        if label in table.columns:
            config[label] = (st.column_config.DateColumn(width=width, format="DD-MM-YYYY")
                             if column in ("session_date", "deadline")
                             else st.column_config.CheckboxColumn(width=width) if column == "is_overdue"
                             else st.column_config.Column(width=width))
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, row_height=LOG_ROW_HEIGHT)
