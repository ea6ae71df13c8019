"""Every Dutch word the dashboard shows, grouped by page (style.md: one place for labels).

Sections: common, navigation, filters, overview, lever pages, charts. Pages that other work adds
(Uploaden, Partner, Beheer) append their own clearly marked section at the end of this file.
"""

from __future__ import annotations

from levers.norms import Status
from levers.scope import PeriodKind

# === common ======================================================================================
APP_TITLE = "Jeugdhulp monitor"
APP_ICON = ":material/child_care:"
STATUS_ICONS = {
    Status.GREEN: ":material/check_circle:",
    Status.AMBER: ":material/warning:",
    Status.RED: ":material/error:",
    Status.GREY: ":material/remove:",
}
STATUS_HELP = {
    Status.GREEN: "Binnen de norm.",
    Status.AMBER: "Buiten de norm, maar binnen de marge.",
    Status.RED: "Buiten de norm en de marge.",
    Status.GREY: "Geen oordeel mogelijk.",
}
LOT_LABELS = {None: "beide percelen", "complex": "perceel complex", "enkelvoudig": "perceel enkelvoudig"}
LOT_BUDGET = {None: "", "complex": " voor complexe jeugdhulp", "enkelvoudig": " voor enkelvoudige jeugdhulp"}
HEADER = "Jeugdhulp {region} · {period} · {lots}"
SELECTION_MUNICIPALITIES = "Gemeenten: {names}"
SELECTION_PROVIDERS = "Aanbieders: {names}"
SELECTION_PROVIDER = "Aanbieder: {names}"
SELECTION_REGION_TOTAL = "Cijfers van de hele regio; kies bij Aanbieders uw organisatie voor uw eigen cijfers"
ALL_MUNICIPALITIES = "alle gemeenten van de regio"
ALL_PROVIDERS = "alle aanbieders"
UPLOADER_BUTTON = "Bestand kiezen"
UPLOADER_HINT = "of sleep het hierheen · tot {mb} MB"
PAGE_UNKNOWN = ("De pagina ‘{page}’ bestaat niet, of is niet beschikbaar voor uw rol. "
                "U ziet daarom het overzicht.")
LINK_IGNORED = "Uit de link is niet gebruikt (onbekend, of niet voor u beschikbaar): {items}. U ziet de standaardkeuze."
LINK_IGNORED_ITEM = "{name} ‘{value}’"
NO_REGION = "U heeft geen toegang tot een regio. Neem contact op met de beheerder."
DEMO_BUILDING = "De demodatabase wordt voor de eerste keer opgebouwd…"
DEMO_BANNER = "**Demomodus** — fictieve gegevens, geen inlog nodig."
DEMO_ROLE = "Bekijk als"
ROLE_LABELS = {
    "beheerder": "beheerder",
    "bestuurder": "bestuurder",
    "contractmanager": "contractmanager",
    "aanbieder": "aanbieder",
}

# === navigation ==================================================================================
NAV_TITLES = {
    "overzicht": "Overzicht",
    "gedeelde_waarden": "Gedeelde waarden",
    "kaders": "Kaders en randvoorwaarden",
    "data": "Data en informatie",
    "interactie": "Interactie en dialoog",
    "partner": "Partner",
    "scenario": "Scenario",
    "contracten": "Contracten",
    "uploaden": "Uploaden",
    "beheer": "Beheer",
}
NAV_ICONS = {
    "overzicht": ":material/dashboard:",
    "gedeelde_waarden": ":material/diversity_3:",
    "kaders": ":material/rule:",
    "data": ":material/monitoring:",
    "interactie": ":material/forum:",
    "partner": ":material/handshake:",
    "scenario": ":material/tune:",
    "contracten": ":material/contract:",
    "uploaden": ":material/upload_file:",
    "beheer": ":material/admin_panel_settings:",
}

# === filters =====================================================================================
FILTERS_TITLE = "Selectie"
BASELINE = "Procesgrenzen"
BASELINE_OFF = "uit alle punten"
BASELINE_FROZEN = "vast op de eerste {n} punten"
BASELINE_HELP = ("Standaard volgen de procesgrenzen alle punten na de laatste procesbreuk. Vast op de eerste "
                 "punten: de grenzen komen uit die punten en blijven staan; elk later punt wordt ertegen getoetst "
                 "(zoals Making Data Count een basislijn bevriest).")
