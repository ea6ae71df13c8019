"""Local accounts: bcrypt password hashes, lock-out after repeated failures, rights by e-mail.

Every login, failed login, lock and rights change is written to the audit log, through the one
write path (`data.store.db.writing`): the callers pass any connection, for reading. No account at all
means demo mode (design.md): the dashboard then opens without login. The same rights lookup serves
identities from `st.login` (OIDC), which never reach `authenticate`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from functools import cache

import bcrypt
import duckdb

from auth.rights import ADMIN_ROLE, PROVIDER_ROLE, ROLES, Rights
from data.store import audit, db, users
from data.store.audit import has_action


MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_BYTES = 72  # bcrypt's limit; longer passwords are refused, never silently cut
BCRYPT_ROUNDS = 12  # ~0.25 s per check; tests lower it
_MAX_ACTOR = 254  # longest valid e-mail address
# what the audit log says for a login name without an account: what was typed there may be a BSN, a
# full name or a password (issue 22), so it is never stored
UNKNOWN_ACTOR = "onbekend adres"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

ROLES_NEEDING_REGION = ("bestuurder", "contractmanager")


class AccountError(ValueError):
    """A refused account change; the message is Dutch and meant for the user."""


class UsageError(AccountError):
    """Rights that do not fit the role (e.g. a bestuurder without region): wrong usage, not state."""


def utc_now() -> datetime:
    """Naive UTC, as stored in `users.locked_until`."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def is_demo_mode(con: duckdb.DuckDBPyConnection) -> bool:
    """True while the database has never held an account: the dashboard opens without login.

    Once an account has been added (the audit log keeps that), removing every account does not
    reopen the data to anyone: login stays required until a new account is added.
    """
    return users.count_accounts(con) == 0 and not has_action(con, "user_added")


def check_password(password: str) -> None:
    """Refuse a password that is too short or too long for bcrypt (AccountError)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens lang zijn")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise AccountError(f"het wachtwoord mag hoogstens {MAX_PASSWORD_BYTES} bytes lang zijn")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def _matches(password: str, stored_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), stored_hash.encode("ascii"))
    except ValueError:  # over 72 bytes or a malformed hash: never a match
        return False


@cache
def _dummy_hash(rounds: int) -> str:
    return bcrypt.hashpw(b"no account has this password", bcrypt.gensalt(rounds)).decode("ascii")


def validate_rights(con: duckdb.DuckDBPyConnection, role: str, regions: Sequence[str],
                    providers: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Check a role's regions and provider codes against the database; AccountError otherwise.

    Returns (regions, providers) as they will be stored.
    """
    regions, providers = tuple(sorted(set(regions))), tuple(sorted(set(providers)))
    if role not in ROLES:
        raise UsageError(f"onbekende rol: {role} (kies uit {', '.join(ROLES)})")
    if role in ROLES_NEEDING_REGION and not regions:
        raise UsageError(f"een {role} hoort bij minstens één regio (--regio)")
    if role == PROVIDER_ROLE and not providers:
        raise UsageError("een aanbieder hoort bij minstens één aanbiedercode (--aanbieder)")
    if role != PROVIDER_ROLE and providers:
        raise UsageError("alleen een aanbieder hoort bij aanbiedercodes")
    unknown_regions = sorted(set(regions) - users.known_regions(con))
    if unknown_regions:
        raise AccountError(f"onbekende regio: {', '.join(unknown_regions)}")
    unknown_providers = sorted(set(providers) - users.known_providers(con))
    if unknown_providers:
        raise AccountError(f"onbekende aanbiedercode: {', '.join(unknown_providers)} "
                           "(laad eerst het aanbiedersbestand)")
    if role == PROVIDER_ROLE:
        elsewhere = sorted(set(regions) - set(users.provider_regions(con, providers)))
        if elsewhere:
            raise AccountError(f"de aanbieder werkt niet in regio {', '.join(elsewhere)}")
    return regions, providers


