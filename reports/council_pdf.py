"""The council report as an A4 PDF an alderman can attach to a council letter.

Page 1 mirrors the Overzicht: four lever tiles (headline figures with status words and a sentence)
and the top signals. Then the municipalities compared, every indicator per lever with the headline
trends, and the definitions with the data date. Layout only: the content is `reports.council`.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from levers.catalogue import CATALOGUE, LEVER_NAMES, LEVERS, definition, of_lever
from levers.chart_model import trend_model
from levers.norms import GREY
from levers.price_volume import whole
from levers.reasons import Reason
from levers.result import IndicatorResult
from reports.charts import LEGEND_WIDTH, Bar, Box, bar_chart, fan_chart, trend_chart, trend_legend
from reports.council import Comparison, CouncilReport, LeverSection
from reports.document import ACCENT, MUTED, PANEL, RULE, Document, download_stem, scope_line
from wording import breakdowns, fmt, paper, sentences, texts
from wording import forecast as forecast_words
from wording import national as national_words
from wording import notes as note_words
from wording import signals as signal_words
from wording.reasons import reason_text
from wording.scenario_table import cell_rows, steps

TILE_GAP = 6  # mm between the lever tiles
TILE_VALUE, TILE_BADGE = 25, 21  # mm for a headline's value and its status label ("buiten de norm")
SIGNAL_BADGE = 21  # mm of a signal's status label
TREND_HEIGHT = 30  # mm of a headline trend chart
FAN_HEIGHT = 62  # mm of the year-end forecast's fan chart
ICON_LINE = 3.6  # mm of the line with the two signal icons under a name
BAR_ROW = 6.5  # mm per municipality in a comparison
TABLE_WIDTHS = (70, 28, 22, 30, 24)  # indicator, value, NL, norm, status: the 174 mm between the margins
MORE_LINE = 8  # mm: the closing line "En nog 2 signalen; …" with its gap
PRICE_VOLUME_WIDTHS = (18, 14, 14, 22, 22, 21, 21, 21, 21)  # the nine columns of wording.breakdowns, 174 mm
PRICE_VOLUME_ON_PAPER = ("totaal", "perceel", "gemeente")  # per provider stays on the screen: a council reads these


def subtitle(report: CouncilReport) -> str:
    return scope_line(report.scope.region, report.period, report.scope.lot)


def data_date(report: CouncilReport) -> str:
    """`Gegevens t/m: trajecten 31-10-2026 · kosten oktober 2026 · …; laatste upload 23-11-2026 14:05`, in
    Amsterdam time, and what the period leaves incomplete (signals.md §4)."""
    fresh = report.freshness
    text = signal_words.data_dates_text(fresh.kinds, fresh.last_upload)
    names = {entry.code: entry.name for entry in CATALOGUE}
    incomplete = signal_words.incomplete_text(fresh.incomplete(report.period), names, fmt.period_label(report.period))
    return f"{text}. {incomplete}" if incomplete else f"{text}."


def file_stem(report: CouncilReport) -> str:
    """A download name without spaces: `bestuursrapportage_IJmond_2026-10`."""
    return download_stem("bestuursrapportage", report.scope.region, report.period)


def council_pdf(report: CouncilReport) -> bytes:
    """The whole report as PDF bytes."""
    doc = Document(paper.COUNCIL_TITLE, subtitle(report), made_on=report.made_on)
    doc.add_page()
    lines = [subtitle(report)]
    if report.municipality_names:
        lines.append(texts.SELECTION_MUNICIPALITIES.format(names=", ".join(report.municipality_names)))
    if report.provider_names:
        lines.append(texts.SELECTION_PROVIDERS.format(names=", ".join(report.provider_names)))
    lines.append(data_date(report))
    doc.title_block(paper.COUNCIL_TITLE, lines)
    doc.paragraph(paper.COUNCIL_INTRO, size=9.5)
    doc.heading(paper.LEVERS_TITLE)
    _tiles(doc, report)
    _signals(doc, report)
    doc.add_page()
    _comparisons(doc, report.comparisons)
    for section in report.sections:
        _lever_detail(doc, section, report)
    _forecast(doc, report)
    _price_volume(doc, report)
    _notes(doc, report)
    _scenario(doc, report)
    doc.add_page()
    _definitions(doc, report)
    return doc.to_bytes()


# --- page 1: tiles and signals ---------------------------------------------------------------------------

def _tiles(doc: Document, report: CouncilReport) -> None:
    sections = report.sections
    width = (doc.epw - TILE_GAP) / 2
    for pair in (sections[:2], sections[2:]):
        height = max(_tile_height(doc, section, report, width) for section in pair)
        if doc.will_page_break(height):  # a tile is drawn whole on one page, never cut by the page's end
            doc.add_page()
        top = doc.get_y()
        for column, section in enumerate(pair):
            _tile(doc, section, report, doc.l_margin + column * (width + TILE_GAP), top, width, height)
        doc.set_y(top + height + TILE_GAP / 2)


def _name_lines(doc: Document, text: str, width: float, size: float = 8, bold: bool = False) -> int:
    doc.style(size, bold=bold)
    return len(doc.multi_cell(width, 3.8, text, dry_run=True, output="LINES"))


def _tile_rows(doc: Document, section: LeverSection, report: CouncilReport, width: float) -> list[float]:
    """The height of each headline row: the name may take two lines in a narrow tile; then the icons."""
    name_width = width - 6 - TILE_VALUE - TILE_BADGE - 2
    return [max(_name_lines(doc, _short(r), name_width) * 3.8, 5) + 3 + _icon_lines(doc, section, r, report, width - 6)
            * ICON_LINE for r in section.headlines]


def _icon_lines(doc: Document, section: LeverSection, result: IndicatorResult, report: CouncilReport,
                width: float) -> int:
    doc.style(7)
    return len(doc.multi_cell(width, ICON_LINE, _icons(section, result, report), dry_run=True, output="LINES"))


def _icons(section: LeverSection, result: IndicatorResult, report: CouncilReport) -> str:
    """`~ gewone variatie · ✓ haalt de norm` (· voorlopig …) under a headline or an indicator's name."""
    variation = section.variation(result.code)
    text = signal_words.icons_text(variation, result.norm) if variation else ""
    note = signal_words.provisional_note(report.freshness, result.code, report.period)
    return f"{text} · {note}" if note and text else text or note