REGION = "Regio"
REGIONS_PLACEHOLDER = "Kies een of meer regio's"
REGION_HELP = ("Kies meer regio's voor een gezamenlijke inkoop: de cijfers gelden dan voor alle gemeenten en "
               "aanbieders van die regio's samen.")
MUNICIPALITIES = "Gemeenten"
MUNICIPALITIES_PLACEHOLDER = "Alle gemeenten"
LOT = "Perceel"
LOT_OPTIONS = {"beide": "Beide percelen", "complex": "Complex", "enkelvoudig": "Enkelvoudig"}
PROVIDERS = "Aanbieders"
PROVIDERS_PLACEHOLDER = "Alle aanbieders"
PERIOD_KIND = "Periode"
PERIOD_KINDS = {PeriodKind.MONTH: "Maand", PeriodKind.QUARTER: "Kwartaal", PeriodKind.YEAR: "Jaar"}
PERIOD = "Kies de periode"
PERIOD_RUNNING = "{period} (lopende maand)"

# === overview ====================================================================================
SHARE = "Deel deze weergave"
SHARE_HELP = "Wie deze link opent en deze gegevens mag zien, krijgt precies deze selectie."
TILE_MORE = "Meer"
TILE_MORE_HELP = "Alle indicatoren van deze hefboom, met hun verloop en vergelijking"
SIGNALS_TITLE = "Signalen"
SIGNAL_OF_PROVIDER = "{name} · {provider}"
SIGNAL_OPEN = "In de tabel van {lever}"
SIGNAL_OPEN_HELP = "Opent de hefboom met deze indicator gekozen: zijn verloop en vergelijking"
BUDGET_AMOUNTS = "Prognose {forecast} van {budget} budget"
SIGNALS_NONE = "Geen signalen: alle indicatoren met een norm zitten binnen de norm."
SIGNALS_MORE = "en nog {count} signalen op de pagina's per hefboom."
COMPARE_TITLE = "Gemeenten vergeleken"
COMPARE_PICK = "Indicator"
COMPARE_SINGLE = "De selectie bevat één gemeente; kies in de zijbalk meer gemeenten om te vergelijken."
BURDEN_TITLE = "Wat vragen we van aanbieders?"
BURDEN_PER_REGION = " per regio"
BURDEN = (  # {numbers}, {yearly}: counted from the uitkomsten contract (data.ingest.contracts.number_columns)
    "Naast de iJw-berichten die zij al sturen leveren aanbieders alleen het bestand **uitkomsten** aan: "
    "{numbers} getallen per perceel{per_region} per kwartaal ({yearly} per jaar), plus een toelichting als ze "
    "willen en hun deelname aan de dialoogsessies. "
    "Alle andere indicatoren komen uit gegevens die de regio al heeft."
)

# One plain sentence per lever when nothing is rood or oranje ({...} are formatted results).
LEVER_OK = {
    "shared_values": "De indicatoren van de regiovisie zitten binnen de norm.",
    "boundaries": "Budget, acceptatieplicht en wachttijden blijven binnen de kaders.",
    "diagnostics": "{unieke_jeugdigen} jeugdigen kregen jeugdhulp; er startten {instroom} trajecten.",
    "interaction": "Het gesprek met aanbieders loopt volgens afspraak.",
}
LEVER_NO_DATA = "Te weinig gegevens voor een oordeel over deze periode."
LEVERS_DESCRIBED = ("diagnostics",)  # their calm sentence states facts, so it needs no norm

# The sentence for an indicator that is rood or oranje: its catalogue entry's `sentence`, else this one.
SENTENCE_FALLBACK = "{name} is {value}; de norm is {norm}."

# === lever pages =================================================================================
LEVER_INTROS = {
    "shared_values": "Waar de regio samen naartoe wil: de regiovisie, zichtbaar gemaakt in cijfers.",
    "boundaries": "De grenzen waarbinnen aanbieders werken: budget, acceptatieplicht, wachttijden en "
                  "contractvoorwaarden.",
    "diagnostics": "De cijfers waarmee de regio bijstuurt: instroom, uitstroom, duur, resultaat en kosten.",
    "interaction": "Het gesprek met aanbieders: dialoogsessies, besproken thema's en gemaakte afspraken.",
}
SUMMARY_TITLE = "Alle indicatoren van deze hefboom"
SUMMARY_INTRO = ("Waarden over {period}; een waarde uit een ander kwartaal noemt dat kwartaal. Wat aandacht vraagt "
                 "staat bovenaan. Klik op een rij (of kies hieronder een indicator) voor de details.")
