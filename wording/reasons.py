"""The Dutch text of every `levers.reasons.Reason`: why a figure is grijs or has no value.

One table for screen, paper, exports and the command line, so a reason reads the same everywhere.
"""

from __future__ import annotations

from levers.reasons import Reason
from levers.suppression import MIN_OTHER_PROVIDERS

_NUMBER_WORDS = {2: "twee", 3: "drie"}  # MIN_OTHER_PROVIDERS written out

REASON_TEXTS: dict[Reason, str] = {
    Reason.NO_DATA: "geen gegevens in deze periode",
    Reason.NO_NORM: "geen norm vastgesteld",
    Reason.TOO_FEW_OBSERVATIONS: "te weinig waarnemingen",
    Reason.SMALL_COUNT: "klein aantal, afgeschermd",
    Reason.FEW_OTHER_PROVIDERS: f"minder dan {_NUMBER_WORDS[MIN_OTHER_PROVIDERS]} andere aanbieders, afgeschermd",
    Reason.NO_BUDGET: "geen budget vastgesteld voor dit jaar",
    Reason.NO_PROVIDER_BUDGET: "geen budget per aanbieder vastgesteld voor de gekozen aanbieder(s)",
    Reason.PROVIDER_FILTER: "niet getoond bij een selectie van aanbieders",
    Reason.NO_POPULATION: "geen bevolkingscijfers voor dit jaar of eerder",
    Reason.NONE_ENDED: "geen beëindigde trajecten in deze periode",
    Reason.NO_KNOWN_END: "geen beëindigde trajecten met een bekende reden van beëindiging in deze periode",
    Reason.NO_COSTS: "geen kostengegevens in deze periode",
    Reason.NO_PERSONS: "geen jeugdigen in zorg in deze periode",
    Reason.NONE_STARTED: "geen gestarte trajecten in deze periode",
    Reason.NOTHING_EXPECTED: (
        "geen uitkomsten verwacht: nog geen kwartaal om over te rapporteren, of geen aanbieder in beeld"
    ),
    Reason.NO_OUTCOMES: "geen afgesloten trajecten in de aangeleverde uitkomsten van deze periode",
    Reason.ONLY_COMPLEX: "alleen van toepassing op perceel complex",
    Reason.NO_PROVIDERS: "geen aanbieders in deze selectie",
    Reason.NOT_COMPLEX: "niet van toepassing op perceel complex",
    Reason.NO_EARLIER_YEAR: "geen jeugdigen in enkelvoudige jeugdhulp in dezelfde periode een jaar eerder",
    Reason.TOO_FEW_FOR_PRICE_VOLUME: "te weinig jeugdigen in zorg om prijs en volume te scheiden",
    Reason.NO_PERSONS_IN_A_PERIOD: "geen jeugdigen in zorg in een van beide perioden",
}


def reason_text(reason: Reason | str | None) -> str:
    """The Dutch text of a reason; '' for none. Accepts the bare code too (a result read back from JSON)."""
    return REASON_TEXTS[Reason(reason)] if reason else ""
