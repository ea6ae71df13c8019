"""Care trajectories for the demo, drawn with numpy in whole arrays (no loop per row).

An *episode* is a child entering care in a month: one main trajectory, sometimes followed by a
renewal or a switch to another provider, sometimes with a parallel trajectory elsewhere. Some
episodes belong to a child seen before (a re-entry, within three years). Simulation starts in 2019 so
that the data begin in 2023 with a realistic stock of running trajectories and settled re-entries (the
ages of the children in care do not drift); trajectories that ended before 2023 are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pyarrow as pa

from data.demo.world import PROFILES, World

SIM_START = np.datetime64("2019-01", "M")
DATA_START = np.datetime64("2023-01-01", "D")

NEW_EPISODES_PER_YOUTH = 0.066  # children entering care per youth per year (before municipal variation)
COMPLEX_SHARE = 0.36
REENTRY, CHAIN, CRISIS_CHAIN, PARALLEL, NO_REGISTRATION = 0.3, 0.3, 0.55, 0.28, 0.05
REENTRY_MIN_GAP, REENTRY_GAP = 270, 1095  # a re-entry returns 9 months to 3 years after an earlier episode began
MAX_AGE = 22  # youth care (with its extension for young adults) ends at 23
SEASON = np.array([1.12, 1.08, 1.1, 1.0, 1.0, 1.02, 0.8, 0.75, 1.1, 1.08, 1.0, 0.88])

# JZ020 category: (share within enkelvoudig, share within complex, median days enk., median days complex,
#                  monthly tariff enk., monthly tariff complex)
CATEGORIES = {
    45: (0.40, 0.30, 125, 200, 560, 1_300),
    54: (0.22, 0.10, 170, 230, 700, 1_500),
    51: (0.12, 0.0, 95, 95, 420, 420),
    32: (0.06, 0.0, 125, 125, 520, 520),
    34: (0.05, 0.0, 150, 150, 480, 480),
    40: (0.06, 0.0, 200, 200, 380, 380),
    42: (0.05, 0.0, 230, 230, 280, 280),
    41: (0.0, 0.12, 210, 210, 2_000, 2_000),
    50: (0.0, 0.10, 250, 250, 2_500, 2_500),
    46: (0.0, 0.07, 20, 20, 8_500, 8_500),
    35: (0.0, 0.065, 420, 420, 1_400, 1_400),
    36: (0.0, 0.03, 300, 300, 5_000, 5_000),
    37: (0.0, 0.012, 130, 130, 14_000, 14_000),
    38: (0.0, 0.02, 260, 260, 7_500, 7_500),
    43: (0.0, 0.045, 280, 280, 7_500, 7_500),
    44: (0.0, 0.025, 300, 300, 4_800, 4_800),
}
# Some complex ambulant rows (45) are delivered as jeugdbescherming (48) or jeugdreclassering (47): stored,
# never counted as jeugdhulp (indicators.md). Relabelled afterwards with their own generator, so that every
# other draw of the demo stays as it was.
PROTECTION_SHARES = {48: 0.10, 47: 0.03}
PROTECTION_SEED = 48
CODES = np.array(list(CATEGORIES))
_TABLE = np.array(list(CATEGORIES.values()), dtype=float)  # rows follow CODES
CRISIS = int(np.flatnonzero(CODES == 46)[0])
PARALLEL_MIX = np.array([{54: 0.5, 45: 0.3, 51: 0.2}.get(int(code), 0.0) for code in CODES])  # second trajectories
WAIT_MEDIAN = (27.0, 31.0)  # days from registration to start: enkelvoudig, complex
WAITING_LIST_DAYS = 548  # a provider's waiting list builds up over the last 18 months
# Children still waiting at the data end (rows with aanmelddatum, no startdatum), drawn like the jeugdhulp
# trajectories with an aanmelddatum that started in the last WAITING_INTAKE_DAYS (Little's law: as many as
# those starts' days of waiting per day); a share of them withdrew while waiting.
WAITING_SEED = 20
WAITING_INTAKE_DAYS = 120
WITHDRAWN = 0.08
NO_JEUGDHULP = (42, 46, 47, 48, 49)  # transport, crisis (never waits) and the justice frames

REFERRERS = np.array([1, 2, 3, 4, 5, 6, 8])
_REFERRER_MIX = {
    "default": (0.40, 0.30, 0.05, 0.06, 0.07, 0.09, 0.03),
    "crisis": (0.35, 0.02, 0.0, 0.45, 0.03, 0.0, 0.15),
    "ggz": (0.20, 0.60, 0.04, 0.02, 0.10, 0.04, 0.0),
}
END_REASONS = np.array([31, 32, 33, 34, 35, 2, 20, 36, 39])
_END_MIX = np.array([0.0, 0.05, 0.03, 0.075, 0.03, 0.002, 0.01, 0.012, 0.016])  # 31 takes the rest
RENEWED, SWITCHED = 37, 38
AGE_GROUPS = ("0-3", "4-11", "12-17", "18-22")
# Age at the first episode, 0 through 22: with those who turn 18 in care (and re-entries up to 22, within two
# years) about 11-12 % of the youths in care are young adults, month after month.
AGE_MIX = np.array([3, 3, 3, 3, 4, 5, 6, 6, 6, 6, 6, 6, 7, 7, 8, 8, 7, 6, 4, 3, 2, 1, 1], dtype=float)


@dataclass(frozen=True)
class Batch:
    """One set of trajectories as parallel arrays (dates are numpy days)."""

    muni: np.ndarray
    person: np.ndarray  # index of the root episode: the child
    provider: np.ndarray
    is_complex: np.ndarray
    cat: np.ndarray  # index into CODES
    registration: np.ndarray  # NaT = unknown
    start: np.ndarray
    end: np.ndarray  # NaT = still running
    reason: np.ndarray  # 0 = none


def generate(world: World, rng: np.random.Generator, end: date) -> pa.Table:
    """All trajectories active from 2023-01-01 through END, plus a monthly rate for the costs; then the
    children still waiting at END (`waiting_rows`), which draw from a generator of their own."""
    drawn = _drawn(world, rng, end)
    return pa.concat_tables([drawn, waiting_rows(drawn, end)])


def _drawn(world: World, rng: np.random.Generator, end: date) -> pa.Table:
    last = np.datetime64(end, "D")
    chooser = _ProviderChooser(world, last)
    ep = _episodes(world, rng, last)
    region = world.municipalities["region"].map(chooser.region_index).to_numpy()[ep["muni"]]
    main = _main(ep, region, chooser, rng, last)
    follow = _follow_ups(main, region, chooser, rng, last)
    parallel = _parallel(main, region, chooser, rng, last)
    parts = [main, follow, parallel]
    arrays = {f: np.concatenate([getattr(b, f) for b in parts]) for f in Batch.__dataclass_fields__}
    keep = (np.isnat(arrays["end"]) | (arrays["end"] >= DATA_START)) & (
        _age(ep["age0"], ep["start"], arrays["person"], arrays["start"]) <= MAX_AGE)  # a follow-up after 22: none
    arrays = {k: v[keep] for k, v in arrays.items()}
    return _table(arrays, ep, world, chooser, rng)


def _episodes(world: World, rng: np.random.Generator, last: np.datetime64) -> dict:
    """Children entering care: a Poisson count per municipality and month, and who they are."""
    months = np.arange(SIM_START, last.astype("datetime64[M]") + 1)
    years = np.clip(months.astype("datetime64[Y]").astype(int) + 1970, 2023, None)
    pop = world.populations.pivot(index="municipality", columns="year", values="youths_0_17")
    pop = pop.loc[world.municipalities["municipality"]]
    youths = pop[years].to_numpy(dtype=float)  # (municipalities, months)
    appetite = rng.lognormal(0.0, 0.12, len(pop))[:, None]
    season, trend = SEASON[months.astype(int) % 12], 1.02 ** (years - 2023)
    if world.stationary:
        season, trend = np.ones_like(season), np.ones_like(trend)
    rate = youths * NEW_EPISODES_PER_YOUTH / 12 * appetite * season * trend
    counts = rng.poisson(rate)
    muni = np.repeat(np.arange(len(pop)), counts.sum(axis=1))
    month = months[np.nonzero(counts)[1].repeat(counts[counts > 0])]
    first = month.astype("datetime64[D]")
    length = ((month + 1).astype("datetime64[D]") - first).astype(int)
    start = first + (rng.random(len(month)) * length).astype(int)
    order = np.lexsort((start, muni))
    muni, start = muni[order], start[order]
    n = len(muni)
    parent = _reentries(muni, start, rng.random(n) < REENTRY, rng.random(n))
    age0 = rng.choice(len(AGE_MIX), size=n, p=AGE_MIX / AGE_MIX.sum())
    root = _youngest_roots(parent, start, age0)
    return {"muni": muni, "start": start, "root": root, "age0": age0, "pseudonym": rng.integers(1, 2**44, n)}


def _reentries(muni, start, reuse, u) -> np.ndarray:
    """Each episode's parent: itself, or for a re-entry an earlier episode of the same municipality that
    started between REENTRY_GAP days and REENTRY_MIN_GAP days before it (episodes sorted by municipality
    and start). A bounded gap keeps the re-entering children as old in 2026 as in 2023 (with SIM_START
    far enough back that the chains of re-entries have settled by then), and about one in seven children
    who completed their care back within a year (herhaald_beroep)."""
    day = start.astype(int)
    key = muni.astype(np.int64) * 1_000_000 + day
    low = np.searchsorted(key, key - REENTRY_GAP, side="left")
    high = np.searchsorted(key, key - REENTRY_MIN_GAP, side="right")
    reuse = reuse & (high > low)
    return np.where(reuse, low + (u * (high - low)).astype(int), np.arange(len(muni)))


def _roots(parent) -> np.ndarray:
    """Pointer jumping: every episode to the first episode of its child."""
    root = parent
    while True:
        nxt = root[root]
        if np.array_equal(nxt, root):
            return root
        root = nxt


def _youngest_roots(parent, start, age0) -> np.ndarray:
    """The roots, after turning every would-be re-entry of a child older than MAX_AGE into a new child:
    youth care ends at 23. Cutting a chain gives its later episodes a root of their own, whose age is
    checked again (a few rounds, each over whole arrays)."""
    parent = parent.copy()
    while True:
        root = _roots(parent)
        too_old = (root != np.arange(len(root))) & (_age(age0, start, root, start) > MAX_AGE)
        if not too_old.any():
            return root
        parent[too_old] = np.flatnonzero(too_old)


def _age(age0, first_start, person, start) -> np.ndarray:
    """Whole years of age at START of the child whose first episode is PERSON."""
    return age0[person] + (start - first_start[person]).astype(int) // 365


class _ProviderChooser:
    """Weighted provider choice per (region, perceel, category, year), as one global searchsorted."""

    def __init__(self, world: World, last: np.datetime64) -> None:
        providers = world.providers
        regions = sorted(world.municipalities["region"].unique())
        self.region_index = {r: i for i, r in enumerate(regions)}
        self.codes = np.array([p.code for p in providers])
        self.waiting_list = np.array([p.waiting_list for p in providers])
        self.last = last
        self.dropout = np.array([p.dropout for p in providers])
        self.first_year = int(SIM_START.astype("datetime64[Y]").astype(int)) + 1970
        n_years = int(last.astype("datetime64[Y]").astype(int)) + 1970 - self.first_year + 1
        in_region = np.array([[r in p.regions for p in providers] for r in regions], dtype=float)
        lot_ok = np.array([[p.lot in (lot, "beide") for p in providers] for lot in ("enkelvoudig", "complex")], float)
        cat_ok = np.array([[c in PROFILES[p.profile] for p in providers] for c in CODES], dtype=float)
        years_after_2023 = np.clip(np.arange(n_years) + self.first_year - 2023, 0, None)
        growth = np.array([p.growth for p in providers]) ** years_after_2023[:, None]
        weight = np.array([p.weight for p in providers])
        base = in_region[:, None, None, None, :] * lot_ok[None, :, None, None, :] * growth[None, None, None] * weight
        w = base * cat_ok[None, None, :, None, :]
        w = np.where(w.sum(axis=-1, keepdims=True) > 0, w, base)  # no specialist: any provider of the perceel
        cum = np.cumsum(w, axis=-1) / w.sum(axis=-1, keepdims=True)
        self.shape = cum.shape[:-1]
        self.n = len(providers)
        self.flat = (np.arange(np.prod(self.shape)).reshape(self.shape)[..., None] + cum).ravel()

    def choose(self, region, is_complex, cat, start, u) -> np.ndarray:
        year = np.clip(start.astype("datetime64[Y]").astype(int) + 1970 - self.first_year, 0, self.shape[3] - 1)
        group = np.ravel_multi_index((region, is_complex.astype(int), cat, year), self.shape)
        return np.searchsorted(self.flat, group + u * (1 - 1e-9), side="right") % self.n

    def choose_other(self, region, is_complex, cat, start, avoid, rng) -> np.ndarray:
        """A provider different from AVOID where the region has one (a few redraws)."""
        chosen = self.choose(region, is_complex, cat, start, rng.random(len(avoid)))
        for _ in range(4):
            same = chosen == avoid
            chosen[same] = self.choose(region[same], is_complex[same], cat[same], start[same], rng.random(same.sum()))
        return chosen

    def wait_factor(self, provider, start) -> np.ndarray:
        """How much longer than usual a provider's waiting list is when the trajectory starts."""
        progress = np.clip(1 - (self.last - start).astype(int) / WAITING_LIST_DAYS, 0, 1)
        return self.waiting_list[provider] ** progress