SUMMARY_PICK = "Details van"
SUMMARY_STATUS_HELP = "De waarde tegen de norm: op koers, let op (binnen de marge) of buiten de norm."
SUMMARY_TREND_HELP = "De waarden van de laatste 24 maanden (of kwartalen)."
COLUMN_VARIATIE = "Variatie"
COLUMN_ZEKERHEID = "Zekerheid"
COLUMN_TREND = "Verloop"
VALUE = "Waarde"
NORM = "Norm"
STATUS = "Status"
COLUMN_INDICATOR = "Indicator"
COLUMN_REASON = "Toelichting"
NO_NORM = "geen norm"
DEFINITION = "Definitie"

DEFAULT_NORM = "Standaardnorm {norm}, marge {margin}; de regio kan een eigen norm vaststellen."
TAB_TREND = "Verloop"
TAB_MUNICIPALITIES = "Per gemeente"
TAB_PROVIDERS = "Per aanbieder"
MUNICIPALITY = "Gemeente"
PROVIDER = "Aanbieder"
NOTHING_TO_COMPARE = "Geen gegevens om te vergelijken."
REGION_FIGURE_NOT_PER_MUNICIPALITY = ("Dit is een regiocijfer: aanbieders leveren uitkomsten en gesprekken per regio aan, "
                                      "niet per gemeente. Daarom is er geen vergelijking per gemeente.")
EXPORT_CSV = "CSV"
EXPORT_XLSX = "Excel"
EXPORT_HELP = "Download deze tabel; kleine aantallen blijven afgeschermd."

SUPPRESSION_NOTE = "Aantallen van 1 tot 4 staan als <5; een percentage of gemiddelde over minder dan 10 " \
                   "waarnemingen staat als –."

# === charts ======================================================================================
SERIES_VALUE = "Waarde"
SERIES_NORM = "Norm"
SERIES_SPECIAL = "Bijzondere variatie"  # a special cause of the process-behaviour chart
TREND_ROSE = "Gestegen van {before} naar {now} in een jaar"
TREND_FELL = "Gedaald van {before} naar {now} in een jaar"
TREND_SAME = "Gelijk gebleven op {now} in een jaar"
TREND_NOW = "{now} in {period}"
TREND_NONE = "Te weinig gegevens voor een verloop"
COMPARE_SPREAD = "Het hoogst in {high} ({high_value}), het laagst in {low} ({low_value})"
COMPARE_ONE = "{label}: {value}"
COMPARE_NONE = "Te weinig gegevens om te vergelijken"

# --- Uploaden ---------------------------------------------------------------------------------------
UPLOAD_TITLE = "Uploaden"
UPLOAD_INTRO = (
    "Lever een CSV-bestand of een Excel-werkmap aan. Het wordt eerst helemaal gecontroleerd; pas als u "
    "bevestigt, wordt het opgeslagen. Een bestand met fouten wordt nooit (gedeeltelijk) opgeslagen."
)
UPLOAD_NOT_ALLOWED = "Met uw rol kunt u geen bestanden uploaden."
UPLOAD_DUE = "Volgende aanlevering: uitkomsten over het {quarter}, uiterlijk {deadline}."
UPLOAD_DUE_LATE = ("De uitkomsten over het {quarter} hadden uiterlijk {deadline} binnen moeten zijn; "
                   "lever ze zo snel mogelijk aan.")
UPLOAD_WITHOUT_REGION = ("{rows} uitkomsten van vóór de kolom regio {verb} nergens mee, omdat de aanbieder in meer "
                         "dan één regio werkt: {providers}. Lever die kwartalen opnieuw aan, met een rij per regio.")
UPLOAD_OWN_REGIONS = ("U levert uitkomsten per regio waarin u werkt: {regions}. Zet in de kolom regio de regio "
                      "waarover de rij gaat; een kwartaal heeft dan een rij per regio en perceel.")
