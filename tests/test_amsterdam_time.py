"""Moments are stored in UTC and every reader sees them on the Amsterdam clock (issue 23: times).

The hand-picked instant 16:17 UTC is 18:17 in June (summer time) and 17:17 in January (winter time).
"""

from datetime import datetime

import pandas as pd

from data.store import audit
from data.store.users import Account
from views.admin_tables import audit_table, users_table

JUNE, JANUARY = datetime(2026, 6, 15, 16, 17), datetime(2027, 1, 15, 16, 17)


def test_the_audit_log_shows_amsterdam_time():
    entries = pd.DataFrame({"logged_at": [JUNE, JANUARY], "actor": ["a@x.nl", "b@x.nl"],
                            "action": ["login", "login"], "details": ["", ""]})
    assert list(audit_table(entries)["Wanneer"]) == ["15-06-2026 18:17", "15-01-2027 17:17"]


def test_the_accounts_table_shows_lock_and_creation_in_amsterdam_time():
    account = Account("a@x.nl", "bestuurder", ("IJmond",), (), 5, JANUARY, JUNE)
    row = users_table([account], now=datetime(2027, 1, 15, 16, 0)).iloc[0]
    assert (row["Geblokkeerd tot"], row["Aangemaakt"]) == ("15-01-2027 17:17", "15-06-2026 18:17")


def test_a_database_on_a_dutch_clock_still_stores_utc(empty_db):
    empty_db.execute("set TimeZone = 'Europe/Amsterdam'")  # as DuckDB does on a laptop in the Netherlands
    utc_before = audit._utc_now()
    empty_db.execute("insert into uploads (kind, file_name, sha256, row_count, uploader, scope_replaced) "
                     "values ('kosten', 'k.csv', 'x', 0, 'test', 'niets')")
    (stored,) = empty_db.execute("select uploaded_at from uploads").fetchone()
    assert abs((stored - utc_before).total_seconds()) < 60  # UTC, not an hour or two ahead
