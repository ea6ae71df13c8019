"""The Dutch words of the contract cycle (ahead.md §3): the Contracten page, the Overzicht's notice and the
evaluatiepakket, in one place so that the screen and the paper say the same."""

from __future__ import annotations

from datetime import date

from levers.catalogue import definition
from levers.contracts import PER_THOUSAND, ContractTerm, DialogueRow, DueMoment, FundingRow, next_evaluation
from wording import fmt

FUNDING = {"lumpsum": "lumpsum", "pxq": "p×q (prijs maal hoeveelheid)", "taakgericht": "taakgericht",
           "resultaatgericht": "resultaatgericht"}
MOMENTS = {"start": "start", "evaluatie": "evaluatie", "einde": "einde", "verlenging": "uiterste verlenging",
           "vandaag": "vandaag"}

PAGE_TITLE = "Contracten"
PAGE_CAPTION = ("De contracten van {region}: looptijd, evaluatiemomenten, bekostiging en de cijfers van de "
                "aanbieders. Het evaluatiepakket bereidt het besluit voor: verlengen, bijstellen of beëindigen.")
NONE = "Voor {region} zijn nog geen contracten vastgelegd. Een beheerder voegt ze toe op de pagina Beheer."
PICK = "Contract"
EVERY_PROVIDER = "alle aanbieders van het perceel"
TIMELINE = "Tijdlijn"
FIGURES = "Cijfers van de aanbieders, laatste 12 maanden ({period})"
ACTIONS = "Acties uit de dialoog tijdens de looptijd"
NO_ACTIONS = "Geen acties vastgelegd in de looptijd van dit contract."
FUNDING_TITLE = "Bekostigingsvormen vergeleken, per 1.000 jeugdigen ({period})"
FUNDING_CAPTION = ("Alleen contracten die de hele periode liepen (gelijke periode voor alle vormen) en die een heel "
                   "perceel betreffen; een contract met één aanbieder telt niet mee, want per 1.000 jeugdigen geldt "
                   "voor een regio of perceel. Per vorm: de jeugdigen in zorg in de scopes van die contracten per "
                   "1.000 jeugdigen (0–17) van die scopes; – is afgeschermd (kleine aantallen).")
FUNDING_NONE = "Geen contracten die de hele periode liepen."
FUNDING_FORM = "Bekostiging"
FUNDING_CONTRACTS = "Contracten"
FUNDING_YOUTHS = "Jeugdigen 0–17"
FUNDING_COUNT = "{count} contracten"
SUPPRESSED = "–"

FACT_ID = "Contract"
FACT_REGIONS = "Regio"
FACT_LOT = "Perceel"
FACT_PROVIDER = "Aanbieder"
FACT_FUNDING = "Bekostiging"
FACT_TERM = "Looptijd"
FACT_EXTENSION = "Verlenging tot"
FACT_NEXT = "Volgende evaluatie"
FACT_AGREEMENTS = "Afspraken"
NO_EXTENSION = "geen verlengingsoptie"
NO_NEXT = "geen evaluatiemoment meer"

PACK_BUTTON_PDF = "Evaluatiepakket (PDF)"
PACK_BUTTON_MD = "Evaluatiepakket (Markdown)"
PACK_HELP = ("De vier hefbomen van dit contract: 12 maanden vóór de start tegenover de laatste 12 maanden, "
             "met signalen, normen, dialoog, acties en de toelichting van de aanbieder")

# --- the Beheer form -------------------------------------------------------------------------------------
FORM_INTRO = ("Een contract invoeren of wijzigen (hetzelfde contract-id vervangt het contract). Dezelfde regels als "
              "het bestand contracten: elk evaluatiemoment ligt binnen de looptijd.")
FORM_ID = "Contract-id"
FORM_REGIONS_PLACEHOLDER = "Kies een of meer regio's"
FORM_START = "Startdatum"
FORM_END = "Einddatum"
FORM_MOMENTS = "Evaluatiemomenten"
FORM_MOMENTS_HELP = "Datums als dd-mm-jjjj, gescheiden door /"
FORM_SAVE = "Contract opslaan"
FORM_SAVED = "Contract {contract} opgeslagen."
FORM_SOURCE = "contract {contract} (invoer in de app)"

# --- the Overzicht --------------------------------------------------------------------------------------
DUE_TITLE = "Contractmomenten"
DUE = {"evaluatie": "Evaluatie contract {contract} op {day}", "einde": "Einde contract {contract} op {day}"}
DUE_LINK = {"evaluatie": "Evaluatie over {days} dagen", "einde": "Einde over {days} dagen"}
DUE_TODAY = {"evaluatie": "Evaluatie vandaag", "einde": "Einde vandaag"}

