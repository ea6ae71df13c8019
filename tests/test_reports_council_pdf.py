"""The council report PDF: generated for the demo, readable text, suppression applied on paper."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from figures.figures import of_connection
from levers.catalogue import LEVER_NAMES
from levers.scope import Period, Scope
from reports.council import council_report
from reports.council_pdf import council_pdf, file_stem
from tests.builders import VELSEN, add_population, add_trajectory
from tests.fixtures.small_demo import TODAY, demo, pdf_text  # noqa: F401  (demo is a fixture)

OCTOBER = Period.month(2026, 10)
MADE_ON = TODAY

# Persons (municipality, client) active in oktober 2026 in the IJmond municipalities, from the raw rows.
_YOUTHS_IN_CARE = """
select count(distinct (t.municipality, t.client_id))
from trajectories as t
inner join municipalities as m using (municipality)
where m.region = 'IJmond'
  and t.start_date <= date '2026-10-31'
  and (t.end_date is null or t.end_date >= date '2026-10-01')
  and t.product_category not in (42, 47, 48, 49)  -- transport and justice frames are no jeugdhulp
"""


@pytest.fixture(scope="module")
def demo_report(demo):
    return council_report(of_connection(demo), Scope("IJmond"), OCTOBER, made_on=MADE_ON)


@pytest.fixture(scope="module")
def demo_pdf(demo_report):
    data = council_pdf(demo_report)
    return data, pdf_text(data)


def test_the_report_is_a_pdf_of_several_pages(demo_pdf):
    data, _ = demo_pdf
    assert data.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(data)).pages) >= 4  # overview, comparison, levers, definitions


def test_the_report_names_the_region_the_period_and_the_date_it_was_made(demo_pdf):
    _, text = demo_pdf
    assert "Bestuursrapportage jeugdhulp" in text
    assert "IJmond · oktober 2026 · beide percelen" in text
    assert "Opgesteld op 23-11-2026" in text


def test_the_report_has_a_heading_for_each_lever(demo_pdf):
    _, text = demo_pdf
    for name in ("Gedeelde waarden", "Kaders en randvoorwaarden", "Data en informatie", "Interactie en dialoog"):
        assert name in LEVER_NAMES.values()
        assert f"{name}: alle indicatoren" in text


def test_the_youths_in_care_tile_shows_the_count_of_the_raw_rows(demo, demo_pdf):
    _, text = demo_pdf
    youths = demo.execute(_YOUTHS_IN_CARE).fetchone()[0]
    assert youths >= 10  # large enough to be shown exactly
    shown = f"{youths:,}".replace(",", ".")  # Dutch thousands separator, written out by hand
    assert f"Jeugdigen in zorg {shown} " in text


def test_the_report_compares_the_municipalities_and_states_the_data_date(demo_pdf):
    _, text = demo_pdf
    assert "Gemeenten vergeleken" in text
    for municipality in ("Beverwijk", "Heemskerk", "Velsen"):
        assert municipality in text
    # The demo's data run through oktober 2026 (its last full month before 23-11-2026): per kind.
    assert "Gegevens t/m: trajecten " in text and "kosten oktober 2026" in text and "uitkomsten K3 2026" in text
    assert "Verantwoording: definities" in text


def test_the_report_carries_the_signal_words_icons_band_and_quarter_label(demo_pdf):
    _, text = demo_pdf
    flat = " ".join(text.split())
    assert "op koers" in flat and "buiten de norm" in flat  # status words with their meaning
    assert "rood" not in [word.strip(".,") for word in flat.split()]  # no bare colour as a status
    assert any(word in flat for word in ("gewone variatie", "verbetering", "zorgelijke verandering"))
    assert any(word in flat for word in ("haalt de norm", "wisselend"))
    assert "(K3 2026)" in flat  # October takes uitkomsten from K3, named beside the value
    assert "procesgrenzen" in flat and "bijzondere variatie" in flat  # the trend legend


def test_the_download_name_has_region_and_period(demo_report):
    assert file_stem(demo_report) == "bestuursrapportage_IJmond_2026-10"


def test_a_small_count_is_printed_as_less_than_five(empty_db):
    # Three youths in care in Velsen in oktober 2026: a count from 1 to 4 is shown as <5.
    add_population(empty_db, year=2026, youths=14_000)
    for client in ("A", "B", "C"):
        add_trajectory(empty_db, client=client, start=date(2026, 9, 1))
    text = pdf_text(council_pdf(council_report(of_connection(empty_db), Scope("IJmond"), OCTOBER, made_on=MADE_ON)))
    assert "Jeugdigen in zorg <5 " in text
    assert "<5 jeugdigen kregen jeugdhulp" in text
    assert "3 jeugdigen" not in text
    assert VELSEN not in text  # codes stay out of the report; names are used


def test_no_page_but_the_last_holds_only_a_line_or_two(demo_pdf):
    # issue 23: page 2 held one signal and "En nog 2 signalen" before the comparisons' page began.
    # Header and footer take 3 lines of each page; a page of the report has far more than 3 of its own.
    pages = PdfReader(io.BytesIO(demo_pdf[0])).pages
    own = [len([line for line in page.extract_text().splitlines() if line.strip()]) - 3 for page in pages[:-1]]
    assert min(own) > 3, own

