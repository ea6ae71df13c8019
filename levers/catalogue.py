"""The indicator catalogue (indicators.md) as data: one Definition per code, in catalogue order.

Everything that is not a computation lives here: screen name, unit, direction, default norm and
margin, the dialogue theme that puts it on the agenda, and which small-number rule protects it.
"""

from __future__ import annotations

from collections.abc import Mapping
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


# Value ranges (a drawn limit is clipped to it): a share of a whole, any amount from zero, anything.
SHARE = (0.0, 100.0)
NON_NEGATIVE = (0.0, None)
UNBOUNDED = (None, None)  # e.g. a growth percentage: negative or above 100


@dataclass(frozen=True, kw_only=True)
class Definition:
    """Everything known about one indicator besides its computation (levers/families/<family>.py).

    Keyword-only: an entry names what it declares. Freshness, the drawn limits, the tile's window, the
    derived-total rule and the reference list of codes read these fields; nothing else lists codes.
    """

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
    reads: tuple[str, ...]  # the data kinds (csv-contract.md) it reads: freshness names it under each
    value_range: tuple[float | None, float | None]  # SHARE | NON_NEGATIVE | UNBOUNDED
    region_norm_per_provider: bool  # indicators.md "Norms and single providers": per aanbieder ja/nee
    vision_goal: str | None = None  # shared values only: the regional vision goal it shows
    family: str = ""  # the levers.families module whose one query computes it
    cadence: str = MONTHLY  # MONTHLY | QUARTERLY: the periods of its series
    window_months: int | None = None  # its value counts this many months up to p_end (signals.md §3a)
    year_to_date: bool = False  # its value counts January through p_end (signals.md §3a)
    from_data_start: bool = False  # its value counts every record up to p_end, however old (signals.md §3a)
    look_ahead_days: int | None = None  # its value looks this many days past each period (indicators.md)
    band_fields: tuple[str, str] | None = None  # detail keys of the (low, high) band drawn on its last point
    keeps_status_when_suppressed: bool = False  # a suppressed small count keeps its exact status
    own_rule: str | None = None  # Dutch: why its status may differ from what its value and norm say
    provider_rows: tuple[str, ...] = ()  # contributor row sets (levers/sql/<family>.rows.sql) it adds up
    # Dutch texts of screen and paper (wording/): ---------------------------------------------------
    description: str = ""  # the definition in plain Dutch, as the reader sees it
    short_name: str | None = None  # on an Overzicht tile (the full name shows on hover)
    window_label: str | None = None  # on the tile in a quarter or year view: the window's months
    compare_label: str | None = None  # in the Overzicht's "Gemeenten vergeleken" choice
    sentence: str | None = None  # when rood or oranje; fields {value} {norm} {name} {lot} {excess}
    sentence_within: tuple[float, str] | None = None  # (limit, sentence) for a value not above limit

    @property
    def uses_provisional_months(self) -> bool:
        """Built on kosten, whose latest months are voorlopig (levers.freshness)."""
        return "kosten" in self.reads

    def band_of(self, details: Mapping[str, float | None]) -> tuple[float, float] | None:
        """(low, high) of its band from a result's details; None without band fields or with a bound missing."""
        if self.band_fields is None:
            return None
        low, high = (details.get(field) for field in self.band_fields)
        return None if low is None or high is None else (low, high)

    @property
    def is_region_level(self) -> bool:
        """A region-level figure (indicators.md): read from `uitkomsten` or the dialogue, which providers and
        regions report without a municipality; never compared per municipality, and in a municipality
        scope shown as the region's figure ("regiocijfer")."""
        return bool({"uitkomsten", "dialoog"} & set(self.reads))

    @property
    def counts_earlier_months(self) -> bool:
        """Each value counts months before its period's start: a window, January through p_end or all up to p_end."""
        return self.window_months is not None or self.year_to_date or self.from_data_start

    def overlaps(self, step_months: int) -> bool:
        """Do its points share data in a series of this step (signals.md §3a)? A window longer than
        the step does, and so does January through p_end unless the step is a whole year; a count of
        everything up to p_end overlaps in every step."""
        if self.from_data_start:
            return True
        if self.year_to_date:
            return step_months < 12
        return self.window_months is not None and self.window_months > step_months