def _durations(cat, is_complex, rng) -> np.ndarray:
    median = np.where(is_complex, _TABLE[cat, 3], _TABLE[cat, 2])
    sigma = np.where(cat == CRISIS, 0.5, 0.65)
    days = np.maximum(rng.lognormal(np.log(median), sigma), 1).astype(int)
    return np.where(cat == CRISIS, np.minimum(days, 90), days)


def _waits(provider, is_complex, cat, start, chooser, rng) -> np.ndarray:
    median = np.where(is_complex, WAIT_MEDIAN[1], WAIT_MEDIAN[0]) * chooser.wait_factor(provider, start)
    median = np.where(cat == CRISIS, 1.0, median)
    return np.floor(rng.lognormal(np.log(median), 0.7)).astype(int)


def _end(start, duration, provider, chooser, rng, last):
    """End date (NaT while running) and a JZ588 reason for trajectories that ended."""
    end = start + duration
    running = end > last
    n = len(start)
    dropout = _END_MIX[1:3][None, :] * chooser.dropout[provider][:, None]  # chances of reasons 32 and 33
    others = _END_MIX.copy()
    others[0] = 1 - others.sum()  # 31 takes the rest
    others[1:3] = 0
    reason = rng.choice(END_REASONS, size=n, p=others / others.sum())
    u = rng.random(n)
    reason = np.where(u < dropout[:, 0], 32, np.where(u < dropout.sum(axis=1), 33, reason))
    return np.where(running, np.datetime64("NaT"), end), np.where(running, 0, reason)


