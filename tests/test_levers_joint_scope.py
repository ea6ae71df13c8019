"""A joint scope: several regions as one (a joint procurement such as IJmond + Zuid-Kennemerland, issue 20 §7).

Its counts are the regions' counts added up, its documents name both regions, and a norm applies to it
only where every region of it set the same one (csv-contract.md kind 6).
"""

from __future__ import annotations

from datetime import date

import pytest

from data.store.db import connect
from levers.norms import Norms
from levers.scope import Period, Scope
from reports.document import scope_line
from tests.builders import HAARLEM, VELSEN, add_dialogue, add_provider, add_trajectory

OCTOBER = Period.parse("2026-10")
JOINT = ["--regio", "IJmond", "--regio", "Zuid-Kennemerland"]


def build_two_regions(con) -> None:
    """IJmond (Velsen, P1) and Zuid-Kennemerland (Haarlem, P7) in October 2026.

    IJmond: I1..I6 started one trajectory each in October; I7 has two trajectories open since September.
      unieke_jeugdigen 7, actieve_trajecten 8, instroom 6; two sessions (one with an open action).
    Zuid-Kennemerland: Z1..Z5 started in October; Z6 has one trajectory open since August.
      unieke_jeugdigen 6, actieve_trajecten 6, instroom 5; one session with two open actions.
    """
    add_provider(con, provider="P1", regions="IJmond")
    add_provider(con, provider="P7", regions="Zuid-Kennemerland")
    for number in range(1, 7):
        add_trajectory(con, client=f"I{number}", start=date(2026, 10, number))
    add_trajectory(con, client="I7", start=date(2026, 9, 1))
    add_trajectory(con, client="I7", start=date(2026, 9, 2))
    for number in range(1, 6):
        add_trajectory(con, client=f"Z{number}", start=date(2026, 10, number), municipality=HAARLEM, provider="P7")
    add_trajectory(con, client="Z6", start=date(2026, 8, 1), municipality=HAARLEM, provider="P7")
    add_dialogue(con, day=date(2026, 10, 6), theme=1, region="IJmond", provider="P1", action="plan maken")
    add_dialogue(con, day=date(2026, 10, 20), theme=2, region="IJmond")
    add_dialogue(con, day=date(2026, 10, 8), theme=3, region="Zuid-Kennemerland", provider="P7", subject="a",
                 action="cijfers nalopen")
    add_dialogue(con, day=date(2026, 10, 8), theme=3, region="Zuid-Kennemerland", provider="P7", subject="b",
                 action="wachtlijst bellen")


@pytest.fixture
def two_regions(tmp_path):
    path = tmp_path / "twee.duckdb"
    con = connect(path)
    build_two_regions(con)
    con.close()
    return path


def _report(path, capsys, regions: list[str]) -> dict[str, dict[str, str]]:
    import csv
    import io

    from commands.levers import main

    assert main(["report", "--db", str(path), *regions, "--periode", "2026-10"]) == 0
    return {row["code"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}


@pytest.mark.parametrize(("code", "ijmond", "zuid_kennemerland", "joint"), [
    ("unieke_jeugdigen", "7.00", "6.00", "13.00"),  # 7 + 6 persons
    ("actieve_trajecten", "8.00", "6.00", "14.00"),  # 8 + 6 trajectories
    ("instroom", "6.00", "5.00", "11.00"),  # 6 + 5 started in October
    ("open_acties", "1.00", "2.00", "3.00"),  # 1 + 2 open actions
])
def test_the_report_of_two_regions_counts_what_the_two_regions_count_added_up(
        two_regions, capsys, code, ijmond, zuid_kennemerland, joint):
    found = (
        _report(two_regions, capsys, ["--regio", "IJmond"])[code]["waarde"],
        _report(two_regions, capsys, ["--regio", "Zuid-Kennemerland"])[code]["waarde"],
        _report(two_regions, capsys, JOINT)[code]["waarde"],
    )
    assert found == (ijmond, zuid_kennemerland, joint)


def test_the_regions_may_be_named_in_any_order_and_in_any_case(two_regions, capsys):
    first = _report(two_regions, capsys, JOINT)
    assert _report(two_regions, capsys, ["--regio", "zuid-kennemerland", "--regio", "ijmond"]) == first


def test_a_provider_of_either_region_may_be_filtered_in_a_joint_scope(two_regions, capsys):
    from commands.levers import main

    # P7 serves Zuid-Kennemerland only: its five October starts, not IJmond's six
    assert main(["report", "--db", str(two_regions), *JOINT, "--aanbieder", "P7", "--periode", "2026-10"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert next(line for line in rows if line.startswith("instroom,")).split(",")[4] == "5.00"


def test_a_municipality_of_either_region_may_be_chosen_and_one_of_neither_is_refused(two_regions, capsys):
    from commands.levers import main

    assert main(["report", "--db", str(two_regions), *JOINT, "--gemeente", HAARLEM, VELSEN,
                 "--periode", "2026-10"]) == 0
    capsys.readouterr()
    assert main(["report", "--db", str(two_regions), *JOINT, "--gemeente", "GM0344", "--periode", "2026-10"]) == 2
    assert "hoort niet bij regio IJmond en Zuid-Kennemerland" in capsys.readouterr().err


def test_a_joint_scope_is_titled_with_both_region_names():
    scope = Scope(regions=("Zuid-Kennemerland", "IJmond"))
    assert scope.regions == ("IJmond", "Zuid-Kennemerland")
    assert scope_line(scope.region, OCTOBER, None) == "IJmond en Zuid-Kennemerland · oktober 2026 · beide percelen"


# --- norms in a joint scope: a region's own norm only where all regions set the same one ---------------

def _norms(*rows: tuple) -> Norms:
    """Norm rows (region, norm) of `uitval` for 2026, latest upload first."""
    return Norms.of_rows(("uitval", region, 2026, None, None, norm, 0) for region, norm in rows)


JOINT_SCOPE = Scope(regions=("IJmond", "Zuid-Kennemerland"))


def test_a_norm_both_regions_set_alike_applies_to_their_joint_scope():
    norm = _norms(("IJmond", 12), ("Zuid-Kennemerland", 12), (None, 20)).resolve("uitval", JOINT_SCOPE, OCTOBER)
    assert (norm.norm, norm.is_default) == (12.0, False)


def test_regions_that_differ_give_the_joint_scope_the_default_for_every_region():
    norm = _norms(("IJmond", 12), ("Zuid-Kennemerland", 15), (None, 20)).resolve("uitval", JOINT_SCOPE, OCTOBER)
    assert (norm.norm, norm.is_default) == (20.0, False)  # the empty-regio default, not 12 or 15


def test_a_norm_of_one_region_alone_is_not_imposed_on_the_other():
    one = _norms(("IJmond", 12)).resolve("uitval", JOINT_SCOPE, OCTOBER)
    assert one.is_default  # the built-in default: Zuid-Kennemerland set nothing
    assert _norms(("IJmond", 12)).resolve("uitval", Scope(regions="IJmond"), OCTOBER).norm == 12.0
