"""Text from a file or a form is shown as text, never as a link or an image (issue 22, point 12).

The checker below is written apart from views/plain.py: a Markdown link, image, autolink or HTML tag
needs one of `[ ] ( ) < > ! : @ .` unescaped (a GFM autolink needs `://`, `www.` or `x@y.z`), so a
shown text is safe when every ASCII punctuation character in it carries an odd number of
backslashes; and it must read back as what was written.
"""

from __future__ import annotations

import re
import string
import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auth.rights import Rights
from data.ingest.notes import NoteKey, add_note
from tests.fixtures.small_db import open_app
from views import db as view_db
from views.plain import plain

PUNCTUATION = set(string.punctuation)
HOSTILE = ["![x](http://e.nl/p.png)", "[klik](https://e.nl)", "<img src=x>", "www.e.nl", "https://e.nl/a",
           "![](data:image/png;base64,AAAA)", "[x]: http://e.nl", ":red[rood] :material/home:", "$x^2$", "# kop",
           "**vet** _schuin_ `code`", "\\![x](http://e.nl)"]
# text that mixes the characters Markdown reacts to with letters, spaces and line breaks
PIECES = st.sampled_from(list("![]()<>:/.@#*_`$~|\\-+=ab xyz\n") + ["http://", "www.", "https:", "e.nl"])
TEXTS = st.lists(PIECES, max_size=25).map("".join) | st.sampled_from(HOSTILE) | st.text(max_size=40)


def every_punctuation_escaped(source: str) -> bool:
    """Whether each ASCII punctuation character of `source` is escaped (an odd run of backslashes before it)."""
    i = 0
    while i < len(source):
        if source[i] == "\\":
            if i + 1 >= len(source) or source[i + 1] not in PUNCTUATION:
                return False  # a lone backslash would itself be shown differently
            i += 2
            continue
        if source[i] in PUNCTUATION:
            return False
        i += 1
    return True


def read_back(source: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source)


@given(TEXTS)
def test_any_text_escaped_for_markdown_has_no_live_punctuation_and_reads_back_as_written(text):
    shown = plain(text)
    assert every_punctuation_escaped(shown)
    assert read_back(shown) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_links_images_and_directives_are_escaped(text):
    shown = plain(text)
    assert not re.search(r"(?<!\\)[\[<!]|(?<!\\):(?!\\)|www\.|https?://", shown)


MARKDOWN_ELEMENTS = ("markdown", "caption", "success", "error", "warning", "info", "title", "header", "subheader")
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")


def _markdown_sources(app) -> list[str]:
    """What every Markdown-reading element of the page was given, help texts included."""
    sources = []
    for kind in MARKDOWN_ELEMENTS:
        for element in getattr(app, kind):
            sources.append(str(element.value))
            help_text = getattr(element.proto, "help", "")
            if help_text:
                sources.append(help_text)
    return sources


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXTS.filter(lambda t: t.strip() and len(t) <= 100), note=st.sampled_from(HOSTILE))
def test_a_providers_name_and_consortium_and_a_note_are_shown_as_text_on_the_partner_and_kaders_pages(own_small_db, name, note):
    with duckdb.connect(str(own_small_db)) as con:
        con.execute("update providers set name = $n, consortium = $n where provider = 'P1'", {"n": name})
        con.execute("delete from notes")
        add_note(con, NoteKey("tijdig_gestart", "IJmond", "2026-10"), note, author_role="contractmanager", actor="cm")
    view_db.clear_caches()
    app = open_app("views/pages/partner.py", params={"regio": "IJmond", "periode": "2026-10", "aanbieder": "P1",
                                                     "partner": "P1"}, rights=CONTRACT_MANAGER)
    boundaries = open_app("views/pages/boundaries.py", params={"regio": "IJmond", "periode": "2026-10"},
                          rights=CONTRACT_MANAGER)  # the notes: a card's icon and the toelichtingen section
    assert not app.exception and not boundaries.exception
    sources = _markdown_sources(app) + _markdown_sources(boundaries)
    assert any(plain(name) in source for source in sources)  # the name is shown (the test can fail)
    assert any(plain(note) in source for source in sources)  # and the note
    for source in sources:
        for planted in {name.strip(), note}:
            if any(ch in PUNCTUATION for ch in planted) and len(planted) > 3:
                assert planted not in source.replace(plain(planted), ""), source  # only escaped

