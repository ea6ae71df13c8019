"""Building blocks the pages share: status badge, indicator line, definition, exports, share link.

Rendering only: figures arrive as IndicatorResults (suppression applied), words come from texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

import streamlit as st

from levers.catalogue import definition as catalogue_entry
from levers.national import NationalPair
from levers.norms import GREY
from levers.result import IndicatorResult
from levers.variation import Variation
from views.exports_ui import download_buttons
from wording import fmt, texts
from wording import national as national_words
from wording import signals as signal_words
from wording.colours import BADGE_COLOURS
from wording.reasons import reason_text
from wording.summary import STATUS_GLYPHS

PRINT_CSS = """
<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stPopover"], [data-testid="stDownloadButton"], [data-testid="stButtonGroup"],
  [data-testid="stPageLink"], [data-testid="stTooltipIcon"], [data-testid="stElementToolbar"],
  [data-testid="stExpander"] details:not([open]) { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  [data-testid="stVerticalBlockBorderWrapper"], .stPlotlyChart { break-inside: avoid; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
"""


# Streamlit writes some words itself, in English, with no API to change them (issue 11). Where the
# markup allows, CSS hides the English text and shows Dutch in its place: the uploader's button
# and hint, and the year placeholder of an empty date field ("yyyy" → "jjjj"); the English keyboard
# hint under a text field ("Press Enter to submit form") is hidden, its character count stays; so is an
# uploaded file's size in English units ("356.0B"), written right after its name.
DUTCH_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {
  content: "%(button)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%(hint)s"; font-size: 0.875rem; }
[data-testid="stDateInput"] [data-type="year"][data-placeholder] { font-size: 0 !important; }
[data-testid="stDateInput"] [data-type="year"][data-placeholder]::after { content: "jjjj"; font-size: 0.875rem; }
[data-testid="InputInstructions"] > :first-child { display: none; }  /* "Press Enter to submit form" */
[data-testid="stFileChipName"] + * { display: none; }  /* "356.0B" beside an uploaded file's name */
.stMarkdownBadge { white-space: normal !important; }  /* "buiten de norm" wraps in a narrow tile, never "buiten de n…" */
</style>
"""


def page_style() -> None:
    """Clean printing: no sidebar, toolbar or buttons; tiles and charts not split over pages; Dutch for English."""
    st.html(PRINT_CSS)
    st.html(DUTCH_CSS % {"button": texts.UPLOADER_BUTTON,
                         "hint": texts.UPLOADER_HINT.format(mb=st.get_option("server.maxUploadSize"))})


def badge(result: IndicatorResult) -> None:
    """The status as a coloured badge with an icon and its meaning ("op koers"); the reason on hover and,
    for grijs, in the caption beside it (`signal_icons`)."""
    st.badge(signal_words.status_word(result.status), icon=texts.STATUS_ICONS[result.status],
             color=BADGE_COLOURS[result.status], help=reason_text(result.reason) or texts.STATUS_HELP[result.status])


def badge_markdown(status: str) -> str:
    """The same badge inline in markdown text."""
    return f":{BADGE_COLOURS[status]}-badge[{texts.STATUS_ICONS[status]} {signal_words.status_word(status)}]"


def indicator_line(result: IndicatorResult, label: str | None = None, variation: Variation | None = None,
                   note: str = "", national: NationalPair | None = None, scope_name: str = "") -> None:
    """One row of a tile: (short) name, value (with the quarter it comes from) and norm, status; then the
    two signal icons with their words and a note such as "voorlopig" (signals.md §1, §3, §4). A national
    (CBS) figure stands small under the row beside the scope's value over the same period (signals.md §7),
    its source and definition on hover."""
    # the status column fits "buiten de norm" with its icon in a half-width tile at 1440 px
    name, shown, status = st.columns([3.6, 3.6, 3.3], vertical_alignment="center", gap="small")
    name.markdown(label or result.name, help=result.name if label else None)
    norm = f" :small[:gray[{texts.NORM.lower()} {fmt.norm(result)}]]" if result.norm is not None else ""
    shown.markdown(f"**{signal_words.value_text(result)}**{norm}")
    with status:
        badge(result)
    if national is not None:
        national_line(national, scope_name)
    if variation is not None:
        signal_icons(result, variation, note)


def lines_table(results: Sequence[IndicatorResult]) -> None:
    """Indicators as one markdown table (name; value with its norm; status badge): what `indicator_line`
    shows, in one element instead of eight per indicator, for a page listing thirty (issue 26)."""
    rows = [f"| {texts.COLUMN_INDICATOR} | {texts.VALUE} | {texts.STATUS} |", "|:--|:--|:--|"]
    for result in results:
        norm = f" :small[:gray[{texts.NORM.lower()} {fmt.norm(result)}]]" if result.norm is not None else ""
        rows.append(f"| {result.name.replace('|', chr(92) + '|')} | **{signal_words.value_text(result)}**{norm} | "
                    f"{badge_markdown(result.status)} |")
    st.markdown("\n".join(rows))


def national_line(pair: NationalPair, scope_name: str, where=st) -> None:
    """`IJmond 1e helft 2026: 61,3 · Nederland 1e helft 2026: 99,6` in small grey type: context on the
    same period, never a judgement; the source and CBS's definition on hover."""
    where.caption(national_words.pair_text(pair, scope_name), help=national_words.help_text(pair.figure))


def signal_icons(result: IndicatorResult, variation: Variation, note: str = "") -> None:
    """Two small icons with words: the variatie of the series and whether its process meets the norm;
    then why a grijs status gives no judgement, and a note such as "voorlopig"."""
    parts = [signal_words.icons_markdown(variation, result.norm)]
    if result.status == GREY and result.reason and result.norm is not None:  # "geen norm" says it already
        parts.append(signal_words.status_word(result.status, result.reason))
    st.caption(" · ".join([*parts, note] if note else parts),
               help=f"{signal_words.VARIATIE_HELP} {signal_words.ZEKERHEID_HELP}")



# Charts to read, not to edit: no mode bar, no zoom by scrolling or double-clicking, no axis drag handles
# (fewer layers for plotly to draw); hover labels stay.
CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False, "showAxisDragHandles": False,
                "showTips": False}


def chart(figure, alt: str, key: str | None = None) -> None:
    """A plotly figure as our charts module styled it (not Streamlit's theme), light to draw."""
    st.plotly_chart(figure, theme=None, alt=alt, key=key, config=CHART_CONFIG)


def definition(code: str) -> None:
    """The indicator's definition, one click away."""
    with st.popover(texts.DEFINITION, icon=":material/info:", type="tertiary"):
        entry = catalogue_entry(code)
        st.markdown(entry.description)
        if entry.norm is not None:
            st.caption(texts.DEFAULT_NORM.format(norm=fmt.in_unit(entry.norm, entry.unit),
                                                 margin=fmt.margin(entry.margin or 0, entry.unit)))
        st.caption(texts.SUPPRESSION_NOTE)  # no indicator code: the reader has no use for it


STATUS_SYMBOLS = STATUS_GLYPHS  # the same glyphs as the lever pages' summary table


def results_table(results: Sequence[IndicatorResult], labels: Sequence[str] | None = None,
                  label_column: str = "") -> None:
    """Results as a Dutch-formatted table, with CSV and Excel exports of the same rows.

    The screen shows text (`12,5%`, `<5`); the exports get numbers a spreadsheet can use, built by
    `exports.tables.indicator_table` with the same suppression.
    """
    import pandas as pd  # noqa: PLC0415  (pandas: only for a table)

    shown = pd.DataFrame({
        texts.COLUMN_INDICATOR: [r.name for r in results],
        texts.VALUE: [signal_words.value_text(r) for r in results],
        texts.NORM: [fmt.norm(r) for r in results],
        texts.STATUS: [f"{STATUS_SYMBOLS[r.status]} {signal_words.status_word(r.status)}" for r in results],
        texts.COLUMN_REASON: [reason_text(r.reason) for r in results],
    })
    if labels is not None:
        shown.insert(0, label_column, list(labels))
        shown = shown.drop(columns=[texts.COLUMN_INDICATOR])
    narrow = st.column_config.TextColumn(width="small")
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={texts.VALUE: narrow, texts.NORM: narrow, texts.STATUS: narrow})