def _registration(start, waits, rng) -> np.ndarray:
    unknown = rng.random(len(start)) < NO_REGISTRATION
    return np.where(unknown, np.datetime64("NaT"), start - waits)


def _main(ep, region, chooser, rng, last) -> Batch:
    n = len(ep["muni"])
    is_complex = rng.random(n) < COMPLEX_SHARE
    simple = rng.choice(len(CODES), size=n, p=_TABLE[:, 0] / _TABLE[:, 0].sum())
    cat = np.where(is_complex, rng.choice(len(CODES), size=n, p=_TABLE[:, 1] / _TABLE[:, 1].sum()), simple)
    start = ep["start"]
    provider = chooser.choose(region, is_complex, cat, start, rng.random(n))
    end, reason = _end(start, _durations(cat, is_complex, rng), provider, chooser, rng, last)
    registration = _registration(start, _waits(provider, is_complex, cat, start, chooser, rng), rng)
    return Batch(ep["muni"], ep["root"], provider, is_complex, cat, registration, start, end, reason)


def _follow_ups(main: Batch, region, chooser, rng, last) -> Batch:
    """Renewals (same provider, reason 37) and switches (another provider, reason 38)."""
    crisis = main.cat == CRISIS
    chance = np.where(crisis, CRISIS_CHAIN, CHAIN)
    switch = crisis | (rng.random(len(chance)) < 0.4)
    gap = np.where(switch, (rng.random(len(chance)) * 31).astype(int), 1)
    start = main.end + gap
    pick = (rng.random(len(chance)) < chance) & ~np.isnat(main.end) & (start <= last)
    idx = np.flatnonzero(pick)
    main.reason[idx] = np.where(switch[idx], SWITCHED, RENEWED)
    start, is_complex, cat = start[idx], main.is_complex[idx], main.cat[idx].copy()
    cat[cat == CRISIS] = int(np.flatnonzero(CODES == 45)[0])  # after crisis: intensive ambulant care
    provider = main.provider[idx].copy()
    moved = switch[idx]
    provider[moved] = chooser.choose_other(region[idx][moved], is_complex[moved], cat[moved], start[moved],
                                           provider[moved], rng)
    end, reason = _end(start, _durations(cat, is_complex, rng), provider, chooser, rng, last)
    registration = np.where(moved, main.end[idx], np.datetime64("NaT"))
    return Batch(main.muni[idx], main.person[idx], provider, is_complex, cat, registration, start, end, reason)


