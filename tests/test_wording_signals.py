"""Signal words: a status says its meaning, variatie and zekerheid have words (signals.md §3, §6)."""

import pytest

from wording import signals


@pytest.mark.parametrize(
    ("status", "reason", "word"),
    [
        ("groen", None, "op koers"),
        ("oranje", None, "let op"),
        ("rood", None, "buiten de norm"),
        ("grijs", "te weinig waarnemingen", "geen oordeel: te weinig waarnemingen"),
        ("grijs", None, "geen oordeel"),
        ("groen", "ongebruikt", "op koers"),  # only grijs explains itself
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
