"""Why a figure has no value or no judgement, as codes: the levers decide, `wording.reasons` words them.

A reason is a `StrEnum`, so a result stays a plain, comparable and serialisable value; its Dutch text
for screen, paper and command line lives in one place (wording/reasons.py), not in the families.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a result is grijs or has no value (IndicatorResult.reason, PriceVolume.reason)."""

    # any indicator (levers/result.py, levers/contributors.py)
    NO_DATA = "no_data"
    NO_NORM = "no_norm"
    TOO_FEW_OBSERVATIONS = "too_few_observations"
    SMALL_COUNT = "small_count"
    FEW_OTHER_PROVIDERS = "few_other_providers"
    # one family's own conditions
    NO_BUDGET = "no_budget"
    NO_PROVIDER_BUDGET = "no_provider_budget"
    PROVIDER_FILTER = "provider_filter"
    NO_POPULATION = "no_population"
    NONE_ENDED = "none_ended"
    NO_KNOWN_END = "no_known_end"
    NO_COSTS = "no_costs"
    NO_PERSONS = "no_persons"
    NONE_STARTED = "none_started"
    NOTHING_EXPECTED = "nothing_expected"
    NO_OUTCOMES = "no_outcomes"
    ONLY_COMPLEX = "only_complex"
    NO_PROVIDERS = "no_providers"
    NOT_COMPLEX = "not_complex"
    NO_EARLIER_YEAR = "no_earlier_year"
    # price × volume (levers/price_volume.py)
    TOO_FEW_FOR_PRICE_VOLUME = "too_few_for_price_volume"
    NO_PERSONS_IN_A_PERIOD = "no_persons_in_a_period"