def _parallel(main: Batch, region, chooser, rng, last) -> Batch:
    """A second, single-discipline trajectory at another provider while the main one runs."""
    idx = np.flatnonzero(rng.random(len(main.muni)) < PARALLEL)
    running_until = np.where(np.isnat(main.end[idx]), last, main.end[idx])
    span = (running_until - main.start[idx]).astype(int)
    start = main.start[idx] + (rng.random(len(idx)) * span * 0.7).astype(int)
    is_complex = np.zeros(len(idx), dtype=bool)
    cat = rng.choice(len(CODES), size=len(idx), p=PARALLEL_MIX / PARALLEL_MIX.sum())
    provider = chooser.choose_other(region[idx], is_complex, cat, start, main.provider[idx], rng)
    ok = provider != main.provider[idx]
    idx, start, cat, provider, is_complex = idx[ok], start[ok], cat[ok], provider[ok], is_complex[ok]
    end, reason = _end(start, _durations(cat, is_complex, rng), provider, chooser, rng, last)
    registration = _registration(start, _waits(provider, is_complex, cat, start, chooser, rng), rng)
    return Batch(main.muni[idx], main.person[idx], provider, is_complex, cat, registration, start, end, reason)


def _referrers(cat, rng) -> np.ndarray:
    kind = np.where(np.isin(CODES[cat], (46, 37)), "crisis", np.where(np.isin(CODES[cat], (54, 51)), "ggz", "default"))
    referrer = np.zeros(len(cat), dtype=int)
    for name, mix in _REFERRER_MIX.items():  # three mixes, not a loop over rows
        rows = np.flatnonzero(kind == name)
        referrer[rows] = rng.choice(REFERRERS, size=len(rows), p=np.array(mix) / sum(mix))
    referrer[rng.random(len(cat)) < 0.03] = 0
    return referrer


