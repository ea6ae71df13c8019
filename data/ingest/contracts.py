"""The CSV contract (csv-contract.md): one pydantic model per upload kind, the single source of truth.

A model declares a kind's columns (Dutch names only in `validation_alias`, attributes named after
the columns of data/store/schema.sql), which are required, their types (data/ingest/decode.py) and their rules
(`Field` constraints, `Check`/`Known` metadata, `ROW_RULES` across columns, `UNIQUE` across rows).
data/ingest/validate.py derives the vectorised DuckDB checks from these same declarations; the models
also validate a single row in Python (`Model.model_validate({"traject_id": ...})`).
"""

from __future__ import annotations

import csv
import operator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from data.ingest import dates
from data.store.tables import TABLE_OF_KIND
from data.ingest.decode import (
    NOT_AFTER_THIS_MONTH, NOT_IN_FUTURE, QUARTER_ENDED, AheadDate, Area, Choice, DutchDate, DutchDecimal, DutchNumber,
    IjwCode, Lot, Month, MunicipalityCode, ProviderCode, ProviderCodeFormat, ProviderLot, Quarter, ReferencePeriod,
    ReferenceRegion, Region,
    RegionList,
    Text, Theme,
    WholeNumber, Year, choice, clean,
)

KINDS = ("trajecten", "kosten", "budget", "uitkomsten", "dialoog", "normen", "aanbieders", "gemeenten", "landelijk",
         "procesbreuken")


# -- rules across the columns of one row -------------------------------------------------------------
@dataclass(frozen=True)
class RowRule:
    """A rule between columns of one row, reported on `column` (an attribute name).

    `sql` is a DuckDB predicate that must hold: `{a}` is this column's decoded value, `{b}` the other
    column's; `{fa}`/`{fb}` say whether their cells are filled. `on_empty` rules judge an empty cell.
    Messages may name `{value}` (this cell's text) and any Dutch column name, e.g. `{startdatum}`.
    """

    column: str
    other: str
    sql: str
    message: str
    on_empty: bool = False

    def holds(self, row: BaseModel) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class Compare(RowRule):
    """`column <op> other` whenever both are filled (e.g. aanmelddatum <= startdatum)."""

    op: str = "<="

    def holds(self, row: BaseModel) -> bool:
        a, b = getattr(row, self.column), getattr(row, self.other)
        return a is None or b is None or _OPERATORS[self.op](a, b)


_OPERATORS = {"<=": operator.le, ">=": operator.ge}


def compare(column: str, op: str, other: str, message: str) -> Compare:
    return Compare(column, other, f"{{a}} is null or {{b}} is null or {{a}} {op} {{b}}", message, op=op)


@dataclass(frozen=True)
class RequiredWith(RowRule):
    """`column` must be filled when `other` is filled."""

    def holds(self, row: BaseModel) -> bool:
        return getattr(row, self.other) is None or getattr(row, self.column) is not None


def required_with(column: str, other: str, message: str) -> RequiredWith:
    return RequiredWith(column, other, "not {fb} or {fa}", message, on_empty=True)


@dataclass(frozen=True)
class EmptyWithout(RowRule):
    """`column` must be empty when `other` is empty."""

    def holds(self, row: BaseModel) -> bool:
        return getattr(row, self.other) is not None or getattr(row, self.column) is None


def empty_without(column: str, other: str, message: str) -> EmptyWithout:
    return EmptyWithout(column, other, "{fb} or not {fa}", message)


@dataclass(frozen=True)
class NegativeOnlyFor(RowRule):
    """`column` may be negative only when `other` has the value `allowed`."""

    allowed: str = ""

    def holds(self, row: BaseModel) -> bool:
        return getattr(row, self.column) >= 0 or getattr(row, self.other) == self.allowed


def negative_only_for(column: str, other: str, allowed: str, message: str) -> NegativeOnlyFor:
    return NegativeOnlyFor(column, other, f"{{a}} >= 0 or {{b}} = '{allowed}'", message, allowed=allowed)


@dataclass(frozen=True)
class Unique:
    """No two rows of one file share `key` (attribute names); a repeat is reported on `column`."""

    column: str
    key: tuple[str, ...]


