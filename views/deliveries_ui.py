"""The provider's part of the Uploaden page: what is due next and by when, and whose uploads it lists.

The reporting burden shown where providers look (issue 11); the rule is in levers.deliveries.
"""

from __future__ import annotations

import streamlit as st

from auth.pages import may_manage
from auth.rights import Rights
from levers.deliveries import next_due, rows_without_region
from levers.partner import provider_card
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


def own_regions(provider: str) -> tuple[str, ...]:
    """The regions a provider works in, from its reference row: those its uitkomsten rows may be about."""
    with db.reading() as con:
        card = provider_card(con, provider)
    return tuple(region.strip() for region in card.regions.split("/")) if card else ()


def without_region_notice(rights: Rights) -> None:
    """Stored uitkomsten rows from before the column regio that count nowhere (their provider serves several
    regions), so whoever delivers them knows to deliver those quarters again, a row per region."""
    with db.reading() as con:
        found = rows_without_region(con, rights.providers if rights.is_provider else (), rights.regions)
    if found:
        rows = sum(item.rows for item in found)
        st.warning(texts.UPLOAD_WITHOUT_REGION.format(
            rows=f"{fmt.count(rows)} {'rij' if rows == 1 else 'rijen'}", verb="telt" if rows == 1 else "tellen",
            providers=fmt.together([f"{item.name} ({fmt.count(item.rows)})" for item in found])),
            icon=":material/report:")


def history_filter(rights: Rights, actor: str) -> dict[str, str | None]:
    """Whose uploads the history lists: a manager everyone's; a provider its organisation's; others their own.

    A provider is matched on its outcome rows and its own address, never on the shared 'demo' actor.
    """
    if rights.is_provider:
        return {"uploader": rights.email, "provider": rights.providers[0]}
    return {"uploader": None if may_manage(rights.role) else actor, "provider": None}