def _age_groups(a, ep) -> np.ndarray:
    """Index into AGE_GROUPS of the child's age when the trajectory starts."""
    return np.searchsorted([4, 12, 18], _age(ep["age0"], ep["start"], a["person"], a["start"]), side="right")


def _labels(index: np.ndarray, labels) -> pa.Array:
    """Text column as a dictionary array: the labels once, an index per row."""
    return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), pa.array(list(labels)))


def _with_protection(codes: np.ndarray, is_complex: np.ndarray) -> np.ndarray:
    """Product codes with a share of the complex 45 rows relabelled as child protection or probation."""
    u = np.random.default_rng(PROTECTION_SEED).random(len(codes))
    out = codes.copy()
    eligible = is_complex & (codes == 45)
    low = 0.0
    for code, share in PROTECTION_SHARES.items():
        out[eligible & (u >= low) & (u < low + share)] = code
        low += share
    return out


def _table(a: dict, ep: dict, world: World, chooser: _ProviderChooser, rng) -> pa.Table:
    """Arrow table in a deterministic order; ids and pseudonyms are formatted in SQL."""
    order = np.lexsort((a["provider"], a["start"], a["person"], a["muni"]))
    a = {k: v[order] for k, v in a.items()}
    cat = a["cat"]
    tariff = np.where(a["is_complex"], _TABLE[cat, 5], _TABLE[cat, 4])
    rate = np.round(tariff * rng.lognormal(-0.06, 0.35, len(cat)), 2)
    referrer = _referrers(cat, rng)
    return pa.table({
        "seq": pa.array(np.arange(len(cat))),
        "municipality": _labels(a["muni"], world.municipalities["municipality"]),
        "pseudonym": pa.array(ep["pseudonym"][a["person"]]),
        "provider": _labels(a["provider"], chooser.codes),
        "lot": _labels(a["is_complex"].astype(int), ["enkelvoudig", "complex"]),
        "product_category": pa.array(_with_protection(CODES[cat], a["is_complex"]).astype(np.int16)),
        "referrer": pa.array(referrer.astype(np.int16), mask=referrer == 0),
        "registration_date": pa.array(a["registration"], mask=np.isnat(a["registration"])),
        "start_date": pa.array(a["start"]),
        "end_date": pa.array(a["end"], mask=np.isnat(a["end"])),
        "end_reason": pa.array(a["reason"].astype(np.int16), mask=a["reason"] == 0),
        "age_group": _labels(_age_groups(a, ep), AGE_GROUPS),
        "monthly_rate": pa.array(rate),
    })


