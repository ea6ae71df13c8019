"""The share link: the current page's address with the selection as query string."""

from views.components import badge_markdown, share_url

PARAMS = {"regio": "IJmond", "gemeente": ["GM0453", "GM0375"], "perceel": "complex", "aanbieder": [],
          "periode": "2026-10"}


def test_the_share_url_keeps_the_page_and_adds_the_selection():
    url = share_url("https://monitor.example.nl/kaders", PARAMS)
    assert url == ("https://monitor.example.nl/kaders?regio=IJmond&gemeente=GM0453&gemeente=GM0375"
                   "&perceel=complex&periode=2026-10")


def test_the_share_url_replaces_an_old_query_string():
    assert share_url("http://localhost:8501/?regio=Oud", {"regio": "IJmond"}) == "http://localhost:8501/?regio=IJmond"


def test_a_region_name_with_a_space_is_encoded():
    assert share_url("http://localhost:8501/", {"regio": "Helmond-De Peel"}) == (
        "http://localhost:8501/?regio=Helmond-De+Peel"
    )


def test_an_inline_badge_says_what_the_status_means():
    assert badge_markdown("rood") == ":red-badge[:material/error: buiten de norm]"
    assert badge_markdown("groen") == ":green-badge[:material/check_circle: op koers]"
