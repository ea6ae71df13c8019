"""The common look of every PDF: A4, DejaVu Sans, the dashboard's status colours, header and footer.

fpdf2's core fonts only know Latin-1, and the documents need `€`, `≤`, `–` and `ë`, so a Unicode
TTF (DejaVu, Debian `fonts-dejavu-core`) is embedded. Without it the documents still come out, in
Helvetica with those characters replaced, and a warning says how to install the font.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from levers.norms import Status
from levers.scope import Period
from reports.names import download_stem  # noqa: F401  (kept importable from here)
from wording import colours, fmt, paper, texts
from wording import signals as signal_words

FONT_DIR_ENV = "JEUGDMONITOR_FONT_DIR"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FAMILY = "DejaVu"
FALLBACK_FAMILY = "Helvetica"
FALLBACK_ENCODING = "windows-1252"  # core fonts: Latin-1 plus €

# The dashboard's status colours (wording.colours); the word is always printed too.
STATUS_COLOURS = {status: colours.rgb(colour) for status, colour in colours.STATUS_COLOURS.items()}
STATUS_TEXT_COLOURS = {Status.GREEN: (255, 255, 255), Status.AMBER: (0, 0, 0), Status.RED: (255, 255, 255),
                       Status.GREY: (255, 255, 255)}
INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (0, 114, 178)  # Okabe–Ito blue: headings, bars, lines
RULE = (222, 226, 230)
PANEL = (246, 248, 250)

# Characters the core fallback font lacks, and what to print instead.
_LATIN_FALLBACK = str.maketrans({"≤": "<=", "≥": ">=", "–": "-", "—": "-", "·": "-", "…": "...",
                                 "●": "*", "‘": "'", "’": "'", "“": '"', "”": '"'})


def scope_line(region: str, period: Period, lot: str | None) -> str:
    """`IJmond · oktober 2026 · beide percelen`: what every document is about."""
    return paper.SUBTITLE.format(region=region, period=fmt.period_label(period), lots=texts.LOT_LABELS[lot])


def font_dir() -> Path | None:
    """The first directory holding all DejaVu files: $JEUGDMONITOR_FONT_DIR first, then Debian's."""
    candidates = [Path(os.environ[FONT_DIR_ENV])] if os.environ.get(FONT_DIR_ENV) else []
    for folder in [*candidates, *FONT_DIRS]:
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    return None


