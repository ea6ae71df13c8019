"""figures.Figures without Streamlit, as a command or a document uses it: the rights and the peer rule.

By hand: region IJmond, oktober 2026, complex providers with clients in Velsen, started 01-03-2026.
A provider user compares itself with its peers only as letters, and only among at least three others
(levers.partner.MIN_ANONYMOUS_PEERS): with two others a letter would be no disguise.
"""

from datetime import date

from auth.rights import Rights
from figures.figures import of_connection
from levers.scope import Period, Scope
from tests.builders import add_provider, add_trajectory

OCTOBER = Period.parse("2026-10")
P1_USER = Rights("aanbieder", regions=("IJmond",), providers=("P1",))


def _providers(con, *codes: str) -> None:
    for code in codes:
        add_provider(con, provider=code, lot="complex")
        for number in range(12):
            add_trajectory(con, client=f"{code}-{number}", start=date(2026, 3, 1), provider=code)


def test_a_provider_with_two_others_in_its_perceel_sees_only_its_own_row(empty_db):
    _providers(empty_db, "P1", "P2", "P3")
    rows = of_connection(empty_db, rights=P1_USER).by_provider(Scope("IJmond"), OCTOBER, "unieke_jeugdigen")
    assert [(row.key, row.result.value) for row in rows] == [("P1", 12)]


def test_a_provider_with_three_others_sees_them_as_letters_and_itself_by_name(empty_db):
    _providers(empty_db, "P1", "P2", "P3", "P4")
    rows = of_connection(empty_db, rights=P1_USER).by_provider(Scope("IJmond"), OCTOBER, "unieke_jeugdigen")
    assert sorted(row.key for row in rows) == ["A", "B", "C", "P1"]
    assert not any(code in row.name for row in rows for code in ("P2", "P3", "P4"))


def test_a_contract_manager_sees_every_provider_by_code(empty_db):
    _providers(empty_db, "P1", "P2", "P3")
    manager = Rights("contractmanager", regions=("IJmond",))
    rows = of_connection(empty_db, rights=manager).by_provider(Scope("IJmond"), OCTOBER, "unieke_jeugdigen")
    assert [row.key for row in rows] == ["P1", "P2", "P3"]  # names 'Aanbieder P1', … sort as the codes


def test_a_region_outside_the_rights_gives_no_figures_to_a_command_either(empty_db):
    _providers(empty_db, "P1")
    figures = of_connection(empty_db, rights=Rights("bestuurder", regions=("Zuid-Kennemerland",)))
    assert figures.indicators(Scope("IJmond"), OCTOBER) == ()
    assert figures.agenda(Scope("IJmond"), OCTOBER) == ()
