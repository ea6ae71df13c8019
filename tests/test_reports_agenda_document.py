"""The agenda for the next conversation as PDF and Markdown: the same items, figures the Dutch way."""

from datetime import date

import pytest

from figures.figures import of_connection
from levers.agenda import agenda
from levers.scope import Period, Scope
from levers.series import Series, SeriesPoint
from reports.agenda_document import (
    AgendaDocument, agenda_document, agenda_markdown, agenda_pdf, file_stem, norm_text, sparkline,
)
from tests.builders import add_outcome, add_provider
from tests.fixtures.small_demo import TODAY, demo, pdf_text  # noqa: F401  (demo is a fixture)

OCTOBER = Period.month(2026, 10)
MADE_ON = TODAY


def dutch_percent(value: float) -> str:
    """One decimal, decimal comma, no space before % (written out here, not taken from wording.fmt)."""
    return f"{value:.1f}".replace(".", ",") + "%"


@pytest.fixture(scope="module")
def region_agenda(demo):
    document = agenda_document(of_connection(demo), Scope("IJmond"), OCTOBER, made_on=MADE_ON)
    return document, pdf_text(agenda_pdf(document)), agenda_markdown(document).decode("utf-8")


def test_the_demo_region_has_agenda_items(region_agenda):
    document, _, _ = region_agenda
    assert document.items
    assert len(document.trends) == len(document.items)
    assert all(series.code == item.code for item, series in zip(document.items, document.trends))


def test_the_pdf_names_region_period_and_every_item(region_agenda):
    document, text, _ = region_agenda
    assert "Agenda voor het volgende gesprek" in text
    assert "IJmond · oktober 2026 · beide percelen" in text
    assert "Regiobreed overleg" in text
    flat = " ".join(text.split())  # a long name wraps onto two lines
    for number, item in enumerate(document.items, start=1):
        assert f"{number}. {item.name}" in flat
    assert text.count("Aantekeningen") == len(document.items)


def test_the_pdf_and_markdown_show_a_percentage_item_the_dutch_way(demo, region_agenda):
    _, text, markdown = region_agenda
    items = agenda(demo, Scope("IJmond"), OCTOBER)  # the levers' own figures, formatted by hand below
    item = next(item for item in items if item.unit == "%" and item.value is not None)
    shown = dutch_percent(item.value)
    assert shown in text
    assert f"- **Waarde:** {shown}" in markdown


def test_the_markdown_has_a_heading_per_item_with_its_status_meaning(region_agenda):
    document, _, markdown = region_agenda
    meaning = {"rood": "buiten de norm", "oranje": "let op", "groen": "op koers", "grijs": "geen oordeel"}
    assert markdown.startswith("# Agenda voor het volgende gesprek\n")
    for number, item in enumerate(document.items, start=1):
        assert f"## {number}. {item.name} — {meaning[item.status]}\n" in markdown
    assert markdown.count("### Aantekeningen") == len(document.items)


def test_the_agenda_carries_the_signal_icons_and_the_data_date_of_each_kind(region_agenda):
    document, pdf_text_of_agenda, markdown = region_agenda
    assert document.items  # the demo has points for IJmond in oktober 2026
    assert markdown.count("- **Signaal:** ") == len(document.items)
    assert "Gegevens t/m: trajecten " in markdown and " · uitkomsten K3 2026" in markdown
    flat = " ".join(pdf_text_of_agenda.split())
    assert "Gegevens t/m: trajecten " in flat and "procesgrenzen" in flat


def test_a_provider_agenda_names_the_provider(demo):
    code, name = demo.execute("select provider, name from providers where regions like '%IJmond%' "
                              "order by provider limit 1").fetchone()
    document = agenda_document(of_connection(demo), Scope("IJmond", providers=(code,)), OCTOBER, made_on=MADE_ON)
    assert document.provider_names == (name,)
    assert f"**Met {name}**" in agenda_markdown(document).decode("utf-8")
    assert file_stem(document) == "agenda_IJmond_2026-10"


def test_refusals_on_the_agenda_are_printed_as_less_than_five(empty_db):
    # A strategic partner refused 2 referrals in the third quarter: rood (norm 0), shown as <5.
    add_provider(empty_db, provider="P1", role="strategisch_partner", lot="complex")
    add_outcome(empty_db, quarter_start=date(2026, 7, 1), quarter_end=date(2026, 9, 30), refusals=2)
    quarter = Period.parse("2026-K3")
    document = agenda_document(of_connection(empty_db), Scope("IJmond", providers=("P1",)), quarter, made_on=MADE_ON)
    refusals = next(item for item in document.items if item.code == "weigeringen")
    assert (refusals.status, refusals.value, refusals.value_label) == ("rood", None, "<5")
    markdown = agenda_markdown(document).decode("utf-8")
    assert "- **Waarde:** <5\n" in markdown
    assert "2 aantal" not in markdown
    text = pdf_text(agenda_pdf(document))
    assert "3e kwartaal 2026" in text
    assert "<5" in text


def test_an_empty_agenda_says_so():
    document = AgendaDocument("IJmond", (), None, OCTOBER, (), (), MADE_ON)
    assert "Geen agendapunten" in agenda_markdown(document).decode("utf-8")
    assert "Geen agendapunten" in pdf_text(agenda_pdf(document))


def _series(values):
    points = tuple(SeriesPoint(f"2026-{m:02d}", date(2026, m, 1), date(2026, m, 28), v, None, None, "grijs", False)
                   for m, v in enumerate(values, start=1))
    return Series("x", points)


@pytest.mark.parametrize(("values", "expected"), [
    ([0, 7, 3.5], "▁█▅"),  # (3.5 − 0) / 7 × 7 = 3.5, rounded half to even → 4 → ▅
    ([2, None, 2], "▁ ▁"),  # flat: the lowest block; a value not shown leaves a gap
    ([None, None], ""),
])
def test_the_markdown_trend_is_a_line_of_blocks(values, expected):
    assert sparkline(_series(values)) == expected


def test_the_norm_text_states_direction_and_margin(region_agenda):
    document, _, _ = region_agenda
    item = document.items[0]
    text = norm_text(item)
    assert text.startswith("≥ ") or text.startswith("≤ ")
    assert ("marge" in text) == bool(item.margin)