UPLOAD_TEMPLATE_REGION = "Regio in het sjabloon"
UPLOAD_ONE_CODE = (
    "Uw account hoort bij meer dan één aanbiedercode. Uploaden kan alleen met een account per code; "
    "neem contact op met de beheerder."
)
UPLOAD_KIND = "Soort bestand"
UPLOAD_KIND_AUTO = "Herken aan de kopregel"
MONTHLY_SPENDING = "Uitgaven per maand"
MONTHLY_SPENDING_NOTE = "Som van de kosten per maand, 24 maanden, met procesgrenzen (minder is beter)"
UPLOAD_KIND_HELP = "De soort wordt herkend aan de kolomnamen in de eerste regel; kies zelf als dat niet lukt."
UPLOAD_KIND_LABELS = {
    "trajecten": "trajecten — zorgtrajecten uit de iJw-administratie",
    "kosten": "kosten — uitgaven per maand",
    "budget": "budget — budgetplafonds",
    "uitkomsten": "uitkomsten — kwartaalcijfers van aanbieders",
    "dialoog": "dialoog — dialoogsessies en acties",
    "normen": "normen — normen en marges",
    "aanbieders": "aanbieders — de gecontracteerde aanbieders",
    "gemeenten": "gemeenten — aantal jeugdigen per gemeente",
    "landelijk": "landelijk — referentiecijfers van het CBS",
    "procesbreuken": "procesbreuken — data waarop de werkwijze veranderde",
    "contracten": "contracten — looptijd, bekostiging en evaluatiemomenten van contracten",
}
UPLOAD_FILE = "Bestand (CSV of Excel)"
UPLOAD_FILE_HELP = ("CSV met puntkomma of komma als scheidingsteken, UTF-8 of Windows-1252; of een Excel-werkmap "
                    "(.xlsx): het eerste werkblad, met de kolomnamen in rij 1. Datums als 5-10-2026 of 2026-10-05; "
                    "een maand als 2026-10, okt-26 of oktober 2026; een kwartaal als 2026-K4.")
UPLOAD_CHECKING = "Het bestand wordt gecontroleerd…"
UPLOAD_STORING = "Het bestand wordt opgeslagen…"
UPLOAD_STAGES = {"read": "Lezen…", "check": "Controleren…", "store": "Opslaan…"}  # a large file's progress bar
UPLOAD_KIND_REFUSED = "U mag geen bestanden van de soort **{kind}** uploaden. Er is niets opgeslagen."
UPLOAD_ERRORS = "Het bestand is **niet opgeslagen**: {count} {fouten}. Verbeter het bestand en upload het opnieuw."
UPLOAD_ERRORS_FIRST = "Hieronder de eerste {shown} fouten; de volledige lijst kunt u downloaden."
UPLOAD_ERROR_COLUMNS = {"row": "Rij", "column": "Kolom", "message": "Melding"}
UPLOAD_UNCHANGED = "Dit bestand is al eerder opgeslagen: er verandert **niets** (ongewijzigd)."
UPLOAD_EMPTY = (
    "Dit bestand bevat alleen een kopregel. Opslaan betekent dat de opgeslagen gegevens van deze soort "
    "die het bestand zou vervangen, verdwijnen. Doe dit alleen als er echt niets aan te leveren is."
)
UPLOAD_EMPTY_CONFIRM = "Ik bevestig dat er echt niets aan te leveren is"
UPLOAD_READY = "Het bestand is in orde. Controleer wat er gaat gebeuren en bevestig."
UPLOAD_ROWS = "Rijen in het bestand"
UPLOAD_REPLACED_ROWS = "Rijen die vervangen worden"
UPLOAD_SCOPE = "Wat wordt vervangen: {scope}"
UPLOAD_PREVIEW = "Voorbeeld van de eerste rijen"
UPLOAD_REPLACES_MORE = (
    "Dit bestand vervangt **{replaced} bestaande {rijen}** van {kind} door **{rows} nieuwe**: alle opgeslagen "
    "rijen met een {key} die in het bestand voorkomt, verdwijnen. Klopt dat niet, lever dan het volledige bestand aan."
)
UPLOAD_REPLACES_CONFIRM = "Ja, vervang {replaced} bestaande {rijen} door {rows} nieuwe"
UPLOAD_CONFIRM = "Opslaan"
UPLOAD_DONE = "Opgeslagen: {summary}"
UPLOAD_DONE_UNCHANGED = "Niets opgeslagen: dit bestand was al opgeslagen (ongewijzigd)."
TEMPLATES_TITLE = "Sjablonen"
TEMPLATES_INTRO = (
    "Per soort bestand een sjabloon, als CSV (puntkomma, UTF-8) of als Excel-werkmap met ook de codelijsten. "
    "Beide hebben twee voorbeeldrijen (de eerste cel begint met VOORBEELD): verwijder die voordat u het bestand "
    "aanlevert."
)
TEMPLATES_CSV = "{kind} (CSV)"
TEMPLATES_XLSX = "{kind} (Excel)"
HISTORY_TITLE = "Eerdere uploads"
HISTORY_EMPTY = "Er is nog niets geüpload."
HISTORY_COLUMNS = {
    "uploaded_at": "Tijdstip",
    "uploader": "Door",
    "kind": "Soort",
    "file_name": "Bestand",
    "row_count": "Rijen",
    "scope_replaced": "Vervangen",
    "sha256": "SHA-256",
}

