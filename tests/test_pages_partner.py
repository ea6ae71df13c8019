"""Partner page (AppTest) on the small fixture database: figures, peers, dialogue, agenda, rights.

Figures from tests/fixtures/small_db.py, worked out by hand for oktober 2026:
- P1 (Jeugdzorg Kennemerland): 600 clients in Velsen, none ended → 600 youths in care; 60 of them
  have a stay → (600 − 60) / 600 = 90,0% without stay.
- P3 (Samen Verder): 234 clients in Heemskerk, none with a stay → 234 youths, 100,0% without stay.
- Dialogue of P1: its session of 10-09-2026 and the region-wide one of 15-10-2026; one open action
  (deadline 30-09-2026, so overdue at 31-10-2026).
"""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from auth.rights import Rights
from tests.fixtures.small_db import PERIOD, REGION

PAGE = "views/pages/partner.py"
CONTRACT_MANAGER = Rights("contractmanager", regions=("IJmond",))


@pytest.fixture
def page(small_env):
    def open_page(rights: Rights, **params: str):
        return small_env(PAGE, params={"regio": REGION, "periode": PERIOD, **params}, rights=rights)

    return open_page


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [frame.value.to_string() for frame in at.dataframe]
    return "\n".join(parts)


def _figure(at: AppTest, name: str) -> str:
    """The value shown on the row of indicator `name` in its lever's table (`| name | **value** ... |`)."""
    rows = [line for m in at.markdown for line in m.value.splitlines() if line.startswith(f"| {name} | ")]
    assert len(rows) == 1, rows
    return re.match(r"\*\*(.+?)\*\*", rows[0].split(" | ")[1]).group(1)


def test_the_page_opens_on_the_first_provider_by_name(page):
    at = page(CONTRACT_MANAGER)
    assert not at.exception
    assert at.selectbox(key="partner_provider").value == "P5"  # De Brug: first of the IJmond providers
    assert at.selectbox(key="partner_provider").options == [
        "De Brug", "Jeugdzorg Kennemerland", "Kinderpraktijk De Duinen", "Samen Verder"]  # not P4 (elsewhere)


def test_the_page_shows_the_providers_own_figures_the_dutch_way(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    assert not at.exception
    assert _figure(at, "Jeugdigen in zorg") == "600"
    assert _figure(at, "Jeugdigen met hulp zonder verblijf") == "90,0%"


def test_choosing_another_provider_changes_the_figures(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    at.selectbox(key="partner_provider").set_value("P3").run()
    assert not at.exception
    assert _figure(at, "Jeugdigen in zorg") == "234"
    assert _figure(at, "Jeugdigen met hulp zonder verblijf") == "100,0%"
    assert at.query_params["partner"] == "P3"


def test_a_link_with_a_provider_opens_that_provider(page):
    at = page(CONTRACT_MANAGER, partner="P3")
    assert at.selectbox(key="partner_provider").value == "P3"
    assert "**Samen Verder**" in at.markdown[0].value


def test_peers_in_the_same_perceel_are_compared_by_name(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    at.segmented_control(key="partner_peers_lever").set_value("diagnostics").run()
    peers = at.dataframe[0].value  # Data en informatie: provider × indicator
    # P1 is complex: its peers are the complex providers of IJmond (P3 works in both percelen);
    # P2 and P5 (enkelvoudig) and P4 (Zuid-Kennemerland only) are not among them.
    assert list(peers["Aanbieder"]) == ["Jeugdzorg Kennemerland (deze aanbieder)", "Samen Verder"]
    assert list(peers["Jeugdigen in zorg"]) == ["600", "234"]


def test_the_dialogue_log_and_open_actions_are_shown(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    actions, sessions = at.dataframe[1].value, at.dataframe[2].value
    assert list(sessions["Onderwerp"]) == ["onderwijs en jeugdhulp", "acceptatieplicht"]
    assert list(sessions["Aanbieder"]) == ["regiobreed", "Jeugdzorg Kennemerland"]
    assert list(actions["Actie"]) == ["wachtlijst doorlichten"]
    assert list(actions["Over de deadline"]) == [True]
    assert any("1 van de 1 openstaande acties" in w.value for w in at.warning)


def test_the_agenda_of_one_partner_lists_what_its_norms_judge(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    items = [m.value for m in at.markdown if m.value[:3] in ("1. ", "2. ")]
    # acties_verlopen: 1 overdue action against norm 0 + marge 2 → oranje. Theme 17 not discussed.
    # themadekking (2 of 18 themes, 11,1%) would be rood against the region's 75 − 10, but a region norm
    # does not judge one provider's theme coverage (indicators.md: per aanbieder "nee"), so it is grijs.
    assert "Acties over de deadline" in items[0] and ":orange-badge[:material/warning: let op]" in items[0]
    assert not any("Besproken dialoogthema's" in item for item in items)


def test_a_provider_user_sees_only_itself_and_no_peer_it_could_recognise(page):
    at = page(Rights("aanbieder", regions=("IJmond",), providers=("P1",)), partner="P3")
    assert not at.exception
    assert at.selectbox(key="partner_provider").options == ["Jeugdzorg Kennemerland"]  # P1 only
    assert _figure(at, "Jeugdigen in zorg") == "600"
    # P1's perceel complex holds one other provider (P3): "aanbieder A" would be P3 for sure, so
    # no peer figures at all — not its name, not its code, not its 234 youths.
    shown = _texts(at)
    assert "Samen Verder" not in shown and "P3" not in shown and "234" not in shown
    assert any("Te weinig andere aanbieders" in c.value for c in at.caption)


def test_a_missing_signal_or_action_reads_as_a_dash_not_none(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    sessions = at.dataframe[2].value
    # The region-wide session of 15-10-2026 has no signal and no action; P1's has no signal.
    assert list(sessions["Signaal"]) == ["–", "–"]
    assert list(sessions["Actie"]) == ["–", "wachtlijst doorlichten"]
    assert "None" not in sessions.to_string()


def test_the_dialogue_tables_wrap_long_texts_and_give_names_and_dates_room(page):
    at = page(CONTRACT_MANAGER, partner="P1")
    peers, actions, sessions = at.dataframe[0], at.dataframe[1], at.dataframe[2]
    assert json.loads(peers.proto.columns)["Aanbieder"]["width"] >= 200  # "Jeugdzorg Kennemerland (deze aanbieder)"
    for table in (actions, sessions):
        assert table.proto.row_height > 64  # Streamlit wraps text only in rows taller than 4rem
        widths = {name: column.get("width") for name, column in json.loads(table.proto.columns).items()
                  if name != "_index"}
        assert set(widths) == set(table.value.columns) and all(widths.values())  # every column sized
        assert sum(widths.values()) <= 980  # the page's width at 1440 px: nothing scrolls out of sight
        assert widths["Deadline"] >= 85 and widths["Aanbieder"] >= 110 and widths["Actie"] >= 140
