"""Every Dutch word that only the documents print (style.md: labels in one place).

Words the screen shows too (status words, column heads, titles, definitions) are taken from
wording.texts, so a document and the dashboard say the same thing.
"""

from __future__ import annotations

from levers.scope import PeriodKind

# === common ======================================================================================
PAGE = "Pagina {page} van {pages}"
MADE_ON = "Opgesteld op {day}"
SUBTITLE = "{region} · {period} · {lots}"
INDICATOR = "Indicator"
MARGIN = "marge {margin}"
NORM_LINE = "norm"
LEGEND_VALUE = "waarde"
LEGEND_SPECIAL = "bijzondere variatie"
NO_TREND = "te weinig gegevens voor een verloop"
SUPPRESSION_NOTE = (
    "Kleine aantallen zijn afgeschermd om kinderen te beschermen: aantallen van 1 tot 4 staan als <5, "
    "een percentage of gemiddelde over minder dan 10 waarnemingen staat als –."
)
FONT_FALLBACK_WARNING = (
    "DejaVu-lettertype niet gevonden ({where}); het PDF-document gebruikt Helvetica zonder bijzondere tekens. "
    "Installeer het Debian-pakket fonts-dejavu-core of zet JEUGDMONITOR_FONT_DIR."
)

# === agenda ======================================================================================
AGENDA_TITLE = "Agenda voor het volgende gesprek"
AGENDA_FOR_PROVIDER = "Met {provider}"
AGENDA_FOR_REGION = "Regiobreed overleg"
AGENDA_INTRO = (
    "Op de agenda staan de indicatoren die rood of oranje zijn, of waarvan het verloop een zorgelijke "
    "verandering toont, en waarvan het dialoogthema de afgelopen 3 maanden niet is besproken. Rood eerst, "
    "dan oranje, dan de zorgelijke veranderingen."
)
AGENDA_EMPTY = (
    "Geen agendapunten: elke indicator met een norm zit binnen de norm, of het thema ervan is de "
    "afgelopen 3 maanden al besproken."
)
ITEM_TITLE = "{number}. {name}"
ITEM_LEVER = "Hefboom"
ITEM_THEME = "Dialoogthema"
ITEM_THEME_VALUE = "{theme}. {name}"
ITEM_WHY = "Waarom op de agenda"
ITEM_SIGNAL = "Signaal"
ITEM_TREND = {PeriodKind.MONTH: "Verloop, 24 maanden", PeriodKind.QUARTER: "Verloop, 12 kwartalen",
              PeriodKind.YEAR: "Verloop, 5 jaar"}
NOTES = "Aantekeningen"
AGREED = "Afgesproken actie"
OWNER = "Eigenaar"
DEADLINE = "Deadline"
MD_AGREED_LINE = "- [ ] Afgesproken actie: …  Eigenaar: …  Deadline: …"
MD_NOTES_LINE = "> …"

# === council report ==============================================================================
COUNCIL_TITLE = "Bestuursrapportage jeugdhulp"
COUNCIL_INTRO = (
    "Deze rapportage volgt de vier hefbomen van de regionale sturing: gedeelde waarden, kaders, data en "
    "informatie, en interactie met aanbieders. Elke indicator heeft een norm; de status staat er in woorden bij."
)
LEVERS_TITLE = "De vier hefbomen"
SIGNALS_MORE = {1: "En nog 1 signaal; zie de tabellen per hefboom.",
                None: "En nog {count} signalen; zie de tabellen per hefboom."}
COMPARE_SINGLE = "De selectie bevat één gemeente; er valt niets te vergelijken."
LEVER_DETAIL_TITLE = "{lever}: alle indicatoren"
TRENDS_TITLE = "Verloop van de kernindicatoren"
DEFINITIONS_TITLE = "Verantwoording: definities"
SOURCE_TITLE = "Bronnen en afscherming"
SOURCES = (
    "Trajecten, kosten en budgetten komen uit de administratie van de gemeenten (iJw-berichten); "
    "uitkomsten leveren aanbieders per kwartaal aan; de dialoogsessies legt de regio zelf vast."
)