# --- Partner ----------------------------------------------------------------------------------------
PARTNER_TITLE = "Partner"
PARTNER_INTRO = "Eén aanbieder in beeld: de vier hefbomen, de vergelijking met andere aanbieders, de dialoog en de agenda."
PARTNER_PICK = "Aanbieder"
PARTNER_NONE = "Er zijn geen aanbieders in deze regio die u mag bekijken."
PARTNER_LOTS = {"complex": "perceel complex", "enkelvoudig": "perceel enkelvoudig", "beide": "beide percelen"}
PARTNER_ROLES = {
    "strategisch_partner": "strategisch partner",
    "ontwikkelpartner": "ontwikkelpartner",
    "overig": "overige aanbieder",
}
PARTNER_CONSORTIUM = "Samenwerkingsverband: {name}"
PARTNER_CERTIFICATE = "Kwaliteitscertificaat geldig tot {day}"
PARTNER_NO_CERTIFICATE = "Geen kwaliteitscertificaat bekend"
PARTNER_LEVERS = "De vier hefbomen voor deze aanbieder"
PARTNER_PEERS = "Vergeleken met de andere aanbieders ({lots})"
PARTNER_PEERS_LEVER = "Hefboom"
PARTNER_PEERS_ANONYMOUS = "Andere aanbieders staan er anoniem in (aanbieder A, B, …), gesorteerd op de eerste indicator."
PARTNER_PEERS_NONE = "Er zijn geen andere aanbieders om mee te vergelijken."
PARTNER_PEERS_TOO_FEW = "Te weinig andere aanbieders in dit perceel om anoniem mee te vergelijken."
PARTNER_OWN_MARK = "{name} (deze aanbieder)"
PARTNER_DIALOGUE = "Dialoog"
PARTNER_SESSIONS = "Gesprekken, laatste 12 maanden"
PARTNER_SESSIONS_NONE = "De afgelopen 12 maanden is er niets vastgelegd."
PARTNER_ACTIONS = "Openstaande acties"
PARTNER_ACTIONS_NONE = "Geen openstaande acties."
PARTNER_ACTIONS_OVERDUE = "{count} van de {total} openstaande acties {verb} over de deadline."
PARTNER_REGION_WIDE = "regiobreed"
DIALOGUE_COLUMNS = {
    "session_date": "Datum",
    "provider_name": "Aanbieder",
    "theme_name": "Thema",
    "subject": "Onderwerp",
    "signal": "Signaal",
    "action": "Actie",
    "owner": "Eigenaar",
    "deadline": "Deadline",
    "status": "Status",
    "is_overdue": "Over de deadline",
}
PARTNER_AGENDA = "Agenda voor het volgende gesprek"
PARTNER_AGENDA_INTRO = ("Indicatoren buiten de norm of om op te letten, of met een zorgelijke verandering in hun verloop, "
                        "waarvan het thema de afgelopen 3 maanden niet besproken is.")
PARTNER_AGENDA_NONE = "Geen agendapunten: alles is binnen de norm of onlangs besproken."
PARTNER_AGENDA_ITEM = "{number}. {badge} **{name}** — {value} (norm {norm}) · thema {theme}: {theme_name}"

