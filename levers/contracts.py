"""The contract cycle (ahead.md §3): the contracts a region steers, their moments, and what an evaluation reads.

Pure functions over a DuckDB connection: the contracts of a region, the moments of a term (start,
evaluations, end, extension limit), which evaluation or end date lies within 90 days, the scope and
the two periods an evaluation compares (the twelve months before the start against the last twelve
months), the dialogue rows and provider comments of a contract's term, and the funding forms
compared per 1,000 youths on one matched period. Every figure itself comes from the levers'
catalogue for a Scope and Period, so it is the one `python -m levers report` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from levers.catalogue import CATALOGUE
from levers.runner import compute
from levers.scope import Period, Scope, add_months

NOTICE_DAYS = 90  # the Overzicht names an evaluation or end date from this many days before it
FUNDING_FORMS = ("lumpsum", "pxq", "taakgericht", "resultaatgericht")
PER_THOUSAND = tuple(entry.code for entry in CATALOGUE if entry.unit == "per 1.000")  # compared between forms


@dataclass(frozen=True)
class ContractTerm:
    """One row of `contracten`: who, which funding form, and the dates of its cycle."""

    contract_id: str
    regions: tuple[str, ...]
    lot: str
    provider: str | None  # None: every provider of the perceel
    funding: str
    start: date
    end: date
    extension_until: date | None
    evaluations: tuple[date, ...]
    agreements: str | None

    @property
    def last_possible_end(self) -> date:
        return self.extension_until or self.end

    def scope(self, region: str) -> Scope:
        """The contract's scope in one of its regions: its perceel and, when named, its provider."""
        return Scope(region, lot=self.lot, providers=(self.provider,) if self.provider else ())


@dataclass(frozen=True)
class Moment:
    """A date on a contract's timeline; `kind` is start, evaluatie, einde, verlenging or vandaag."""

    kind: str
    day: date


@dataclass(frozen=True)
class DueMoment:
    """An evaluation or end date within NOTICE_DAYS of today, for the Overzicht."""

    contract_id: str
    kind: str  # 'evaluatie' | 'einde'
    day: date
    days_ahead: int


_CONTRACTS = """
select contract_id, string_split(regions, '/'), lot, provider, funding, start_date, end_date, extension_until,
       coalesce(evaluation_dates, []::date[]), agreements
from contracts
where $region::varchar is null or list_contains(string_split(regions, '/'), $region::varchar)
order by start_date, contract_id
"""


def contracts(con: duckdb.DuckDBPyConnection, region: str | None = None) -> tuple[ContractTerm, ...]:
    """The contracts of `region` (a joint contract belongs to each of its regions); None: every contract."""
    rows = con.execute(_CONTRACTS, {"region": region}).fetchall()
    return tuple(ContractTerm(row[0], tuple(row[1]), row[2], row[3], row[4], row[5], row[6], row[7],
                              tuple(sorted(row[8])), row[9]) for row in rows)


def contract(con: duckdb.DuckDBPyConnection, contract_id: str) -> ContractTerm | None:
    return next((term for term in contracts(con) if term.contract_id == contract_id), None)


def timeline(term: ContractTerm, today: date) -> tuple[Moment, ...]:
    """The moments of a term in date order, today included."""
    moments = [Moment("start", term.start), *(Moment("evaluatie", day) for day in term.evaluations),
               Moment("einde", term.end), Moment("vandaag", today)]
    if term.extension_until and term.extension_until > term.end:
        moments.append(Moment("verlenging", term.extension_until))
    return tuple(sorted(moments, key=lambda moment: moment.day))


def due(terms: Sequence[ContractTerm], today: date, days: int = NOTICE_DAYS) -> tuple[DueMoment, ...]:
    """The evaluation and end dates from today up to `days` ahead, soonest first."""
    found = []
    for term in terms:
        for kind, day in [*(("evaluatie", day) for day in term.evaluations), ("einde", term.end)]:
            ahead = (day - today).days
            if 0 <= ahead <= days:
                found.append(DueMoment(term.contract_id, kind, day, ahead))
    return tuple(sorted(found, key=lambda moment: (moment.day, moment.contract_id, moment.kind)))


def next_evaluation(term: ContractTerm, today: date) -> date | None:
    return next((day for day in term.evaluations if day >= today), None)


# --- what an evaluation compares ------------------------------------------------------------------------

def before_period(term: ContractTerm) -> Period:
    """The twelve whole months before the contract's start month."""
    return Period.twelve_months(add_months(date(term.start.year, term.start.month, 1), -1))


def data_end(today: date) -> date:
    """The last day of the month before `today`: the last whole month of data, as the dashboard's default."""
    return today.replace(day=1) - timedelta(days=1)


def last_twelve_months(last: date) -> Period:
    """The twelve months up to the last whole quarter on or before `last` (outcomes are quarterly)."""
    quarter_start = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    if last != add_months(quarter_start, 3) - timedelta(days=1):  # the quarter has not ended: the one before
        quarter_start = add_months(quarter_start, -3)
    return Period.twelve_months(add_months(quarter_start, 2))


