"""The evaluatiepakket of a contract (ahead.md §3): Markdown to paste, PDF to print, for the extension decision.

`evaluation_pack` gathers what figures.Figures says for the contract's scope in each of its regions: all
indicators for the twelve months before the start and for the last twelve months (so every figure is the
one `python -m levers report --periode <that period>` prints), the variatie and zekerheid of the last month
of those twelve, and the dialogue rows and provider comments of the term. `evaluation_markdown` and
`evaluation_pdf` only lay it out, so both formats show the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from figures.figures import Figures
from levers.catalogue import LEVER_NAMES, LEVERS
from levers.contracts import DialogueRow, ProviderComment, before_period, data_end, recent_period
from levers.contracts import ContractTerm
from levers.norms import Status
from levers.result import IndicatorResult
from levers.scope import Period, Scope
from levers.variation import Variatie, Variation
from reports.document import Document
from wording import contracts as words
from wording import fmt, paper, texts
from wording import signals as signal_words

SIGNALLED = (Variatie.CONCERN, Variatie.IMPROVEMENT, Variatie.SPECIAL)


@dataclass(frozen=True)
class RegionFigures:
    """The contract's scope in one of its regions, on both periods."""

    region: str
    scope: Scope
    before: tuple[IndicatorResult, ...]
    recent: tuple[IndicatorResult, ...]
    variations: tuple[tuple[str, Variation], ...]  # (code, variation) at the last month of the recent period

    def variation(self, code: str) -> Variation | None:
        return dict(self.variations).get(code)


@dataclass(frozen=True)
class EvaluationPack:
    """Everything the evaluatiepakket shows, computed once for both formats."""

    term: ContractTerm
    provider_name: str | None
    before: Period
    recent: Period
    signal_period: Period
    regions: tuple[RegionFigures, ...]
    dialogue: tuple[DialogueRow, ...]
    comments: tuple[ProviderComment, ...]
    made_on: date

    @property
    def until(self) -> date:
        return self.recent.end


def evaluation_pack(figures: Figures, contract_id: str, *, made_on: date | None = None) -> EvaluationPack:
    """The pack of one contract; ValueError when these rights do not see it (or it does not exist)."""
    made_on = made_on or date.today()
    term = figures.contract(contract_id)
    if term is None:
        raise ValueError(f"contract {contract_id} bestaat niet of valt buiten uw regio's")
    before, recent = before_period(term), recent_period(term, data_end(made_on))
    last_month = Period.month(recent.end.year, recent.end.month)
    regions = []
    for region in term.regions:
        scope = term.scope(region)
        if not figures.rights.may_see_region(region):
            continue
        regions.append(RegionFigures(
            region, scope, figures.indicators(scope, before), figures.indicators(scope, recent),
            tuple(figures.variations(scope, last_month).items())))
    card = figures.provider_card(term.provider) if term.provider else None
    return EvaluationPack(
        term=term, provider_name=card.name if card else term.provider, before=before, recent=recent,
        signal_period=last_month, regions=tuple(regions), dialogue=figures.contract_dialogue(term, recent.end),
        comments=figures.contract_comments(term, recent.end), made_on=made_on)


def file_stem(pack: EvaluationPack) -> str:
    """`evaluatiepakket_CX-2023-01_2026-11-07`: the contract and the day it was made."""
    return f"evaluatiepakket_{pack.term.contract_id.replace(' ', '-')}_{pack.made_on.isoformat()}"


# --- what the pack says, shared by both formats ------------------------------------------------------

def facts(pack: EvaluationPack) -> list[tuple[str, str]]:
    return words.facts(pack.term, pack.provider_name, pack.made_on)


def intro(pack: EvaluationPack) -> str:
    return words.PACK_INTRO.format(before=fmt.period_label(pack.before), recent=fmt.period_label(pack.recent))


def period_heading(title: str, period: Period) -> str:
    return f"{title} ({fmt.period_label(period)})"


