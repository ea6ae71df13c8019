"""Indicator results and agenda items as plain rows and lines, for `python -m levers report|agenda`.

The report is read by machines (the council's BI tools): numbers use `.` as decimal point, no
thousands separator, and what is suppressed stays suppressed (`<5` or empty). Status, variatie and
zekerheid are bare codes (groen, zorg, haalt_niet); `periode_waarde` names the period a value really
comes from when it is not the asked one (signals.md §1, §3). `landelijk` is the national (CBS)
figure shown beside the value, if any (issue 13 §1): context only, never part of the status; it is
a figure of its own period `landelijk_periode` (signals.md §7: P itself, else the latest national period
ended by p_end), so `regio_landelijke_periode` gives the scope's value over that same period.
`prognose_laag`, `prognose_hoog` and `kans_overschrijding` are the budget forecast's 80% band and its
chance of overspending in % (ahead.md §1), empty for every other indicator.
`reden` and the agenda line are Dutch text: their words come from wording.reasons and wording.agenda.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import TextIO

from levers.agenda import AgendaItem
from levers.catalogue import LEVER_NAMES
from levers.forecast import BacktestMonth
from levers.national import NationalPair
from levers.result import IndicatorResult
from levers.rounding import half_up
from levers.variation import Variation
from wording.agenda import dutch_number, shown_value, why
from wording.fmt import number
from wording.reasons import reason_text

COLUMNS = ("code", "hefboom", "naam", "eenheid", "waarde", "norm", "marge", "status", "noemer", "variatie",
           "zekerheid", "periode_waarde", "reden", "landelijk", "landelijk_periode", "regio_landelijke_periode",
           "prognose_laag", "prognose_hoog", "kans_overschrijding")  # signals.md §7: the national three follow `reden`
# Detail figures a row carries in its own columns (ahead.md §1: the budget forecast's 80% band and its
# chance of overspending); empty for an indicator without them.
DETAIL_COLUMNS = ("prognose_laag", "prognose_hoog", "kans_overschrijding")


def decimal_text(value: float | None) -> str:
    """Two decimals with a decimal point ('48.50'); empty for no value."""
    if value is None:
        return ""
    return str(half_up(value, 2))


def count_text(value: float | None) -> str:
    """A denominator: whole numbers as such ('123'), others with two decimals; empty for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else decimal_text(value)


def report_row(result: IndicatorResult, variation: Variation | None = None,
               national: NationalPair | None = None) -> dict[str, str]:
    """One indicator as the report shows it: suppressed values as `<5` or empty."""
    return {
        "code": result.code,
        "hefboom": LEVER_NAMES[result.lever],
        "naam": result.name,
        "eenheid": result.unit,
        "waarde": result.value_label or decimal_text(result.value),
        "norm": decimal_text(result.norm),
        "marge": decimal_text(result.margin),
        "status": result.status,
        "noemer": result.denominator_label or count_text(result.denominator),
        "variatie": variation.variatie if variation else "",
        "zekerheid": variation.zekerheid if variation else "",
        "periode_waarde": result.source_period or "",
        "reden": reason_text(result.reason),
        "landelijk": decimal_text(national.figure.value) if national else "",
        "landelijk_periode": national.figure.period if national else "",
        "regio_landelijke_periode": (national.own.value_label or decimal_text(national.own.value)) if national else "",
        **{column: decimal_text(result.detail.get(column)) for column in DETAIL_COLUMNS},
    }


def report_rows(results: Iterable[IndicatorResult], variations: Mapping[str, Variation] | None = None,
                national: Mapping[str, NationalPair] | None = None) -> list[dict[str, str]]:
    """The rows of `results`, each with the variatie and zekerheid of its series and its national
    figure with the scope's value over the figure's period (both by code) when given."""
    found, figures = variations or {}, national or {}
    return [report_row(result, found.get(result.code), figures.get(result.code)) for result in results]


def write_csv(rows: list[dict[str, str]], out: TextIO) -> None:
    """Comma-separated, header first, quoted where a field holds a comma."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def write_json(rows: list[dict[str, str]], out: TextIO) -> None:
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")


def agenda_line(item: AgendaItem) -> str:
    """One agenda item on one line, beginning with the indicator's code (tab-separated)."""
    norm = f"norm {dutch_number(item.norm)}"
    return "\t".join((item.code, item.status, shown_value(item), norm, f"thema {item.theme}", why(item)))


def backtest_table(region: str, months: list[BacktestMonth]) -> str:
    """The backtest as a plain Dutch table: per month of the year the old and the new forecast's mean
    absolute error (% of the year's outcome) and how often the 80% band held the outcome."""
    lines = [f"Toets van de budgetprognose, {region}: gemiddelde absolute fout in % van de jaaruitkomst",
             f"{'maand':>5}  {'gevallen':>8}  {'oud (Σ/m×12)':>12}  {'nieuw':>7}  {'80%-band hield':>14}"]
    for month in months:
        lines.append(f"{month.month_of_year:>5}  {month.cases:>8}  {number(month.old_mae_pct, 1):>12}  "
                     f"{number(month.new_mae_pct, 1):>7}  {number(month.coverage_pct, 0) + '%':>14}")
    total = sum(month.cases for month in months)
    held = sum(month.coverage_pct * month.cases for month in months) / total
    lines.append(f"De 80%-band hield de uitkomst in {number(held, 0)}% van de {total} gevallen.")
    return "\n".join(lines)
