"""Scenarios: what a tariff index, volume growth, a shift from residential to family care or a changed lump
sum does to this year's forecast and next year's spending (ahead.md §2).

`baseline` reads, once per scope and period, what the levers act on (SQL in levers/sql/scenario_*.sql, on
the budget family's year_forecast); `apply` is arithmetic on it, so a changed slider costs no query.
Levers act from the month after p_end: on the remaining months of this year and on the whole next year.
Per (gemeente, perceel):
- volume growth v (% youths, per perceel) and tariff index t (%, per perceel) move declarations only
  (soort `declaratie`), first the volume, then the tariff on it: Δvolume = D·v, Δtariff = D·(1+v)·t;
- the shift moves x% of the cell's youths in residentieel care to gezinsgericht care: Δ = x · youths ·
  (cost per youth gezinsgericht − residentieel), both per perceel from the scope's own kosten of the last 12
  months; a year's Δ, of which this year gets the remaining months' share (12 − m) / 12;
- a lump sum changed by € X a year for a provider is spread over its cells as its lump sums of the last 12
  months are; this year gets (12 − m) / 12 of it.
A scenario of zeros adds exactly 0.0 to every baseline figure: it equals the baseline to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb

from levers.scope import Period, Scope, sql_params
from levers.sql_files import load_sql, used_params

LEVERS = ("volume", "tariff", "shift", "lump_sum")  # the waterfall's order, one bar each
LOTS = ("complex", "enkelvoudig")


@dataclass(frozen=True)
class Settings:
    """The levers as a reader sets them; every one 0 by default."""

    tariff: Mapping[str, float] = field(default_factory=dict)  # perceel -> % on declarations
    volume: Mapping[str, float] = field(default_factory=dict)  # perceel -> % youths
    shift: float = 0.0  # % of the youths in residentieel care to gezinsgericht
    lump_sums: Mapping[str, float] = field(default_factory=dict)  # provider -> € a year more (negative: less)


@dataclass(frozen=True)
class BaseCell:
    municipality: str
    lot: str
    so_far: float  # corrected spending January through p_end: no lever moves it
    remaining_declared: float  # expected declarations of the remaining months
    remaining_other: float  # lump sums and corrections of the remaining months
    next_declared: float
    next_other: float
    residential_youths: int
    budget: float | None

    @property
    def year(self) -> float:
        return self.so_far + self.remaining_declared + self.remaining_other

    @property
    def next_year(self) -> float:
        return self.next_declared + self.next_other


@dataclass(frozen=True)
class Baseline:
    months: int  # m: January through the month of p_end
    cells: tuple[BaseCell, ...]
    cost_per_youth: Mapping[tuple[str, str], float]  # (perceel, 'residentieel' | 'gezinsgericht') -> € a year
    lump_sums: Mapping[str, Mapping[tuple[str, str], float]]  # provider -> (gemeente, perceel) -> € in 12 months

    def shift_saving_per_youth(self, lot: str) -> float | None:
        """€ a year per youth moved from residentieel to gezinsgericht care in `lot` (negative: cheaper);
        None when the scope has no costs of one of the two."""
        residential = self.cost_per_youth.get((lot, "residentieel"))
        family = self.cost_per_youth.get((lot, "gezinsgericht"))
        return None if residential is None or family is None else family - residential


@dataclass(frozen=True)
class Cell:
    """One (gemeente, perceel): baseline beside scenario, this year and next, and each lever's part."""

    municipality: str
    lot: str
    budget: float | None
    year_baseline: float
    year_scenario: float
    next_baseline: float
    next_scenario: float
    year_effects: Mapping[str, float]  # lever -> Δ this year
    next_effects: Mapping[str, float]  # lever -> Δ next year

    @property
    def year_difference(self) -> float:
        return self.year_scenario - self.year_baseline

    @property
    def next_difference(self) -> float:
        return self.next_scenario - self.next_baseline