def table_with_exports(results: Sequence[IndicatorResult], file_stem: str, key: str,
                       labels: Sequence[str] | None = None, label_column: str = "") -> None:
    """`results_table` plus the export buttons (Streamlit's own export is off in config.toml)."""
    results_table(results, labels, label_column)
    result_exports(results, file_stem, key, labels, label_column)


def result_exports(results: Sequence[IndicatorResult], file_stem: str, key: str,
                   labels: Sequence[str] | None = None, label_column: str = "") -> None:
    """CSV and Excel of the results as numbers a spreadsheet can use (exports.tables.indicator_table)."""
    from exports.tables import indicator_table  # noqa: PLC0415  lazy: 0.46 s CPU (pandas), only for a table

    table = indicator_table(results, reason_text=reason_text, labels=labels, label_column=label_column)
    download_buttons(table, file_stem, key=key)


def share_link(params: Mapping[str, str | list[str]]) -> None:
    """A popover with the link to exactly this view (to copy)."""
    with st.popover(texts.SHARE, icon=":material/link:"):
        st.caption(texts.SHARE_HELP)
        st.code(share_url(st.context.url, params), language=None, wrap_lines=True)


def share_url(current_url: str | None, params: Mapping[str, str | list[str]]) -> str:
    """The current page's address with the selection as its query string."""
    parts = urlsplit(current_url or "")
    base = f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else (parts.path or "/")
    query = urlencode({k: v for k, v in params.items() if v}, doseq=True)
    return f"{base}?{query}" if query else base

