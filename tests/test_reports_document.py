"""The PDF base: Unicode text with DejaVu, and a readable fallback when the font is missing."""

import pytest

from reports import document
from reports.document import Document
from tests.fixtures.small_demo import pdf_text


def _text_of(doc: Document) -> str:
    return pdf_text(doc.to_bytes())


def _one_line(line: str) -> Document:
    doc = Document("Titel", "IJmond")
    doc.add_page()
    doc.paragraph(line)
    return doc


def test_dutch_and_mathematical_characters_survive_with_dejavu():
    if document.font_dir() is None:
        pytest.fail("DejaVu ontbreekt: installeer fonts-dejavu-core (scripts/install-chromium.sh)")
    text = _text_of(_one_line("Cliënttevredenheid ≥ 80,0% · kosten € 1.446 – norm ≤ 42 dagen"))
    assert "Cliënttevredenheid ≥ 80,0% · kosten € 1.446 – norm ≤ 42 dagen" in text


def test_without_the_font_the_document_falls_back_to_helvetica_with_a_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(document, "FONT_DIRS", (tmp_path,))
    monkeypatch.delenv(document.FONT_DIR_ENV, raising=False)
    with pytest.warns(RuntimeWarning, match="fonts-dejavu-core"):
        doc = _one_line("Cliënttevredenheid ≥ 80,0% · kosten € 1.446 – norm ≤ 42 dagen")
    assert not doc.is_unicode
    # ë and € exist in Windows-1252; ≥, · and – are spelled out.
    assert "Cliënttevredenheid >= 80,0% - kosten € 1.446 - norm <= 42 dagen" in _text_of(doc)


def test_the_font_directory_can_be_set_in_the_environment(monkeypatch, tmp_path):
    for name in document.FONT_FILES.values():
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setenv(document.FONT_DIR_ENV, str(tmp_path))
    assert document.font_dir() == tmp_path
