"""Uploaden: a CSV file or Excel workbook is checked completely (a dry run), previewed, stored on confirmation.

Flow: choose or detect the kind → drop a file → the dry-run report shows either every error (and
nothing is stored) or what will be stored and replaced → confirm → stored under the write lock,
caches cleared. A file is decoded and checked once: the dry run keeps its checked rows (data.ingest.load
`stage`) and the confirmation stores those, unless the store changed in between. A large file shows
a progress bar naming the stage (lezen, controleren, opslaan) instead of a bare spinner. The same bytes again say "ongewijzigd"; a header-only file asks for confirmation, and
so does a file that replaces more stored rows than it brings. Templates come as CSV and as workbook.
"""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from auth.pages import UPLOADEN, upload_kinds_for
from data.ingest import decode, templates
from data.store.history import upload_history
from data.ingest.load import STAGES, load_file
from views import db, deliveries_ui, filters
from views.plain import plain
from views.exports_ui import download_buttons
from views.session import rights_for_page
from views.upload_tables import (
    MAX_ERRORS_SHOWN, errors_table, for_screen, history_for_screen, history_table, preview_table, replacement_words,
)
from wording import fmt, texts

AUTO = ""
_GENERATION = "upload_generation"  # bumped after a store: a fresh, empty file uploader
_CHECKED = "upload_checked"  # (key, report) of the last dry run, so a rerun does not check again
_DONE = "upload_done"  # message of the last store, shown once
LARGE_FILE_BYTES = 2_000_000  # about 20,000 rows: from here a check or store takes more than a second or two
ERROR_ROW_HEIGHT = 70  # px: above 64 Streamlit wraps a cell's text, so no message is cut off
TEMPLATE_BUTTON_WIDTH = 210  # px: the CSV and Excel buttons of every kind line up in two columns
ERROR_MESSAGE_WIDTH = 600  # px: Streamlit shares out spare width equally, so the message column asks for most

rights = rights_for_page(UPLOADEN)  # a role without uploads never gets further
kinds = upload_kinds_for(rights.role)
actor = rights.email or "demo"
st.title(texts.UPLOAD_TITLE)
if not kinds:
    st.info(texts.UPLOAD_NOT_ALLOWED)
    st.stop()
if rights.is_provider and len(rights.providers) > 1:  # the loader checks every row against one own code
    st.info(texts.UPLOAD_ONE_CODE)
    st.stop()
own_code = rights.providers[0] if rights.is_provider else None  # every row must carry it (data.ingest.load)
st.caption(texts.UPLOAD_INTRO)
if own_code:
    deliveries_ui.due_notice(own_code)
if done := st.session_state.pop(_DONE, None):
    st.success(done, icon=":material/check_circle:")


def _confirm_key() -> str:
    return f"upload_confirm_empty_{st.session_state.get(_GENERATION, 0)}"


def _replace_key() -> str:
    return f"upload_confirm_replace_{st.session_state.get(_GENERATION, 0)}"


def _template_regions() -> tuple[str, ...]:
    """Whose municipalities and providers a template lists: the user's regions, else the region chosen last."""
    if rights.regions:
        return tuple(rights.regions)
    chosen = filters.last_region() or st.query_params.get("regio")
    return (chosen,) if chosen else ()


def _label(kind: str) -> str:
    return texts.UPLOAD_KIND_AUTO if kind == AUTO else texts.UPLOAD_KIND_LABELS[kind]


def _check(file_id: str, raw: bytes, name: str, kind: str | None, confirm_empty: bool):
    """The dry-run report of this file, computed once per file, kind and confirmation."""
    key = (file_id, kind, confirm_empty)
    saved = st.session_state.get(_CHECKED)
    if saved and saved[0] == key:
        return saved[1]
    _forget_checked()
    with _progress(raw, texts.UPLOAD_CHECKING) as progress, db.reading() as con:  # data.ingest.load audits a refusal
        report = _load(con, raw, name, kind, confirm_empty, dry_run=True, progress=progress)
    st.session_state[_CHECKED] = (key, report)
    return report


def _forget_checked() -> None:
    """Drop the last dry run and the checked rows it kept."""
    saved = st.session_state.pop(_CHECKED, None)
    if saved and saved[1].staged is not None:
        saved[1].staged.discard()


@contextmanager
def _progress(raw: bytes, words: str):
    """A progress bar naming the stage for a large file (a callback for data.ingest.load), else a spinner."""
    if len(raw) < LARGE_FILE_BYTES:
        with st.spinner(words):
            yield None
        return
    bar = st.progress(0.0, text=words)

    def tell(stage: str) -> None:
        bar.progress(STAGES.index(stage) / len(STAGES), text=texts.UPLOAD_STAGES[stage])

    try:
        yield tell
    finally:
        bar.empty()


def _load(con, raw: bytes, name: str, kind: str | None, confirm_empty: bool, *, dry_run: bool, progress,
          checked=None):
    return load_file(con, raw, name, kind=kind, uploader=actor, confirm_empty=confirm_empty, dry_run=dry_run,
                     allowed_provider=own_code, allowed_regions=_norm_regions(), stage=dry_run, checked=checked,
                     progress=progress)


def _norm_regions() -> tuple[str, ...] | None:
    """A contract manager sets only their regions' norms; a beheerder may also set empty-regio defaults."""
    return tuple(rights.regions) if rights.role == "contractmanager" else None


