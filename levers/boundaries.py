"""Kaders en randvoorwaarden (boundaries): budget, acceptance duty, waiting norm, volume, contracts.

Each family function runs one query for all requested periods and returns one frozen result per
period, built only through `make_result`. Where a family shares its base with a shared value
(tijdig_gestart with wachttijd_mediaan; weigeringen and certificaten with tevredenheid), one query in
`shared_values` serves both levers and the function here names the indicators.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from levers.result import IndicatorResult, make_result
from levers.scope import Period, Scope, sql_params
from levers.shared_values import (
    ProviderLevelResult, assemble, provider_level, ratio, waiting_times,
)
from levers.sql_files import load_sql, period_rows

BUDGET = load_sql("boundaries_budget.sql")
VOLUME_GROWTH = load_sql("boundaries_volume_growth.sql")

REASON_NO_BUDGET = "geen budget vastgesteld voor dit jaar"
REASON_NO_PROVIDER_BUDGET = "geen budget per aanbieder vastgesteld voor de gekozen aanbieder(s)"
REASON_NOT_COMPLEX = "niet van toepassing op perceel complex"
REASON_NO_EARLIER = "geen jeugdigen in enkelvoudige jeugdhulp in dezelfde periode een jaar eerder"


def budget(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[IndicatorResult]:
    """budgetuitputting: m = months from January through the month of p_end; forecast = (Σ bedrag of those
    months of that year) / m × 12 / budget × 100. Also shown: realised so far (Σ/budget × 100) and pro
    rata (m/12 × 100). Budget: without a provider filter the perceel-level rows (empty aanbieder) of the
    scope, or, where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider
    filter only those providers' rows (none → grijs)

    Spending follows the same scope (municipalities, perceel, providers). Months without spending add
    nothing: a budget with no costs yet forecasts 0%. The budget is the denominator.
    """
    rows = period_rows(con, BUDGET, sql_params(con, scope, periods))
    no_budget = REASON_NO_PROVIDER_BUDGET if scope.providers else REASON_NO_BUDGET
    results = []
    for period, row in zip(periods, rows):
        spent, months, amount = row["spent"], row["months"], row["budget"]
        forecast = ratio(spent / months * 12, amount)
        details = (("gerealiseerd", ratio(spent, amount)), ("pro_rata", months / 12 * 100))
        results.append(make_result(
            con, scope, period, "budgetuitputting", forecast, amount,
            reason=None if amount else no_budget, details=details,
        ))
    return results


def provider_conditions(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[ProviderLevelResult]:
    """Acceptance duty and certificates of the providers in scope, per period.

    weigeringen: Σ weigeringen of providers with rol `strategisch_partner`, perceel complex
    certificaten: providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires
    within 90 days after p_end

    Computed with tevredenheid in one query over the provider-level data; the rules in detail are at
    `shared_values.provider_level`.
    """
    return provider_level(con, scope, periods)


def timely_start(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[IndicatorResult]:
    """tijdig_gestart: trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days /
    those started in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan

    Computed with wachttijd_mediaan in one query (`shared_values.waiting_times`), with N resolved per
    period like any norm (uploaded for the year of p_end, else the default of 42 days).
    """
    return [waiting.tijdig_gestart for waiting in waiting_times(con, scope, periods)]


def volume_growth(con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]) -> list[IndicatorResult]:
    """volumegroei_enkelvoudig: (persons active in P in perceel enkelvoudig / persons active in the same
    period one year earlier in perceel enkelvoudig − 1) × 100; denominator = the earlier count; grijs when
    the scope is perceel complex

    "The same period one year earlier" is the same month, quarter or year of the previous year
    (`Period.year_earlier`); the municipality and provider filters of the scope apply to both counts.
    """
    params = sql_params(con, scope, periods) | {
        "prev_starts": [period.year_earlier().start for period in periods],
        "prev_ends": [period.year_earlier().end for period in periods],
    }
    rows = period_rows(con, VOLUME_GROWTH, params)
    results = []
    for period, row in zip(periods, rows):
        now, before = row["persons_now"], row["persons_before"]
        if scope.lot == "complex":
            results.append(make_result(con, scope, period, "volumegroei_enkelvoudig", None, reason=REASON_NOT_COMPLEX))
            continue
        growth = ratio(now, before) - 100 if before else None
        results.append(make_result(
            con, scope, period, "volumegroei_enkelvoudig", growth, before,
            reason=None if before else REASON_NO_EARLIER,
        ))
    return results


def compute(
    con: duckdb.DuckDBPyConnection, scope: Scope, periods: Sequence[Period]
) -> list[tuple[IndicatorResult, ...]]:
    """All indicators of the lever, catalogue order, one tuple per period (for 24-month series)."""
    periods = list(periods)
    return assemble(
        "boundaries",
        budget(con, scope, periods),
        provider_conditions(con, scope, periods),
        timely_start(con, scope, periods),
        volume_growth(con, scope, periods),
    )


def indicators(con: duckdb.DuckDBPyConnection, scope: Scope, period: Period) -> tuple[IndicatorResult, ...]:
    """= compute(con, scope, [period])[0]"""
    return compute(con, scope, [period])[0]
