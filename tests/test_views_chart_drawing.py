"""How a page hands its charts to the browser: to read, not to edit, so light to draw."""

import json


def test_a_lever_page_chart_has_no_mode_bar_and_no_scroll_or_double_click_zoom(small_app):
    app = small_app("views/pages/boundaries.py", params={"regio": "IJmond", "periode": "2026-10"})
    charts = app.get("plotly_chart")
    assert charts  # the open trend tabs draw their charts
    config = json.loads(charts[0].proto.config)
    assert config["displayModeBar"] is False
    assert config["scrollZoom"] is False and config["doubleClick"] is False