def waiting_rows(drawn: pa.Table, end: date) -> pa.Table:
    """New children on the waiting list at END: like the recent starts (municipality, provider, perceel,
    category, referrer, age), registered some days before END and not started; some withdrawn since.

    As many as the recent starts waited days per day (Little's law), each a copy of a recent start chosen
    in proportion to its wait and waiting a uniform part of it so far: the list at END then looks like the
    lists at the earlier month ends (which the drawn rows make), in size and in how long its children have
    waited, instead of jumping at the last month. A provider whose waits grow (`waiting_list`) has a list
    that grows with them.

    Their own generator and pseudonyms, and sequence numbers after every drawn row: the drawn rows, their
    trajectory ids and everything built from them stay as they were.
    """
    rng = np.random.default_rng(WAITING_SEED)
    last = np.datetime64(end, "D")
    start = drawn["start_date"].to_numpy(zero_copy_only=False).astype("datetime64[D]")
    registered = drawn["registration_date"].to_numpy(zero_copy_only=False).astype("datetime64[D]")
    category = drawn["product_category"].to_numpy(zero_copy_only=False)
    wait = np.where(np.isnat(registered), 0, (start - registered).astype(int))
    recent = np.flatnonzero((start > last - WAITING_INTAKE_DAYS) & ~np.isin(category, NO_JEUGDHULP) & (wait > 0))
    weight = wait[recent].astype(float)
    rows = rng.choice(recent, size=rng.poisson(weight.sum() / WAITING_INTAKE_DAYS), p=weight / weight.sum())
    registration = last - np.floor(rng.random(len(rows)) * wait[rows]).astype(int)
    withdrawn_on = registration + np.floor(rng.random(len(rows)) * (last - registration).astype(int)).astype(int)
    withdrawn = (rng.random(len(rows)) < WITHDRAWN) & (withdrawn_on < last)
    end_date = np.where(withdrawn, withdrawn_on, np.datetime64("NaT"))
    reason = np.where(withdrawn, 32, 0)  # withdrawn by the client
    new = {
        "seq": pa.array(len(drawn) + np.arange(len(rows))),
        "pseudonym": pa.array(rng.integers(1, 2**44, len(rows))),
        "registration_date": pa.array(registration),
        "start_date": pa.nulls(len(rows), type=drawn.schema.field("start_date").type),
        "end_date": pa.array(end_date, mask=np.isnat(end_date)),
        "end_reason": pa.array(reason.astype(np.int16), mask=reason == 0),
    }
    taken = drawn.take(pa.array(rows, type=pa.int64()))
    for name, column in new.items():
        taken = taken.set_column(taken.schema.get_field_index(name), name,
                                 column.cast(drawn.schema.field(name).type))
    return taken

