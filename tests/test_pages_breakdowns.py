"""The breakdowns of issue 13 on the lever pages (small fixture database, IJmond, oktober 2026)."""

from levers.price_volume import price_volume
from data.store.db import connect
from levers.scope import Period, Scope

IJMOND_OCTOBER = {"regio": "IJmond", "periode": "2026-10"}


def test_kaders_shows_price_and_volume_with_a_row_per_perceel(small_app):
    app = small_app("views/pages/boundaries.py", params=IJMOND_OCTOBER)
    assert not app.exception
    assert "Jeugdigen en kosten per jeugdige" in [header.value for header in app.subheader]
    table = app.dataframe[-1].value
    assert list(table.columns)[:1] == ["Perceel"]
    assert list(table.columns)[-4:] == ["Verschil", "Meer/minder jeugdigen", "Kosten per jeugdige",
                                        "Lumpsum (apart)"]


def test_the_kaders_table_can_be_split_per_municipality(small_app):
    app = small_app("views/pages/boundaries.py", params=IJMOND_OCTOBER)
    app.radio(key="price_volume_by").set_value("gemeente").run()
    table = app.dataframe[-1].value
    assert table.columns[0] == "Gemeente"
    assert {"Velsen", "Beverwijk", "Heemskerk"} <= set(table["Gemeente"])


def test_data_en_informatie_shows_started_trajectories_by_referrer(small_app):
    app = small_app("views/pages/diagnostics.py", params=IJMOND_OCTOBER)
    assert not app.exception
    assert "Gestarte trajecten per verwijzer" in [header.value for header in app.subheader]
    table = app.dataframe[-1].value
    assert list(table.columns) == ["Verwijzer", "Aantal okt 2026", "Aandeel okt 2026", "Aantal okt 2025",
                                   "Aandeel okt 2025"]


def test_kaders_says_the_split_is_voorlopig_while_its_month_still_gets_declarations(small_app):
    # the small database holds kosten January-October 2026: augustus-oktober are voorlopig, juni is not
    october = small_app("views/pages/boundaries.py", params=IJMOND_OCTOBER)
    expected = ("Voorlopig: declaraties t/m okt 2026 mogelijk onvolledig: de uitgaven van oktober 2026 kunnen nog "
                "stijgen, en daarmee dit verschil")
    assert expected in [caption.value for caption in october.caption]
    june = small_app("views/pages/boundaries.py", params={"regio": "IJmond", "periode": "2026-06"})
    assert not any("kunnen nog stijgen" in caption.value for caption in june.caption)