# -- the base model ----------------------------------------------------------------------------------
class Contract(BaseModel):
    """Common behaviour: empty cells are missing values, and the row rules are checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    KIND: ClassVar[str]
    TABLE: ClassVar[str]
    REPLACE_KEY: ClassVar[tuple[str, ...]]
    ROW_RULES: ClassVar[tuple[RowRule, ...]] = ()
    UNIQUE: ClassVar[Unique | None] = None
    DERIVED: ClassVar[dict[str, str]] = {}  # table column -> DuckDB expression over attributes

    @model_validator(mode="before")
    @classmethod
    def _empty_cells_are_missing(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        stripped = {key: clean(value) if isinstance(value, str) else value for key, value in data.items()}
        return {key: value for key, value in stripped.items() if value not in ("", None)}

    @model_validator(mode="after")
    def _row_rules_hold(self) -> Contract:
        for rule in self.ROW_RULES:
            if not rule.holds(self):
                raise ValueError(f"{rule.column}: {rule.message}")
        return self


# -- the ten kinds ----------------------------------------------------------------------------------
class Trajectory(Contract):
    """1. `trajecten`: one allocated product trajectory, from the iJw administration (JW301/305/307)."""

    KIND = "trajecten"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("municipality", "trajectory_id")
    UNIQUE = Unique("trajectory_id", ("municipality", "trajectory_id"))
    ROW_RULES = (
        compare("registration_date", "<=", "start_date", "{value} ligt na de startdatum {startdatum}"),
        compare("end_date", ">=", "start_date", "{value} ligt vóór de startdatum {startdatum}"),
        required_with("end_reason", "end_date", "verplicht wanneer de einddatum is ingevuld"),
        empty_without("end_reason", "end_date", "{value} moet leeg zijn zolang de einddatum leeg is"),
    )

    trajectory_id: Text = Field(validation_alias="traject_id", max_length=64)
    client_id: Text = Field(validation_alias="client_id", max_length=64)
    municipality: MunicipalityCode = Field(validation_alias="gemeente")
    provider: ProviderCode = Field(validation_alias="aanbieder")
    lot: Lot = Field(validation_alias="perceel")
    product_category: IjwCode["JZ020"] = Field(validation_alias="productcategorie")
    referrer: IjwCode["COD327"] | None = Field(None, validation_alias="verwijzer")
    registration_date: DutchDate | None = Field(None, validation_alias="aanmelddatum")
    start_date: Annotated[DutchDate, NOT_IN_FUTURE] = Field(validation_alias="startdatum")
    end_date: Annotated[DutchDate, NOT_IN_FUTURE] | None = Field(None, validation_alias="einddatum")
    end_reason: IjwCode["JZ588"] | None = Field(None, validation_alias="reden_einde")
    age_group: Choice["0-3", "4-11", "12-17", "18-22"] | None = Field(None, validation_alias="leeftijdsklasse")


class Cost(Contract):
    """2. `kosten`: spending per month (claims JW323/325 and lump-sum payments)."""

    KIND = "kosten"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("month", "municipality")
    ROW_RULES = (
        negative_only_for("amount", "kind", "correctie",
                          "{value} is negatief; alleen soort correctie mag negatief zijn"),
    )

    month: Annotated[Month, NOT_AFTER_THIS_MONTH] = Field(validation_alias="periode")
    municipality: MunicipalityCode = Field(validation_alias="gemeente")
    provider: ProviderCode = Field(validation_alias="aanbieder")
    lot: Lot = Field(validation_alias="perceel")
    product_category: IjwCode["JZ020"] | None = Field(None, validation_alias="productcategorie")
    kind: Choice["declaratie", "lumpsum", "correctie"] = Field(validation_alias="soort")
    amount: DutchDecimal = Field(validation_alias="bedrag")


class Budget(Contract):
    """3. `budget`: a budget ceiling set by a council, for a perceel or one provider in it."""

    KIND = "budget"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("year", "municipality", "lot", "provider")
    UNIQUE = Unique("provider", REPLACE_KEY)

    year: Year = Field(validation_alias="jaar", ge=2015, le=2100)
    municipality: MunicipalityCode = Field(validation_alias="gemeente")
    lot: Lot = Field(validation_alias="perceel")
    provider: ProviderCode | None = Field(None, validation_alias="aanbieder")
    budget: DutchDecimal = Field(validation_alias="budget", gt=0)


class Outcome(Contract):
    """4. `uitkomsten`: a provider's quarterly outcomes (the national outcome set)."""

    KIND = "uitkomsten"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("quarter_start", "provider", "lot")
    UNIQUE = Unique("provider", REPLACE_KEY)
    DERIVED = {"quarter_end": "(quarter_start + interval 3 month - interval 1 day)::date"}
    ROW_RULES = (
        compare("goals_achieved", "<=", "closed_trajectories",
                "{value} is meer dan afgesloten_trajecten ({afgesloten_trajecten})"),
        compare("satisfaction_positive", "<=", "satisfaction_responses",
                "{value} is meer dan tevredenheid_respondenten ({tevredenheid_respondenten})"),
    )

    quarter_start: Annotated[Quarter, QUARTER_ENDED] = Field(validation_alias="periode")
    provider: ProviderCode = Field(validation_alias="aanbieder")
    lot: Lot = Field(validation_alias="perceel")
    closed_trajectories: WholeNumber = Field(validation_alias="afgesloten_trajecten", ge=0)
    goals_achieved: WholeNumber = Field(validation_alias="doelen_behaald", ge=0)
    satisfaction_responses: WholeNumber = Field(validation_alias="tevredenheid_respondenten", ge=0)
    satisfaction_positive: WholeNumber = Field(validation_alias="tevredenheid_positief", ge=0)
    refusals: WholeNumber = Field(validation_alias="weigeringen", ge=0)
    comment: Text | None = Field(None, validation_alias="toelichting", max_length=500)


