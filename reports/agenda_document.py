"""The agenda for the next conversation as a document: Markdown to paste, PDF to print.

`agenda_document` gathers what figures.Figures says (the agenda items and each item's 24-month series),
as the screens ask it; `agenda_markdown` and `agenda_pdf` only lay it out, so both formats always show
the same items. Values come from the agenda items (IndicatorResults), so small numbers stay suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from figures.figures import Figures
from levers.agenda import AgendaItem
from levers.catalogue import definition
from levers.chart_model import trend_model
from levers.freshness import Freshness
from levers.notes import Note, of_indicator
from levers.scope import Period, PeriodKind, Scope
from levers.series import Series
from reports.charts import LEGEND_WIDTH, Box, trend_chart, trend_legend
from reports.document import MUTED, STATUS_COLOURS, Document, download_stem, scope_line
from wording import agenda as agenda_words
from wording import fmt, paper, texts
from wording import notes as note_words
from wording import signals as signal_words
from wording.sentences import trend_title

SPARKS = "▁▂▃▄▅▆▇█"
TREND_HEIGHT = 30  # mm
NOTES_HEIGHT = 20  # mm


@dataclass(frozen=True)
class AgendaDocument:
    """Everything the agenda document shows, computed once for both formats."""

    region: str
    provider_names: tuple[str, ...]  # empty: a region-wide conversation
    lot: str | None
    period: Period
    items: tuple[AgendaItem, ...]
    trends: tuple[Series, ...]  # one per item, same order
    made_on: date
    freshness: Freshness | None = None  # the data date of each kind (signals.md §4)
    notes: tuple[Note, ...] = ()  # toelichtingen of the scope and period; each item shows its own
    providers: tuple[str, ...] = ()  # the codes of `provider_names`, for the file name


def agenda_document(figures: Figures, scope: Scope, period: Period, *, made_on: date | None = None) -> AgendaDocument:
    """The agenda of `scope` (narrowed like a listing by the figures' rights) for P, with each item's series."""
    seen = figures.rights.narrow_listing(scope)
    if seen is None:
        raise ValueError(f"these rights do not reach {scope.region}")
    items = figures.agenda(seen, period)
    computed: dict[str, Series] = {}
    for lever in dict.fromkeys(item.lever for item in items):
        computed.update({s.code: s for s in figures.series(seen, period, lever)})
    names = []
    for code in seen.providers:
        card = figures.provider_card(code)
        names.append(card.name if card else code)
    return AgendaDocument(
        region=seen.region, provider_names=tuple(names), lot=seen.lot, period=period, items=items,
        trends=tuple(computed[item.code] for item in items), made_on=made_on or date.today(),
        freshness=figures.freshness(seen, period), notes=figures.notes(seen, period), providers=seen.providers,
    )


def value_text(item: AgendaItem) -> str:
    """The value as shown, naming the quarter it comes from: `75,0% (K3 2026)`."""
    source = signal_words.source_text(item.source_period)
    return f"{fmt.value(item)} ({source})" if source else fmt.value(item)


def signal_text(item: AgendaItem, series: Series) -> str:
    """`~ gewone variatie · ✓ haalt de norm`: the two signal icons with their words."""
    return signal_words.icons_text(series.variation, item.norm)


def note_lines(document: AgendaDocument, item: AgendaItem) -> list[str]:
    """The item's toelichtingen, each with who wrote it: `Groep De Linde gesloten (contractmanager, 02-11-2026)`."""
    return [f"{note.text} ({note_words.byline(note)})" for note in of_indicator(document.notes, item.code)]


def data_date(document: AgendaDocument) -> str:
    """The data date of each kind, in Amsterdam time (signals.md §4); '' without them."""
    fresh = document.freshness
    return signal_words.data_dates_text(fresh.kinds, fresh.last_upload) if fresh else ""


def file_stem(document: AgendaDocument) -> str:
    """A download name without spaces: `agenda_IJmond_2026-10`, `agenda_IJmond_P1_2026-10` for a provider."""
    return download_stem("agenda", document.region, document.period, document.providers)


# --- what one item says, shared by both formats ------------------------------------------------------

def subtitle(document: AgendaDocument) -> str:
    return scope_line(document.region, document.period, document.lot)


def counterpart(document: AgendaDocument) -> str:
    if document.provider_names:
        return paper.AGENDA_FOR_PROVIDER.format(provider=", ".join(document.provider_names))
    return paper.AGENDA_FOR_REGION


def norm_text(item: AgendaItem) -> str:
    """`≤ 42 dagen (marge 14 dagen)`; `geen norm` without one."""
    if item.norm is None:
        return texts.NO_NORM
    better = definition(item.code).better
    sign = "≤ " if better == "lower" else "≥ " if better == "higher" else ""
    text = f"{sign}{fmt.in_unit(item.norm, item.unit)}"
    if item.margin:
        text += f" ({paper.MARGIN.format(margin=fmt.margin(item.margin, item.unit))})"
    return text


def trend_label(series: Series) -> str:
    """`Verloop, 12 kwartalen`: the grain of the series' points."""
    if not series.points:
        return paper.ITEM_TREND[PeriodKind.MONTH]
    return paper.ITEM_TREND[Period.parse(series.points[-1].period_label).kind]


def sparkline(series: Series) -> str:
    """The series in block characters (a gap for a value not shown): a trend that fits in Markdown."""
    values = [p.value for p in series.points]
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    top = len(SPARKS) - 1
    return "".join(
        " " if v is None else SPARKS[0 if high == low else round((v - low) / (high - low) * top)] for v in values
    )


# --- Markdown ------------------------------------------------------------------------------------------

def agenda_markdown(document: AgendaDocument) -> bytes:
    """The agenda as UTF-8 Markdown: a heading per item, its figures, a text trend and room for notes."""
    lines = [f"# {paper.AGENDA_TITLE}", "", f"**{counterpart(document)}** · {subtitle(document)}  ",
             paper.MADE_ON.format(day=fmt.day(document.made_on)) + "  ", data_date(document), "",
             paper.AGENDA_INTRO, ""]
    if not document.items:
        lines += [paper.AGENDA_EMPTY, ""]
    for number, (item, series) in enumerate(zip(document.items, document.trends, strict=True), start=1):
        lines += [
            f"## {paper.ITEM_TITLE.format(number=number, name=item.name)} — {signal_words.status_word(item.status)}",
            "",
            f"- **{texts.VALUE}:** {value_text(item)}",
            f"- **{texts.NORM}:** {norm_text(item)}",
            f"- **{texts.STATUS}:** {signal_words.status_word(item.status)}",
            f"- **{paper.ITEM_SIGNAL}:** {signal_text(item, series)}",
            f"- **{paper.ITEM_LEVER}:** {item.lever_name}",
            f"- **{paper.ITEM_THEME}:** {paper.ITEM_THEME_VALUE.format(theme=item.theme, name=item.theme_name)}",
            f"- **{paper.ITEM_WHY}:** {agenda_words.reason(item)}",
            f"- **{trend_label(series)}:** {trend_title(item.unit, series)}",
            *[f"- **{note_words.ICON_LABEL}:** {line}" for line in note_lines(document, item)],
            "", f"  `{sparkline(series)}`" if sparkline(series) else "", "",
            f"### {paper.NOTES}", "", paper.MD_NOTES_LINE, "", paper.MD_AGREED_LINE, "",
        ]
    return "\n".join(lines).replace("\n\n\n", "\n\n").encode("utf-8")


# --- PDF -----------------------------------------------------------------------------------------------

def agenda_pdf(document: AgendaDocument) -> bytes:
    """The agenda as an A4 PDF: per item its figures, the trend chart and boxes for notes and actions."""
    doc = Document(paper.AGENDA_TITLE, subtitle(document), made_on=document.made_on)
    doc.add_page()
    doc.title_block(paper.AGENDA_TITLE, [counterpart(document), subtitle(document), data_date(document)])
    doc.paragraph(paper.AGENDA_INTRO, size=9.5)
    if not document.items:
        doc.paragraph(paper.AGENDA_EMPTY, italic=True)
    for number, (item, series) in enumerate(zip(document.items, document.trends, strict=True), start=1):
        _pdf_item(doc, number, item, series, document.period, note_lines(document, item))
    return doc.to_bytes()


def _pdf_item(doc: Document, number: int, item: AgendaItem, series: Series, period: Period,
              notes: list[str]) -> None:
    """One agenda point, moved to a new page as a whole when it does not fit on this one."""
    doc.keep_together(lambda target: _draw_item(target, number, item, series, period, notes))


def _draw_item(doc: Document, number: int, item: AgendaItem, series: Series, period: Period,
               notes: list[str] = ()) -> None:
    top = doc.get_y() + 2
    doc.set_fill_color(*STATUS_COLOURS[item.status])
    doc.rect(doc.l_margin, top, 1.6, 7, style="F")  # a status stripe, as the dashboard's tiles
    doc.set_xy(doc.l_margin + 4, top)
    doc.style(13, bold=True)
    doc.multi_cell(doc.epw - 26, 7, paper.ITEM_TITLE.format(number=number, name=item.name), align="L")
    doc.badge(item.status, doc.w - doc.r_margin - 22, top + 1, width=22)
    doc.set_y(max(doc.get_y(), top + 7) + 2)
    theme = paper.ITEM_THEME_VALUE.format(theme=item.theme, name=item.theme_name)
    doc.facts(((texts.VALUE, value_text(item)), (texts.NORM, norm_text(item)), (paper.ITEM_LEVER, item.lever_name),
               (paper.ITEM_THEME, theme)), widths=(0.2, 0.22, 0.26, 0.32))
    doc.label_value(paper.ITEM_SIGNAL, signal_text(item, series))
    doc.label_value(paper.ITEM_WHY, agenda_words.reason(item))
    for line in notes:
        doc.label_value(note_words.ICON_LABEL, line)
    doc.ln(1.5)
    doc.style(9, bold=True)
    doc.cell(doc.get_string_width(trend_label(series)) + 1.5, 4.6, trend_label(series))
    doc.style(9)
    doc.multi_cell(0, 4.6, trend_title(item.unit, series), align="L", new_x="LMARGIN", new_y="NEXT")
    box = Box(doc.l_margin, doc.get_y() + 1, doc.epw, TREND_HEIGHT)
    trend_chart(doc, box, trend_model(series, item.unit))
    trend_legend(doc, doc.l_margin + doc.epw - LEGEND_WIDTH, box.y + box.h + 0.5)
    doc.set_y(box.y + box.h + 4)
    doc.ruled_box(paper.NOTES, NOTES_HEIGHT, lines=2)
    _action_line(doc)
    doc.ln(4)


def _action_line(doc: Document) -> None:
    """Three labelled write-in fields: the agreed action, its owner and its deadline."""
    widths = (doc.epw * 0.55, doc.epw * 0.25, doc.epw * 0.20)
    doc.style(8, colour=MUTED)
    for label, width in zip((paper.AGREED, paper.OWNER, paper.DEADLINE), widths, strict=True):
        doc.cell(width, 4, label)
    doc.ln(4)
    x = doc.l_margin
    doc.set_draw_color(*MUTED)
    for width in widths:
        doc.line(x, doc.get_y() + 7, x + width - 4, doc.get_y() + 7)
        x += width
    doc.set_y(doc.get_y() + 9)
    doc.style()
