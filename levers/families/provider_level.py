"""Family provider_level: the provider-level data (`uitkomsten`, certificates) of the providers in scope.

tevredenheid: Σ tevredenheid_positief / Σ tevredenheid_respondenten × 100
weigeringen: Σ weigeringen of providers with rol `strategisch_partner`, perceel complex; no such
delivered row in scope → grijs "geen gegevens"
certificaten: providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires
within 90 days after p_end

`uitkomsten` rows count when their quarter counts for P (signals.md §1: the reporting quarters, else
the fallback quarter; levers.quarters) and their perceel is in scope; respondents are
the denominator. Refusals are the complex rows of strategic partners with perceel complex or beide;
with the scope on perceel enkelvoudig there is nothing to count. A certificate "expires within 90
days" when it is still valid at p_end but would count as expired at p_end + 90 days; that turns a
groen count oranje (a rood one stays rood). One query serves both levers.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.family import Context, Family
from levers.norms import AMBER, GREEN, status
from levers.reasons import Reason


@dataclass(frozen=True)
class ProviderLevel:
    positive: int  # Σ tevredenheid_positief of the rows in scope
    respondents: int  # Σ tevredenheid_respondenten of the same rows
    positive_pct: float | None
    refusals: int | None  # Σ weigeringen of the acceptance-duty rows; None without such a row
    providers: int  # providers in scope
    expired: int  # of those, certificate expired before p_end
    expiring: int  # of those, certificate expiring within 90 days after p_end


def build(row: ProviderLevel, ctx: Context) -> dict:
    if ctx.scope.lot == "enkelvoudig":
        refusals = ctx.result("weigeringen", None, reason=Reason.ONLY_COMPLEX)
    else:
        refusals = ctx.result("weigeringen", row.refusals)
    expired = row.expired if row.providers else None
    light = status(expired, ctx.norm("certificaten"), "lower")
    certificates = ctx.result(
        "certificaten", expired,
        reason=None if row.providers else Reason.NO_PROVIDERS,
        details=(("bijna_verlopen", float(row.expiring)),),
        status_override=AMBER if light == GREEN and row.expiring else None,
    )
    return {
        "tevredenheid": ctx.result("tevredenheid", row.positive_pct, row.respondents),
        "weigeringen": refusals,
        "certificaten": certificates,
    }


FAMILY = Family("provider_level", "provider_level.sql", ProviderLevel, build,
                row_sets=("register", "outcomes", "refusals"))