# --- Dialoog vastleggen en documenten (issue 6: views/dialogue_ui.py) ---------------------------------
DIALOGUE_SECTION = "Dialoog en acties"
DIALOGUE_PARTS_LABEL = "Onderdeel"
DIALOGUE_PARTS = {"actions": "Openstaande acties", "sessions": "Gesprekken, laatste 12 maanden",
                  "record": "Gesprek vastleggen", "documents": "Agenda en rapportage"}
DIALOGUE_PARTS_HINT = "Kies hierboven welk onderdeel u wilt zien."
DIALOGUE_RECORD = "Gesprek vastleggen"
EMPTY_CELL = "–"  # an empty cell of an editable table (Streamlit's own word is "None")
DIALOGUE_WHERE_SHOWN = ("Een gesprek telt mee in de maand van zijn datum. Een gesprek van deze maand ziet u "
                        "met in de zijbalk Periode → Maand → {running}.")
DIALOGUE_RECORD_HELP = (
    "Leg een dialoogsessie vast: per thema en per afgesproken actie wordt één regel opgeslagen, precies zoals "
    "bij een upload van het bestand dialoog. Dezelfde datum, aanbieder, thema en onderwerp nogmaals opslaan "
    "vervangt de eerdere regels."
)
DIALOGUE_WITH = "Met wie"
DIALOGUE_REGION_WIDE = "Regiobreed"
DIALOGUE_DATE = "Datum van het gesprek"
DIALOGUE_THEMES = "Thema's"
DIALOGUE_THEMES_PLACEHOLDER = "Kies een of meer van de 18 thema's"
DIALOGUE_SUBJECT = "Onderwerp"
DIALOGUE_SIGNAL = "Signalen"
DIALOGUE_SIGNAL_HELP = "Wat er gezien of gevreesd wordt (een strategische onzekerheid)."
DIALOGUE_ACTIONS = "Afgesproken acties"
DIALOGUE_ACTIONS_HELP = "Eén regel per actie. De eigenaar is een rol of organisatie, nooit de naam van een persoon."
DIALOGUE_ACTION_COLUMNS = {"action": "Actie", "owner": "Eigenaar", "deadline": "Deadline", "status": "Status"}
DIALOGUE_OWNERS = ("contractmanager", "regiomanager jeugd", "aanbieder", "gemeente", "wijkteam",
                   "samenwerkingsverband", "onderwijs")
DIALOGUE_STATUSES = ("open", "afgerond")
DIALOGUE_SAVE = "Opslaan"
DIALOGUE_NEEDS = "Kies minstens één thema en vul een onderwerp in."
DIALOGUE_ACTION_NEEDS_TEXT = ("Niet opgeslagen: een actie heeft een eigenaar of deadline maar geen omschrijving; "
                              "vul de actie in of maak de rij leeg.")
DIALOGUE_SAVED = "Vastgelegd: {summary}"
DIALOGUE_UNCHANGED = "Dit gesprek was al precies zo vastgelegd: er is niets veranderd."
DIALOGUE_REFUSED = "Niet opgeslagen; verbeter het volgende:"
DIALOGUE_ERROR = "{column}: {message}"
DIALOGUE_DONE_PICK = "Afgeronde acties"
DIALOGUE_DONE_PLACEHOLDER = "Kies een of meer openstaande acties"
DIALOGUE_DONE_BUTTON = "Markeer als afgerond"
DIALOGUE_DONE_ITEM = "{day} · {who} · {subject}: {action}"
DIALOGUE_OPEN_NONE = "Geen openstaande acties."
DIALOGUE_READ_ONLY = "Deze omgeving is alleen-lezen: gesprekken vastleggen kan hier niet."
DIALOGUE_JOINT = ("Een gesprek hoort bij één regio: kies één regio in de zijbalk om een gesprek vast te leggen of "
                  "acties af te vinken.")
