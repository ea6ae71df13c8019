"""Demo process changes (procesbreuken, csv-contract.md kind 10) and the one change the data show.

Every region records its contract start of 1-1-2023. Zuid-Kennemerland also opened a new access
team on 1-7-2025 that sends more youths in through the municipality: from that day a third of the
other referrals (chosen by a seeded hash, so the rest of the demo is untouched) become referrer 01.
Its `via_gemeente` chart then shows the step, and its limits come from the months after it.
"""

from __future__ import annotations

from datetime import date

import duckdb

CONTRACT_START = date(2023, 1, 1)
ACCESS_TEAM = ("Zuid-Kennemerland", date(2025, 7, 1), "via_gemeente", "nieuw toegangsteam")


def insert_process_changes(con: duckdb.DuckDBPyConnection, *, end: date, upload_id: int) -> None:
    region, day, indicator, text = ACCESS_TEAM
    con.execute(
        "insert into process_changes select distinct region, $start, null, 'nieuwe contracten', $upload "
        "from municipality_regions where municipality in (select municipality from populations)",
        {"start": CONTRACT_START, "upload": upload_id})
    if day > end or not con.execute("select count(*) from municipality_regions where region = $region",
                                     {"region": region}).fetchone()[0]:
        return
    con.execute("insert into process_changes values ($region, $day, $indicator, $text, $upload)",
                {"region": region, "day": day, "indicator": indicator, "text": text, "upload": upload_id})
    con.execute(
        "update trajectories set referrer = 1 where start_date >= $day and coalesce(referrer, 0) <> 1 "
        "and hash(trajectory_id || 'toegang') % 3 = 0 "
        "and municipality in (select municipality from municipality_regions where region = $region)",
        {"day": day, "region": region})