@dataclass(frozen=True)
class Outcome:
    settings: Settings
    cells: tuple[Cell, ...]

    def total(self, attribute: str) -> float:
        return sum(getattr(cell, attribute) for cell in self.cells)

    @property
    def budget(self) -> float | None:
        budgets = [cell.budget for cell in self.cells if cell.budget is not None]
        return sum(budgets) if budgets else None

    def steps(self, next_year: bool = True) -> tuple[tuple[str, float], ...]:
        """The waterfall: the baseline, one change per lever (in LEVERS order), the scenario."""
        effects = "next_effects" if next_year else "year_effects"
        start = self.total("next_baseline" if next_year else "year_baseline")
        changes = tuple((lever, sum(getattr(cell, effects)[lever] for cell in self.cells)) for lever in LEVERS)
        end = self.total("next_scenario" if next_year else "year_scenario")
        return (("baseline", start), *changes, ("scenario", end))


def baseline(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> Baseline:
    """What the levers act on, for the scope and the month of p_end."""
    month = Period.month(period.end.year, period.end.month)
    params = sql_params(con, scope, month)

    def rows(name: str) -> list[tuple]:
        sql = load_sql(name)
        return con.execute(sql, used_params(sql, params)).fetchall()

    cells = tuple(BaseCell(*row) for row in rows("scenario_cells.sql"))
    cost_per_youth = {(lot, care): amount / youths for lot, care, amount, youths in rows("scenario_care_costs.sql")
                      if amount is not None and youths}
    lump_sums: dict[str, dict[tuple[str, str], float]] = {}
    for provider, municipality, lot, amount in rows("scenario_lump_sums.sql"):
        lump_sums.setdefault(provider, {})[(municipality, lot)] = amount
    return Baseline(months=month.end.month, cells=cells, cost_per_youth=cost_per_youth, lump_sums=lump_sums)


def apply(base: Baseline, settings: Settings) -> Outcome:
    """The scenario's outcome per (gemeente, perceel) (see the module note)."""
    rest_of_year = (12 - base.months) / 12
    lump_per_cell = _lump_sums_per_cell(base, settings)
    cells = []
    for cell in base.cells:
        volume = settings.volume.get(cell.lot, 0.0) / 100
        tariff = settings.tariff.get(cell.lot, 0.0) / 100
        per_youth = base.shift_saving_per_youth(cell.lot)
        shift = settings.shift / 100 * cell.residential_youths * per_youth if per_youth is not None else 0.0
        lump = lump_per_cell.get((cell.municipality, cell.lot), 0.0)
        year = {"volume": cell.remaining_declared * volume,
                "tariff": cell.remaining_declared * (1 + volume) * tariff,
                "shift": shift * rest_of_year, "lump_sum": lump * rest_of_year}
        next_year = {"volume": cell.next_declared * volume, "tariff": cell.next_declared * (1 + volume) * tariff,
                     "shift": shift, "lump_sum": lump}
        cells.append(Cell(cell.municipality, cell.lot, cell.budget, cell.year, cell.year + sum(year.values()),
                          cell.next_year, cell.next_year + sum(next_year.values()), year, next_year))
    return Outcome(settings, tuple(cells))


def scenario(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period, settings: Settings) -> Outcome:
    """The baseline of the scope and period with `settings` applied."""
    return apply(baseline(con, scope, period), settings)


def _lump_sums_per_cell(base: Baseline, settings: Settings) -> dict[tuple[str, str], float]:
    """Each provider's change (€ a year) spread over its cells as its lump sums of the last 12 months are."""
    spread: dict[tuple[str, str], float] = {}
    for provider, change in settings.lump_sums.items():
        shares = base.lump_sums.get(provider, {})
        whole = sum(shares.values())
        for key, amount in shares.items():
            spread[key] = spread.get(key, 0.0) + change * amount / whole
    return spread
