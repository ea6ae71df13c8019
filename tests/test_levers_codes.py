"""The levers' codes are StrEnums whose values are the spec's words, so comparisons with those words, the
report's csv and json, and every f-string keep reading exactly as before the enums came (issue 19)."""

import csv
import io
import json

import pytest

from levers.norms import Status
from levers.scope import Period, PeriodKind
from levers.variation import Variatie, Zekerheid


@pytest.mark.parametrize(("member", "word"), [
    (Status.GREEN, "groen"), (Status.AMBER, "oranje"), (Status.RED, "rood"), (Status.GREY, "grijs"),
    (PeriodKind.MONTH, "maand"), (PeriodKind.QUARTER, "kwartaal"), (PeriodKind.YEAR, "jaar"),
    (Variatie.COMMON, "gewoon"), (Variatie.IMPROVEMENT, "verbetering"), (Variatie.CONCERN, "zorg"),
    (Variatie.SPECIAL, "bijzonder"), (Variatie.NONE, ""),
    (Zekerheid.MEETS, "haalt"), (Zekerheid.FAILS, "haalt_niet"), (Zekerheid.VARIES, "wisselend"), (Zekerheid.NONE, ""),
])
def test_a_code_reads_and_compares_as_its_word(member, word):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([member, "x"])
    assert (member == word, f"{member}", str(member), json.dumps(member), out.getvalue()) == (
        True, word, word, f'"{word}"', f"{word},x\n")
    assert {word: 1}[member] == 1  # a table keyed by the word finds the member, and back
    assert {member: 1}[word] == 1


@pytest.mark.parametrize(("text", "kind"), [("2026-10", PeriodKind.MONTH), ("2026-K3", PeriodKind.QUARTER),
                                           ("2026", PeriodKind.YEAR)])
def test_a_parsed_period_knows_its_kind_as_a_member(text, kind):
    assert Period.parse(text).kind is kind
