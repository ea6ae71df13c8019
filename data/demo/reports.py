"""Demo outcomes (uitkomsten), dialogue log (dialoog) and uploaded norms (normen).

Outcomes follow the trajectories that closed each quarter; a strategic partner refuses referrals in
recent quarters and one provider misses the last quarter. Dialogue sessions run monthly per region
and periodically per provider, with actions of which some are open past their deadline.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from data.demo.sqlfiles import insert_frame, run_sql_file
from data.demo.texts import OUTCOME_COMMENTS, OWNERS, THEME_TEXTS
from data.demo.world import World

WAITLIST_PROVIDER = "87012093"
# How often themes 1-17 come up: the contract's daily business often, some themes rarely.
THEME_WEIGHTS = np.array([1, 0.15, 1, 0.15, 1, 1, 0.15, 0.15, 1, 0.15, 0.15, 1, 1, 1, 0.15, 1, 1])
SESSION_EVERY = {"strategisch_partner": 3, "ontwikkelpartner": 4, "overig": 6}  # months between sessions


def last_quarter_start(end: date) -> date:
    """First day of the last quarter that is complete on END."""
    quarter_month = (end.month - 1) // 3 * 3 + 1
    complete = end.month % 3 == 0
    if complete:
        return date(end.year, quarter_month, 1)
    return date(end.year, quarter_month - 3, 1) if quarter_month > 1 else date(end.year - 1, 10, 1)


def insert_outcomes(con: duckdb.DuckDBPyConnection, world: World, rng: np.random.Generator, *, end: date,
                    upload_id: int) -> None:
    last = last_quarter_start(end)
    rows = run_sql_file(con, "demo_outcome_counts.sql", {"data_start": date(2023, 1, 1), "last_quarter": last}).df()
    specs = {p.code: p for p in world.providers}
    codes = sorted(specs)
    at = rows["provider"].map({c: i for i, c in enumerate(codes)}).to_numpy()
    goal_rate, reply_rate, happy_rate = (rng.uniform(lo, hi, len(codes))[at] for lo, hi in
                                         ((0.62, 0.8), (0.3, 0.5), (0.74, 0.88)))
    closed = rows["closed"].to_numpy()
    rows["goals_achieved"] = rng.binomial(closed, goal_rate)
    rows["satisfaction_responses"] = rng.binomial(closed, reply_rate)
    rows["satisfaction_positive"] = rng.binomial(rows["satisfaction_responses"].to_numpy(), happy_rate)
    rows["refusals"] = _refusals(rows, specs, rng, last)
    rows["comment"] = _comments(rows, rng)
    misses = rows["provider"].map({c: p.misses_last_quarter for c, p in specs.items()})
    missing = misses & (rows["quarter_start"].dt.date == last)
    out = rows[~missing].rename(columns={"closed": "closed_trajectories"})
    out["upload_id"] = upload_id
    insert_frame(con, "outcomes", out[["quarter_start", "quarter_end", "provider", "lot", "closed_trajectories",
                                       "goals_achieved", "satisfaction_responses", "satisfaction_positive",
                                       "refusals", "comment", "upload_id"]])


def _refusals(rows: pd.DataFrame, specs: dict, rng: np.random.Generator, last: date) -> np.ndarray:
    """Occasional single refusals by complex strategic partners; a pattern for the flagged ones."""
    quarter = rows["quarter_start"].dt.date
    is_partner = rows["provider"].map({c: p.role == "strategisch_partner" for c, p in specs.items()})
    partner = is_partner & (rows["lot"] == "complex")
    pattern = rows["provider"].map({c: p.refusals for c, p in specs.items()})
    last_three = quarter >= _quarters_before(last, 2)
    refusals = np.where(partner & (rng.random(len(rows)) < 0.06), 1, 0)
    refusals = np.where(partner & (pattern == "recent") & last_three, rng.integers(2, 7, len(rows)), refusals)
    return np.where(partner & (pattern == "last") & (quarter == last), rng.integers(1, 3, len(rows)), refusals)


def _quarters_before(quarter: date, n: int) -> date:
    months = quarter.year * 12 + quarter.month - 1 - 3 * n
    return date(months // 12, months % 12 + 1, 1)


def _comments(rows: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    normal = np.array(OUTCOME_COMMENTS["normal"], dtype=object)
    comment = np.where(rng.random(len(rows)) < 0.04, normal[rng.integers(0, len(normal), len(rows))], None)
    return np.where(rows["refusals"] >= 2, OUTCOME_COMMENTS["refusals"], comment)


def insert_dialogues(con: duckdb.DuckDBPyConnection, world: World, rng: np.random.Generator, *, end: date,
                     upload_id: int) -> None:
    sessions = pd.concat([_region_sessions(world, rng, end), _provider_sessions(world, rng, end)], ignore_index=True)
    rows = _themes(sessions, rng)
    rows = _texts(rows, rng, end)
    rows["upload_id"] = upload_id
    insert_frame(con, "dialogues", rows[["session_date", "region", "provider", "theme", "subject", "signal",
                                         "action", "owner", "deadline", "status", "upload_id"]])


def _months(end: date) -> np.ndarray:
    return np.arange(np.datetime64("2023-01", "M"), np.datetime64(end, "M") + 1)


def _region_sessions(world: World, rng: np.random.Generator, end: date) -> pd.DataFrame:
    """A region-wide meeting every month, on day 8-20."""
    regions = np.array(sorted(world.municipalities["region"].unique()))
    months = _months(end)
    grid_region = np.repeat(regions, len(months))
    grid_month = np.tile(months, len(regions))
    return pd.DataFrame({"region": grid_region, "provider": None, "themes": 2,
                         "session_date": grid_month.astype("datetime64[D]") + rng.integers(7, 20, len(grid_month))})


def _provider_sessions(world: World, rng: np.random.Generator, end: date) -> pd.DataFrame:
    """Account meetings per provider and region, every 3, 4 or 6 months depending on its role."""
    pairs = pd.DataFrame([(p.code, r, SESSION_EVERY[p.role]) for p in world.providers for r in p.regions],
                         columns=["provider", "region", "every"])
    months = _months(end)
    offset = rng.integers(0, 6, len(pairs)) % pairs["every"].to_numpy()
    month_no = np.arange(len(months))
    held = (month_no[None, :] - offset[:, None]) % pairs["every"].to_numpy()[:, None] == 0
    pair_at, month_at = np.nonzero(held)
    out = pairs.iloc[pair_at].reset_index(drop=True)
    out["themes"] = np.where(rng.random(len(out)) < 0.4, 2, 1)
    out["session_date"] = months[month_at].astype("datetime64[D]") + rng.integers(0, 27, len(out))
    return out.drop(columns="every")


def _themes(sessions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per theme discussed: two different themes of 1-17 (some rarely), the second sometimes theme 18."""
    weights = THEME_WEIGHTS / THEME_WEIGHTS.sum()
    first = rng.choice(np.arange(1, 18), len(sessions), p=weights)
    second = rng.choice(np.arange(1, 18), len(sessions), p=weights)
    clash = second == first
    second[clash] = first[clash] % 17 + 1
    education = np.where(sessions["provider"].isna(), 0.12, 0.05)
    second = np.where(rng.random(len(sessions)) < education, 18, second)
    both = pd.concat([sessions.assign(theme=first), sessions.assign(theme=second)[sessions["themes"] == 2]])
    return both.sort_values(["session_date", "region", "provider", "theme"], na_position="first").reset_index(drop=True)