def _show_errors(report) -> None:
    table = errors_table(report.errors)
    count = len(table)
    st.error(texts.UPLOAD_ERRORS.format(count=fmt.count(count), fouten="fout" if count == 1 else "fouten"),
             icon=":material/error:")
    if count > MAX_ERRORS_SHOWN:
        st.caption(texts.UPLOAD_ERRORS_FIRST.format(shown=fmt.count(MAX_ERRORS_SHOWN)))
    shown = table.head(MAX_ERRORS_SHOWN)
    names = texts.UPLOAD_ERROR_COLUMNS  # rows tall enough for three lines: Streamlit then wraps a long message
    st.dataframe(for_screen(shown, counts=[names["row"]]), hide_index=True, width="stretch",
                 row_height=ERROR_ROW_HEIGHT,
                 column_config={names["row"]: st.column_config.Column(width=60),
                                names["column"]: st.column_config.Column(width=150),
                                names["message"]: st.column_config.Column(width=ERROR_MESSAGE_WIDTH)})
    download_buttons(table, "fouten_" + report.file_name.rsplit(".", 1)[0], key="upload_errors")


def _store(raw: bytes, name: str, checked, confirm_empty: bool) -> None:
    """Store the checked rows (data.ingest.load decodes the file again only when the store changed since)."""
    with _progress(raw, texts.UPLOAD_STORING) as progress, db.writing() as con:
        report = _load(con, raw, name, checked.kind, confirm_empty, dry_run=False, progress=progress, checked=checked)
    _forget_checked()
    if report.errors:  # the store changed between check and confirmation: show the new verdict
        _show_errors(report)
        return
    st.session_state[_DONE] = (texts.UPLOAD_DONE_UNCHANGED if report.unchanged
                               else texts.UPLOAD_DONE.format(summary=plain(report.summary)))
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.rerun()


def _show_report(report, raw: bytes, name: str, confirm_empty: bool) -> None:
    if report.errors:
        _show_errors(report)
        return
    if report.kind not in kinds:
        st.error(texts.UPLOAD_KIND_REFUSED.format(kind=plain(report.kind)), icon=":material/block:")
        return
    if report.unchanged:
        st.info(texts.UPLOAD_UNCHANGED, icon=":material/info:")
        return
    if report.rows == 0 or report.needs_empty_confirmation:  # drawn while ticked, so it keeps its value
        st.warning(texts.UPLOAD_EMPTY, icon=":material/warning:")
        if not st.checkbox(texts.UPLOAD_EMPTY_CONFIRM, key=_confirm_key()) or report.needs_empty_confirmation:
            return
    st.success(texts.UPLOAD_READY, icon=":material/task_alt:")
    rows, replaced = st.columns(2)
    rows.metric(texts.UPLOAD_ROWS, fmt.count(report.rows))
    replaced.metric(texts.UPLOAD_REPLACED_ROWS, fmt.count(report.replaced_rows))
    st.markdown(texts.UPLOAD_SCOPE.format(scope=plain(report.scope_replaced)))
    if report.preview is not None and not report.preview.empty:
        st.caption(texts.UPLOAD_PREVIEW)
        st.dataframe(preview_table(report.preview, report.kind), hide_index=True, width="stretch")
    allowed = True
    if report.replaced_rows > report.rows:  # fewer rows come in than go: say so, and ask for a tick
        words = replacement_words(report.kind, report.replaced_rows, report.rows)
        st.warning(texts.UPLOAD_REPLACES_MORE.format(**words), icon=":material/warning:")
        allowed = st.checkbox(texts.UPLOAD_REPLACES_CONFIRM.format(**words), key=_replace_key())
    if st.button(texts.UPLOAD_CONFIRM, type="primary", icon=":material/save:", disabled=not allowed):
        _store(raw, name, report, confirm_empty)


choice = st.selectbox(texts.UPLOAD_KIND, (AUTO, *kinds) if len(kinds) > 1 else kinds,
                      format_func=_label, help=texts.UPLOAD_KIND_HELP)
uploaded = st.file_uploader(texts.UPLOAD_FILE, type=["csv", "txt", "xlsx"], help=texts.UPLOAD_FILE_HELP,
                            key=f"upload_file_{st.session_state.get(_GENERATION, 0)}")
if uploaded is not None:
    raw, confirm_empty = uploaded.getvalue(), bool(st.session_state.get(_confirm_key()))
    report = _check(uploaded.file_id, raw, uploaded.name, choice or None, confirm_empty)
    _show_report(report, raw, uploaded.name, confirm_empty)

with st.expander(texts.TEMPLATES_TITLE, icon=":material/description:"):
    st.caption(texts.TEMPLATES_INTRO)
    regions = _template_regions()
    with db.reading() as con:
        lists = templates.code_lists(con, regions)
    for kind in kinds:
        with st.container(horizontal=True, gap="small"):
            st.download_button(texts.TEMPLATES_CSV.format(kind=kind),
                               templates.csv_template(kind, lists, decode.today(), regions, own_code),
                               f"sjabloon_{kind}.csv", mime="text/csv", key=f"template_{kind}", on_click="ignore",
                               icon=":material/download:", width=TEMPLATE_BUTTON_WIDTH)
            st.download_button(  # the workbook is written only when asked for
                texts.TEMPLATES_XLSX.format(kind=kind),
                lambda kind=kind: templates.workbook(kind, lists, decode.today(), regions, own_code),
                f"sjabloon_{kind}.xlsx", mime=templates.XLSX_MIME, key=f"template_{kind}_xlsx", on_click="ignore",
                icon=":material/table_view:", width=TEMPLATE_BUTTON_WIDTH)

st.subheader(texts.HISTORY_TITLE)
with db.reading() as con:
    history = upload_history(con, 50, **deliveries_ui.history_filter(rights, actor))
if history.empty:
    st.caption(texts.HISTORY_EMPTY)
else:
    table = history_table(history)
    st.dataframe(history_for_screen(table), hide_index=True, width="stretch")
    download_buttons(table, "uploadgeschiedenis", key="upload_history")
