"""Tables of the Beheer page: the audit log, the accounts and the norms in force, with Dutch columns.

Pure pandas (no Streamlit), so the page stays short and the tables can be tested directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import pandas as pd

from data.store.users import Account
from levers.catalogue import definition
from levers.norms import NormInForce
from wording import fmt, texts


def audit_table(entries: pd.DataFrame) -> pd.DataFrame:
    """Wanneer, Wie, Actie, Details; the action in Dutch words."""
    names = texts.AUDIT_COLUMNS
    return pd.DataFrame({
        names["logged_at"]: [fmt.moment(value) for value in entries["logged_at"]],
        names["actor"]: entries["actor"],
        names["action"]: [texts.AUDIT_ACTIONS.get(action, action) for action in entries["action"]],
        names["details"]: entries["details"],
    })


def users_table(accounts: Sequence[Account], now: datetime) -> pd.DataFrame:
    """One row per account; a lock shows only while it lasts. Never a password hash (the Account has none)."""
    names = texts.USER_COLUMNS
    return pd.DataFrame({
        names["email"]: [a.email for a in accounts],
        names["role"]: [texts.ROLE_LABELS.get(a.role, a.role) for a in accounts],
        names["regions"]: [", ".join(a.regions) or texts.USER_REGIONS_DEFAULT[a.role] for a in accounts],
        names["providers"]: [", ".join(a.providers) for a in accounts],
        names["locked_until"]: [fmt.moment(a.locked_until) if a.locked_until and a.locked_until > now else ""
                                for a in accounts],
        names["created_at"]: [fmt.moment(a.created_at) for a in accounts],
    }, columns=list(names.values()))


def norms_table(norms: Sequence[NormInForce], provider_names: Mapping[str, str]) -> pd.DataFrame:
    """Indicator, perceel, aanbieder, norm and marge in the indicator's unit, and where the norm comes from."""
    names = texts.NORM_COLUMNS

    return pd.DataFrame({
        names["indicator"]: [definition(n.code).name for n in norms],
        names["lot"]: [n.lot or texts.NORM_ALL_LOTS for n in norms],  # all lower case: complex, enkelvoudig, beide
        names["provider"]: [provider_names.get(n.provider, n.provider) if n.provider else texts.NORM_ALL_PROVIDERS
                            for n in norms],
        names["norm"]: [fmt.bound(n.norm, definition(n.code).unit, definition(n.code).better) for n in norms],
        names["margin"]: [fmt.margin(n.margin, definition(n.code).unit) for n in norms],
        names["source"]: [_source(n) for n in norms],
    }, columns=list(names.values()))


def _source(norm: NormInForce) -> str:
    if norm.is_default:
        return texts.NORM_SOURCE_DEFAULT
    if norm.file_name is None:
        return texts.NORM_SOURCE_UPLOADED
    return texts.NORM_SOURCE_UPLOAD.format(file=norm.file_name, moment=fmt.moment(norm.uploaded_at))
