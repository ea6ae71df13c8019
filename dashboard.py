"""Jeugdhulp monitor — the router: who is this user, which pages may they open, run the chosen one.

Start with `streamlit run dashboard.py`. A missing database is built from demo data first.
"""

import streamlit as st

from views import chart_code, first_start
from views.plain import plain
from wording import texts

st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
chart_code.load_early()  # the browser loads plotly while Python imports and computes
first_start.demo_if_missing()  # a progress bar before the heavy imports below

from views import components, login, navigation  # noqa: E402

components.page_style()
rights = login.gate()  # nobody identified: the login screen, and the run stops here
pages = navigation.pages(rights)
if wanted := navigation.unknown_page(pages):  # instead of Streamlit's English "Page not found"
    st.warning(texts.PAGE_UNKNOWN.format(page=plain(wanted[:40])), icon=":material/explore_off:")
st.navigation(pages).run()  # only the role's pages: others are not even reachable by URL
