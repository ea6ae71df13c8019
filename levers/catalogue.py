"""The indicator catalogue (indicators.md) as data: one Definition per code, in catalogue order.

Everything that is not a computation lives here: screen name, unit, direction, default norm and
margin, the dialogue theme that puts it on the agenda, and which small-number rule protects it.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVERS = ("shared_values", "boundaries", "diagnostics", "interaction")
LEVER_NAMES = {
    "shared_values": "Gedeelde waarden",
    "boundaries": "Kaders en randvoorwaarden",
    "diagnostics": "Data en informatie",
    "interaction": "Interactie en dialoog",
}

# Small-number rules (indicators.md, "Small numbers"):
COUNT = "count"  # counts persons/trajectories/refusals: 1-4 shown as <5
RATIO = "ratio"  # percentage, mean, median or per-person amount: hidden when denominator < 10
UNPROTECTED = "none"  # money, dialogue figures, certificates, delivery rates, rates per 1,000


MONTHLY = "maand"  # cadence of an indicator's series: 24 months
QUARTERLY = "kwartaal"  # indicators on the quarterly `uitkomsten` file: 8 quarters


@dataclass(frozen=True)
class Definition:
    code: str
    lever: str
    name: str
    unit: str
    definition: str
    better: str | None  # 'lower' | 'higher' | None
    norm: float | None  # built-in default norm
    margin: float | None  # built-in default marge
    theme: int | None  # dialogue theme that covers it on the agenda
    privacy: str  # COUNT | RATIO | UNPROTECTED
    vision_goal: str | None = None  # shared values only: the regional vision goal it shows
    family: str = ""  # the levers.families module whose one query computes it
    cadence: str = MONTHLY  # MONTHLY | QUARTERLY: the periods of its series
    keeps_status_when_suppressed: bool = False  # a suppressed small count keeps its exact status
    own_rule: str | None = None  # Dutch: why its status may differ from what its value and norm say


CATALOGUE: tuple[Definition, ...] = (
    # Gedeelde waarden -------------------------------------------------------------------------
    Definition(
        "jeugdhulp_per_1000", "shared_values", "Jeugdigen met jeugdhulp per 1.000 jeugdigen", "per 1.000",
        "persons active in P / Σ inwoners_0_17 of the municipalities in scope (year of p_end, else the "
        "latest earlier year) × 1000; not shown when providers are filtered",
        "lower", None, None, 13, UNPROTECTED, "1",
        family="care_use",
    ),
    Definition(
        "wachttijd_mediaan", "shared_values", "Wachttijd van aanmelding tot start (mediaan)", "dagen",
        "median of startdatum − aanmelddatum over trajectories started in P that have an aanmelddatum",
        "lower", 42, 14, 9, RATIO, "2",
        family="waiting_times",
    ),
    Definition(
        "zonder_verblijf", "shared_values", "Jeugdhulp zonder verblijf", "%",
        "trajectories active in P that are not verblijf / trajectories active in P × 100",
        "higher", 90, 3, 3, RATIO, "3",
        family="care_use",
    ),
    Definition(
        "crisis_per_1000", "shared_values", "Jeugdigen met crisishulp per 1.000 jeugdigen", "per 1.000",
        "persons with a crisis trajectory started in P / youth population (as above) × 1000; not shown "
        "when providers are filtered",
        "lower", None, None, 14, UNPROTECTED, "4",
        family="care_use",
    ),
    Definition(
        "herhaald_beroep", "shared_values", "Opnieuw jeugdhulp binnen 12 maanden na afsluiting volgens plan", "%",
        "base B = trajectories in scope ended with reden 31 in (p_end − 24 months, p_end − 12 months]; share "
        "of B whose person has any trajectory (any provider, any perceel) starting in (einddatum, einddatum "
        "+ 365 days]",
        "lower", 15, 5, 1, RATIO, "4",
        family="recurrence",
    ),
    Definition(
        "onderwijs_dialoog", "shared_values", "Dialoog over onderwijs en jeugdhulp (thema 18), 12 maanden",
        "sessies",
        "distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending at p_end "
        "(region-wide rows count for every provider)",
        "higher", 2, 1, 18, UNPROTECTED, "5",
        family="education_dialogue",
    ),
    Definition(
        "aanbieders_per_jeugdige", "shared_values", "Aanbieders per jeugdige", "gemiddelde",
        "persons with a trajectory in scope active in P; mean of the number of distinct providers among "
        "*all* their trajectories active in P (any provider, any perceel)",
        "lower", 1.3, 0.2, 16, RATIO, "klantperspectief: overzicht",
        family="care_use",
    ),
    Definition(
        "tevredenheid", "shared_values", "Cliënttevredenheid", "% positief",
        "Σ tevredenheid_positief / Σ tevredenheid_respondenten × 100",
        "higher", 80, 5, 17, RATIO, "klantperspectief: relatie",
        family="provider_level",
        cadence=QUARTERLY,
    ),
    # Kaders en randvoorwaarden ----------------------------------------------------------------
    Definition(
        "budgetuitputting", "boundaries", "Prognose budgetuitputting jaareinde", "% van budget",
        "m = months from January through the month of p_end; forecast = (Σ bedrag of those months of that "
        "year) / m × 12 / budget × 100. Also shown: realised so far (Σ/budget × 100) and pro rata (m/12 × "
        "100). Budget: without a provider filter the perceel-level rows (empty aanbieder) of the scope, or, "
        "where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider filter "
        "only those providers' rows (none → grijs)",
        "lower", 100, 5, 5, UNPROTECTED,
        family="budget",
    ),
    Definition(
        "weigeringen", "boundaries", "Niet geaccepteerde verwijzingen (acceptatieplicht)", "aantal",
        "Σ weigeringen of providers with rol `strategisch_partner`, perceel complex",
        "lower", 0, 0, 6, COUNT,
        family="provider_level",
        cadence=QUARTERLY,
        keeps_status_when_suppressed=True,  # any refusal is rood: its status stays exact
    ),
    Definition(
        "tijdig_gestart", "boundaries", "Gestart binnen de wachttijdnorm", "%",
        "trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days / those started "
        "in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan",
        "higher", 90, 5, 9, RATIO,
        family="waiting_times",
    ),
    Definition(
        "volumegroei_enkelvoudig", "boundaries", "Volumegroei enkelvoudige jeugdhulp", "%",
        "(persons active in P in perceel enkelvoudig / persons active in the same period one year earlier "
        "in perceel enkelvoudig − 1) × 100; denominator = the earlier count; grijs when the scope is "
        "perceel complex",
        "lower", 0, 3, 5, RATIO,
        family="volume_growth",
    ),
    Definition(
        "certificaten", "boundaries", "Aanbieders met verlopen kwaliteitscertificaat", "aantal",
        "providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires within 90 days "
        "after p_end",
        "lower", 0, 0, 12, UNPROTECTED,
        family="provider_level",
        own_rule="een kwaliteitscertificaat verloopt binnen 90 dagen",
    ),
    # Data en informatie ----------------------------------------------------------------------
    Definition(
        "unieke_jeugdigen", "diagnostics", "Jeugdigen in zorg", "aantal",
        "persons active in P", None, None, None, None, COUNT,
        family="caseload",
    ),
    Definition(
        "actieve_trajecten", "diagnostics", "Lopende trajecten", "aantal",
        "trajectories active in P", None, None, None, None, COUNT,
        family="caseload",
    ),
    Definition(
        "instroom", "diagnostics", "Gestarte trajecten", "aantal",
        "trajectories started in P", None, None, None, None, COUNT,
        family="caseload",
    ),
    Definition(
        "uitstroom", "diagnostics", "Beëindigde trajecten", "aantal",
        "trajectories ended in P", None, None, None, None, COUNT,
        family="caseload",
    ),
    Definition(
        "gemiddelde_duur", "diagnostics", "Gemiddelde duur afgesloten trajecten", "dagen",
        "mean of einddatum − startdatum over trajectories ended in P", "lower", None, None, None, RATIO,
        family="caseload",
    ),
    Definition(
        "volgens_plan", "diagnostics", "Beëindigd volgens plan", "%",
        "ended in P with reden 31 / ended in P with a known end reason × 100", "higher", 75, 5, 1, RATIO,
        family="caseload",
    ),
    Definition(
        "uitval", "diagnostics", "Voortijdig afgebroken (uitval)", "%",
        "ended in P with reden 32 or 33 / ended in P with a known end reason × 100", "lower", 15, 5, 1, RATIO,
        family="caseload",
    ),
    Definition(
        "doelrealisatie", "diagnostics", "Doelen behaald", "%",
        "Σ doelen_behaald / Σ afgesloten_trajecten × 100", "higher", 70, 5, 17, RATIO,
        family="goals",
        cadence=QUARTERLY,
    ),
    Definition(
        "kosten_per_jeugdige", "diagnostics", "Kosten per jeugdige", "euro",
        "Σ bedrag in P / unieke_jeugdigen", "lower", None, None, 5, RATIO,
        family="caseload",
    ),
    Definition(
        "doorverwijzing", "diagnostics", "Doorverwezen naar een andere aanbieder", "%",
        "ended in P trajectories T whose person has a trajectory at another provider (any perceel, "
        "regardless of the provider filter) starting in [T.einddatum, T.einddatum + 30 days] / ended in P "
        "× 100",
        "lower", 10, 5, 16, RATIO,
        family="referrals",
    ),
    # Interactie en dialoog -------------------------------------------------------------------
    Definition(
        "dialoogsessies", "interaction", "Dialoogsessies, laatste 6 maanden", "sessies",
        "distinct (datum, aanbieder) dialogue rows in (p_end − 6 months, p_end]; per provider, region-wide "
        "rows count for every provider",
        "higher", 2, 1, 17, UNPROTECTED,
        family="dialogues",
    ),
    Definition(
        "themadekking", "interaction", "Besproken dialoogthema's, 12 maanden", "% van 18",
        "distinct thema in the 12 months ending at p_end / 18 × 100", "higher", 75, 10, 17, UNPROTECTED,
        family="dialogues",
    ),
    Definition(
        "open_acties", "interaction", "Openstaande acties", "aantal",
        "distinct (datum, aanbieder, onderwerp, actie) with status open, datum ≤ p_end (an action about two "
        "themes counts once)", None, None, None, None, UNPROTECTED,
        family="dialogues",
    ),
    Definition(
        "acties_verlopen", "interaction", "Acties over de deadline", "aantal",
        "open actions (as counted above) with deadline < p_end", "lower", 0, 2, 17, UNPROTECTED,
        family="dialogues",
    ),
    Definition(
        "aanlevering", "interaction", "Uitkomsten aangeleverd", "%",
        "present `uitkomsten` rows / expected rows × 100; expected = each provider in scope × each of its "
        "percelen in scope × each quarter overlapping P whose last day ≤ p_end (none → grijs)",
        "higher", 95, 5, 17, UNPROTECTED,
        family="delivery",
        cadence=QUARTERLY,
    ),
)

BY_CODE: dict[str, Definition] = {d.code: d for d in CATALOGUE}
CODES: tuple[str, ...] = tuple(d.code for d in CATALOGUE)


def definition(code: str) -> Definition:
    """The catalogue entry for a code; KeyError for an unknown code."""
    return BY_CODE[code]


def of_lever(lever: str) -> tuple[Definition, ...]:
    """The lever's indicators in catalogue order."""
    return tuple(d for d in CATALOGUE if d.lever == lever)