AGENDA_TO_ROWS = "Besproken agendapunten vastleggen"
AGENDA_TO_ROWS_HELP = "Elk besproken punt wordt een dialoogregel met zijn thema en één vervolgactie."
AGENDA_TO_ROWS_PICK = "Besproken punten"
AGENDA_TO_ROWS_PLACEHOLDER = "Kies een of meer agendapunten"
AGENDA_TO_ROWS_OWNER = "Eigenaar van de vervolgacties"
AGENDA_TO_ROWS_DEADLINE = "Deadline van de vervolgacties"
AGENDA_TO_ROWS_SAVE = "Vastleggen"
AGENDA_TO_ROWS_NEEDS = "Kies minstens één besproken punt."
DOCUMENTS = "Documenten"
DOCUMENT_AGENDA_PDF = "Agenda (PDF)"
DOCUMENT_AGENDA_MD = "Agenda (Markdown)"
DOCUMENT_COUNCIL = "Bestuursrapportage (PDF)"
DOCUMENT_COUNCIL_SHORT = "Rapport (PDF)"
DOCUMENT_HELP = "Wordt gemaakt bij het klikken; kleine aantallen blijven afgeschermd."

# --- Toegang: inloggen, demomodus, geen toegang (views/login.py, views/session.py) ----------------------
PAGE_NOT_ALLOWED = "U heeft geen toegang tot deze pagina."
LOGIN_TITLE = "Inloggen"
LOGIN_INTRO = "De Jeugdhulp monitor bevat gegevens over jeugdhulp in uw regio. Log in met uw account."
LOGIN_EMAIL = "E-mailadres"
LOGIN_PASSWORD = "Wachtwoord"
LOGIN_SUBMIT = "Inloggen"
LOGIN_FAILED = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw."
LOGIN_LOCKED = (
    "Dit account is tijdelijk geblokkeerd na {attempts} mislukte pogingen. Probeer het over {minutes} "
    "opnieuw, of vraag de beheerder om hulp."
)
LOGIN_HELP = "Geen account of wachtwoord vergeten? Neem contact op met de beheerder van uw regio."
OIDC_INTRO = "De Jeugdhulp monitor bevat gegevens over jeugdhulp in uw regio. Log in met het account van uw organisatie."
OIDC_LOGIN = "Inloggen met uw organisatieaccount"
NO_ACCESS_TITLE = "Geen toegang"
NO_ACCESS = (
    "U bent ingelogd als **{email}**, maar dit adres heeft geen account in de Jeugdhulp monitor. "
    "Vraag de beheerder van uw regio om toegang."
)
LOGGED_IN_AS = "Ingelogd als **{email}** · {role}"
LOGGED_IN_WHERE = "Regio: {regions}"
ALL_REGIONS = "alle regio's"
LOGOUT = "Uitloggen"
DEMO_BANNER_HELP = "Er zijn nog geen accounts: iedereen kijkt mee. Zodra er één account is, is inloggen verplicht."
DEMO_REGION = "Regio van de rol"
DEMO_PROVIDER = "Als aanbieder"

# --- Beheer (views/pages/admin.py, views/admin_tables.py) -----------------------------------------------
ADMIN_TITLE = "Beheer"
ADMIN_INTRO = ("Het auditlog, de gebruikers en hun rollen, de normen die gelden, de contracten van de regio's en de "
               "procesbreuken. Een contractmanager ziet hier alleen de procesbreuken van de eigen regio.")
ADMIN_TABS = ("Auditlog", "Gebruikers", "Normen", "Contracten", "Procesbreuken")
CHANGES_INTRO = ("Een procesbreuk is een datum waarop de werkwijze veranderde (nieuwe contracten, een nieuw "
                 "toegangsteam). De procesgrenzen in de grafieken gebruiken alleen de punten erna; een lijn met "
                 "de omschrijving markeert de datum.")