class Dialogue(Contract):
    """5. `dialoog`: one subject of a dialogue session, with what was seen and agreed."""

    KIND = "dialoog"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("session_date", "region", "provider", "theme", "subject")
    ROW_RULES = (
        required_with("owner", "action", "verplicht wanneer een actie is ingevuld"),
        required_with("status", "action", "verplicht wanneer een actie is ingevuld"),
    )

    session_date: DutchDate = Field(validation_alias="datum")
    region: Region = Field(validation_alias="regio")
    provider: ProviderCode | None = Field(None, validation_alias="aanbieder")
    theme: Theme = Field(validation_alias="thema")
    subject: Text = Field(validation_alias="onderwerp", max_length=200)
    signal: Text | None = Field(None, validation_alias="signaal", max_length=1000)
    action: Text | None = Field(None, validation_alias="actie", max_length=500)
    owner: Text | None = Field(None, validation_alias="eigenaar", max_length=100)
    deadline: AheadDate | None = Field(None, validation_alias="deadline")
    status: Choice["open", "afgerond"] | None = Field(None, validation_alias="status")


# The catalogue's indicator codes as a reference list, so the store need not import the levers: written
# by `python scripts/indicator_codes.py` (tests/test_levers_catalogue_declared_once.py keeps it equal).
INDICATOR_CODES_FILE = Path(__file__).parents[1] / "reference" / "indicatoren.csv"
with INDICATOR_CODES_FILE.open(encoding="utf-8", newline="") as _file:
    INDICATOR_CODES = tuple(row["indicator"] for row in csv.DictReader(_file))

IndicatorCode = choice(INDICATOR_CODES, "{value} is geen indicatorcode uit de catalogus (indicators.md)")


class Norm(Contract):
    """6. `normen`: a norm and margin the region sets for an indicator."""

    KIND = "normen"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("region", "indicator", "year", "lot", "provider")
    UNIQUE = Unique("indicator", REPLACE_KEY)

    region: Region | None = Field(None, validation_alias="regio")  # empty: a default for every region
    indicator: IndicatorCode = Field(validation_alias="indicator")
    year: Year = Field(validation_alias="jaar")
    lot: Lot | None = Field(None, validation_alias="perceel")
    provider: ProviderCode | None = Field(None, validation_alias="aanbieder")
    norm: DutchNumber = Field(validation_alias="norm")
    margin: DutchNumber = Field(0, validation_alias="marge", ge=0)


class Provider(Contract):
    """7. `aanbieders`: the providers the region contracts (reference for every other kind)."""

    KIND = "aanbieders"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("provider",)
    UNIQUE = Unique("provider", REPLACE_KEY)

    provider: ProviderCodeFormat = Field(validation_alias="aanbieder")
    name: Text = Field(validation_alias="naam", max_length=120)
    lot: ProviderLot = Field(validation_alias="perceel")
    role: Choice["strategisch_partner", "ontwikkelpartner", "overig"] = Field(validation_alias="rol")
    consortium: Text | None = Field(None, validation_alias="samenwerkingsverband", max_length=120)
    regions: RegionList = Field(validation_alias="regio")
    certificate_valid_until: AheadDate | None = Field(None, validation_alias="certificaat_geldig_tot")