# --- the evaluatiepakket ---------------------------------------------------------------------------------
PACK_TITLE = "Evaluatiepakket contract {contract}"
PACK_INTRO = ("Dit pakket bereidt de evaluatie van het contract voor. Het zet de vier hefbomen van de scope van "
              "het contract in de 12 maanden vóór de start ({before}) naast de laatste 12 maanden ({recent}), met "
              "dezelfde definities en dezelfde afscherming van kleine aantallen als het dashboard en "
              "`python -m levers report`.")
PACK_FACTS = "Het contract"
PACK_LEVERS = "De vier hefbomen in {region}"
PACK_BEFORE = "Vóór de start"
PACK_RECENT = "Laatste 12 maanden"
PACK_NORM = "Norm"
PACK_STATUS = "Status nu"
PACK_SIGNALS = "Variatie en normen, laatste maand ({period})"
PACK_SIGNALS_NONE = "Geen bijzondere variatie: alle reeksen met procesgrenzen tonen gewone variatie."
PACK_NORMS_MET = "{met} van de {normed} indicatoren met een norm halen die in de laatste 12 maanden."
PACK_THEMES = "Besproken dialoogthema's"
PACK_THEMES_COUNT = "{count} van de 18 thema's besproken tijdens de looptijd (tot {day})."
PACK_ACTIONS_CLOSED = "Afgeronde acties"
PACK_ACTIONS_OPEN = "Openstaande acties"
PACK_NO_ROWS = "Geen."
PACK_ACTION_REPEATED = "{count}×, laatst {day}"
PACK_COMMENTS = "Toelichting van de aanbieder"
PACK_ADVICE = "Advies verlengen"
PACK_ADVICE_HINT = "In te vullen door de contractmanager: verlengen, bijstellen of beëindigen, en waarom."
PACK_LEVER_HEADING = "Hefboom"


def regions_text(term: ContractTerm) -> str:
    return " en ".join(term.regions) if len(term.regions) == 2 else ", ".join(term.regions)


def term_text(term: ContractTerm) -> str:
    return f"{fmt.day(term.start)} – {fmt.day(term.end)}"


def due_sentence(moment: DueMoment) -> str:
    """`Evaluatie contract CX-2023-01 op 1-4-2027` (ahead.md §3)."""
    return DUE[moment.kind].format(contract=moment.contract_id, day=short_day(moment.day))


def due_link(moment: DueMoment) -> str:
    """`Evaluatie over 60 dagen`: the link to the contract."""
    if moment.days_ahead == 0:
        return DUE_TODAY[moment.kind]
    return DUE_LINK[moment.kind].format(days=moment.days_ahead)


def short_day(day: date) -> str:
    """`1-4-2027`: a date without leading zeros, as the spec's example writes it."""
    return f"{day.day}-{day.month}-{day.year}"


def facts(term: ContractTerm, provider_name: str | None, today: date) -> list[tuple[str, str]]:
    """(label, value) of a contract, as the page and the evaluatiepakket list them."""
    following = next_evaluation(term, today)
    return [
        (FACT_ID, term.contract_id),
        (FACT_REGIONS, regions_text(term)),
        (FACT_LOT, term.lot),
        (FACT_PROVIDER, provider_name or EVERY_PROVIDER),
        (FACT_FUNDING, FUNDING[term.funding]),
        (FACT_TERM, term_text(term)),
        (FACT_EXTENSION, fmt.day(term.extension_until) if term.extension_until else NO_EXTENSION),
        (FACT_NEXT, fmt.day(following) if following else NO_NEXT),
        *([(FACT_AGREEMENTS, term.agreements)] if term.agreements else []),
    ]


def moment_label(kind: str, day: date) -> str:
    """`evaluatie 1-4-2027`: a point of the timeline."""
    return f"{MOMENTS[kind]} {short_day(day)}"


ACTION_COLUMNS = ("Datum", "Status", "Thema", "Actie", "Deadline")


def action_table(rows: list[DialogueRow]) -> list[dict[str, str]]:
    """The actions of a term as table rows, open ones first."""
    ordered = sorted(rows, key=lambda row: (row.status != "open", row.session_date))
    return [dict(zip(ACTION_COLUMNS, (fmt.day(row.session_date), row.status or "", f"{row.theme}. {row.theme_name}",
                                      row.action or "", fmt.day(row.deadline) if row.deadline else ""), strict=True))
            for row in ordered]


def funding_table(rows: tuple[FundingRow, ...]) -> list[dict[str, str]]:
    """One row per funding form: its contracts, the youths of their scopes and each rate per 1.000."""
    table = []
    for row in rows:
        named = ", ".join(row.contracts) if len(row.contracts) <= 3 else FUNDING_COUNT.format(count=len(row.contracts))
        shown = {FUNDING_FORM: FUNDING[row.funding], FUNDING_CONTRACTS: named,
                 FUNDING_YOUTHS: fmt.count(row.youths) if row.youths else SUPPRESSED}
        for code in PER_THOUSAND:
            value = row.values.get(code)
            shown[definition(code).name] = SUPPRESSED if value is None else fmt.number(value, 1)
        table.append(shown)
    return table
