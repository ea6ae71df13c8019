"""The account store: rows of the `users` table (schema.sql, last section), read and written here only.

Knows nothing of passwords beyond the stored hash; hashing, lock-out rules and rights live in
`auth/accounts.py`. The failure counter is updated in one statement so that two sessions failing at
the same time cannot both slip under the limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

_COLUMNS = "email, role, regions, providers, failed_attempts, locked_until, created_at"
_SELECT_ONE = f"select {_COLUMNS} from users where email = $email"
_SELECT_ALL = f"select {_COLUMNS} from users order by role, email"
_COUNT = "select count(*) from users"
_HASH = "select password_hash from users where email = $email"
_INSERT = """
insert into users (email, role, regions, providers, password_hash)
values ($email, $role, $regions::varchar[], $providers::varchar[], $password_hash)
"""
_DELETE = "delete from users where email = $email returning email"
_UPDATE_RIGHTS = """
update users set role = $role, regions = $regions::varchar[], providers = $providers::varchar[]
where email = $email returning email
"""
_UPDATE_HASH = "update users set password_hash = $password_hash where email = $email returning email"
# After `limit` consecutive failures: lock until $until and start counting again.
_FAILURE = """
update users
set failed_attempts = case when failed_attempts + 1 >= $limit then 0 else failed_attempts + 1 end,
    locked_until = case when failed_attempts + 1 >= $limit then $until else locked_until end
where email = $email
returning failed_attempts = 0 as is_locked
"""
_SUCCESS = "update users set failed_attempts = 0, locked_until = null where email = $email"
_REGIONS = "select distinct region from municipality_regions where region is not null"
_PROVIDERS = "select provider from providers"
_PROVIDER_REGIONS = """
select distinct region from provider_regions
where list_contains($providers::varchar[], provider) and region <> ''
order by region
"""


@dataclass(frozen=True)
class Account:
    """One account as stored, without its password hash."""

    email: str
    role: str
    regions: tuple[str, ...]
    providers: tuple[str, ...]
    failed_attempts: int
    locked_until: datetime | None  # UTC
    created_at: datetime


def _account(row: tuple) -> Account:
    email, role, regions, providers, failed, locked_until, created_at = row
    return Account(email, role, tuple(regions), tuple(providers), failed, locked_until, created_at)


def count_accounts(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(_COUNT).fetchone()[0]


def get_account(con: duckdb.DuckDBPyConnection, email: str) -> Account | None:
    row = con.execute(_SELECT_ONE, {"email": email}).fetchone()
    return _account(row) if row else None


def list_accounts(con: duckdb.DuckDBPyConnection) -> list[Account]:
    return [_account(row) for row in con.execute(_SELECT_ALL).fetchall()]


def password_hash(con: duckdb.DuckDBPyConnection, email: str) -> str | None:
    row = con.execute(_HASH, {"email": email}).fetchone()
    return row[0] if row else None


def insert_account(con: duckdb.DuckDBPyConnection, email: str, role: str, regions: Sequence[str],
                   providers: Sequence[str], password_hash: str) -> None:
    con.execute(_INSERT, {"email": email, "role": role, "regions": list(regions),
                          "providers": list(providers), "password_hash": password_hash})


def delete_account(con: duckdb.DuckDBPyConnection, email: str) -> bool:
    return bool(con.execute(_DELETE, {"email": email}).fetchall())


def update_rights(con: duckdb.DuckDBPyConnection, email: str, role: str, regions: Sequence[str],
                  providers: Sequence[str]) -> bool:
    params = {"email": email, "role": role, "regions": list(regions), "providers": list(providers)}
    return bool(con.execute(_UPDATE_RIGHTS, params).fetchall())


def update_password_hash(con: duckdb.DuckDBPyConnection, email: str, password_hash: str) -> bool:
    return bool(con.execute(_UPDATE_HASH, {"email": email, "password_hash": password_hash}).fetchall())


def register_failure(con: duckdb.DuckDBPyConnection, email: str, limit: int, until: datetime) -> bool:
    """Count one failed login; True when this failure locked the account until `until`."""
    row = con.execute(_FAILURE, {"email": email, "limit": limit, "until": until}).fetchone()
    return bool(row and row[0])


def register_success(con: duckdb.DuckDBPyConnection, email: str) -> None:
    con.execute(_SUCCESS, {"email": email})


def known_regions(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every jeugdregio of the municipality list (uploaded overrides included)."""
    return {row[0] for row in con.execute(_REGIONS).fetchall()}


def known_providers(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(_PROVIDERS).fetchall()}


def provider_regions(con: duckdb.DuckDBPyConnection, providers: Sequence[str]) -> tuple[str, ...]:
    """The regions the given providers work in, by the `aanbieders` reference."""
    return tuple(row[0] for row in con.execute(_PROVIDER_REGIONS, {"providers": list(providers)}).fetchall())
