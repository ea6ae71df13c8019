"""The documents for the conversation and the council (issue 6): download buttons on the Overzicht, the
Partner page and Interactie, each document made from reports/ only when its button is clicked.

A module of its own, light to import: the Overzicht shows one of these buttons, and the dialogue forms'
code (the `dialoog` load path, pydantic contracts) came with it; without that, the note forms and the
contracts, the Overzicht's modules import in 0.57-0.59 s instead of 0.66-0.70 s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from auth.rights import Rights
from levers.scenario import Settings
from levers.scope import Period, Scope
from reports.council import council_report
from reports.names import download_stem
from views import cache, db, session
from wording import contracts as contract_words
from wording import texts

if TYPE_CHECKING:
    from reports.agenda_document import AgendaDocument

PDF, MARKDOWN = "application/pdf", "text/markdown"


# The documents (and fpdf, slow to import) are imported when one is asked for, not with the page (lazy:
# reports.agenda_document costs 0.39 s CPU and reports.council_pdf 0.34 s after the Overzicht's modules).

def agenda_for(rights: Rights, scope: Scope, period: Period) -> AgendaDocument:
    """The agenda document the rights allow for the scope; needs no page run (deferred downloads)."""
    from reports.agenda_document import agenda_document  # noqa: PLC0415  lazy: 0.39 s CPU

    return agenda_document(cache.figures(rights), scope, period)


def _agenda_file(render: str, rights: Rights, scope: Scope, period: Period) -> bytes | str:
    """The agenda as `reports.agenda_document.<render>` makes it (agenda_pdf, agenda_markdown)."""
    from reports import agenda_document  # noqa: PLC0415  lazy: 0.39 s CPU

    return getattr(agenda_document, render)(agenda_for(rights, scope, period))


def council_pdf_for(rights: Rights, scope: Scope, period: Period, scenario: Settings | None = None) -> bytes:
    """The council report the rights allow for the scope, as PDF (with a page on `scenario`, if given);
    needs no page run."""
    from reports.council_pdf import council_pdf  # noqa: PLC0415  lazy: 0.34 s CPU

    return council_pdf(council_report(cache.figures(rights), scope, period, scenario=scenario))


def documents(rights: Rights, scope: Scope, period: Period, *, key: str, agenda: bool = True,
              council: bool = True, heading: bool = True, council_label: str = texts.DOCUMENT_COUNCIL) -> None:
    """Download buttons: the agenda (PDF, Markdown) and, for region roles, the council report (PDF).

    The scopes are narrowed here, in the page run; the documents are made only when clicked. An
    aanbieder gets its own agenda and no council report (that compares municipalities).
    """
    agenda_scope = rights.narrow_listing(scope)
    if agenda_scope is None:
        return
    buttons = []
    if agenda:
        stem = download_stem("agenda", scope.region, period, agenda_scope.providers)
        buttons += [  # built when clicked
            (texts.DOCUMENT_AGENDA_PDF, f"{stem}.pdf", PDF,
             lambda: _agenda_file("agenda_pdf", rights, agenda_scope, period)),
            (texts.DOCUMENT_AGENDA_MD, f"{stem}.md", MARKDOWN,
             lambda: _agenda_file("agenda_markdown", rights, agenda_scope, period)),
        ]
    report_scope = None if rights.is_provider else rights.narrow(scope)
    if council and report_scope is not None:
        name = f"{download_stem('bestuursrapportage', scope.region, period)}.pdf"
        buttons.append((council_label, name, PDF, lambda: council_pdf_for(rights, report_scope, period)))
    if heading and buttons:
        st.markdown(f"**{texts.DOCUMENTS}**")
    with st.container(horizontal=True, gap="small", width="content"):  # beside other buttons, not under them
        for label, file_name, mime, build in buttons:
            st.download_button(label, data=build, file_name=file_name, mime=mime, key=f"{key}_{file_name}",
                               help=texts.DOCUMENT_HELP, icon=":material/description:", on_click=_audit,
                               args=(file_name,))


def evaluation_pack(rights: Rights, contract_id: str, render: str) -> bytes:
    """The evaluatiepakket as `reports.evaluation.<render>` makes it (evaluation_pdf, evaluation_markdown)."""
    from reports import evaluation  # noqa: PLC0415  lazy: 0.36 s CPU (fpdf), only on a click

    return getattr(evaluation, render)(evaluation.evaluation_pack(cache.figures(rights), contract_id))


def evaluation_buttons(rights: Rights, contract_id: str, *, key: str) -> None:
    """The evaluatiepakket of one contract as PDF and Markdown, made when a button is clicked."""
    stem = f"evaluatiepakket_{contract_id.replace(' ', '-')}"
    with st.container(horizontal=True, gap="small"):
        for label, suffix, mime, render in ((contract_words.PACK_BUTTON_PDF, "pdf", PDF, "evaluation_pdf"),
                                            (contract_words.PACK_BUTTON_MD, "md", MARKDOWN, "evaluation_markdown")):
            st.download_button(label, data=lambda render=render: evaluation_pack(rights, contract_id, render),
                               file_name=f"{stem}.{suffix}", mime=mime, key=f"{key}_{suffix}",
                               help=contract_words.PACK_HELP, icon=":material/description:", on_click=_audit,
                               args=(f"{stem}.{suffix}",), type="primary" if suffix == "pdf" else "secondary")


def _audit(file_name: str) -> None:
    """A downloaded document is an export: it goes to the audit log."""
    db.audit(session.actor(), "export", f"{file_name} (document)")
