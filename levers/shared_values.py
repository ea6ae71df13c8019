"""Gedeelde waarden (shared values): the regional vision made visible, one query per family.

Each family function runs one query for all requested periods (a single month or a 24-month series)
and returns one frozen result per period, built only through `make_result`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from levers.catalogue import of_lever
from levers.norms import AMBER, GREEN, resolve_norm, status
from levers.result import IndicatorResult, make_result
from levers.scope import Period, Scope, add_months, sql_params
from levers.sql_files import load_sql, period_rows

CARE_USE = load_sql("shared_values_care_use.sql")
WAITING_TIMES = load_sql("shared_values_waiting_times.sql")
RECURRENCE = load_sql("shared_values_recurrence.sql")
EDUCATION_DIALOGUE = load_sql("shared_values_education_dialogue.sql")
PROVIDER_LEVEL = load_sql("shared_values_provider_level.sql")

REASON_PROVIDER_FILTER = "niet getoond bij een selectie van aanbieders"
REASON_NO_POPULATION = "geen bevolkingscijfers voor dit jaar of eerder"
REASON_ONLY_COMPLEX = "alleen van toepassing op perceel complex"
REASON_NO_PROVIDERS = "geen aanbieders in deze selectie"


def ratio(numerator: float | None, denominator: float | None, scale: float = 100) -> float | None:
    """numerator / denominator × scale; None when there is nothing to divide by."""
    if numerator is None or not denominator:
        return None
    return float(numerator) / float(denominator) * scale


def window_starts(periods: Sequence[Period], months: int) -> list[date]:
    """p_end − `months` months (month-clamped) per period: the open start of a window ending at p_end."""
    return [add_months(period.end, -months) for period in periods]


@dataclass(frozen=True)
class CareUseResult:
    """One period's indicators on trajectories active in P."""

    period: Period
    jeugdhulp_per_1000: IndicatorResult
    zonder_verblijf: IndicatorResult
    crisis_per_1000: IndicatorResult
    aanbieders_per_jeugdige: IndicatorResult


