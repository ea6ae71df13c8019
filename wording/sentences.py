"""Plain-Dutch sentences and chart titles generated from indicator results.

Pure functions (no Streamlit), so that what an alderman reads can be tested word for word:
one sentence per lever, the signals in order of urgency, and titles that state a chart's finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from levers.catalogue import CATALOGUE, CODES, LEVERS, definition
from levers.result import IndicatorResult
from levers.norms import AMBER, RED
from levers.scope import Period, PeriodKind, Scope, add_months
from levers.series import Series
from levers.suppression import SMALL_COUNT_LABEL, SMALL_COUNT_LIMIT
from wording import fmt, texts
from wording import signals as signal_words

SIGNAL_STATUSES = (RED, AMBER)

# What the Overzicht tells (and the council report repeats): the figures of each lever tile,
# the indicators the municipalities are compared on, and how many signals are listed.
HEADLINES = {
    "shared_values": ("zonder_verblijf", "wachttijd_mediaan", "tevredenheid"),
    "boundaries": ("budgetuitputting", "weigeringen", "tijdig_gestart"),
    "diagnostics": ("unieke_jeugdigen", "volgens_plan", "kosten_per_jeugdige"),
    "interaction": ("dialoogsessies", "acties_verlopen", "themadekking"),
}
HEADLINE_CODES = tuple(code for lever in LEVERS for code in HEADLINES[lever])
COMPARED = ("jeugdhulp_per_1000", "zonder_verblijf", "wachttijd_mediaan", "kosten_per_jeugdige")
MAX_SIGNALS = 5
# points between a value and the one a year earlier
YEAR_BACK = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}


def signals(results: Sequence[IndicatorResult]) -> list[IndicatorResult]:
    """Red and amber indicators: rood first, then lever order, then catalogue order."""
    due = [r for r in results if r.status in SIGNAL_STATUSES]
    return sorted(due, key=lambda r: (SIGNAL_STATUSES.index(r.status), LEVERS.index(r.lever), CODES.index(r.code)))


# Indicators over a fixed window of months up to the period's end, whatever the period: in a quarter
# or year view the tile names the window, so "Sessies (6 mnd)" is not read as the year's sessions.
# From the catalogue's declarations: window_months, and the window_label that names the months.
_WINDOW_MONTHS = {d.code: d.window_months for d in CATALOGUE if d.window_months and d.window_label}


def tile_label(code: str, period: Period) -> str:
    """The short name on an Overzicht tile: `Sessies (6 mnd)` for a month, `Sessies jul–dec 2025` for a year."""
    entry = definition(code)
    months = _WINDOW_MONTHS.get(code)
    if months is None or period.kind == PeriodKind.MONTH:
        return entry.short_name or entry.name
    first = add_months(period.end, 1 - months)
    return entry.window_label.format(first=fmt.month_short(first).split()[0], last=fmt.month_short(period.end))


def budget_amounts(result: IndicatorResult) -> str | None:
    """`Prognose € 12.360.000 van € 12.000.000 budget` under the budget percentage; None for other indicators."""
    if result.code != "budgetuitputting" or result.value is None or not result.denominator:
        return None
    forecast = result.value / 100 * result.denominator
    return texts.BUDGET_AMOUNTS.format(forecast=fmt.euro(forecast), budget=fmt.euro(result.denominator))


def signals_with_providers(results: Sequence[IndicatorResult],
                           providers: Sequence[tuple[str, Sequence[IndicatorResult]]]) -> list[tuple[str | None, IndicatorResult]]:
    """The scope's signals and each provider's own breaches of the boundaries, as (provider name or None, result).

    A provider at 125% of its own budget is a signal even when the region as a whole is within its
    budget (issue 11). Rood before oranje; within a colour the scope's own signals first.
    """
    tagged = [(None, r) for r in signals(results)]
    tagged += [(name, r) for name, own in providers for r in signals(own) if r.lever == "boundaries"]
    return sorted(tagged, key=lambda item: (SIGNAL_STATUSES.index(item[1].status), item[0] is not None))


def indicator_sentence(result: IndicatorResult, scope: Scope) -> str:
    """What a red or amber indicator means, in one sentence."""
    fields = {
        "name": result.name,
        "value": fmt.value(result),
        "norm": fmt.NOT_SHOWN if result.norm is None else fmt.in_unit(result.norm, result.unit),
        "lot": texts.LOT_BUDGET[scope.lot],
        "excess": "",
    }
    entry = definition(result.code)
    sentence = entry.sentence or texts.SENTENCE_FALLBACK
    if entry.sentence_within is not None:  # e.g. the budget: under it a forecast, over it an overrun
        limit, within = entry.sentence_within
        if result.value is None or result.value <= limit:
            sentence = within
        else:
            fields["excess"] = fmt.percent(result.value - limit)
    return sentence.format(**fields)


def lever_sentence(lever: str, results: Sequence[IndicatorResult], scope: Scope) -> str:
    """The lever in one sentence: its most urgent signal, else a calm summary."""
    own = [r for r in results if r.lever == lever]
    urgent = signals(own)
    if urgent:
        return indicator_sentence(urgent[0], scope)
    judged = any(r.value is not None and r.norm is not None for r in own)
    if not judged and lever not in texts.LEVERS_DESCRIBED:
        return texts.LEVER_NO_DATA
    shown = {r.code: fmt.value(r) for r in own}
    return texts.LEVER_OK[lever].format(**shown)


def trend_title(unit: str, series: Series) -> str:
    """The finding of a trend chart: the change over the last year between points of the series.

    Its last number is the series' last point, which is the value in the table beside it (signals.md
    §2); a year back is 12 months, 4 quarters or 1 year. Fewer than 2 valued points draw no line.
    """
    points = series.points
    if series.valued < 2:
        return texts.TREND_NONE
    last = Period.parse(points[-1].period_label)
    if points[-1].value is None:
        if points[-1].value_label == SMALL_COUNT_LABEL:
            return signal_words.TREND_SMALL_LATEST.format(limit=SMALL_COUNT_LIMIT, period=fmt.period_label(last))
        return signal_words.TREND_NO_LATEST.format(period=fmt.period_label(last))
    now = points[-1].value
    year_back = YEAR_BACK[last.kind]
    before = points[-1 - year_back].value if len(points) > year_back else None
    fields = {"now": fmt.in_unit(now, unit), "period": fmt.period_label(last)}
    if before is None:
        title = texts.TREND_NOW.format(**fields)
    else:
        fields["before"] = fmt.in_unit(before, unit)
        if fields["before"] == fields["now"]:
            title = texts.TREND_SAME.format(**fields)
        else:
            title = (texts.TREND_ROSE if now > before else texts.TREND_FELL).format(**fields)
    return title


def comparison_title(rows: Sequence[tuple[str, IndicatorResult]]) -> str:
    """The finding of a comparison: where the value is highest and lowest (shown values only)."""
    shown = [(label, result) for label, result in rows if result.value is not None]
    if not shown:
        return texts.COMPARE_NONE
    if len(shown) == 1:
        label, result = shown[0]
        return texts.COMPARE_ONE.format(label=label, value=fmt.value(result))
    high = max(shown, key=lambda row: row[1].value)
    low = min(shown, key=lambda row: row[1].value)
    return texts.COMPARE_SPREAD.format(
        high=high[0], high_value=fmt.value(high[1]), low=low[0], low_value=fmt.value(low[1]),
    )


def scope_name(scope: Scope, names: Mapping[str, str] | None = None, region: str | None = None) -> str:
    """Whose figures: the one municipality chosen (its name from `names`: code → name), else the region
    (`IJmond`, or a joint scope's `IJmond en Zuid-Kennemerland`)."""
    if len(scope.municipalities) == 1:
        return (names or {}).get(scope.municipalities[0], scope.municipalities[0])
    return region or scope.region


def header(region: str, period: Period, scope: Scope, names: Mapping[str, str] | None = None) -> str:
    """`Jeugdhulp IJmond · oktober 2026 · beide percelen`; with one municipality chosen its name
    (`Jeugdhulp Velsen · …`, from `names`: code → name), since the figures are that municipality's."""
    region = scope_name(scope, names, region)
    return texts.HEADER.format(region=region, period=fmt.period_label(period), lots=texts.LOT_LABELS[scope.lot])
