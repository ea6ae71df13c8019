"""Small-number suppression (indicators.md, "Small numbers"): protects children in what is shown.

Stored data stay exact; these rules decide what may leave the levers. Thresholds are settings.
"""

from __future__ import annotations

SMALL_COUNT_LIMIT = 5  # counts 1 .. SMALL_COUNT_LIMIT-1 are shown as "<5"
MIN_DENOMINATOR = 10  # ratios over fewer observations are not shown
SMALL_COUNT_LABEL = f"<{SMALL_COUNT_LIMIT}"


def is_small_count(count: float | None) -> bool:
    """True for a count that may not be shown exactly (1 to 4); zero is shown as 0."""
    return count is not None and 0 < count < SMALL_COUNT_LIMIT


def is_too_few(denominator: float | None) -> bool:
    """True when a ratio's denominator is below the minimum, zero and unknown included."""
    return denominator is None or denominator < MIN_DENOMINATOR

# The derived-total rule (levers.contributors): for a provider user, a total that other providers add to
# is shown only when at least this many of them do; with exactly one, "total minus own" would be its figure.
MIN_OTHER_PROVIDERS = 2


def is_derivable(other_providers: int) -> bool:
    """True when a total includes other providers, but too few to hide each one's figure (1 by default)."""
    return 0 < other_providers < MIN_OTHER_PROVIDERS