def recent_period(term: ContractTerm, end_of_data: date) -> Period:
    """The last twelve months of a contract: up to the last whole quarter of the data, never past its end."""
    return last_twelve_months(min(end_of_data, term.last_possible_end))


@dataclass(frozen=True)
class DialogueRow:
    session_date: date
    region: str
    provider: str | None
    theme: int
    theme_name: str
    subject: str
    action: str | None
    status: str | None
    deadline: date | None


_DIALOGUES = """
select d.session_date, d.region, d.provider, d.theme, t.name, d.subject, d.action, d.status, d.deadline
from dialogues as d join dialogue_themes as t using (theme)
where list_contains($regions, d.region) and d.session_date between $start and $until
  and (d.provider is null or len($providers) = 0 or list_contains($providers, d.provider))
order by d.session_date, d.theme, d.subject
"""


def dialogue_rows(con: duckdb.DuckDBPyConnection, term: ContractTerm, until: date) -> tuple[DialogueRow, ...]:
    """The dialogue rows of the contract's regions in its term up to `until`: its provider's and the region-wide
    ones (every provider's for a contract with the whole perceel)."""
    params = {"regions": list(term.regions), "start": term.start, "until": until,
              "providers": [term.provider] if term.provider else []}
    return tuple(DialogueRow(*row) for row in con.execute(_DIALOGUES, params).fetchall())


@dataclass(frozen=True)
class ProviderComment:
    quarter_start: date
    provider: str
    provider_name: str
    text: str


_COMMENTS = """
select o.quarter_start, o.provider, coalesce(p.name, o.provider), o.comment
from outcomes as o left join providers as p using (provider)
where o.comment is not null and o.lot = $lot and o.quarter_start between $start and $until
  and (len($providers) = 0 or list_contains($providers, o.provider))
  and (p.regions is null or list_has_any($regions, string_split(p.regions, '/')))
order by o.quarter_start desc, o.provider
"""


def provider_comments(con: duckdb.DuckDBPyConnection, term: ContractTerm, until: date) -> tuple[ProviderComment, ...]:
    """The providers' own comments (toelichting of `uitkomsten`) in the contract's perceel and term, newest first."""
    params = {"lot": term.lot, "start": term.start, "until": until, "regions": list(term.regions),
              "providers": [term.provider] if term.provider else []}
    return tuple(ProviderComment(*row) for row in con.execute(_COMMENTS, params).fetchall())


# --- funding form as a scope attribute ----------------------------------------------------------------

@dataclass(frozen=True)
class FundingRow:
    """One funding form on one matched period: the per-1,000 indicators over all its contracts' scopes."""

    funding: str
    contracts: tuple[str, ...]
    youths: float  # Σ of the scopes' youths 0–17 (the per-1,000 denominators)
    values: dict[str, float | None]  # code -> Σ numerators / Σ youths × 1,000; None when any part is suppressed


def in_force(term: ContractTerm, period: Period) -> bool:
    """Whether the contract ran for the whole period (a matched period: every compared contract covers it)."""
    return term.start <= period.start and term.last_possible_end >= period.end


def funding_comparison(con: duckdb.DuckDBPyConnection, terms: Sequence[ContractTerm], period: Period,
                       codes: tuple[str, ...] = PER_THOUSAND, *,
                       regions: frozenset[str] | None = None) -> tuple[FundingRow, ...]:
    """The funding forms of the contracts in force for all of `period`, per 1,000 youths (in `regions` only,
    when given: a joint contract counts with the regions a reader may see). A contract with one provider
    is left out: a rate per 1,000 youths belongs to a region or a perceel, not to one provider's clients.

    Each contract scope (per region) is computed by the catalogue as any scope; the rates add up as
    Σ (value × youths / 1,000) / Σ youths × 1,000, so one form with one contract equals that scope's figure.
    """
    by_form: dict[str, list[tuple[str, dict[str, tuple[float | None, float | None]]]]] = {}
    for term in terms:
        if term.provider or not in_force(term, period):  # per 1,000 youths: a region or perceel, not one provider
            continue
        for region in term.regions:
            if regions is not None and region not in regions:
                continue
            results = {r.code: (r.value, r.denominator) for r in compute(con, term.scope(region), [period], codes)[0]}
            by_form.setdefault(term.funding, []).append((term.contract_id, results))
    rows = []
    for form in FUNDING_FORMS:
        parts = by_form.get(form)
        if not parts:
            continue
        youths = max((sum(found[code][1] or 0 for _, found in parts) for code in codes), default=0.0)
        values: dict[str, float | None] = {}
        for code in codes:
            pairs = [found[code] for _, found in parts]
            if any(value is None or denominator is None for value, denominator in pairs):
                values[code] = None
                continue
            total = sum(denominator for _, denominator in pairs)
            values[code] = sum(value * denominator for value, denominator in pairs) / total if total else None
        rows.append(FundingRow(form, tuple(dict.fromkeys(cid for cid, _ in parts)), youths, values))
    return tuple(rows)