def _short(result: IndicatorResult) -> str:
    """The tile's short name, as on the Overzicht page."""
    return definition(result.code).short_name or result.name


def _tile_height(doc: Document, section: LeverSection, report: CouncilReport, width: float) -> float:
    doc.style(8.5, italic=True)
    sentence = doc.multi_cell(width - 6, 4.2, section.sentence, dry_run=True, output="HEIGHT")
    return 10 + sum(_tile_rows(doc, section, report, width)) + sentence + 4


def _tile(doc: Document, section: LeverSection, report: CouncilReport, x: float, y: float, width: float,
          height: float) -> None:
    doc.set_fill_color(*PANEL)
    doc.set_draw_color(*RULE)
    doc.rect(x, y, width, height, style="DF", round_corners=True, corner_radius=2)
    doc.set_xy(x + 3, y + 2.5)
    doc.style(11, bold=True, colour=ACCENT)
    doc.cell(width - 6, 5, section.name)
    row_y = y + 10
    name_width = width - 6 - TILE_VALUE - TILE_BADGE - 2
    for result, row_height in zip(section.headlines, _tile_rows(doc, section, report, width), strict=True):
        doc.set_xy(x + 3, row_y)
        doc.style(8)
        doc.multi_cell(name_width, 3.8, _short(result), align="L")
        doc.set_xy(x + 3 + name_width, row_y - 0.3)
        doc.fitted(signal_words.value_text(result), TILE_VALUE, 10, bold=True, smallest=6.5)
        doc.cell(TILE_VALUE, 4.6, signal_words.value_text(result), align="R")
        doc.badge(result.status, x + width - 3 - TILE_BADGE, row_y, width=TILE_BADGE, height=4.4)
        icon_lines = _icon_lines(doc, section, result, report, width - 6)
        doc.set_xy(x + 3, row_y + row_height - icon_lines * ICON_LINE - 2.6)
        doc.style(7, colour=MUTED)
        doc.multi_cell(width - 6, ICON_LINE, _icons(section, result, report), align="L")
        row_y += row_height
    doc.set_xy(x + 3, row_y)
    doc.style(8.5, italic=True)
    doc.multi_cell(width - 6, 4.2, section.sentence, align="L")
    doc.style()


