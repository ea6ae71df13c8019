"""`uitkomsten` rows belong to one region (csv-contract.md kind 4, indicators.md v3): a provider serving IJmond
and Zuid-Kennemerland delivers a row for each, and each region counts its own. Hand-made rows, hand-counted."""

from datetime import date

import duckdb
import pytest

from data.store import db
from levers.deliveries import rows_without_region
from levers.scope import Scope
from tests.builders import VELSEN, add_outcome, add_provider
from tests.test_levers_shared_values import exact, quarter, shown  # noqa: F401 (exact is a fixture)

IJMOND, ZUID_KENNEMERLAND = "IJmond", "Zuid-Kennemerland"


def _two_regions(con):
    """S1, a strategic partner (complex) in both regions, and S2 in IJmond only; 2024-K1 rows per region."""
    add_provider(con, provider="S1", regions="IJmond/Zuid-Kennemerland")
    add_provider(con, provider="S2", regions="IJmond")
    add_outcome(con, **quarter("2024-K1"), provider="S1", region=IJMOND, refusals=2, closed=10, achieved=7,
                responses=10, positive=9)
    add_outcome(con, **quarter("2024-K1"), provider="S1", region=ZUID_KENNEMERLAND, refusals=6, closed=20,
                achieved=10, responses=30, positive=15)
    add_outcome(con, **quarter("2024-K1"), provider="S2", region=IJMOND, refusals=1, closed=10, achieved=5,
                responses=10, positive=5)


@pytest.mark.parametrize(
    ("region", "code", "expected"),
    [
        (IJMOND, "weigeringen", 2 + 1),  # not S1's 6 refusals in Zuid-Kennemerland
        (ZUID_KENNEMERLAND, "weigeringen", 6),
        (IJMOND, "tevredenheid", (9 + 5) / (10 + 10) * 100),  # 70
        (ZUID_KENNEMERLAND, "tevredenheid", 15 / 30 * 100),  # 50
        (IJMOND, "doelrealisatie", (7 + 5) / (10 + 10) * 100),  # 60
        (ZUID_KENNEMERLAND, "doelrealisatie", 10 / 20 * 100),  # 50
        (IJMOND, "aanlevering", 100),  # S1 and S2 × complex × K1: 2 of 2 rows about IJmond
        (ZUID_KENNEMERLAND, "aanlevering", 100),  # S1 × complex × K1: 1 of 1
    ],
)
def test_a_providers_row_about_one_region_counts_in_that_region_only(empty_db, exact, region, code, expected):
    _two_regions(empty_db)
    assert shown(empty_db, code, scope=Scope(region), period="2024-K1").value == pytest.approx(expected)


def test_a_provider_row_for_zuid_kennemerland_does_not_count_in_ijmond(empty_db, exact):
    add_provider(empty_db, provider="S1", regions="IJmond/Zuid-Kennemerland")
    add_provider(empty_db, provider="S2", regions="IJmond", role="ontwikkelpartner")  # no acceptatieplicht
    add_outcome(empty_db, **quarter("2024-K1"), provider="S1", region=ZUID_KENNEMERLAND, refusals=6)
    add_outcome(empty_db, **quarter("2024-K1"), provider="S2", region=IJMOND, refusals=4)
    ijmond = shown(empty_db, "weigeringen", scope=Scope(IJMOND), period="2024-K1")
    assert (ijmond.value, ijmond.status) == (None, "grijs")  # no strategic partner's row about IJmond
    # IJmond expects S1's and S2's rows about it in K1: 1 of 2 delivered
    assert shown(empty_db, "aanlevering", scope=Scope(IJMOND), period="2024-K1").value == 50


def test_a_municipality_scope_shows_its_regions_figure(empty_db, exact):
    _two_regions(empty_db)
    velsen = shown(empty_db, "weigeringen", scope=Scope(IJMOND, municipalities=(VELSEN,)), period="2024-K1")
    assert velsen.value == 3  # IJmond's 2 + 1: providers do not report per municipality


def test_a_row_without_region_counts_nowhere_and_is_listed_to_deliver_again(empty_db, exact):
    _two_regions(empty_db)
    add_outcome(empty_db, **quarter("2024-K1"), provider="S1", lot="enkelvoudig", region=None, refusals=9,
                responses=100, positive=100)
    for region, satisfaction in ((IJMOND, 70), (ZUID_KENNEMERLAND, 50)):  # as without the row
        assert shown(empty_db, "tevredenheid", scope=Scope(region), period="2024-K1").value == satisfaction
    found = rows_without_region(empty_db)
    assert [(item.provider, item.rows) for item in found] == [("S1", 1)]
    assert rows_without_region(empty_db, providers=("S2",)) == ()
    assert rows_without_region(empty_db, regions=("Achterhoek",)) == ()


def test_a_store_from_before_regio_gives_each_row_its_providers_single_region(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(db.SCHEMA_SQL)
    con.execute("drop table outcomes")
    con.execute("""create table outcomes (quarter_start date not null, quarter_end date not null,
        provider varchar not null, lot varchar not null, closed_trajectories integer not null,
        goals_achieved integer not null, satisfaction_responses integer not null,
        satisfaction_positive integer not null, refusals integer not null, comment varchar, upload_id integer,
        primary key (quarter_start, provider, lot))""")  # as stored before uitkomsten.regio
    add_provider(con, provider="ONE", regions="Achterhoek")
    add_provider(con, provider="TWO", regions="IJmond/Zuid-Kennemerland")
    for provider in ("ONE", "TWO"):
        con.execute("insert into outcomes values ('2024-01-01', '2024-03-31', $p, 'complex', 1, 1, 1, 1, 0, null, 7)",
                    {"p": provider})
    db.ensure_schema(con)
    assert con.execute("select provider, region, upload_id from outcomes order by provider").fetchall() == [
        ("ONE", "Achterhoek", 7), ("TWO", None, 7)]
    # the new table takes a row per region for the same quarter, provider and perceel
    con.execute("insert into outcomes select * replace ('IJmond' as region) from outcomes where provider = 'TWO'")
    assert con.execute("select count(*) from outcomes where provider = 'TWO'").fetchone() == (2,)
    con.close()