def lever_rows(figures_: RegionFigures, lever: str) -> list[tuple[str, str, str, str, Status]]:
    """(name, before, recent, norm, status) per indicator of a lever: the values as the dashboard shows them."""
    before = {result.code: result for result in figures_.before}
    return [(result.name, fmt.value(before[result.code]), fmt.value(result), fmt.norm(result), result.status)
            for result in figures_.recent if result.lever == lever]


def signal_lines(figures_: RegionFigures) -> list[str]:
    """The indicators whose last month is not common variation: `Wachttijd …: ▲ zorgelijke verandering · ✗ …`."""
    lines = []
    for result in figures_.recent:
        found = figures_.variation(result.code)
        if found and found.variatie in SIGNALLED:
            lines.append(f"{result.name}: {signal_words.icons_text(found, result.norm)}")
    return lines


def norms_met(figures_: RegionFigures) -> str:
    normed = [result for result in figures_.recent if result.norm is not None and result.status != Status.GREY]
    met = sum(result.status == Status.GREEN for result in normed)
    return words.PACK_NORMS_MET.format(met=met, normed=len(normed))


def themes(pack: EvaluationPack) -> list[str]:
    seen = {row.theme: row.theme_name for row in pack.dialogue}
    return [f"{number}. {name}" for number, name in sorted(seen.items())]


def themes_count(pack: EvaluationPack) -> str:
    return words.PACK_THEMES_COUNT.format(count=len(themes(pack)), day=fmt.day(pack.until))


def actions(pack: EvaluationPack, status: str) -> list[str]:
    """The actions with that status, one line per action text: `Plan van aanpak (thema 9, 12-03-2026)`, or for an
    action agreed more than once `Plan van aanpak (thema 9, 3×, laatst 12-03-2026)`."""
    found: dict[str, list[DialogueRow]] = {}
    for row in pack.dialogue:
        if row.action and row.status == status:
            found.setdefault(row.action, []).append(row)
    lines = []
    for text, rows in sorted(found.items(), key=lambda item: item[1][-1].session_date, reverse=True):
        last = rows[-1]
        when = fmt.day(last.session_date) if len(rows) == 1 else words.PACK_ACTION_REPEATED.format(
            count=len(rows), day=fmt.day(last.session_date))
        lines.append(f"{text} (thema {last.theme}, {when})")
    return lines


def comment_lines(pack: EvaluationPack) -> list[str]:
    return [f"{comment.provider_name}, {_quarter(comment.quarter_start)}: {comment.text}" for comment in pack.comments]


def _quarter(day: date) -> str:
    return fmt.period_short(Period.parse(f"{day.year}-K{(day.month + 2) // 3}"))


def _list(lines: list[str]) -> list[str]:
    return [f"- {line}" for line in lines] or [words.PACK_NO_ROWS]


# --- Markdown ------------------------------------------------------------------------------------------

def evaluation_markdown(pack: EvaluationPack) -> bytes:
    title = words.PACK_TITLE.format(contract=pack.term.contract_id)
    lines = [f"# {title}", "", paper.MADE_ON.format(day=fmt.day(pack.made_on)), "", intro(pack), "",
             f"## {words.PACK_FACTS}", "", *[f"- **{label}:** {value}" for label, value in facts(pack)], ""]
    head = (f"| {paper.INDICATOR} | {period_heading(words.PACK_BEFORE, pack.before)} | "
            f"{period_heading(words.PACK_RECENT, pack.recent)} | {words.PACK_NORM} | {words.PACK_STATUS} |")
    for region in pack.regions:
        lines += [f"## {words.PACK_LEVERS.format(region=region.region)}", "", norms_met(region), ""]
        for lever in LEVERS:
            lines += [f"### {LEVER_NAMES[lever]}", "", head, "|---|---|---|---|---|"]
            lines += [f"| {name} | {before} | {recent} | {norm} | {signal_words.status_word(status)} |"
                      for name, before, recent, norm, status in lever_rows(region, lever)]
            lines.append("")
        lines += [f"### {words.PACK_SIGNALS.format(period=fmt.period_label(pack.signal_period))}", "",
                  *(_list(signal_lines(region)) if signal_lines(region) else [words.PACK_SIGNALS_NONE]), ""]
    lines += [f"## {words.PACK_THEMES}", "", themes_count(pack), "", *_list(themes(pack)), "",
              f"## {words.PACK_ACTIONS_CLOSED}", "", *_list(actions(pack, "afgerond")), "",
              f"## {words.PACK_ACTIONS_OPEN}", "", *_list(actions(pack, "open")), "",
              f"## {words.PACK_COMMENTS}", "", *_list(comment_lines(pack)), "",
              f"## {words.PACK_ADVICE}", "", f"_{words.PACK_ADVICE_HINT}_", "", "", "", paper.SUPPRESSION_NOTE, ""]
    return "\n".join(lines).encode("utf-8")


