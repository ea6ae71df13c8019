"""Signal words: a status says its meaning, variatie and zekerheid have words (signals.md §3, §6)."""

from datetime import date, datetime

import pytest

from levers.reasons import Reason
from levers.variation import Variation
from wording import signals


@pytest.mark.parametrize(
    ("status", "reason", "word"),
    [
        ("groen", None, "op koers"),
        ("oranje", None, "let op"),
        ("rood", None, "buiten de norm"),
        ("grijs", Reason.TOO_FEW_OBSERVATIONS, "geen oordeel: te weinig waarnemingen"),
        ("grijs", None, "geen oordeel"),
        ("groen", Reason.NO_DATA, "op koers"),  # only grijs explains itself
    ],
)
def test_a_status_word_says_what_it_means(status, reason, word):
    assert signals.status_word(status, reason) == word


@pytest.mark.parametrize(
    ("variatie", "word"),
    [
        ("gewoon", "gewone variatie"),
        ("verbetering", "verbetering"),
        ("zorg", "zorgelijke verandering"),
        ("bijzonder", "bijzondere variatie"),
        ("", "te weinig punten"),
    ],
)
def test_every_variatie_has_a_word_and_an_icon(variatie, word):
    assert signals.variatie_word(variatie) == word
    assert signals.VARIATIE_ICONS[variatie].startswith(":material/")
    assert signals.VARIATIE_GLYPHS[variatie]


@pytest.mark.parametrize(
    ("zekerheid", "norm", "word"),
    [
        ("haalt", 42, "haalt de norm"),
        ("haalt_niet", 42, "haalt de norm niet"),
        ("wisselend", 42, "wisselend"),
        ("", None, "geen norm"),
        ("", 42, "te weinig punten"),
    ],
)
def test_every_zekerheid_has_a_word_and_an_icon(zekerheid, norm, word):
    assert signals.zekerheid_word(zekerheid, norm) == word
    assert signals.ZEKERHEID_ICONS[zekerheid].startswith(":material/")
    assert signals.ZEKERHEID_GLYPHS[zekerheid]


@pytest.mark.parametrize(
    ("source", "text"),
    [("2026-K3", "K3 2026"), ("2026-K1 t/m 2026-K3", "K1 t/m K3 2026"), ("2025-K4 t/m 2026-K1", "K4 2025 t/m K1 2026"),
     (None, "")],
)
def test_the_quarter_a_value_comes_from_is_named_in_dutch(source, text):
    assert signals.source_text(source) == text


def test_a_data_date_line_names_each_kind_and_the_upload_in_amsterdam_time():
    kinds = [("trajecten", date(2026, 10, 31)), ("kosten", date(2026, 10, 1)), ("uitkomsten", date(2026, 9, 30)),
             ("dialoog", None)]
    # 13:03 UTC on 15 November is 14:03 in Amsterdam (winter time, UTC+1); in July (UTC+2) 15:03.
    assert signals.data_dates_text(kinds, datetime(2026, 11, 15, 13, 3)) == (
        "Gegevens t/m: trajecten 31-10-2026 · kosten oktober 2026 · uitkomsten K3 2026 · dialoog geen; "
        "laatste upload 15-11-2026 14:03"
    )
    assert signals.data_dates_text([], datetime(2026, 7, 1, 13, 3)).endswith("01-07-2026 15:03")


def test_voorlopig_names_the_latest_declaration_month():
    assert signals.provisional_text(date(2026, 8, 1)) == "voorlopig: declaraties t/m aug 2026 mogelijk onvolledig"
    assert signals.provisional_text(None) == ""


@pytest.mark.parametrize(
    ("reason", "variatie", "zekerheid", "day", "text"),
    [
        ("window", "", "", None, "○ geen procesgrenzen: overlappende maanden · ○ geen oordeel"),
        ("few_since_change", "", "", date(2025, 7, 1), "○ te weinig punten sinds 1-7-2025 · ○ geen oordeel"),
        ("flat", "gewoon", "haalt", None, "~ vlakke reeks · ✓ haalt de norm"),
        ("", "", "", None, "○ te weinig punten · ○ te weinig punten"),
    ],
    ids=["window", "few since a change", "flat", "too few points"],
)
def test_a_tile_names_why_a_series_has_no_limits_instead_of_too_few_points(reason, variatie, zekerheid, day, text):
    shown = Variation(None, variatie, zekerheid, reason, 3 if day else 0, day)
    assert signals.icons_text(shown, 90.0) == text