CATALOGUE: tuple[Definition, ...] = (
    # Gedeelde waarden -------------------------------------------------------------------------
    Definition(
        code="jeugdhulp_per_1000", lever="shared_values",
        name="Jeugdigen met jeugdhulp per 1.000 jeugdigen (0–17)",
        unit="per 1.000",
        definition=(
            "persons under 18 active in P / Σ inwoners_0_17 of the municipalities in scope (year of p_end, else the "
            "latest earlier year) × 1000; not shown when providers are filtered"
        ),
        better="lower", norm=None, margin=None, theme=13, privacy=UNPROTECTED, vision_goal="1",
        reads=("trajecten", "gemeenten"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("active",),
        description=(
            "Aantal jeugdigen tot 18 jaar met jeugdhulp in de periode, per 1.000 inwoners van 0 tot en met "
            "17 jaar; jongvolwassenen (18–22) tellen niet mee. Niet getoond bij een selectie van aanbieders."
        ),
        compare_label="Jeugdhulp per 1.000",
    ),
    Definition(
        code="wachttijd_mediaan", lever="shared_values",
        name="Wachttijd van aanmelding tot start (mediaan)",
        unit="dagen",
        definition="median of startdatum − aanmelddatum over trajectories started in P that have an aanmelddatum",
        better="lower", norm=42, margin=14, theme=9, privacy=RATIO, vision_goal="2",
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="waiting_times",
        provider_rows=("registered_started",),
        description=(
            "Mediaan van het aantal dagen tussen aanmelding en start, over de trajecten die in de periode"
            " startten en een aanmelddatum hebben."
        ),
        short_name="Wachttijd (mediaan)",
        compare_label="Wachttijd",
        sentence="Jeugdigen wachten {value} op de start van hun hulp (mediaan); de norm is {norm}.",
    ),
    Definition(
        code="zonder_verblijf", lever="shared_values",
        name="Jeugdigen met hulp zonder verblijf",
        unit="%",
        definition=(
            "persons active in P none of whose trajectories in scope active in P is verblijf / persons active in "
            "P × 100"
        ),
        better="higher", norm=90, margin=3, theme=3, privacy=RATIO, vision_goal="3",
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("active",),
        description=(
            "Aandeel van de jeugdigen in zorg van wie geen enkel lopend traject verblijf is (productcategorie "
            "35, 36, 37, 38, 43 of 44)."
        ),
        short_name="Zonder verblijf",
        compare_label="Zonder verblijf",
        sentence="{value} van de jeugdigen krijgt hulp zonder verblijf, minder dan de {norm} die de regio wil.",
    ),
    Definition(
        code="residentieel_per_1000", lever="shared_values",
        name="Jeugdigen in residentiële jeugdhulp per 1.000 jeugdigen (0–17)",
        unit="per 1.000",
        definition=(
            "persons under 18 with a residentieel trajectory active in P / youth population (as above) × 1000; "
            "not shown when providers are filtered"
        ),
        better="lower", norm=None, margin=None, theme=3, privacy=UNPROTECTED, vision_goal="3",
        reads=("trajecten", "gemeenten"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("residential_active",),
        description=(
            "Jeugdigen tot 18 jaar met een lopend residentieel traject (productcategorie 37, 38, 43 of 44), "
            "per 1.000 inwoners van 0 tot en met 17 jaar. Niet getoond bij een selectie van aanbieders."
        ),
        short_name="Residentieel per 1.000",
    ),
    Definition(
        code="crisis_per_1000", lever="shared_values",
        name="Jeugdigen met crisishulp per 1.000 jeugdigen (0–17)",
        unit="per 1.000",
        definition=(
            "persons under 18 with a crisis trajectory started in P / youth population (as above) × 1000; not shown "
            "when providers are filtered"
        ),
        better="lower", norm=None, margin=None, theme=14, privacy=UNPROTECTED, vision_goal="4",
        reads=("trajecten", "gemeenten"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("crisis_started",),
        description=(
            "Jeugdigen tot 18 jaar met een crisistraject dat in de periode startte, per 1.000 inwoners van 0 tot en "
            "met 17 jaar. Niet getoond bij een selectie van aanbieders."
        ),
    ),
    Definition(
        code="herhaald_beroep", lever="shared_values",
        name="Opnieuw jeugdhulp binnen 12 maanden na afsluiting volgens plan",
        unit="%",
        definition=(
            "base B = trajectories in scope ended with reden 31 in (p_end − 24 months, p_end − 12 months]; share "
            "of B whose person has any trajectory (any provider, any perceel) starting in (einddatum, einddatum "
            "+ 365 days]"
        ),
        better="lower", norm=15, margin=5, theme=1, privacy=RATIO, vision_goal="4",
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=False,
        window_months=12,
        family="recurrence",
        provider_rows=("recurrence",),
        description=(
            "Van de trajecten die 12 tot 24 maanden geleden volgens plan eindigden: het aandeel van wie "
            "binnen een jaar daarna opnieuw jeugdhulp kreeg (bij welke aanbieder ook)."
        ),
        sentence="{value} van wie volgens plan stopte, had binnen een jaar opnieuw jeugdhulp nodig.",
    ),
    Definition(
        code="onderwijs_dialoog", lever="shared_values",
        name="Dialoog over onderwijs en jeugdhulp (thema 18), 12 maanden",
        unit="sessies",
        definition=(
            "distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending at p_end "
            "(region-wide rows count for every provider)"
        ),
        better="higher", norm=2, margin=1, theme=18, privacy=UNPROTECTED, vision_goal="5",
        reads=("dialoog",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        window_months=12,
        family="education_dialogue",
        description=(
            "Aantal dialoogsessies over onderwijs en jeugdhulp (thema 18) in de laatste 12 maanden."
        ),
        sentence="Er waren het afgelopen jaar te weinig gesprekken over onderwijs en jeugdhulp ({value}).",
    ),
    Definition(
        code="aanbieders_per_jeugdige", lever="shared_values",
        name="Aanbieders per jeugdige",
        unit="gemiddelde",
        definition=(
            "persons with a trajectory in scope active in P; mean of the number of distinct providers among "
            "*all* their trajectories active in P (any provider, any perceel)"
        ),
        better="lower", norm=1.3, margin=0.2, theme=16, privacy=RATIO, vision_goal="klantperspectief: overzicht",
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("active",),
        description="Gemiddeld aantal verschillende aanbieders per jeugdige in zorg in de periode.",
        sentence="Jeugdigen hebben gemiddeld {value} aanbieders tegelijk; de norm is {norm}.",
    ),
    Definition(
        code="tevredenheid", lever="shared_values",
        name="Cliënttevredenheid",
        unit="% positief",
        definition="Σ tevredenheid_positief / Σ tevredenheid_respondenten × 100",
        better="higher", norm=80, margin=5, theme=17, privacy=RATIO, vision_goal="klantperspectief: relatie",
        reads=("uitkomsten",),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="provider_level",
        provider_rows=("outcomes",),
        cadence=QUARTERLY,
        description=(
            "Aandeel positieve antwoorden van de ondervraagde cliënten, uit de uitkomsten van aanbieders."
        ),
        short_name="Tevredenheid",  # a whole word fits the tile's name column at 1280 px (issue 23)
        sentence="{value} van de cliënten is tevreden; de norm is {norm}.",
    ),
    # Kaders en randvoorwaarden ----------------------------------------------------------------
    Definition(
        code="budgetuitputting", lever="boundaries",
        name="Prognose budgetuitputting jaareinde",
        unit="% van budget",
        definition=(
            "ahead.md §1: forecast = Σ over the months of the year so far of (known total × c_L of that month) "
            "+ Σ over the remaining months of the expected month total (the same month a year earlier × the growth "
            "of the completed months this year against the same months last year); c_L = the median over months "
            "at least 12 months old of (total now / total known at lag L) per region and perceel (fewer than 6: "
            "all regions); value = forecast / budget × 100. Also shown: realised so far (Σ/budget × 100), pro "
            "rata (m/12 × 100), the 80% band from a backtest (prognose_laag/prognose_hoog) and "
            "kans_overschrijding (%). With no lag in the data it equals Σ / budget × 100. Budget: without a "
            "provider filter the perceel-level rows (empty aanbieder) of the scope, or, where a (jaar, gemeente, "
            "perceel) has none, the sum of its provider rows; with a provider filter only those providers' rows "
            "(none → grijs)"
        ),
        better="lower", norm=100, margin=5, theme=5, privacy=UNPROTECTED,
        reads=("kosten", "budget"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        year_to_date=True,
        band_fields=("prognose_laag", "prognose_hoog"),
        family="budget",
        provider_rows=("costs_year",),
        description=(
            "Verwachte uitgaven aan het eind van het jaar als percentage van het budget: de uitgaven van "
            "januari tot en met de gekozen maand, aangevuld met de declaraties die gewoonlijk nog binnenkomen, "
            "plus de resterende maanden zoals vorig jaar, met de groei van dit jaar."
        ),
        short_name="Budgetprognose",
        sentence="Het budget{lot} dreigt {excess} te worden overschreden.",
        sentence_within=(100, "De prognose is {value} van het budget{lot}; de norm is {norm}."),
    ),
    Definition(
        code="weigeringen", lever="boundaries",
        name="Niet geaccepteerde verwijzingen (acceptatieplicht)",
        unit="aantal",
        definition=(
            "Σ weigeringen of providers with rol `strategisch_partner`, perceel complex; no such delivered row in "
            "scope → grijs \"geen gegevens\""
        ),
        better="lower", norm=0, margin=0, theme=6, privacy=COUNT,
        reads=("uitkomsten", "aanbieders"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="provider_level",
        provider_rows=("refusals",),
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
        code="wachtenden", lever="boundaries",
        name="Jeugdigen die wachten op de start van hulp",
        unit="aantal",
        definition="persons waiting at p_end (one or more trajectories)",
        better="lower", norm=None, margin=None, theme=9, privacy=COUNT,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="waiting_list",
        provider_rows=("waiting",),
        description=(
            "Aantal jeugdigen dat op de laatste dag van de periode is aangemeld maar nog niet met hulp is "
            "gestart (en de aanmelding niet heeft ingetrokken)."
        ),
        short_name="Wachtenden",
        sentence="Er wachten {value} jeugdigen op de start van hun hulp.",
    ),
    Definition(
        code="lang_wachtenden", lever="boundaries",
        name="Langer dan de streeftermijn wachtend",
        unit="aantal",
        definition=(
            "persons waiting at p_end whose earliest waiting trajectory has p_end − aanmelddatum > N days; N = the "
            "norm of wachttijd_mediaan"
        ),
        better="lower", norm=0, margin=5, theme=9, privacy=COUNT,
        reads=("trajecten", "normen"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="waiting_list",
        provider_rows=("waiting",),
        description=(
            "Aantal wachtende jeugdigen dat op de laatste dag van de periode langer wacht dan de wachttijdnorm "
            "(de norm van de mediane wachttijd), gerekend vanaf hun eerste aanmelding die nog wacht."
        ),
        short_name="Lang wachtend",
        sentence="{value} wachtende jeugdigen wachten langer dan de wachttijdnorm; de norm is {norm}.",
    ),
    Definition(
        code="tijdig_gestart", lever="boundaries",
        name="Gestart binnen de wachttijdnorm",
        unit="%",
        definition=(
            "trajectories started in P with aanmelddatum and startdatum − aanmelddatum ≤ N days / those started "
            "in P with an aanmelddatum × 100; N = the norm of wachttijd_mediaan"
        ),
        better="higher", norm=90, margin=5, theme=9, privacy=RATIO,
        reads=("trajecten", "normen"),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="waiting_times",
        provider_rows=("registered_started",),
        description=(
            "Aandeel van de gestarte trajecten (met aanmelddatum) dat binnen de wachttijdnorm begon."
        ),
        short_name="Tijdig gestart",
        sentence="Maar {value} van de jeugdigen startte binnen de wachttijdnorm; de norm is {norm}.",
    ),
    Definition(
        code="volumegroei_enkelvoudig", lever="boundaries",
        name="Volumegroei enkelvoudige jeugdhulp",
        unit="%",
        definition=(
            "(persons active in P in perceel enkelvoudig / persons active in the same period one year earlier "
            "in perceel enkelvoudig − 1) × 100; denominator = the earlier count; grijs when the scope is "
            "perceel complex"
        ),
        better="lower", norm=0, margin=3, theme=5, privacy=RATIO,
        reads=("trajecten",),
        value_range=UNBOUNDED,
        region_norm_per_provider=False,
        family="volume_growth",
        provider_rows=("enkelvoudig_now", "enkelvoudig_before"),
        description=(
            "Groei van het aantal jeugdigen in enkelvoudige jeugdhulp ten opzichte van dezelfde periode "
            "een jaar eerder."
        ),
        sentence="Het aantal jeugdigen in enkelvoudige jeugdhulp groeide met {value} in een jaar.",
    ),
    Definition(
        code="certificaten", lever="boundaries",
        name="Aanbieders met verlopen kwaliteitscertificaat",
        unit="aantal",
        definition=(
            "providers in scope whose certificaat_geldig_tot < p_end; oranje when one expires within 90 days "
            "after p_end"
        ),
        better="lower", norm=0, margin=0, theme=12, privacy=UNPROTECTED,
        reads=("aanbieders",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="provider_level",
        provider_rows=("register",),
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
        code="unieke_jeugdigen", lever="diagnostics",
        name="Jeugdigen in zorg",
        unit="aantal",
        definition="persons active in P",
        better=None, norm=None, margin=None, theme=None, privacy=COUNT,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("active",),
        description="Aantal verschillende jeugdigen met een lopend traject in de periode.",
        short_name="Jeugdigen in zorg",
    ),
    Definition(
        code="actieve_trajecten", lever="diagnostics",
        name="Lopende trajecten",
        unit="aantal",
        definition="trajectories active in P",
        better=None, norm=None, margin=None, theme=None, privacy=COUNT,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("active",),
        description="Aantal trajecten dat in de periode liep.",
    ),
    Definition(
        code="instroom", lever="diagnostics",
        name="Gestarte trajecten",
        unit="aantal",
        definition="trajectories started in P",
        better=None, norm=None, margin=None, theme=None, privacy=COUNT,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("started",),
        description="Aantal trajecten dat in de periode startte.",
    ),
    Definition(
        code="uitstroom", lever="diagnostics",
        name="Beëindigde trajecten",
        unit="aantal",
        definition="trajectories ended in P",
        better=None, norm=None, margin=None, theme=None, privacy=COUNT,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("ended",),
        description="Aantal trajecten dat in de periode eindigde.",
    ),
    Definition(
        code="jongvolwassenen", lever="diagnostics",
        name="Jongvolwassenen (18–22) in zorg",
        unit="%",
        definition="persons active in P whose class is `18-22` / persons active in P × 100",
        better=None, norm=None, margin=None, theme=2, privacy=RATIO,
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=False,
        family="care_use",
        provider_rows=("active",),
        description=(
            "Aandeel jongvolwassenen (18–22 jaar) onder de jeugdigen in zorg in de periode: de leeftijdsklasse "
            "van hun laatst gestarte traject."
        ),
        short_name="Jongvolwassenen",
    ),
    Definition(
        code="gemiddelde_duur", lever="diagnostics",
        name="Gemiddelde duur afgesloten trajecten",
        unit="dagen",
        definition="mean of einddatum − startdatum over trajectories ended in P",
        better="lower", norm=None, margin=None, theme=None, privacy=RATIO,
        reads=("trajecten",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="caseload",
        provider_rows=("ended",),
        description=(
            "Gemiddeld aantal dagen van start tot einde van de trajecten die in de periode eindigden."
        ),
    ),
    Definition(
        code="volgens_plan", lever="diagnostics",
        name="Beëindigd volgens plan",
        unit="%",
        definition="ended in P with reden 31 / ended in P with a known end reason × 100",
        better="higher", norm=75, margin=5, theme=1, privacy=RATIO,
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="caseload",
        provider_rows=("ended_known",),
        description="Aandeel van de beëindigde trajecten (met bekende reden) dat volgens plan eindigde.",
        short_name="Volgens plan",
        sentence="Maar {value} van de beëindigde trajecten stopte volgens plan; de norm is {norm}.",
    ),
    Definition(
        code="uitval", lever="diagnostics",
        name="Voortijdig afgebroken (uitval)",
        unit="%",
        definition="ended in P with reden 32 or 33 / ended in P with a known end reason × 100",
        better="lower", norm=15, margin=5, theme=1, privacy=RATIO,
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="caseload",
        provider_rows=("ended_known",),
        description=(
            "Aandeel van de beëindigde trajecten (met bekende reden) dat voortijdig werd afgebroken."
        ),
        sentence="{value} van de trajecten werd voortijdig afgebroken; de norm is {norm}.",
    ),
    Definition(
        code="doelrealisatie", lever="diagnostics",
        name="Doelen behaald",
        unit="%",
        definition="Σ doelen_behaald / Σ afgesloten_trajecten × 100",
        better="higher", norm=70, margin=5, theme=17, privacy=RATIO,
        reads=("uitkomsten",),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="goals",
        provider_rows=("outcomes",),
        cadence=QUARTERLY,
        description=(
            "Behaalde doelen als aandeel van de afgesloten trajecten, uit de uitkomsten van aanbieders."
        ),
        sentence="{value} van de doelen is behaald; de norm is {norm}.",
    ),
    Definition(
        code="kosten_per_jeugdige", lever="diagnostics",
        name="Kosten per jeugdige",
        unit="euro",
        definition="Σ bedrag in P / unieke_jeugdigen",
        better="lower", norm=None, margin=None, theme=5, privacy=RATIO,
        reads=("trajecten", "kosten"),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("active", "costs"),
        description="Uitgaven in de periode gedeeld door het aantal jeugdigen in zorg.",
        short_name="Kosten per jeugdige",
        compare_label="Kosten per jeugdige",
    ),
    Definition(
        code="doorverwijzing", lever="diagnostics",
        name="Doorverwezen naar een andere aanbieder",
        unit="%",
        definition=(
            "ended in P trajectories T whose person has a trajectory at another provider (any perceel, "
            "regardless of the provider filter) starting in [T.einddatum, T.einddatum + 30 days] / ended in P "
            "× 100"
        ),
        better="lower", norm=10, margin=5, theme=16, privacy=RATIO,
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="referrals",
        look_ahead_days=30,
        provider_rows=("ended",),
        description=(
            "Aandeel van de beëindigde trajecten waarna de jeugdige binnen 30 dagen bij een andere "
            "aanbieder startte."
        ),
        sentence=(
            "{value} van de jeugdigen ging na afloop door naar een andere aanbieder; de norm is {norm}."
        ),
    ),
    Definition(
        code="via_gemeente", lever="diagnostics",
        name="Gestart via de gemeente",
        unit="%",
        definition="started in P with verwijzer 01 (COD327: Gemeente) / started in P × 100",
        better="higher", norm=None, margin=None, theme=13, privacy=RATIO,
        reads=("trajecten",),
        value_range=SHARE,
        region_norm_per_provider=False,
        family="caseload",
        provider_rows=("started",),
        description=(
            "Aandeel van de gestarte trajecten dat door de gemeente zelf (het eigen team) werd verwezen; "
            "trajecten zonder bekende verwijzer tellen mee in het totaal."
        ),
        short_name="Via de gemeente",
        compare_label="Verwezen via de gemeente",
    ),
    # Interactie en dialoog -------------------------------------------------------------------
    Definition(
        code="dialoogsessies", lever="interaction",
        name="Dialoogsessies, laatste 6 maanden",
        unit="sessies",
        definition=(
            "distinct (datum, aanbieder) dialogue rows in (p_end − 6 months, p_end]; per provider, region-wide "
            "rows count for every provider"
        ),
        better="higher", norm=2, margin=1, theme=17, privacy=UNPROTECTED,
        reads=("dialoog",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        window_months=6,
        family="dialogues",
        description=(
            "Aantal dialoogsessies in de laatste 6 maanden (een sessie is een datum met een aanbieder, of"
            " regiobreed)."
        ),
        short_name="Sessies (6 mnd)",
        window_label="Sessies {first}–{last}",
        sentence="Dialoogsessies in de laatste 6 maanden: {value}; de norm is {norm}.",
    ),
    Definition(
        code="themadekking", lever="interaction",
        name="Besproken dialoogthema's, 12 maanden",
        unit="% van 18",
        definition="distinct thema in the 12 months ending at p_end / 18 × 100",
        better="higher", norm=75, margin=10, theme=17, privacy=UNPROTECTED,
        reads=("dialoog",),
        value_range=SHARE,
        region_norm_per_provider=False,
        window_months=12,
        family="dialogues",
        description="Aandeel van de 18 dialoogthema's dat in de laatste 12 maanden is besproken.",
        short_name="Thema's besproken",
        sentence="Het afgelopen jaar is {value} van de 18 dialoogthema's besproken; de norm is {norm}.",
    ),
    Definition(
        code="open_acties", lever="interaction",
        name="Openstaande acties",
        unit="aantal",
        definition=(
            "distinct (datum, aanbieder, onderwerp, actie) with status open, datum ≤ p_end (an action about two "
            "themes counts once)"
        ),
        better=None, norm=None, margin=None, theme=None, privacy=UNPROTECTED,
        reads=("dialoog",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=False,
        family="dialogues",
        # every action agreed up to p_end that is open *now*: the points share their actions, and a past
        # point misses the actions closed since (the status has no history), so no limits (signals.md §3a)
        from_data_start=True,
        description="Afgesproken acties die nog openstaan.",
    ),
    Definition(
        code="acties_verlopen", lever="interaction",
        name="Acties over de deadline",
        unit="aantal",
        definition="open actions (as counted above) with deadline < p_end",
        better="lower", norm=0, margin=2, theme=17, privacy=UNPROTECTED,
        reads=("dialoog",),
        value_range=NON_NEGATIVE,
        region_norm_per_provider=True,
        family="dialogues",
        from_data_start=True,  # as open_acties
        description="Openstaande acties waarvan de deadline verstreken is.",
        short_name="Acties over deadline",
        sentence="Afgesproken acties over hun deadline: {value}.",
    ),
    Definition(
        code="aanlevering", lever="interaction",
        name="Uitkomsten aangeleverd",
        unit="%",
        definition=(
            "present `uitkomsten` rows / expected rows × 100; expected = each provider in scope × each of its "
            "percelen in scope × each reporting quarter of P, or the fallback quarter (signals.md §1; none → grijs)"
        ),
        better="higher", norm=95, margin=5, theme=17, privacy=UNPROTECTED,
        reads=("uitkomsten", "aanbieders"),
        value_range=SHARE,
        region_norm_per_provider=True,
        family="delivery",
        provider_rows=("register",),
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


def codes_csv() -> str:
    """data/reference/indicatoren.csv as the catalogue makes it (data/ may not import levers)."""
    return "".join(f"{line}\n" for line in ("indicator", *CODES))
