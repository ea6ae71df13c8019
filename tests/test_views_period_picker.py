"""The sidebar's period picker in a running page (AppTest on the small fixture database)."""

from datetime import date

from tests.fixtures.small_db import open_app


def test_maand_then_jaar_then_maand_comes_back_to_the_chosen_month(small_env):
    app = open_app(params={"regio": "IJmond", "periode": "2026-10"})
    app.segmented_control(key="filter_soort").set_value("jaar").run()
    complete_year = str(date.today().year - 1)  # the running year is not offered, so the newest complete one
    assert app.selectbox(key="filter_periode").value == complete_year
    app.segmented_control(key="filter_soort").set_value("maand").run()
    assert not app.exception
    assert app.selectbox(key="filter_periode").value == "2026-10"  # not december of that year


def test_after_choosing_another_year_maand_shows_that_years_last_month(small_env, monkeypatch):
    from views import cache

    monkeypatch.setattr(cache, "data_start", lambda: None)  # the small database begins in 2026: allow 2024
    app = open_app(params={"regio": "IJmond", "periode": "2026-10"})
    app.segmented_control(key="filter_soort").set_value("jaar").run()
    app.selectbox(key="filter_periode").set_value("2024").run()
    app.segmented_control(key="filter_soort").set_value("maand").run()
    assert app.selectbox(key="filter_periode").value == "2024-12"


def test_the_picker_offers_no_year_before_the_data_start(small_env):
    app = open_app(params={"regio": "IJmond", "periode": "2026-10"})
    app.segmented_control(key="filter_soort").set_value("jaar").run()
    # the small database's kosten begin in January 2026: every earlier year ends before them, and only the
    # newest complete year stays (2025 in 2026, 2026 from 2027 on)
    assert len(app.selectbox(key="filter_periode").options) == 1
