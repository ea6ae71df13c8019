"""Dialogue sessions entered in the app, stored exactly like an uploaded `dialoog` file.

One truth for the rules: a session from the form becomes `dialoog` rows keyed by the CSV's Dutch
column names and goes through `data.ingest.load.load_rows`, so it meets the same contract (known region,
provider and theme, lengths, owner and status required with an action), the same replace key
(datum, regio, aanbieder, thema, onderwerp), the same upload record and the same audit entry.

Rows: one per theme × action; a session without actions gets one row per theme. Recording the
same session again (same date, region, provider, theme and subject) replaces its rows; marking an
action done reloads the rows of its session and subject (all themes) with that action set to `afgerond`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import duckdb

from data.ingest.load import LoadReport, load_rows

KIND = "dialoog"
OPEN, DONE = "open", "afgerond"
SOURCE_SESSION = "dialoogsessie {day} {region} {who} (invoer in de app)"
SOURCE_DONE = "actie afgerond {day} {region} {who} (invoer in de app)"
SOURCE_AGENDA = "agendapunten besproken {day} {region} {who} (invoer in de app)"
REGION_WIDE = "regiobreed"
AGENDA_ACTION = "Opvolgen: {name}"
NOT_OPEN = "Deze actie staat niet (meer) open; er is niets veranderd."

# All rows of one session's subject (every theme), in theme order and then as they were stored.
_KEY_ROWS = """
select session_date, region, provider, theme, subject, signal, action, owner, deadline, status
from dialogues
where session_date = $day
  and region = $region
  and coalesce(provider, '') = coalesce($provider::varchar, '')
  and subject = $subject
order by theme, rowid
"""


@dataclass(frozen=True)
class Action:
    """An agreed action: what, who (a role or organisation, never a private person), by when."""

    text: str
    owner: str
    deadline: date | None = None
    status: str = OPEN


@dataclass(frozen=True)
class ActionRef:
    """One agreed action of a session: the session's date, region, provider and subject, and its text.

    The theme is left out on purpose: a session about two themes stores its action once per theme,
    and the action is done for the whole session, not for one theme's copy of it.
    """

    day: date
    region: str
    provider: str | None  # None: a region-wide session
    subject: str
    action: str


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()  # JJJJ-MM-DD, one of the contract's date formats
    return str(value)


def dialogue_row(*, day: date, region: str, provider: str | None, theme: int, subject: str,
                 signal: str | None = None, action: Action | None = None) -> dict[str, str]:
    """One `dialoog` row keyed by the contract's Dutch column names, values as a CSV would hold them."""
    return {
        "datum": _text(day), "regio": region, "aanbieder": _text(provider), "thema": _text(theme),
        "onderwerp": subject, "signaal": _text(signal),
        "actie": _text(action.text if action else None), "eigenaar": _text(action.owner if action else None),
        "deadline": _text(action.deadline if action else None), "status": _text(action.status if action else None),
    }


def session_rows(*, day: date, region: str, provider: str | None, themes: Iterable[int], subject: str,
                 signal: str | None = None, actions: Sequence[Action] = ()) -> list[dict[str, str]]:
    """The rows of a session: one per theme × action, or one per theme when nothing was agreed."""
    per_theme: Sequence[Action | None] = list(actions) or [None]
    return [
        dialogue_row(day=day, region=region, provider=provider, theme=theme, subject=subject, signal=signal,
                     action=action)
        for theme in dict.fromkeys(themes) for action in per_theme
    ]


def _source(con: duckdb.DuckDBPyConnection, template: str, day: date, region: str, provider: str | None) -> str:
    """What the save message and the upload history call this entry: with the provider's name, not its code."""
    named = provider and con.execute("select name from providers where provider = $code", {"code": provider}).fetchone()
    return template.format(day=day.strftime("%d-%m-%Y"), region=region,
                           who=(named[0] if named else provider) or REGION_WIDE)


def record_session(con: duckdb.DuckDBPyConnection, *, day: date, region: str, provider: str | None,
                   themes: Iterable[int], subject: str, signal: str | None = None,
                   actions: Sequence[Action] = (), uploader: str) -> LoadReport:
    """Store a session through the `dialoog` load path; the report says what was stored or refused."""
    rows = session_rows(day=day, region=region, provider=provider, themes=themes, subject=subject,
                        signal=signal, actions=actions)
    return load_rows(con, KIND, rows, source=_source(con, SOURCE_SESSION, day, region, provider), uploader=uploader)


def mark_action_done(con: duckdb.DuckDBPyConnection, ref: ActionRef, *, uploader: str) -> LoadReport:
    """Set an open action to `afgerond` in every theme of its session, through the load path.

    Reloads all rows of the replace keys (datum, regio, aanbieder, thema, onderwerp) that share the
    session's date, region, provider and subject, with this action's status changed and the rest as
    stored. LookupError (Dutch message) when no open action of that text exists there.
    """
    params = {"day": ref.day, "region": ref.region, "provider": ref.provider, "subject": ref.subject}
    stored = con.execute(_KEY_ROWS, params).fetchall()
    rows, found = [], False
    for day, region, provider, theme, subject, signal, action, owner, deadline, status in stored:
        agreed = Action(action, owner, deadline, status) if action else None
        if agreed and action == ref.action and status == OPEN:
            agreed, found = replace(agreed, status=DONE), True
        rows.append(dialogue_row(day=day, region=region, provider=provider or None, theme=theme, subject=subject,
                                 signal=signal, action=agreed))
    if not found:
        raise LookupError(NOT_OPEN)
    return load_rows(con, KIND, rows, source=_source(con, SOURCE_DONE, ref.day, ref.region, ref.provider),
                     uploader=uploader)


def agenda_to_dialogue_rows(items: Iterable, *, day: date, region: str, provider: str | None, owner: str,
                            signals: Mapping[str, str], deadline: date | None = None,
                            actions: Mapping[str, Action] | None = None) -> list[dict[str, str]]:
    """Discussed agenda items (levers.agenda.AgendaItem) as dialogue rows with one action each.

    Theme = the item's theme, subject = the indicator's name, signal = why it was on the agenda (`signals`,
    by code: the sentence wording.agenda.why wrote, which data cannot import);
    the action is the one agreed for the item's code in `actions`, else a follow-up by `owner`.
    """
    chosen = actions or {}
    return [
        dialogue_row(day=day, region=region, provider=provider, theme=item.theme, subject=item.name,
                     signal=signals[item.code],
                     action=chosen.get(item.code) or Action(AGENDA_ACTION.format(name=item.name), owner, deadline))
        for item in items
    ]


def record_agenda_items(con: duckdb.DuckDBPyConnection, items: Iterable, *, day: date, region: str,
                        provider: str | None, owner: str, signals: Mapping[str, str], deadline: date | None = None,
                        actions: Mapping[str, Action] | None = None, uploader: str) -> LoadReport:
    """Store the discussed agenda items (see agenda_to_dialogue_rows) through the `dialoog` load path."""
    rows = agenda_to_dialogue_rows(items, day=day, region=region, provider=provider, owner=owner, signals=signals,
                                   deadline=deadline, actions=actions)
    return load_rows(con, KIND, rows, source=_source(con, SOURCE_AGENDA, day, region, provider), uploader=uploader)
