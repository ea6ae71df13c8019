"""The contract cycle on screen: the Overzicht names an evaluation from 90 days before it and links to the
contract; the Contracten page opens that contract with its evaluatiepakket; Beheer enters a contract
through the contracten rules. Hand-made contract rows in a private copy of the small database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from auth.rights import Rights
from data.store.db import connect
from tests.builders import add_contract
from tests.fixtures.small_db import open_app

CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",), email="cm@ijmond.nl")
ADMIN = Rights("beheerder", email="beheer@regio.nl")
OCTOBER = {"regio": "IJmond", "periode": "2026-10"}


def _dutch(day: date) -> str:
    return f"{day.day}-{day.month}-{day.year}"


@pytest.fixture
def with_contracts(own_small_db):
    """CX-89 evaluates 89 days from today, CX-91 in 91 days (both IJmond, complex, lump sum)."""
    con = connect(own_small_db)
    today = date.today()
    for name, days in (("CX-89", 89), ("CX-91", 91)):
        add_contract(con, contract_id=name, start=date(2023, 1, 1), end=today + timedelta(days=400),
                     evaluations=(today + timedelta(days=days),))
    con.close()
    return today


def test_the_overview_names_an_evaluation_89_days_ahead_and_not_one_91_days_ahead(with_contracts):
    at = open_app(params=OCTOBER, rights=CONTRACT_MANAGER)
    assert not at.exception
    shown = [element.value for element in at.markdown]
    day_89, day_91 = (with_contracts + timedelta(days=89), with_contracts + timedelta(days=91))
    assert f"Evaluatie contract CX-89 op {_dutch(day_89)}" in shown
    assert not any("CX-91" in text or _dutch(day_91) in text for text in shown)
    (link,) = [link for link in at.get("page_link") if link.proto.label.startswith("Evaluatie")]
    assert link.proto.label == "Evaluatie over 89 dagen"
    assert "contracten" in link.proto.page
    assert "contract=CX-89" in link.proto.query_string


def test_the_contract_page_opens_the_linked_contract_with_its_pack_buttons(with_contracts):
    at = open_app("views/pages/contracts.py", params={**OCTOBER, "contract": "CX-91"}, rights=CONTRACT_MANAGER)
    assert not at.exception
    assert at.selectbox(key="contract_pick").value == "CX-91"
    buttons = [button.proto.label for button in at.get("download_button")]
    assert buttons == ["Evaluatiepakket (PDF)", "Evaluatiepakket (Markdown)"]
    assert any("**Bekostiging:** lumpsum" in element.value for element in at.markdown)


def test_a_contract_entered_on_beheer_that_ends_before_its_evaluation_is_refused_on_that_column(own_small_db):
    at = open_app("views/pages/admin.py", rights=ADMIN, state={"admin_tabs": "Contracten"})
    assert not at.exception
    at.text_input[0].input("CX-2027-09")
    at.multiselect[0].select("IJmond")
    at.date_input[0].set_value(date(2027, 1, 1))
    at.date_input[1].set_value(date(2027, 12, 31))
    at.text_input[1].input("01-06-2027/01-03-2028")
    at.button[0].click().run()
    assert [error.value.replace("\\", "").splitlines() for error in at.error] == [[
        "Niet opgeslagen; verbeter het volgende:",
        "- evaluatiemomenten: 01-06-2027/01-03-2028 bevat een evaluatiemoment na het einde van het contract "
        "(de einddatum 31-12-2027, of verlenging_tot als die is ingevuld)"]]
    con = connect(own_small_db)
    assert con.execute("select count(*) from contracts").fetchone()[0] == 0
    con.close()
    at.text_input[1].input("01-06-2027")
    at.button[0].click().run()
    assert not at.error
    con = connect(own_small_db)
    assert con.execute("select contract_id, regions, evaluation_dates from contracts").fetchall() == [
        ("CX-2027-09", "IJmond", [date(2027, 6, 1)])]
    con.close()