def _describe(role: str, regions: Sequence[str], providers: Sequence[str]) -> str:
    """How rights read in the audit log."""
    where = ", ".join(regions) or ("alle regio's" if role == ADMIN_ROLE else "regio's van de aanbieder")
    text = f"rol {role}; regio's: {where}"
    return f"{text}; aanbieders: {', '.join(providers)}" if providers else text


def check_new_account(con: duckdb.DuckDBPyConnection, email: str, role: str, regions: Sequence[str] = (),
                      providers: Sequence[str] = ()) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Everything `add_account` checks except the password; returns (email, regions, providers)."""
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise UsageError(f"geen geldig e-mailadres: {email}")
    regions, providers = validate_rights(con, role, regions, providers)
    if users.get_account(con, email) is not None:
        raise AccountError(f"er is al een account voor {email}")
    return email, regions, providers


def add_account(con: duckdb.DuckDBPyConnection, email: str, role: str, password: str, *,
                regions: Sequence[str] = (), providers: Sequence[str] = (), actor: str) -> None:
    """Create an account with a bcrypt hash of `password`; AccountError with a Dutch reason."""
    email, regions, providers = check_new_account(con, email, role, regions, providers)
    check_password(password)
    with _writing(con) as cur:
        users.insert_account(cur, email, role, regions, providers, hash_password(password))
        audit.record(cur, actor, "user_added", f"{email}: {_describe(role, regions, providers)}")


def remove_account(con: duckdb.DuckDBPyConnection, email: str, *, actor: str) -> None:
    email = normalise_email(email)
    with _writing(con) as cur:
        if not users.delete_account(cur, email):
            raise AccountError(f"er is geen account voor {email}")
        audit.record(cur, actor, "user_removed", email)


def change_rights(con: duckdb.DuckDBPyConnection, email: str, role: str, *, regions: Sequence[str] = (),
                  providers: Sequence[str] = (), actor: str) -> None:
    email = normalise_email(email)
    regions, providers = validate_rights(con, role, regions, providers)
    with _writing(con) as cur:
        if not users.update_rights(cur, email, role, regions, providers):
            raise AccountError(f"er is geen account voor {email}")
        audit.record(cur, actor, "rights_changed", f"{email}: {_describe(role, regions, providers)}")


def change_password(con: duckdb.DuckDBPyConnection, email: str, password: str, *, actor: str) -> None:
    email = normalise_email(email)
    check_password(password)
    new_hash = hash_password(password)
    with _writing(con) as cur:
        if not users.update_password_hash(cur, email, new_hash):
            raise AccountError(f"er is geen account voor {email}")
        audit.record(cur, actor, "password_changed", email)


@contextmanager
def _writing(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """An account change and its audit entry on the one write path, in one transaction; the accounts
    table counts as touched."""
    with db.writing(con) as write, db.transaction(write.cursor):
        db.touched("users")
        yield write.cursor


def _record(con: duckdb.DuckDBPyConnection, actor: str, action: str, details: str) -> None:
    """An audit entry alone (a login, a logout, a refusal) on the one write path."""
    with db.writing(con) as write:
        audit.record(write.cursor, actor, action, details)


def _rights(con: duckdb.DuckDBPyConnection, account: users.Account) -> Rights:
    """An aanbieder account without regions sees the regions its providers work in."""
    regions = account.regions
    if account.role == PROVIDER_ROLE and not regions:
        regions = users.provider_regions(con, account.providers)
    return Rights(account.role, regions, account.providers, account.email)


def rights_for_email(con: duckdb.DuckDBPyConnection, email: str) -> Rights | None:
    """The rights of an account, e.g. for an OIDC identity; None for an unknown e-mail address."""
    account = users.get_account(con, normalise_email(email))
    return _rights(con, account) if account else None


def record_login(con: duckdb.DuckDBPyConnection, email: str, method: str) -> None:
    """Audit a login that happened elsewhere (`method`: 'oidc')."""
    _record(con, normalise_email(email)[:_MAX_ACTOR], "login", method)


def record_refusal(con: duckdb.DuckDBPyConnection, email: str, method: str) -> None:
    """Audit an identity without an account (an OIDC login of an unknown address): no access."""
    _record(con, normalise_email(email)[:_MAX_ACTOR], "access_denied", f"{method}: geen account")


def record_logout(con: duckdb.DuckDBPyConnection, email: str, method: str) -> None:
    _record(con, normalise_email(email)[:_MAX_ACTOR], "logout", method)


def locked_until(con: duckdb.DuckDBPyConnection, email: str, now: datetime | None = None) -> datetime | None:
    """When a locked account opens again (UTC); None when it is not locked or does not exist."""
    email = normalise_email(email)
    account = users.get_account(con, email)
    if account is None:
        return None
    until = max(filter(None, (account.locked_until, _local_lock(email))), default=None)
    return until if until is not None and until > (now or utc_now()) else None


def _minutes(left: timedelta) -> str:
    """`15 minuten`, `1 minuut`: a lock in minutes, not a clock time (the log entry has its own Amsterdam time)."""
    minutes = max(1, -(-int(left.total_seconds()) // 60))
    return f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"


def authenticate(con: duckdb.DuckDBPyConnection, email: str, password: str,
                 now: datetime | None = None) -> Rights | None:
    """The account's rights when the password is right and the account is not locked; else None.

    `MAX_FAILED_ATTEMPTS` consecutive failures lock the account for `LOCK_DURATION`; while locked
    even the right password is refused. Unknown accounts cost a bcrypt check too, so that timing
    does not tell which addresses exist. A read-only process (a published snapshot) cannot store
    the count: it counts in its own memory, and its audit entries go to its audit file.
    """
    email = normalise_email(email)
    actor = email[:_MAX_ACTOR]
    now = now or utc_now()
    account = users.get_account(con, email)
    if account is None:
        _matches(password, _dummy_hash(BCRYPT_ROUNDS))
        _record(con, UNKNOWN_ACTOR, "login_failed", "onbekend account")
        return None
    until = locked_until(con, email, now)
    if until is not None:
        _record(con, actor, "login_failed", f"account geblokkeerd, nog {_minutes(until - now)}")
        return None
    if not _matches(password, users.password_hash(con, email)):
        until = now + LOCK_DURATION
        _record(con, actor, "login_failed", "onjuist wachtwoord")
        if _register_failure(con, email, until):
            _record(con, actor, "account_locked",
                    f"na {MAX_FAILED_ATTEMPTS} mislukte pogingen, voor {_minutes(LOCK_DURATION)}")
        return None
    if db.location(con)[1]:
        _LOCAL_FAILURES.pop(email, None)
    elif account.failed_attempts or account.locked_until is not None:  # else nothing to write (or publish)
        with _writing(con) as cur:
            users.register_success(cur, email)
    _record(con, actor, "login", "lokaal account")
    return _rights(con, account)


# A read-only process's own failure count: email -> (consecutive failures, locked until).
_LOCAL_FAILURES: dict[str, tuple[int, datetime | None]] = {}
_LOCAL_LOCK = threading.Lock()


def _register_failure(con: duckdb.DuckDBPyConnection, email: str, until: datetime) -> bool:
    """Count one failure; True when it locked the account (the same rule as data.store.users)."""
    if not db.location(con)[1]:
        with _writing(con) as cur:
            return users.register_failure(cur, email, MAX_FAILED_ATTEMPTS, until)
    with _LOCAL_LOCK:
        failures = _LOCAL_FAILURES.get(email, (0, None))[0] + 1
        locked = failures >= MAX_FAILED_ATTEMPTS
        _LOCAL_FAILURES[email] = (0, until) if locked else (failures, _local_lock(email))
    return locked


def _local_lock(email: str) -> datetime | None:
    return _LOCAL_FAILURES.get(email, (0, None))[1]