def _texts(rows: pd.DataFrame, rng: np.random.Generator, end: date) -> pd.DataFrame:
    """Subject, signal and action per theme; deadlines; open actions, some of them overdue."""
    n = len(rows)
    theme = rows["theme"].to_numpy()
    subjects = np.array([THEME_TEXTS[t][0] for t in range(1, 19)], dtype=object)
    signals = np.array([THEME_TEXTS[t][1] for t in range(1, 19)], dtype=object)
    actions = np.array([THEME_TEXTS[t][2] for t in range(1, 19)], dtype=object)
    rows["subject"] = subjects[theme - 1, rng.integers(0, 2, n)]
    rows["signal"] = np.where(rng.random(n) < 0.45, signals[theme - 1], None)
    has_action = rng.random(n) < 0.6
    rows["action"] = np.where(has_action, actions[theme - 1], None)
    rows["owner"] = np.where(has_action, np.array(OWNERS, dtype=object)[rng.integers(0, len(OWNERS), n)], None)
    deadline = rows["session_date"].to_numpy().astype("datetime64[D]") + rng.choice([30, 45, 60, 90], n)
    last = np.datetime64(end, "D")
    open_chance = np.select([deadline >= last, deadline >= last - 90], [0.85, 0.3], 0.01)
    status = np.where(rng.random(n) < open_chance, "open", "afgerond")
    rows["deadline"] = np.where(has_action, deadline, np.datetime64("NaT"))
    overdue_candidates = rows.assign(due=rows["deadline"])[has_action & (deadline < last)]
    latest = overdue_candidates.groupby("region")["due"].idxmax()  # at least one overdue action per region
    status[latest.to_numpy()] = "open"
    rows["status"] = np.where(has_action, status, None)
    return rows


def insert_norms(con: duckdb.DuckDBPyConnection, *, end: date, upload_id: int) -> None:
    """A stricter waiting-time norm for enkelvoudig, a provider-specific one, and two more."""
    norms = [
        ("wachttijd_mediaan", "enkelvoudig", None, 35.0, 7.0),
        ("wachttijd_mediaan", None, WAITLIST_PROVIDER, 49.0, 7.0),
        ("volgens_plan", "complex", None, 70.0, 5.0),
        ("dialoogsessies", None, None, 3.0, 1.0),
    ]
    frame = pd.DataFrame(
        [(indicator, year, lot, provider, norm, margin)
         for year in range(2024, end.year + 1) for indicator, lot, provider, norm, margin in norms],
        columns=["indicator", "year", "lot", "provider", "norm", "margin"],
    )
    frame["upload_id"] = upload_id
    insert_frame(con, "norms", frame)
