"""The council report (bestuursrapportage): what it shows, gathered from the levers in one go.

The content follows the Overzicht page: the four levers with their headline indicators and one
sentence each, the top signals, the municipalities compared, and per lever every indicator with the
headline trends. Every figure comes from figures.Figures, the object the screens ask too, so a figure
is narrowed and suppressed on paper as on screen. `reports.council_pdf` lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from figures.figures import Figures
from levers.catalogue import LEVER_NAMES, LEVERS, definition
from levers.chart_model import FanModel
from levers.compare import ComparisonRow
from levers.freshness import Freshness
from levers.national import NationalFigure, NationalPair
from levers.notes import Note
from levers.price_volume import PriceVolume
from levers.registry import pick
from levers.result import IndicatorResult
from levers.scenario import Outcome, Settings
from levers.scope import Period, Scope
from levers.series import Series
from levers.variation import Variation
from wording import sentences

# The figures of each lever tile, the indicators compared per municipality and the number of signals:
# the Overzicht page's own choice, so paper and screen tell one story.
HEADLINES, COMPARED, MAX_SIGNALS = sentences.HEADLINES, sentences.COMPARED, sentences.MAX_SIGNALS


@dataclass(frozen=True)
class LeverSection:
    """One lever: its results in catalogue order, the headline ones with their series, a sentence."""

    lever: str
    name: str
    sentence: str
    results: tuple[IndicatorResult, ...]
    headlines: tuple[IndicatorResult, ...]
    trends: tuple[Series, ...]  # one per headline, same order
    all_trends: tuple[Series, ...] = ()  # one per result, same order: variatie and zekerheid of each

    def variation(self, code: str) -> Variation | None:
        """The variatie and zekerheid of `code`'s series (None when it was not computed)."""
        return next((trend.variation for trend in self.all_trends if trend.code == code), None)


@dataclass(frozen=True)
class Comparison:
    """One indicator per municipality, highest first as on the dashboard's bar chart."""

    code: str
    name: str
    unit: str
    norm: float | None
    finding: str  # e.g. 'Het hoogst in Velsen (…), het laagst in …'
    rows: tuple[tuple[str, IndicatorResult], ...]


@dataclass(frozen=True)
class Signal:
    result: IndicatorResult
    sentence: str


@dataclass(frozen=True)
class CouncilReport:
    scope: Scope
    period: Period
    municipality_names: tuple[str, ...]  # empty: the whole region
    provider_names: tuple[str, ...]  # empty: all providers
    sections: tuple[LeverSection, ...]
    signals: tuple[Signal, ...]  # the most urgent MAX_SIGNALS
    more_signals: int  # how many further signals there are
    comparisons: tuple[Comparison, ...]  # empty when the scope holds one municipality
    freshness: Freshness
    made_on: date
    price_volume: tuple[PriceVolume, ...] = ()  # spending against a year earlier: volume and price
    # CBS figures beside ours, by code: each with the scope's value over the figure's own period (signals.md §7)
    national: dict[str, NationalPair] = field(default_factory=dict)
    national_rows: tuple[NationalFigure, ...] = ()  # every national figure: segments on the trend charts
    notes: tuple[Note, ...] = ()  # toelichtingen of the scope and period (levers.notes)
    fan: FanModel | None = None  # the year-end forecast as a fan chart (ahead.md §1)
    scenario: Outcome | None = None  # "Neem op in raadsrapport" (ahead.md §2): a page with its settings and outcome
    provider_lookup: dict[str, str] = field(default_factory=dict)  # code -> name, for the scenario's lump sums
    municipality_lookup: dict[str, str] = field(default_factory=dict)  # code -> name, for the scenario's table


def council_report(figures: Figures, scope: Scope, period: Period, *, made_on: date | None = None,
                   scenario: Settings | None = None) -> CouncilReport:
    """Everything the report shows for `scope` (narrowed by the figures' rights) and P."""
    seen = figures.rights.narrow(scope)
    if seen is None:
        raise ValueError(f"these rights do not reach {scope.region}")
    results = figures.indicators(seen, period)
    sections = tuple(_section(figures, lever, results, seen, period) for lever in LEVERS)
    due = sentences.signals(results)
    signals = tuple(Signal(r, sentences.indicator_sentence(r, seen)) for r in due[:MAX_SIGNALS])
    per_lever = {lever: figures.by_municipality(seen, period, lever)
                 for lever in dict.fromkeys(definition(code).lever for code in COMPARED)}
    comparisons = tuple(_comparison(code, per_lever[definition(code).lever], results) for code in COMPARED)
    if all(len(c.rows) < 2 for c in comparisons):
        comparisons = ()
    municipality_names = ()
    if seen.municipalities:
        municipality_names = tuple(row.name for row in next(iter(per_lever.values())))
    provider_names = ()
    if seen.providers:
        chosen = figures.providers(seen.regions, seen.lot)
        provider_names = tuple(name for code, name in chosen if code in seen.providers)
    return CouncilReport(
        scope=seen, period=period, municipality_names=municipality_names, provider_names=provider_names,
        sections=sections, signals=signals, more_signals=max(len(due) - MAX_SIGNALS, 0),
        comparisons=comparisons, freshness=figures.freshness(seen, period), made_on=made_on or date.today(),
        price_volume=figures.price_volume(seen, period), national=figures.national_pairs(seen, period),
        national_rows=figures.national_rows(),
        notes=figures.notes(seen, period),
        fan=figures.fan(seen, period),
        scenario=figures.scenario(seen, period, scenario) if scenario is not None else None,
        provider_lookup=dict(figures.providers(seen.region)) if scenario is not None else {},
        municipality_lookup=dict(figures.municipalities(seen.region)) if scenario is not None else {},
    )


def _section(figures: Figures, lever: str, results: tuple[IndicatorResult, ...], scope: Scope,
             period: Period) -> LeverSection:
    own = tuple(r for r in results if r.lever == lever)
    series = {s.code: s for s in figures.series(scope, period, lever)}
    codes = HEADLINES[lever]
    return LeverSection(
        lever=lever, name=LEVER_NAMES[lever], sentence=sentences.lever_sentence(lever, results, scope),
        results=own, headlines=tuple(pick(own, code) for code in codes),
        trends=tuple(series[code] for code in codes), all_trends=tuple(series[r.code] for r in own),
    )


def _comparison(code: str, municipalities: tuple[ComparisonRow, ...],
                results: tuple[IndicatorResult, ...]) -> Comparison:
    """One compared indicator, picked from its lever's results per municipality."""
    entry = definition(code)
    rows = [(row.name, pick(row.results, code)) for row in municipalities]
    rows.sort(key=lambda row: (row[1].value is None, -(row[1].value or 0)))
    return Comparison(
        code=code, name=entry.name, unit=entry.unit, norm=pick(results, code).norm,
        finding=sentences.comparison_title(rows), rows=tuple(rows),
    )