class Document(FPDF):
    """An A4 page with the monitor's running header and a numbered footer."""

    def __init__(self, title: str, subtitle: str, *, made_on: date | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.doc_title, self.doc_subtitle = title, subtitle
        self.made_on = made_on or date.today()
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_title(f"{title} – {subtitle}")
        self.set_author(texts.APP_TITLE)
        self.set_creator(texts.APP_TITLE)
        self.set_lang("nl-NL")
        self.font_name = self._load_fonts()
        self.alias_nb_pages()

    def _load_fonts(self) -> str:
        folder = font_dir()
        if folder is None:
            where = os.environ.get(FONT_DIR_ENV) or ", ".join(str(d) for d in FONT_DIRS)
            warnings.warn(paper.FONT_FALLBACK_WARNING.format(where=where), RuntimeWarning, stacklevel=3)
            self.core_fonts_encoding = FALLBACK_ENCODING
            return FALLBACK_FAMILY
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(folder / name))
        return FAMILY

    @property
    def is_unicode(self) -> bool:
        return self.font_name == FAMILY

    def normalize_text(self, text: str) -> str:
        """Without the Unicode font, swap the characters Latin-1 lacks instead of failing."""
        text = text.replace("€ ", "€\u00a0")  # keep an amount on one line
        if not self.is_unicode:
            text = text.translate(_LATIN_FALLBACK).encode(FALLBACK_ENCODING, "replace").decode(FALLBACK_ENCODING)
        return super().normalize_text(text)

    # --- running header and footer ----------------------------------------------------------------
    def header(self) -> None:
        self.style(8, colour=MUTED)
        self.cell(0, 5, f"{texts.APP_TITLE} · {self.doc_title} · {self.doc_subtitle}",
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.style()

    def footer(self) -> None:
        self.set_y(-12)
        self.style(8, colour=MUTED)
        made = paper.MADE_ON.format(day=fmt.day(self.made_on))
        self.cell(self.epw / 2, 5, made)
        self.cell(self.epw / 2, 5, paper.PAGE.format(page=self.page_no(), pages="{nb}"), align="R")

    # --- text helpers -----------------------------------------------------------------------------
    def style(self, size: float = 10, bold: bool = False, italic: bool = False,
              colour: tuple[int, int, int] = INK) -> None:
        """Font size, weight and colour in one call."""
        self.set_font(self.font_name, "B" if bold else "I" if italic else "", size)
        self.set_text_color(*colour)

    def fitted(self, text: str, width: float, size: float, *, bold: bool = False,
               colour: tuple[int, int, int] = INK, smallest: float = 5) -> None:
        """`style`, the type shrunk in half points until `text` fits in `width` mm (not below `smallest`)."""
        self.style(size, bold=bold, colour=colour)
        while size > smallest and self.get_string_width(text) > width:
            size -= 0.5
            self.style(size, bold=bold, colour=colour)

    def title_block(self, title: str, lines: list[str]) -> None:
        self.style(20, bold=True, colour=ACCENT)
        self.multi_cell(0, 9, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.style(11, colour=INK)
        for line in lines:
            self.multi_cell(0, 6, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def heading(self, text: str, size: float = 14) -> None:
        """A section heading, kept on the page with at least a few lines after it."""
        if self.will_page_break(size * 2):
            self.add_page()
        self.ln(2)
        self.style(size, bold=True, colour=ACCENT)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)
        self.style()

    def paragraph(self, text: str, size: float = 10, colour: tuple[int, int, int] = INK,
                  italic: bool = False) -> None:
        self.style(size, italic=italic, colour=colour)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.style()

    def badge(self, status: str, x: float, y: float, width: float = 17, height: float = 5) -> None:
        """A filled status label with its meaning ("op koers"; colour never carries meaning alone), the
        type shrunk until the word fits; the cursor stays put."""
        back_x, back_y = self.get_x(), self.get_y()
        self.set_fill_color(*STATUS_COLOURS[status])
        self.rect(x, y, width, height, style="F", round_corners=True, corner_radius=1.2)
        word = signal_words.status_word(status)
        self.fitted(word, width - 1, 7.5, bold=True, colour=STATUS_TEXT_COLOURS[status])
        self.set_xy(x, y)
        self.cell(width, height, word, align="C")
        self.set_xy(back_x, back_y)
        self.style()

    def label_value(self, label: str, value: str, label_width: float = 42) -> None:
        """A two-column line: grey label, value that may wrap."""
        self.style(9, colour=MUTED)
        self.cell(label_width, 5.2, label)
        self.style(10)
        self.multi_cell(0, 5.2, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def facts(self, pairs: Sequence[tuple[str, str]], widths: Sequence[float]) -> None:
        """Figures side by side: a grey label over each value; widths are shares of the line."""
        top = self.get_y()
        bottom = top
        x = self.l_margin
        for (label, value), share in zip(pairs, widths, strict=True):
            width = self.epw * share - 2
            self.set_xy(x, top)
            self.style(8, colour=MUTED)
            self.cell(width, 4, label, new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.style(10, bold=True)
            self.multi_cell(width, 4.8, value, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
            bottom = max(bottom, self.get_y())
            x += self.epw * share
        self.set_y(bottom + 1.5)
        self.style()

    def keep_together(self, draw: Callable[[Document], None]) -> None:
        """Draw a block on a new page when it would not fit on this one (blocks are shorter than a page)."""
        with self.offset_rendering() as trial:
            draw(trial)
        if trial.page_break_triggered and self.get_y() > self.t_margin + 30:
            self.add_page()
        draw(self)

    def ruled_box(self, title: str, height: float, lines: int = 0) -> None:
        """An empty box to write in by hand, optionally lined."""
        self.style(9, bold=True, colour=MUTED)
        self.cell(0, 5, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        top = self.get_y()
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.rect(self.l_margin, top, self.epw, height)
        for index in range(1, lines + 1):
            y = top + index * height / (lines + 1)
            self.line(self.l_margin + 3, y, self.w - self.r_margin - 3, y)
        self.set_y(top + height + 2)
        self.style()

    def to_bytes(self) -> bytes:
        return bytes(self.output())