class Population(Contract):
    """8. `gemeenten`: the youth population of a municipality in a year (and a region override)."""

    KIND = "gemeenten"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("municipality", "year")
    UNIQUE = Unique("municipality", REPLACE_KEY)

    municipality: MunicipalityCode = Field(validation_alias="gemeente")
    year: Year = Field(validation_alias="jaar")
    youths_0_17: WholeNumber = Field(validation_alias="inwoners_0_17", gt=0)
    region: ReferenceRegion | None = Field(None, validation_alias="jeugdregio")


class NationalFigure(Contract):
    """9. `landelijk`: a reference figure published by CBS for a municipality, a jeugdregio or the country.

    Shown beside our own figures, never mixed into them (issue 13). CBS's padded codes (`GM0392  `)
    lose their blanks like every cell; its period forms (`2024HJ01`) are read as ours (`2024-H1`).
    """

    KIND = "landelijk"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("source", "area", "period", "indicator")
    UNIQUE = Unique("indicator", REPLACE_KEY)
    DERIVED = {"period_start": dates.SQL_REFERENCE_PERIOD_START.replace("{x}", "period"),
               "period_end": dates.SQL_REFERENCE_PERIOD_END.replace("{x}", "period")}

    source: Text = Field(validation_alias="bron", max_length=100)
    area: Area = Field(validation_alias="gebied")
    period: ReferencePeriod = Field(validation_alias="periode")
    indicator: IndicatorCode = Field(validation_alias="indicator")
    value: DutchNumber = Field(validation_alias="waarde")
    definition: Text | None = Field(None, validation_alias="definitie", max_length=500)


class ProcessChange(Contract):
    """10. `procesbreuken`: a date at which the region's way of working changed (signals.md §3a).

    The charts compute their process limits from the points after the latest change only.
    """

    KIND = "procesbreuken"
    TABLE = TABLE_OF_KIND[KIND]
    REPLACE_KEY = ("region", "day", "indicator")
    UNIQUE = Unique("day", REPLACE_KEY)

    region: Region = Field(validation_alias="regio")
    day: DutchDate = Field(validation_alias="datum")
    indicator: IndicatorCode | None = Field(None, validation_alias="indicator")
    description: Text = Field(validation_alias="omschrijving", max_length=120)


MODELS: dict[str, type[Contract]] = {
    model.KIND: model
    for model in (Trajectory, Cost, Budget, Outcome, Dialogue, Norm, Provider, Population, NationalFigure,
                  ProcessChange)
}


def columns(kind: str) -> list[str]:
    """The Dutch CSV column names of a kind, in contract order."""
    return [field.validation_alias for field in MODELS[kind].model_fields.values()]


def number_columns(kind: str) -> list[str]:
    """The Dutch names of a kind's number columns: what a provider fills in with a count or amount (the
    reporting-burden statement counts them from here, so it cannot drift from what the file asks)."""
    return [field.validation_alias for field in MODELS[kind].model_fields.values()
            if field.annotation in (int, float)]


def required_columns(kind: str) -> list[str]:
    return [field.validation_alias for field in MODELS[kind].model_fields.values() if field.is_required()]


def template(kind: str) -> str:
    """The header line of an empty template: `;`-separated, CRLF (Dutch Excel)."""
    return ";".join(columns(kind)) + "\r\n"


def detect_kind(header: list[str]) -> str | None:
    """The kind whose columns a header matches best (most shared names, then all required present).

    None when nothing matches or two kinds match equally well. A best match need not be perfect:
    validation then names the missing and extra columns of that kind.
    """
    names = {name.strip().lower() for name in header}

    def score(kind: str) -> tuple[int, bool]:
        return len(names & set(columns(kind))), set(required_columns(kind)) <= names

    ranked = sorted(KINDS, key=score, reverse=True)
    best, runner_up = score(ranked[0]), score(ranked[1])
    if best[0] == 0 or best == runner_up:
        return None
    return ranked[0]