def care_use(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[CareUseResult]:
    """Care use per period.

    jeugdhulp_per_1000: persons active in P / Σ inwoners_0_17 of the municipalities in scope (year of
    p_end, else the latest earlier year) × 1000; not shown when providers are filtered
    zonder_verblijf: trajectories active in P that are not verblijf / trajectories active in P × 100
    crisis_per_1000: persons with a crisis trajectory started in P / youth population (as above) × 1000;
    not shown when providers are filtered
    aanbieders_per_jeugdige: persons with a trajectory in scope active in P; mean of the number of
    distinct providers among *all* their trajectories active in P (any provider, any perceel)

    The population is resolved per municipality (its row for the year of p_end, else its latest
    earlier one). Rates per 1,000 have no population per provider, hence not shown with a filter.
    """
    rows = period_rows(con, CARE_USE, sql_params(con, scope, periods))
    return [_care_use_result(con, scope, period, row) for period, row in zip(periods, rows)]


def _care_use_result(con, scope: Scope, period: Period, row: dict) -> CareUseResult:
    def per_1000(code: str, persons: int) -> IndicatorResult:
        if scope.providers:
            return make_result(con, scope, period, code, None, reason=REASON_PROVIDER_FILTER)
        youths = row["youths"]
        reason = None if youths else REASON_NO_POPULATION
        return make_result(con, scope, period, code, ratio(persons, youths, 1000), youths, reason=reason)

    return CareUseResult(
        period=period,
        jeugdhulp_per_1000=per_1000("jeugdhulp_per_1000", row["persons"]),
        zonder_verblijf=make_result(
            con, scope, period, "zonder_verblijf", ratio(row["without_stay"], row["active"]), row["active"]
        ),
        crisis_per_1000=per_1000("crisis_per_1000", row["crisis_persons"]),
        aanbieders_per_jeugdige=make_result(
            con, scope, period, "aanbieders_per_jeugdige", row["mean_providers"], row["persons"]
        ),
    )


@dataclass(frozen=True)
class WaitingTimesResult:
    """One period's waiting-time indicators (wachttijd_mediaan here, tijdig_gestart for the kaders)."""

    period: Period
    wachttijd_mediaan: IndicatorResult
    tijdig_gestart: IndicatorResult


def waiting_times(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[WaitingTimesResult]:
    """Waiting from registration to start, per period.

    wachttijd_mediaan: median of startdatum − aanmelddatum over trajectories started in P that have an
    aanmelddatum
    tijdig_gestart: trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days /
    those started in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan

    Both share one base, so one query serves both levers; N is resolved per period (norm year = year of
    p_end). Without any norm for wachttijd_mediaan there is no N and tijdig_gestart has no value.
    """
    norms = [resolve_norm(con, "wachttijd_mediaan", scope, period) for period in periods]
    params = sql_params(con, scope, periods) | {"norm_days": [n.norm if n else None for n in norms]}
    rows = period_rows(con, WAITING_TIMES, params)
    return [
        WaitingTimesResult(
            period=period,
            wachttijd_mediaan=make_result(
                con, scope, period, "wachttijd_mediaan", row["median_days"], row["registered"]
            ),
            tijdig_gestart=make_result(
                con, scope, period, "tijdig_gestart",
                ratio(row["within_norm"], row["registered"]) if norm else None, row["registered"],
            ),
        )
        for period, norm, row in zip(periods, norms, rows)
    ]


def recurrence(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[IndicatorResult]:
    """herhaald_beroep: base B = trajectories in scope ended with reden 31 in (p_end − 24 months,
    p_end − 12 months]; share of B whose person has any trajectory (any provider, any perceel) starting
    in (einddatum, einddatum + 365 days]

    The person is the same gemeente and client_id; the denominator is |B| (trajectories).
    """
    params = sql_params(con, scope, periods) | {
        "base_afters": window_starts(periods, 24),
        "base_throughs": window_starts(periods, 12),
    }
    rows = period_rows(con, RECURRENCE, params)
    return [
        make_result(con, scope, period, "herhaald_beroep", ratio(row["returned"], row["base"]), row["base"])
        for period, row in zip(periods, rows)
    ]


def education_dialogue(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[IndicatorResult]:
    """onderwijs_dialoog: distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending
    at p_end (region-wide rows count for every provider)

    The 12 months are (p_end − 12 months, p_end]. Dialogue rows belong to a region, not to a
    municipality or perceel; a provider filter keeps those providers' rows and the region-wide ones.
    """
    params = sql_params(con, scope, periods) | {"window_afters": window_starts(periods, 12)}
    rows = period_rows(con, EDUCATION_DIALOGUE, params)
    return [
        make_result(con, scope, period, "onderwijs_dialoog", row["sessions"])
        for period, row in zip(periods, rows)
    ]


@dataclass(frozen=True)
class ProviderLevelResult:
    """One period's indicators on provider-level data (tevredenheid here, the others for the kaders)."""

    period: Period
    tevredenheid: IndicatorResult
    weigeringen: IndicatorResult
    certificaten: IndicatorResult


def provider_level(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[ProviderLevelResult]:
    """Provider-level data (`uitkomsten`, certificates) of the providers in scope, per period.

    tevredenheid: Σ tevredenheid_positief / Σ tevredenheid_respondenten × 100
    weigeringen: Σ weigeringen of providers with rol `strategisch_partner`, perceel complex
    certificaten: providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires
    within 90 days after p_end

    `uitkomsten` rows count when their quarter overlaps P and their perceel is in scope; respondents are
    the denominator. Refusals are the complex rows of strategic partners with perceel complex or beide;
    with the scope on perceel enkelvoudig there is nothing to count. A certificate "expires within 90
    days" when it is still valid at p_end but would count as expired at p_end + 90 days; that turns a
    groen count oranje (a rood one stays rood). One query serves both levers.
    """
    rows = period_rows(con, PROVIDER_LEVEL, sql_params(con, scope, periods))
    return [_provider_level_result(con, scope, period, row) for period, row in zip(periods, rows)]


def _provider_level_result(con, scope: Scope, period: Period, row: dict) -> ProviderLevelResult:
    satisfied = ratio(row["positive"], row["respondents"])
    if scope.lot == "enkelvoudig":
        refusals = make_result(con, scope, period, "weigeringen", None, reason=REASON_ONLY_COMPLEX)
    else:
        refusals = make_result(con, scope, period, "weigeringen", row["refusals"])

    expired = row["expired"] if row["providers"] else None
    light = status(expired, resolve_norm(con, "certificaten", scope, period), "lower")
    certificates = make_result(
        con, scope, period, "certificaten", expired,
        reason=None if row["providers"] else REASON_NO_PROVIDERS,
        details=(("bijna_verlopen", float(row["expiring"])),),
        status_override=AMBER if light == GREEN and row["expiring"] else None,
    )
    return ProviderLevelResult(
        period=period,
        tevredenheid=make_result(con, scope, period, "tevredenheid", satisfied, row["respondents"]),
        weigeringen=refusals,
        certificaten=certificates,
    )


def compute(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """All indicators of the lever, catalogue order, one tuple per period (for 24-month series)."""
    periods = list(periods)
    return assemble(
        "shared_values",
        care_use(con, scope, periods),
        waiting_times(con, scope, periods),
        recurrence(con, scope, periods),
        education_dialogue(con, scope, periods),
        provider_level(con, scope, periods),
    )


def assemble(lever: str, *families: Sequence) -> list[tuple[IndicatorResult, ...]]:
    """Per period, the lever's results in catalogue order, gathered from its families' outputs.

    A family yields per period an IndicatorResult or a frozen result holding several; results of
    another lever that share the family's query are left out.
    """
    codes = [entry.code for entry in of_lever(lever)]
    tables = []
    for outputs in zip(*families, strict=True):
        found: dict[str, IndicatorResult] = {}
        for output in outputs:
            held = [output] if isinstance(output, IndicatorResult) else vars(output).values()
            found.update((r.code, r) for r in held if isinstance(r, IndicatorResult))
        tables.append(tuple(found[code] for code in codes))
    return tables


def indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """= compute(con, scope, [period])[0]"""
    return compute(con, scope, [period])[0]