CHANGES_NONE = "Er zijn nog geen procesbreuken vastgelegd."
CHANGES_ADD = "Procesbreuk vastleggen"
CHANGES_COLUMNS = {"region": "Regio", "day": "Datum", "indicator": "Indicator", "description": "Omschrijving"}
CHANGES_ALL_INDICATORS = "alle indicatoren"
CHANGES_PLACEHOLDER = "bijvoorbeeld: nieuw toegangsteam"
CHANGES_BUTTON = "Vastleggen"
CHANGES_SAVED = "Procesbreuk van {day} voor {region} vastgelegd."
AUDIT_ACTION = "Actie"
AUDIT_ALL = "Alle acties"
AUDIT_ACTOR = "Wie"
AUDIT_ACTOR_PLACEHOLDER = "Deel van een e-mailadres"
AUDIT_LATEST = "De laatste {limit} regels, nieuwste eerst. Het auditlog wordt nooit gewijzigd of ingekort."
AUDIT_EMPTY = "Geen regels in het auditlog voor deze selectie."
AUDIT_COLUMNS = {"logged_at": "Wanneer", "actor": "Wie", "action": "Actie", "details": "Details"}
AUDIT_ACTIONS = {
    "login": "ingelogd",
    "login_failed": "inloggen mislukt",
    "account_locked": "account geblokkeerd",
    "logout": "uitgelogd",
    "access_denied": "geen toegang",
    "upload": "upload",
    "upload_refused": "upload geweigerd",
    "export": "export",
    "user_added": "gebruiker toegevoegd",
    "user_removed": "gebruiker verwijderd",
    "rights_changed": "rechten gewijzigd",
    "password_changed": "wachtwoord gewijzigd",
    "demo": "demodatabase gebouwd",
}
USER_COLUMNS = {"email": "E-mailadres", "role": "Rol", "regions": "Regio's", "providers": "Aanbieders",
                "locked_until": "Geblokkeerd tot", "created_at": "Aangemaakt"}
USER_REGIONS_DEFAULT = {"beheerder": "alle regio's", "aanbieder": "regio's van de aanbieder",
                        "bestuurder": "", "contractmanager": ""}
USERS_NONE = "Er zijn nog geen accounts: het dashboard staat in demomodus."
USER_ADD = "Gebruiker toevoegen"
USER_ADD_HELP = (
    "Een bestuurder en een contractmanager horen bij een of meer regio's; een aanbieder bij zijn "
    "aanbiedercode(s). Een beheerder zonder regio ziet alles. Het wachtwoord wordt alleen als bcrypt-hash bewaard."
)
USER_ROLE = "Rol"
USER_REGIONS = "Regio's"
USER_REGIONS_PLACEHOLDER = "Kies een of meer regio's"
USER_PROVIDERS = "Aanbiedercodes"
USER_PROVIDERS_PLACEHOLDER = "Kies een of meer aanbiedercodes"
USER_PASSWORD_REPEAT = "Herhaal het wachtwoord"
USER_PASSWORDS_DIFFER = "De twee wachtwoorden zijn niet gelijk."
USER_ADD_BUTTON = "Toevoegen"
USER_ADDED = "Account toegevoegd: {email} ({role})."
USER_REMOVE = "Gebruiker verwijderen"
USER_REMOVE_PICK = "Account"
USER_REMOVE_CONFIRM = "Ik weet het zeker: dit account kan daarna niet meer inloggen."
USER_REMOVE_BUTTON = "Verwijderen"
USER_REMOVED = "Account verwijderd: {email}."
USER_REMOVE_SELF = "Uw eigen account kunt u hier niet verwijderen."
USER_REFUSED = "Niet gelukt: {reason}."
NORM_YEAR = "Jaar"
NORM_INTRO = (
    "Per indicator de norm die geldt: een geüploade norm (bestand normen) gaat voor de standaardnorm; een norm "
    "voor een perceel of aanbieder gaat voor de algemene."
)
NORM_REGIONS = ("Een regio gebruikt eerst haar eigen normen, dan de standaardnormen voor alle regio's, dan de "
                "ingebouwde. Een gezamenlijke inkoop van meer regio's gebruikt een eigen norm alleen als alle regio's "
                "dezelfde hebben.")
NORM_REGION = "Regio"
NORM_EVERY_REGION = "Alle regio's (standaard)"
NORM_SET = "Norm instellen voor {region}, {year}"
NORM_SAVE = "Norm opslaan"
NORM_SAVED = "Norm voor {name} opgeslagen ({region}, {year})."
NORM_COLUMNS = {"indicator": "Indicator", "region": "Geldt voor", "lot": "Perceel", "provider": "Aanbieder",
                "norm": "Norm", "margin": "Marge", "source": "Bron"}
NORM_FOR_EVERY_REGION = "alle regio's"
NORM_BUILT_IN = "ingebouwd"
NORM_ALL_LOTS = "beide"
NORM_ALL_PROVIDERS = "alle"
NORM_SOURCE_DEFAULT = "standaardnorm (catalogus)"
NORM_SOURCE_UPLOAD = "{file}, {moment}"
NORM_SOURCE_UPLOADED = "geüpload"
FORECAST_BAND = "Bandbreedte prognose"
SERIES_NOTE = "Toelichting"