def _signal_height(doc: Document, signal) -> float:
    """The height a signal takes: its name (bold) and its sentence beside the badge, and the gap under it."""
    width = doc.epw - 9 - SIGNAL_BADGE
    doc.style(10, bold=True)
    name = len(doc.multi_cell(width, 5, signal.result.name, dry_run=True, output="LINES")) * 5
    doc.style(9.5)
    sentence = len(doc.multi_cell(width, 4.6, signal.sentence, dry_run=True, output="LINES")) * 4.6
    doc.style()
    return name + sentence + 1.5


def _signals(doc: Document, report: CouncilReport) -> None:
    """The signals on page 1 with the tiles: as many as fit, the rest counted in the closing line, so
    page 2 never holds a lone signal or that line (issue 23)."""
    doc.heading(texts.SIGNALS_TITLE)
    if not report.signals:
        doc.paragraph(texts.SIGNALS_NONE)
    shown = list(report.signals)
    while shown and doc.will_page_break(sum(_signal_height(doc, s) for s in shown) + (MORE_LINE if (
            report.more_signals or len(shown) < len(report.signals)) else 0)):
        shown.pop()
    more = report.more_signals + len(report.signals) - len(shown)
    for number, signal in enumerate(shown, start=1):
        top = doc.get_y()
        doc.style(10, bold=True)
        doc.cell(6, 5, f"{number}.")
        doc.badge(signal.result.status, doc.l_margin + 6, top + 0.2, width=SIGNAL_BADGE, height=4.6)
        doc.set_xy(doc.l_margin + 9 + SIGNAL_BADGE, top)
        doc.style(10, bold=True)
        doc.multi_cell(0, 5, signal.result.name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.set_x(doc.l_margin + 9 + SIGNAL_BADGE)
        doc.style(9.5)
        doc.multi_cell(0, 4.6, signal.sentence, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.ln(1.5)
    if more:
        doc.paragraph(paper.SIGNALS_MORE.get(more, paper.SIGNALS_MORE[None]).format(count=more), size=9,
                      colour=MUTED, italic=True)


# --- municipalities compared -------------------------------------------------------------------------------

def _comparisons(doc: Document, comparisons: tuple[Comparison, ...]) -> None:
    doc.heading(texts.COMPARE_TITLE)
    if not comparisons:
        doc.paragraph(paper.COMPARE_SINGLE)
    for comparison in comparisons:
        height = BAR_ROW * len(comparison.rows)
        if doc.will_page_break(height + 22):
            doc.add_page()
        doc.style(10, bold=True)
        doc.multi_cell(0, 5, comparison.name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.style(9.5)
        doc.multi_cell(0, 5, comparison.finding, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        bars = [Bar(name, result.value, fmt.value(result), result.status) for name, result in comparison.rows]
        box = Box(doc.l_margin, doc.get_y() + 1.5, doc.epw, height)
        bar_chart(doc, box, bars, comparison.norm)
        doc.set_y(box.y + box.h + 4)
        doc.paragraph(definition(comparison.code).description, size=8, colour=MUTED, italic=True)
        doc.ln(2)


# --- per lever: every indicator and the headline trends ------------------------------------------------------

def _lever_detail(doc: Document, section: LeverSection, report: CouncilReport) -> None:
    if doc.will_page_break(30 + 8 * len(section.results) + TREND_HEIGHT + 20):
        doc.add_page()
    doc.heading(paper.LEVER_DETAIL_TITLE.format(lever=section.name))
    doc.paragraph(section.sentence, size=9.5, italic=True)
    _table(doc, section, report)
    _national_notes(doc, section, report)
    doc.ln(3)
    _trends(doc, section, report)


def _national_notes(doc: Document, section: LeverSection, report: CouncilReport) -> None:
    """Under the table: each NL figure beside the scope's value over the figure's own period (signals.md §7),
    and its source."""
    if any(result.code in report.national for result in section.results):
        doc.ln(1.5)  # clear of the table's last rule
    for result in section.results:
        if (pair := report.national.get(result.code)) is not None:
            national = pair.figure
            line = f"{result.name}: {national_words.pair_text(pair, _scope_name(report))}. Bron: {national.source}"
            doc.style(7.5, italic=True, colour=MUTED)
            doc.multi_cell(0, 3.8, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.style()


def _scope_name(report: CouncilReport) -> str:
    """Whose figures: the one municipality's name, else the region(s)."""
    return sentences.scope_name(report.scope, dict(zip(report.scope.municipalities, report.municipality_names)))


def _table_header(doc: Document) -> None:
    doc.style(8, bold=True, colour=MUTED)
    for label, width, align in zip((paper.INDICATOR, texts.VALUE, national_words.COLUMN, texts.NORM, texts.STATUS),
                                   TABLE_WIDTHS, ("L", "R", "R", "R", "C"), strict=True):
        doc.cell(width, 5, label, align=align)
    doc.ln(5)
    doc.set_draw_color(*RULE)
    doc.line(doc.l_margin, doc.get_y(), doc.l_margin + doc.epw, doc.get_y())


def _table(doc: Document, section: LeverSection, report: CouncilReport) -> None:
    _table_header(doc)
    for result in section.results:
        shows_reason = result.status == GREY and result.reason not in (None, Reason.NO_NORM)
        reason = reason_text(result.reason) if shows_reason else ""
        icons = _icons(section, result, report)
        height = 4.4 * _name_lines(doc, result.name, TABLE_WIDTHS[0] - 2, size=9) + 2.4 + ICON_LINE
        if reason:
            height += 3.8 * _name_lines(doc, reason, TABLE_WIDTHS[0] - 2, size=7.5)
        if doc.will_page_break(height):
            doc.add_page()
            _table_header(doc)
        top = doc.get_y() + 1.2
        doc.set_xy(doc.l_margin, top)
        doc.style(9)
        doc.multi_cell(TABLE_WIDTHS[0] - 2, 4.4, result.name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if reason:
            doc.style(7.5, italic=True, colour=MUTED)
            doc.multi_cell(TABLE_WIDTHS[0] - 2, 3.8, reason, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.style(7, colour=MUTED)
        doc.cell(doc.epw, ICON_LINE, icons)
        x = doc.l_margin + TABLE_WIDTHS[0]
        doc.set_xy(x, top)
        doc.fitted(signal_words.value_text(result), TABLE_WIDTHS[1], 9.5, bold=True, smallest=6.5)
        doc.cell(TABLE_WIDTHS[1], 4.4, signal_words.value_text(result), align="R")
        doc.style(9, colour=MUTED)
        pair = report.national.get(result.code)  # the NL column: only a figure of P itself (signals.md §7)
        same = pair is not None and not pair.figure.is_earlier
        doc.cell(TABLE_WIDTHS[2], 4.4, fmt.in_unit(pair.figure.value, result.unit) if same else "", align="R")
        doc.cell(TABLE_WIDTHS[3], 4.4, fmt.norm(result) if result.norm is not None else texts.NO_NORM, align="R")
        doc.badge(result.status, x + sum(TABLE_WIDTHS[1:4]) + (TABLE_WIDTHS[4] - 22) / 2, top - 0.2,
                  width=22, height=4.6)
        doc.set_y(top - 1.2 + height)
        doc.set_draw_color(*RULE)
        doc.line(doc.l_margin, doc.get_y(), doc.l_margin + doc.epw, doc.get_y())
    doc.style()


def _trends(doc: Document, section: LeverSection, report: CouncilReport) -> None:
    """The headline indicators' trends side by side, each under its name and its finding."""
    count = len(section.headlines)
    gap = 5
    width = (doc.epw - gap * (count - 1)) / count
    findings = [sentences.trend_title(r.unit, s)
                for r, s in zip(section.headlines, section.trends, strict=True)]
    name_height = 3.5 * max(_name_lines(doc, r.name, width, size=7.5, bold=True) for r in section.headlines)
    finding_height = 3.5 * max(_name_lines(doc, finding, width, size=7.5) for finding in findings)
    head = name_height + finding_height + 1
    if doc.will_page_break(12 + head + TREND_HEIGHT + 8):
        doc.add_page()
    doc.style(10, bold=True, colour=ACCENT)
    doc.cell(0, 6, paper.TRENDS_TITLE)
    trend_legend(doc, doc.l_margin + doc.epw - LEGEND_WIDTH, doc.get_y() + 6.5)  # its own line: it is wide
    top = doc.get_y() + 11
    for index, (finding, result, series) in enumerate(zip(findings, section.headlines, section.trends, strict=True)):
        x = doc.l_margin + index * (width + gap)
        doc.set_xy(x, top)
        doc.style(7.5, bold=True)
        doc.multi_cell(width, 3.5, result.name, align="L")
        doc.set_xy(x, top + name_height)
        doc.style(7.5)
        doc.multi_cell(width, 3.5, finding, align="L")
        trend_chart(doc, Box(x, top + head, width, TREND_HEIGHT), trend_model(series, result.unit, national=report.national_rows))
    doc.set_y(top + head + TREND_HEIGHT + 4)
    doc.style()


# --- the year-end forecast and a scenario (ahead.md §1, §2) -----------------------------------------------

def _forecast(doc: Document, report: CouncilReport) -> None:
    """The year-end forecast as a fan chart under its finding."""
    if report.fan is None:
        return
    if doc.will_page_break(FAN_HEIGHT + 20):
        doc.add_page()
    doc.heading(forecast_words.fan_title(report.fan))
    doc.paragraph(forecast_words.FAN_CAPTION, size=8.5)
    top = doc.get_y() + 1
    fan_chart(doc, Box(doc.l_margin, top, doc.epw, FAN_HEIGHT), report.fan)
    doc.set_y(top + FAN_HEIGHT + 3)


def _scenario(doc: Document, report: CouncilReport) -> None:
    """"Neem op in raadsrapport": a page with the scenario's settings and its outcome per gemeente × perceel."""
    outcome = report.scenario
    if outcome is None:
        return
    doc.add_page()
    year = report.period.end.year
    doc.heading(forecast_words.SCENARIO_TITLE)
    doc.paragraph(forecast_words.SETTINGS_TITLE + ":", size=9.5)
    lot_names = {lot: texts.LOT_LABELS[lot].removeprefix("perceel ") for lot in ("complex", "enkelvoudig")}
    for line in forecast_words.settings_lines(outcome.settings, lot_names, report.provider_lookup):
        doc.paragraph(f"• {line}", size=9)
    finding = forecast_words.waterfall_finding(outcome.total("next_scenario") - outcome.total("next_baseline"))
    doc.paragraph(forecast_words.WATERFALL_TITLE.format(year=year + 1, finding=finding) + ".", size=9.5, italic=True)
    ends = {forecast_words.LEVER_LABELS["baseline"], forecast_words.LEVER_LABELS["scenario"]}
    for label, amount in steps(outcome):
        doc.style(8)
        doc.cell(60, 4.6, label)
        doc.cell(40, 4.6, fmt.euro(amount) if label in ends else forecast_words.signed_euro(amount), align="R")
        doc.ln(4.6)
    doc.ln(2)
    columns, rows = cell_rows(outcome, report.municipality_lookup, year)
    widths = [24, 16] + [(doc.epw - 40) / 8] * 8
    doc.style(6, bold=True, colour=MUTED)
    for line in (0, 1):  # 'Jaareinde' over 'scenario': two short lines fit the narrow columns
        for index, (label, width) in enumerate(zip(columns, widths, strict=True)):
            words = label.split(" ", 1) + [""]
            doc.cell(width, 3.4, words[line], align="L" if index < 2 else "R")
        doc.ln(3.4)
    for row in rows:
        doc.style(6, bold=row[0] == rows[-1][0])
        for index, (value, width) in enumerate(zip(row, widths, strict=True)):
            doc.cell(width, 4.2, doc_text(doc, value, width), align="L" if index < 2 else "R")
        doc.ln(4.2)
        doc.set_draw_color(*RULE)
        doc.line(doc.l_margin, doc.get_y(), doc.l_margin + doc.epw, doc.get_y())
    doc.style()


# --- price and volume ---------------------------------------------------------------------------------------------

def _price_volume(doc: Document, report: CouncilReport) -> None:
    """The change in spending split into volume and price: the whole scope, per perceel, per municipality."""
    total = whole(report.price_volume)
    if total is None:
        return
    rows = [row for grouping in PRICE_VOLUME_ON_PAPER
            for row in breakdowns.price_volume_table(report.price_volume, grouping, report.period)[1]]
    lots = {row.name for row in report.price_volume if row.grouping == "perceel"}
    rows = [[row[0].capitalize() if row[0] in lots else row[0], *row[1:]] for row in rows]  # 'Complex'

    columns = breakdowns.price_volume_table(report.price_volume, "totaal", report.period)[0]
    columns[0] = ""
    if doc.will_page_break(40 + 5 * len(rows)):
        doc.add_page()
    doc.heading(breakdowns.PRICE_VOLUME_TITLE)
    doc.paragraph(breakdowns.PRICE_VOLUME_INTRO, size=9)
    doc.paragraph(breakdowns.price_volume_finding(total) + ".", size=9.5, italic=True)
    if note := breakdowns.price_volume_provisional(report.freshness, report.period):
        doc.paragraph(note + ".", size=8.5)
    doc.style(6.5, bold=True, colour=MUTED)
    for line in (0, 1):  # 'Uitgaven' over 'okt 2025': two short lines fit the narrow columns
        for label, width in zip(columns, PRICE_VOLUME_WIDTHS, strict=True):
            words = label.split(" ", 1) + [""]
            doc.cell(width, 3.6, words[line], align="R")
        doc.ln(3.6)
    for row in rows:
        doc.style(7)  # nine columns of amounts to the cent: '− € 8.130.798,57' fits 22 mm at 7 pt
        for index, (cell, width) in enumerate(zip(row, PRICE_VOLUME_WIDTHS, strict=True)):
            doc.cell(width, 4.6, doc_text(doc, cell, width) if index == 0 else cell, align="L" if index == 0 else "R")
        doc.ln(4.6)
        doc.set_draw_color(*RULE)
        doc.line(doc.l_margin, doc.get_y(), doc.l_margin + doc.epw, doc.get_y())
    doc.style()
    doc.ln(3)


def _notes(doc: Document, report: CouncilReport) -> None:
    """Every toelichting of the scope and period under its indicator's name, with who wrote it and when."""
    if not report.notes:
        return
    if doc.will_page_break(30):
        doc.add_page()
    doc.heading(note_words.PAPER_TITLE)
    for note in report.notes:
        doc.style(9, bold=True)
        doc.multi_cell(0, 4.5, definition(note.indicator).name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.style(9)
        doc.multi_cell(0, 4.4, note.text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.style(7.5, italic=True, colour=MUTED)
        doc.multi_cell(0, 3.8, note_words.byline(note), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        doc.ln(1.5)
    doc.style()


def doc_text(doc: Document, text: str, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` in the current font (a long municipality name)."""
    while len(text) > 3 and doc.get_string_width(text) > width - 1:
        text = text[:-2] + "…"
    return text


# --- definitions and sources -----------------------------------------------------------------------------------

def _definitions(doc: Document, report: CouncilReport) -> None:
    doc.heading(paper.DEFINITIONS_TITLE)
    for lever in LEVERS:
        doc.heading(LEVER_NAMES[lever], size=11)
        for entry in of_lever(lever):
            doc.style(9, bold=True)
            doc.multi_cell(0, 4.5, f"{entry.name} ({entry.unit})", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            doc.style(8.5)
            text = entry.description or entry.definition
            doc.multi_cell(0, 4.2, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            doc.ln(1.2)
    doc.heading(paper.SOURCE_TITLE, size=11)
    doc.paragraph(paper.SOURCES, size=9)
    doc.paragraph(paper.SUPPRESSION_NOTE, size=9)
    doc.paragraph(data_date(report), size=9)
