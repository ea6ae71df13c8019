"""Data rights: the user's role narrows every scope before any query runs.

Rights are enforced where data are read (design.md, "Who sees what"): pages build a Scope from
widgets and URL parameters, and `narrow` cuts it down to what the role may see, so no parameter,
widget value or cached result can widen it. Caches key on the (hashable) Rights as well.

Decisions, per role:
- bestuurder, contractmanager: only their own regions (another region → None, nothing is shown);
  within a region every municipality, perceel and provider. Municipality codes outside the region
  are dropped later by `levers.scope.sql_params`, never added.
- beheerder: every region when the account names none; an account that names regions is held to them.
- aanbieder: its own figures and region-level totals only, never another provider's figures:
  * a provider filter is cut to its own codes; a filter naming only other providers becomes its own
    figures (an empty filter would mean "all providers", so it is never left empty by cutting);
  * a municipality filter without its own codes becomes its own figures in those municipalities:
    a municipality total is not a region-level figure, and in a small municipality with two
    providers "total minus own" would give the other one away;
  * a perceel filter is allowed on region totals (a region-level figure);
  * lists of rows and breakdowns per provider (dialogue log, actions, provider tables) use
    `narrow_listing`, which always keeps to its own codes;
  * comparisons with peers show them anonymously ("aanbieder A", …: levers.compare).
  * the narrowed scope names it as `viewer`: a region or perceel total to which only one other
    provider adds would give that provider's figure away ("total minus own"), so the levers withhold
    it (levers.contributors: shown only when at least two other providers add to it).
- An aanbieder account must name at least one provider code: an empty code list would read as
  "no provider filter", i.e. everyone's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from levers.scope import Scope

ROLES = ("bestuurder", "contractmanager", "aanbieder", "beheerder")
ROLES_HELP = "één van: bestuurder, contractmanager, aanbieder (met --aanbieder) of beheerder"  # python -m data
PROVIDER_ROLE = "aanbieder"
ADMIN_ROLE = "beheerder"


@dataclass(frozen=True)
class Rights:
    role: str
    regions: tuple[str, ...] = ()  # the regions the user may see; beheerder: empty = all
    providers: tuple[str, ...] = ()  # aanbieder: its own provider code(s)
    email: str | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"onbekende rol: {self.role}")
        object.__setattr__(self, "regions", tuple(sorted(set(self.regions))))
        object.__setattr__(self, "providers", tuple(sorted(set(self.providers))))
        if self.role == PROVIDER_ROLE and not self.providers:
            raise ValueError("een aanbieder-account hoort bij minstens één aanbiedercode")

    @property
    def is_provider(self) -> bool:
        return self.role == PROVIDER_ROLE

    @property
    def sees_all_regions(self) -> bool:
        return self.role == ADMIN_ROLE and not self.regions

    def may_see_region(self, region: str) -> bool:
        return self.sees_all_regions or region in self.regions

    def may_see_provider(self, provider: str) -> bool:
        """Whether this user may see the provider's own figures (and its name next to them)."""
        return not self.is_provider or provider in self.providers

    def narrow(self, scope: Scope) -> Scope | None:
        """The part of `scope` this user may see; None when the region itself (or, in a joint scope, one
        of its regions) is not allowed.

        For an aanbieder the result is either the region-level total (no municipalities, no
        providers; perceel kept) or its own figures (providers = its own codes).
        """
        if not all(self.may_see_region(region) for region in scope.regions):
            return None
        if not self.is_provider:
            return scope
        scope = replace(scope, viewer=self.providers)  # a total it sees hides a lone other provider
        own = tuple(p for p in scope.providers if p in self.providers)
        if own:
            return replace(scope, providers=own)
        if scope.providers or scope.municipalities:
            return replace(scope, providers=self.providers)
        return scope

    def narrow_listing(self, scope: Scope) -> Scope | None:
        """Like `narrow`, for row lists and per-provider breakdowns: an aanbieder only gets its own rows."""
        narrowed = self.narrow(scope)
        if narrowed is None or not self.is_provider or narrowed.providers:
            return narrowed
        return replace(narrowed, providers=self.providers)