# --- PDF -----------------------------------------------------------------------------------------------

TABLE_WIDTHS = (46, 17, 17, 12, 14)  # shares of the line: indicator, before, recent, norm, status


def evaluation_pdf(pack: EvaluationPack) -> bytes:
    title = words.PACK_TITLE.format(contract=pack.term.contract_id)
    doc = Document(title, words.regions_text(pack.term), made_on=pack.made_on)
    doc.add_page()
    doc.title_block(title, [words.regions_text(pack.term), paper.MADE_ON.format(day=fmt.day(pack.made_on))])
    doc.paragraph(intro(pack).replace("`", ""), size=9.5)
    doc.heading(words.PACK_FACTS, size=12)
    for label, value in facts(pack):
        doc.label_value(label, value)
    for region in pack.regions:
        doc.heading(words.PACK_LEVERS.format(region=region.region))
        doc.paragraph(norms_met(region), size=9.5)
        for lever in LEVERS:
            doc.heading(LEVER_NAMES[lever], size=11)
            _table(doc, pack, region, lever)
        doc.heading(words.PACK_SIGNALS.format(period=fmt.period_label(pack.signal_period)), size=11)
        _lines(doc, signal_lines(region) or [words.PACK_SIGNALS_NONE])
    doc.heading(words.PACK_THEMES, size=12)
    doc.paragraph(themes_count(pack), size=9.5)
    _lines(doc, themes(pack))
    for heading, status in ((words.PACK_ACTIONS_CLOSED, "afgerond"), (words.PACK_ACTIONS_OPEN, "open")):
        doc.heading(heading, size=12)
        _lines(doc, actions(pack, status))
    doc.heading(words.PACK_COMMENTS, size=12)
    _lines(doc, comment_lines(pack))
    doc.heading(words.PACK_ADVICE, size=12)
    doc.ruled_box(words.PACK_ADVICE_HINT, 60, lines=7)
    doc.paragraph(paper.SUPPRESSION_NOTE, size=8)
    return doc.to_bytes()


def _lines(doc: Document, lines: list[str]) -> None:
    doc.style(9.5)
    for line in lines or [words.PACK_NO_ROWS]:
        doc.multi_cell(0, 5, f"• {line}" if lines else line, align="L", new_x="LMARGIN", new_y="NEXT")
    doc.ln(1)
    doc.style()


def _table(doc: Document, pack: EvaluationPack, region: RegionFigures, lever: str) -> None:
    doc.style(8.5)
    heads = (paper.INDICATOR, period_heading(words.PACK_BEFORE, pack.before),
             period_heading(words.PACK_RECENT, pack.recent), words.PACK_NORM, words.PACK_STATUS)
    with doc.table(col_widths=TABLE_WIDTHS, text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
                   line_height=4.4, first_row_as_headings=True) as table:
        table.row(heads)
        for name, before, recent, norm, status in lever_rows(region, lever):
            table.row((name, before, recent, norm, signal_words.status_word(status)))
    doc.ln(2)
    doc.style()
