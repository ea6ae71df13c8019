"""The indicator catalogue (indicators.md) as data: one Definition per code, in catalogue order.

Everything that is not a computation lives here: screen name, unit, direction, default norm and
margin, the dialogue theme that puts it on the agenda, and which small-number rule protects it.
"""

from __future__ import annotations

from dataclasses import dataclass

from levers.scope import PeriodKind

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


MONTHLY = PeriodKind.MONTH  # cadence of an indicator's series: 24 months
QUARTERLY = PeriodKind.QUARTER  # indicators on the quarterly `uitkomsten` file: 8 quarters


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
    provider_rows: tuple[str, ...] = ()  # row sets of levers/sql/contributors.sql it adds up over providers
    # Dutch texts of screen and paper (wording/): ---------------------------------------------------
    description: str = ""  # the definition in plain Dutch, as the reader sees it
    short_name: str | None = None  # on an Overzicht tile (the full name shows on hover)
    compare_label: str | None = None  # in the Overzicht's "Gemeenten vergeleken" choice
    sentence: str | None = None  # when rood or oranje; fields {value} {norm} {name} {lot} {excess}
    sentence_within: tuple[float, str] | None = None  # (limit, sentence) for a value not above limit


CATALOGUE: tuple[Definition, ...] = (
    # Gedeelde waarden -------------------------------------------------------------------------
    Definition(
        "jeugdhulp_per_1000", "shared_values", "Jeugdigen met jeugdhulp per 1.000 jeugdigen", "per 1.000",
        "persons active in P / Σ inwoners_0_17 of the municipalities in scope (year of p_end, else the "
        "latest earlier year) × 1000; not shown when providers are filtered",
        "lower", None, None, 13, UNPROTECTED, "1",
        family="care_use",
        provider_rows=('active',),
        description=(
            "Aantal jeugdigen met jeugdhulp in de periode, per 1.000 inwoners van 0 tot en met 17 jaar. "
            "Niet getoond bij een selectie van aanbieders."
        ),
        compare_label="Jeugdhulp per 1.000",
    ),
    Definition(
        "wachttijd_mediaan", "shared_values", "Wachttijd van aanmelding tot start (mediaan)", "dagen",
        "median of startdatum − aanmelddatum over trajectories started in P that have an aanmelddatum",
        "lower", 42, 14, 9, RATIO, "2",
        family="waiting_times",
        provider_rows=('registered_started',),
        description=(
            "Mediaan van het aantal dagen tussen aanmelding en start, over de trajecten die in de periode"
            " startten en een aanmelddatum hebben."
        ),
        short_name="Wachttijd (mediaan)",
        compare_label="Wachttijd",
        sentence="Jeugdigen wachten {value} op de start van hun hulp (mediaan); de norm is {norm}.",
    ),
    Definition(
        "zonder_verblijf", "shared_values", "Jeugdhulp zonder verblijf", "%",
        "trajectories active in P that are not verblijf / trajectories active in P × 100",
        "higher", 90, 3, 3, RATIO, "3",
        family="care_use",
        provider_rows=('active',),
        description=(
            "Aandeel van de lopende trajecten zonder verblijf (geen productcategorie 35, 36, 37, 38, 43 "
            "of 44)."
        ),
        short_name="Zonder verblijf",
        compare_label="Zonder verblijf",
        sentence="{value} van de jeugdhulp is zonder verblijf, minder dan de {norm} die de regio wil.",
    ),
    Definition(
        "crisis_per_1000", "shared_values", "Jeugdigen met crisishulp per 1.000 jeugdigen", "per 1.000",
        "persons with a crisis trajectory started in P / youth population (as above) × 1000; not shown "
        "when providers are filtered",
        "lower", None, None, 14, UNPROTECTED, "4",
        family="care_use",
        provider_rows=('crisis_started',),
        description=(
            "Jeugdigen met een crisistraject dat in de periode startte, per 1.000 inwoners van 0 tot en "
            "met 17 jaar. Niet getoond bij een selectie van aanbieders."
        ),
    ),
    Definition(
        "herhaald_beroep", "shared_values", "Opnieuw jeugdhulp binnen 12 maanden na afsluiting volgens plan", "%",
        "base B = trajectories in scope ended with reden 31 in (p_end − 24 months, p_end − 12 months]; share "
        "of B whose person has any trajectory (any provider, any perceel) starting in (einddatum, einddatum "
        "+ 365 days]",
        "lower", 15, 5, 1, RATIO, "4",
        family="recurrence",
        provider_rows=('recurrence',),
        description=(
            "Van de trajecten die 12 tot 24 maanden geleden volgens plan eindigden: het aandeel van wie "
            "binnen een jaar daarna opnieuw jeugdhulp kreeg (bij welke aanbieder ook)."
        ),
        sentence="{value} van wie volgens plan stopte, had binnen een jaar opnieuw jeugdhulp nodig.",
    ),
    Definition(
        "onderwijs_dialoog", "shared_values", "Dialoog over onderwijs en jeugdhulp (thema 18), 12 maanden",
        "sessies",
        "distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending at p_end "
        "(region-wide rows count for every provider)",
        "higher", 2, 1, 18, UNPROTECTED, "5",
        family="education_dialogue",
        description=(
            "Aantal dialoogsessies over onderwijs en jeugdhulp (thema 18) in de laatste 12 maanden."
        ),
        sentence="Er waren het afgelopen jaar te weinig gesprekken over onderwijs en jeugdhulp ({value}).",
    ),
    Definition(
        "aanbieders_per_jeugdige", "shared_values", "Aanbieders per jeugdige", "gemiddelde",
        "persons with a trajectory in scope active in P; mean of the number of distinct providers among "
        "*all* their trajectories active in P (any provider, any perceel)",
        "lower", 1.3, 0.2, 16, RATIO, "klantperspectief: overzicht",
        family="care_use",
        provider_rows=('active',),
        description="Gemiddeld aantal verschillende aanbieders per jeugdige in zorg in de periode.",
        sentence="Jeugdigen hebben gemiddeld {value} aanbieders tegelijk; de norm is {norm}.",
    ),
    Definition(
        "tevredenheid", "shared_values", "Cliënttevredenheid", "% positief",
        "Σ tevredenheid_positief / Σ tevredenheid_respondenten × 100",
        "higher", 80, 5, 17, RATIO, "klantperspectief: relatie",
        family="provider_level",
        provider_rows=('outcomes',),
        cadence=QUARTERLY,
        description=(
            "Aandeel positieve antwoorden van de ondervraagde cliënten, uit de uitkomsten van aanbieders."
        ),
        short_name="Cliënttevredenheid",
        sentence="{value} van de cliënten is tevreden; de norm is {norm}.",
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
        provider_rows=('costs_year',),
        description=(
            "Verwachte uitgaven aan het eind van het jaar als percentage van het budget: de uitgaven van "
            "januari tot en met de gekozen maand, doorgetrokken naar 12 maanden."
        ),
        short_name="Budgetprognose",
        sentence="Het budget{lot} dreigt {excess} te worden overschreden.",
        sentence_within=(100, "De prognose is {value} van het budget{lot}; de norm is {norm}."),
    ),
    Definition(
        "weigeringen", "boundaries", "Niet geaccepteerde verwijzingen (acceptatieplicht)", "aantal",
        "Σ weigeringen of providers with rol `strategisch_partner`, perceel complex; no such delivered row in "
        "scope → grijs \"geen gegevens\"",
        "lower", 0, 0, 6, COUNT,
        family="provider_level",
        provider_rows=('refusals',),
        cadence=QUARTERLY,
        keeps_status_when_suppressed=True,  # any refusal is rood: its status stays exact
        description=(
            "Aantal verwezen jeugdigen dat strategische partners (perceel complex) niet accepteerden, "
            "terwijl de acceptatieplicht geldt."
        ),
        short_name="Acceptatieplicht",
        sentence=(
            "Strategische partners weigerden verwijzingen ({value}), terwijl de acceptatieplicht geldt."
        ),
    ),
    Definition(
        "tijdig_gestart", "boundaries", "Gestart binnen de wachttijdnorm", "%",
        "trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days / those started "
        "in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan",
        "higher", 90, 5, 9, RATIO,
        family="waiting_times",
        provider_rows=('registered_started',),
        description=(
            "Aandeel van de gestarte trajecten (met aanmelddatum) dat binnen de wachttijdnorm begon."
        ),
        short_name="Tijdig gestart",
        sentence="Maar {value} van de jeugdigen startte binnen de wachttijdnorm; de norm is {norm}.",
    ),
    Definition(
        "volumegroei_enkelvoudig", "boundaries", "Volumegroei enkelvoudige jeugdhulp", "%",
        "(persons active in P in perceel enkelvoudig / persons active in the same period one year earlier "
        "in perceel enkelvoudig − 1) × 100; denominator = the earlier count; grijs when the scope is "
        "perceel complex",
        "lower", 0, 3, 5, RATIO,
        family="volume_growth",
        provider_rows=('enkelvoudig_now', 'enkelvoudig_before'),
        description=(
            "Groei van het aantal jeugdigen in enkelvoudige jeugdhulp ten opzichte van dezelfde periode "
            "een jaar eerder."
        ),
        sentence="Het aantal jeugdigen in enkelvoudige jeugdhulp groeide met {value} in een jaar.",
    ),
    Definition(
        "certificaten", "boundaries", "Aanbieders met verlopen kwaliteitscertificaat", "aantal",
        "providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires within 90 days "
        "after p_end",
        "lower", 0, 0, 12, UNPROTECTED,
        family="provider_level",
        provider_rows=('register',),
        own_rule="een kwaliteitscertificaat verloopt binnen 90 dagen",
        description=(
            "Aanbieders van wie het kwaliteitscertificaat aan het eind van de periode verlopen is "
            "(oranje: verloopt binnen 90 dagen)."
        ),
        sentence="Aanbieders met een verlopen kwaliteitscertificaat: {value}.",
        sentence_within=(0, "Bij een aanbieder verloopt binnen 90 dagen het kwaliteitscertificaat."),
    ),
    # Data en informatie ----------------------------------------------------------------------
    Definition(
        "unieke_jeugdigen", "diagnostics", "Jeugdigen in zorg", "aantal",
        "persons active in P", None, None, None, None, COUNT,
        family="caseload",
        provider_rows=('active',),
        description="Aantal verschillende jeugdigen met een lopend traject in de periode.",
        short_name="Jeugdigen in zorg",
    ),
    Definition(
        "actieve_trajecten", "diagnostics", "Lopende trajecten", "aantal",
        "trajectories active in P", None, None, None, None, COUNT,
        family="caseload",
        provider_rows=('active',),
        description="Aantal trajecten dat in de periode liep.",
    ),
    Definition(
        "instroom", "diagnostics", "Gestarte trajecten", "aantal",
        "trajectories started in P", None, None, None, None, COUNT,
        family="caseload",
        provider_rows=('started',),
        description="Aantal trajecten dat in de periode startte.",
    ),
    Definition(
        "uitstroom", "diagnostics", "Beëindigde trajecten", "aantal",
        "trajectories ended in P", None, None, None, None, COUNT,
        family="caseload",
        provider_rows=('ended',),
        description="Aantal trajecten dat in de periode eindigde.",
    ),
    Definition(
        "gemiddelde_duur", "diagnostics", "Gemiddelde duur afgesloten trajecten", "dagen",
        "mean of einddatum − startdatum over trajectories ended in P", "lower", None, None, None, RATIO,
        family="caseload",
        provider_rows=('ended',),
        description=(
            "Gemiddeld aantal dagen van start tot einde van de trajecten die in de periode eindigden."
        ),
    ),
    Definition(
        "volgens_plan", "diagnostics", "Beëindigd volgens plan", "%",
        "ended in P with reden 31 / ended in P with a known end reason × 100", "higher", 75, 5, 1, RATIO,
        family="caseload",
        provider_rows=('ended_known',),
        description="Aandeel van de beëindigde trajecten (met bekende reden) dat volgens plan eindigde.",
        short_name="Volgens plan",
        sentence="Maar {value} van de beëindigde trajecten stopte volgens plan; de norm is {norm}.",
    ),
    Definition(
        "uitval", "diagnostics", "Voortijdig afgebroken (uitval)", "%",
        "ended in P with reden 32 or 33 / ended in P with a known end reason × 100", "lower", 15, 5, 1, RATIO,
        family="caseload",
        provider_rows=('ended_known',),
        description=(
            "Aandeel van de beëindigde trajecten (met bekende reden) dat voortijdig werd afgebroken."
        ),
        sentence="{value} van de trajecten werd voortijdig afgebroken; de norm is {norm}.",
    ),
    Definition(
        "doelrealisatie", "diagnostics", "Doelen behaald", "%",
        "Σ doelen_behaald / Σ afgesloten_trajecten × 100", "higher", 70, 5, 17, RATIO,
        family="goals",
        provider_rows=('outcomes',),
        cadence=QUARTERLY,
        description=(
            "Behaalde doelen als aandeel van de afgesloten trajecten, uit de uitkomsten van aanbieders."
        ),
        sentence="{value} van de doelen is behaald; de norm is {norm}.",
    ),
    Definition(
        "kosten_per_jeugdige", "diagnostics", "Kosten per jeugdige", "euro",
        "Σ bedrag in P / unieke_jeugdigen", "lower", None, None, 5, RATIO,
        family="caseload",
        provider_rows=('active', 'costs'),
        description="Uitgaven in de periode gedeeld door het aantal jeugdigen in zorg.",
        short_name="Kosten per jeugdige",
        compare_label="Kosten per jeugdige",
    ),
    Definition(
        "doorverwijzing", "diagnostics", "Doorverwezen naar een andere aanbieder", "%",
        "ended in P trajectories T whose person has a trajectory at another provider (any perceel, "
        "regardless of the provider filter) starting in [T.einddatum, T.einddatum + 30 days] / ended in P "
        "× 100",
        "lower", 10, 5, 16, RATIO,
        family="referrals",
        provider_rows=('ended',),
        description=(
            "Aandeel van de beëindigde trajecten waarna de jeugdige binnen 30 dagen bij een andere "
            "aanbieder startte."
        ),
        sentence=(
            "{value} van de jeugdigen ging na afloop door naar een andere aanbieder; de norm is {norm}."
        ),
    ),
    Definition(
        "via_gemeente", "diagnostics", "Gestart via de gemeente", "%",
        "started in P with verwijzer 01 (COD327: Gemeente) / started in P × 100", "higher", None, None, 13,
        RATIO,
        family="caseload",
        provider_rows=('started',),
        description=(
            "Aandeel van de gestarte trajecten dat door de gemeente zelf (het eigen team) werd verwezen; "
            "trajecten zonder bekende verwijzer tellen mee in het totaal."
        ),
        short_name="Via de gemeente",
        compare_label="Verwezen via de gemeente",
    ),
    # Interactie en dialoog -------------------------------------------------------------------
    Definition(
        "dialoogsessies", "interaction", "Dialoogsessies, laatste 6 maanden", "sessies",
        "distinct (datum, aanbieder) dialogue rows in (p_end − 6 months, p_end]; per provider, region-wide "
        "rows count for every provider",
        "higher", 2, 1, 17, UNPROTECTED,
        family="dialogues",
        description=(
            "Aantal dialoogsessies in de laatste 6 maanden (een sessie is een datum met een aanbieder, of"
            " regiobreed)."
        ),
        short_name="Sessies (6 mnd)",
        sentence="Dialoogsessies in de laatste 6 maanden: {value}; de norm is {norm}.",
    ),
    Definition(
        "themadekking", "interaction", "Besproken dialoogthema's, 12 maanden", "% van 18",
        "distinct thema in the 12 months ending at p_end / 18 × 100", "higher", 75, 10, 17, UNPROTECTED,
        family="dialogues",
        description="Aandeel van de 18 dialoogthema's dat in de laatste 12 maanden is besproken.",
        short_name="Thema's besproken",
        sentence="Het afgelopen jaar is {value} van de 18 dialoogthema's besproken; de norm is {norm}.",
    ),
    Definition(
        "open_acties", "interaction", "Openstaande acties", "aantal",
        "distinct (datum, aanbieder, onderwerp, actie) with status open, datum ≤ p_end (an action about two "
        "themes counts once)", None, None, None, None, UNPROTECTED,
        family="dialogues",
        description="Afgesproken acties die nog openstaan.",
    ),
    Definition(
        "acties_verlopen", "interaction", "Acties over de deadline", "aantal",
        "open actions (as counted above) with deadline < p_end", "lower", 0, 2, 17, UNPROTECTED,
        family="dialogues",
        description="Openstaande acties waarvan de deadline verstreken is.",
        short_name="Acties over deadline",
        sentence="Afgesproken acties over hun deadline: {value}.",
    ),
    Definition(
        "aanlevering", "interaction", "Uitkomsten aangeleverd", "%",
        "present `uitkomsten` rows / expected rows × 100; expected = each provider in scope × each of its "
        "percelen in scope × each reporting quarter of P, or the fallback quarter (signals.md §1; none → grijs)",
        "higher", 95, 5, 17, UNPROTECTED,
        family="delivery",
        provider_rows=('register',),
        cadence=QUARTERLY,
        description=(
            "Aandeel van de verwachte kwartaalbestanden uitkomsten dat aanbieders hebben aangeleverd."
        ),
        sentence="Aanbieders leverden {value} van de verwachte uitkomsten aan; de norm is {norm}.",
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
