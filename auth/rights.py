"""Data rights: the user's role narrows every scope before any query runs.

Rights are enforced where data are read (design.md, "Who sees what"): pages build a Scope from
widgets and URL parameters, and `narrow` cuts it down to what the role may see, so no parameter,
widget value or cached result can widen it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from levers.scope import Scope

ROLES = ("bestuurder", "contractmanager", "aanbieder", "beheerder")


@dataclass(frozen=True)
class Rights:
    role: str
    regions: tuple[str, ...] = ()  # the regions the user may see; beheerder: empty = all
    providers: tuple[str, ...] = ()  # aanbieder: its own provider code(s)
    email: str | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"onbekende rol: {self.role}")

    @property
    def sees_all_regions(self) -> bool:
        return self.role == "beheerder" and not self.regions

    def may_see_region(self, region: str) -> bool:
        return self.sees_all_regions or region in self.regions

    def narrow(self, scope: Scope) -> Scope | None:
        """The part of `scope` this user may see; None when the region itself is not allowed.

        A provider user sees its own figures and region-level totals only: a provider filter is
        cut to its own codes, and a request for other providers becomes its own figures.
        """
        if not self.may_see_region(scope.region):
            return None
        if self.role != "aanbieder":
            return scope
        own = tuple(p for p in scope.providers if p in self.providers)
        if scope.providers and not own:
            own = self.providers
        return replace(scope, providers=own)
