"""Dutch words of the year-end forecast (ahead.md §1): the fan chart's title, lines and caption, and the
scenario page's levers and outcome (ahead.md §2). Screen and paper read the same texts."""

from __future__ import annotations

from levers.chart_model import FanModel
from wording import fmt

MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTHS_LONG = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december")

REALISED = "Gerealiseerd"
CORRECTED = "Gecorrigeerd voor late declaraties"
MEDIAN = "Prognose (mediaan)"
BAND = "80%-band"
BUDGET = "Budget"
FAN_SUBTITLE = "Cumulatief per maand · gecorrigeerd voor late declaraties · band: 8 van de 10 eerdere jaren"
POOLED = "correctie uit alle regio's: te weinig eigen historie"
FAN_CAPTION = ("Cumulatieve uitgaven per maand. Declaraties komen maanden na de zorgmaand binnen; de "
               "gecorrigeerde lijn telt op wat er gewoonlijk nog bijkomt. De band is het bereik waarin de "
               "uitkomst in 8 van de 10 eerdere jaren viel, getoetst op dezelfde maand.")


def fan_subtitle(model: FanModel) -> str:
    """The fan's subtitle; says so when the completion factors came from all regions (ahead.md §1)."""
    return f"{FAN_SUBTITLE} · {POOLED}" if model.pooled else FAN_SUBTITLE


def fan_title(model: FanModel) -> str:
    """The finding: when the budget is reached at the median outcome, or that it holds; with the chance."""
    chance = (f" (kans op overschrijding {fmt.percent(model.overspend_pct, 0)})"
              if model.overspend_pct is not None else "")
    if model.budget is None:
        return f"Prognose van de uitgaven in {model.year}"
    if model.budget_month is None:
        return f"Het budget {model.year} houdt naar verwachting stand{chance}"
    return f"Het budget {model.year} is naar verwachting in {MONTHS_LONG[model.budget_month - 1]} op{chance}"


# --- the Scenario page (ahead.md §2) -----------------------------------------------------------------------
SCENARIO_TITLE = "Scenario"
SCENARIO_INTRO = ("Wat doet een besluit met het budget? Stel de knoppen in; de prognose voor het jaareinde en de "
                  "verwachte uitgaven van volgend jaar worden meteen doorgerekend. De instellingen staan in de link.")
LEVER_LABELS = {"baseline": "Basis", "volume": "Volumegroei", "tariff": "Tariefindexatie",
                "shift": "Residentieel → gezinsgericht", "lump_sum": "Lumpsum", "scenario": "Scenario"}
TARIFF_LABEL = "Tariefindexatie {lot} (%)"
TARIFF_HELP = "Geldt voor declaraties, niet voor lumpsums."
VOLUME_LABEL = "Volumegroei {lot} (% jeugdigen)"
VOLUME_HELP = "Meer of minder jeugdigen met gedeclareerde zorg."
SHIFT_LABEL = "Verschuiving residentieel → gezinsgericht (% van de jeugdigen)"
SHIFT_HELP = ("Kosten per jeugdige van beide uit de eigen kosten met productcategorie, laatste 12 maanden: "
              "{costs}.")
SHIFT_UNAVAILABLE = "Geen kosten van residentiële én gezinsgerichte zorg in deze selectie: deze knop rekent niet."
LUMP_SUM_TITLE = "Lumpsum per aanbieder (€ per jaar erbij of eraf)"
LUMP_SUM_NONE = "Geen lumpsums in deze selectie."
EFFECT_FROM = "De knoppen werken vanaf {month}: op de resterende maanden van {year} en op heel {next_year}."
EFFECT_FROM_JANUARY = "De knoppen werken vanaf januari {next_year}, op heel {next_year}; de prognose voor {year} verandert niet."
YEAR_END = "Prognose jaareinde {year}"
NEXT_YEAR = "Verwacht {year}"
WATERFALL_TITLE = "Van basis naar scenario, verwacht {year}: {finding}"
WATERFALL_NOTE = "Eén staaf per knop; verhogingen rood, verlagingen blauw."
NO_CHANGE = "geen verschil"
TABLE_TITLE = "Per gemeente en perceel"
COLUMNS = ("Gemeente", "Perceel", "Budget {year}", "Jaareinde basis", "Jaareinde scenario", "Verschil",
           "Verschil % budget", "{next_year} basis", "{next_year} scenario", "Verschil {next_year}")
TO_COUNCIL = "Neem op in raadsrapport"
TO_COUNCIL_HELP = "De bestuursrapportage (PDF) met een pagina over dit scenario: de instellingen en de uitkomst."
NO_DATA = "Geen kosten in deze selectie: er is niets door te rekenen."
SETTINGS_TITLE = "Instellingen van het scenario"


def effect_from(year: int, month: int) -> str:
    """From which month the levers act, for p_end in (year, month): the month after it."""
    if month == 12:
        return EFFECT_FROM_JANUARY.format(year=year, next_year=year + 1)
    return EFFECT_FROM.format(month=MONTHS_LONG[month], year=year, next_year=year + 1)


def settings_lines(settings, lot_names: dict[str, str], provider_names: dict[str, str]) -> list[str]:
    """The scenario's settings as Dutch lines (the council page, the link's caption); none set: one line."""
    lines = [f"{TARIFF_LABEL.format(lot=lot_names.get(lot, lot)).removesuffix(' (%)')}: {fmt.percent(value, 1)}"
             for lot, value in settings.tariff.items() if value]
    lines += [f"{VOLUME_LABEL.format(lot=lot_names.get(lot, lot)).removesuffix(' (% jeugdigen)')}: "
              f"{fmt.percent(value, 1)}" for lot, value in settings.volume.items() if value]
    if settings.shift:
        lines.append(f"{SHIFT_LABEL.removesuffix(' (% van de jeugdigen)')}: {fmt.percent(settings.shift, 1)}")
    lines += [f"Lumpsum {provider_names.get(code, code)}: {signed_euro(value)} per jaar"
              for code, value in settings.lump_sums.items() if value]
    return lines or ["Geen knop ingesteld: het scenario is gelijk aan de basis."]


def metric_delta(difference: float, budget: float | None) -> str:
    """A metric's change: '-€ 43.653 (-0,07% van het budget)'; a leading ASCII minus makes Streamlit draw a
    decrease (green: less spending is better)."""
    share = fmt.percent(difference / budget * 100, 2) if budget else fmt.NOT_SHOWN
    if abs(difference) < 0.5:
        return NO_CHANGE
    return f"{'-' if difference < 0 else '+'}{fmt.euro(abs(difference))} ({share} van het budget)"


def waterfall_finding(difference: float) -> str:
    return NO_CHANGE if abs(difference) < 0.5 else f"{signed_euro(difference)}"


def signed_euro(value: float) -> str:
    return ("+" if value >= 0 else "−") + fmt.euro(abs(value))
