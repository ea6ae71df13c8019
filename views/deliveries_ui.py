"""The provider's part of the Uploaden page: what is due next and by when, and whose uploads it lists.

The reporting burden shown where providers look (issue 11); the rule is in levers.deliveries.
"""

from __future__ import annotations

import streamlit as st

from auth.pages import may_manage
from auth.rights import Rights
from levers.deliveries import next_due
from views import db, filters
from wording import fmt, texts


def due_notice(provider: str) -> None:
    """`Volgende aanlevering: uitkomsten over het 4e kwartaal 2026, uiterlijk 14-02-2027.`"""
    with db.reading() as con:
        due = next_due(con, [provider], filters.today())
    words = {"quarter": fmt.period_label(due.quarter), "deadline": fmt.day(due.deadline)}
    if due.overdue:
        st.warning(texts.UPLOAD_DUE_LATE.format(**words), icon=":material/schedule:")
    else:
        st.info(texts.UPLOAD_DUE.format(**words), icon=":material/event:")


def history_filter(rights: Rights, actor: str) -> dict[str, str | None]:
    """Whose uploads the history lists: a manager everyone's; a provider its organisation's; others their own.

    A provider is matched on its outcome rows and its own address, never on the shared 'demo' actor.
    """
    if rights.is_provider:
        return {"uploader": rights.email, "provider": rights.providers[0]}
    return {"uploader": None if may_manage(rights.role) else actor, "provider": None}
