"""Which pages and which uploads each role may use (design.md, "Who sees what").

Pure mappings: the router builds its navigation from `pages_for`, so a page a role may not see is
neither in the menu nor reachable by URL; the Upload page offers `upload_kinds_for` only, and the
loader checks an aanbieder's rows against `upload_providers`.

Decisions: a bestuurder reads everything of its regions (Partner included) and uploads nothing;
a contractmanager uploads all eleven kinds (normen and the CBS figures `landelijk` included) and enters
dialogue sessions in the app; an aanbieder sees the lever pages (its own figures and region totals),
the Partner page for itself and uploads `uitkomsten` for its own code(s) only; the Scenario page
(ahead.md §2) and the Contracten page (the contract cycle) are the region's: bestuurder, contractmanager
and beheerder, not an aanbieder; only a beheerder manages the audit log, users, norms and contracts on
the Beheer page, where a contractmanager records its regions' process changes (procesbreuken).
"""

from __future__ import annotations

from auth.rights import ROLES, Rights

OVERZICHT = "overzicht"
GEDEELDE_WAARDEN = "gedeelde_waarden"
KADERS = "kaders"
DATA = "data"
INTERACTIE = "interactie"
PARTNER = "partner"
CONTRACTEN = "contracten"
UPLOADEN = "uploaden"
SCENARIO = "scenario"
BEHEER = "beheer"
PAGES = (OVERZICHT, GEDEELDE_WAARDEN, KADERS, DATA, INTERACTIE, PARTNER, CONTRACTEN, SCENARIO, UPLOADEN, BEHEER)

UPLOAD_KINDS = ("trajecten", "kosten", "budget", "uitkomsten", "dialoog", "normen", "aanbieders", "gemeenten",
                "landelijk", "procesbreuken", "contracten")
PROVIDER_UPLOAD_KIND = "uitkomsten"

_READING = (OVERZICHT, GEDEELDE_WAARDEN, KADERS, DATA, INTERACTIE, PARTNER)
_ROLE_PAGES = {  # Contracten (ahead.md §3) and Scenario (ahead.md §2): bestuurder, contractmanager, beheerder
    "bestuurder": _READING + (CONTRACTEN, SCENARIO),
    "contractmanager": _READING + (CONTRACTEN, SCENARIO, UPLOADEN, BEHEER),  # Beheer: its process changes
    "aanbieder": _READING + (UPLOADEN,),
    "beheerder": PAGES,
}
_ROLE_UPLOADS = {
    "bestuurder": (),
    "contractmanager": UPLOAD_KINDS,
    "aanbieder": (PROVIDER_UPLOAD_KIND,),
    "beheerder": UPLOAD_KINDS,
}
_DIALOGUE_ROLES = ("contractmanager", "beheerder")
_ADMIN_ROLES = ("beheerder",)
assert set(_ROLE_PAGES) == set(_ROLE_UPLOADS) == set(ROLES)


def pages_for(role: str) -> tuple[str, ...]:
    """The page keys of a role, in navigation order; an unknown role gets none."""
    return _ROLE_PAGES.get(role, ())


def may_see_page(role: str, page: str) -> bool:
    return page in pages_for(role)


def upload_kinds_for(role: str) -> tuple[str, ...]:
    """The CSV kinds a role may upload; empty for a bestuurder (and an unknown role)."""
    return _ROLE_UPLOADS.get(role, ())


def may_upload(rights: Rights, kind: str) -> bool:
    return kind in upload_kinds_for(rights.role)


def upload_providers(rights: Rights, kind: str) -> tuple[str, ...] | None:
    """The provider codes every row of an upload must carry, or None for no restriction.

    An aanbieder's `uitkomsten` rows must carry one of its own codes (checked per row by the loader).
    Raises PermissionError when the role may not upload `kind` at all.
    """
    if not may_upload(rights, kind):
        raise PermissionError(f"de rol {rights.role} mag geen bestanden van soort {kind} uploaden")
    return rights.providers if rights.is_provider else None


def may_enter_dialogue(role: str) -> bool:
    """Whether the role may add dialogue sessions and actions in the app (Interactie page)."""
    return role in _DIALOGUE_ROLES


def may_manage(role: str) -> bool:
    """Users, norms and the audit log: the beheerder only."""
    return role in _ADMIN_ROLES
