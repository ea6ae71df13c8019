"""Jeugdhulp monitor — the router: who is this user, which pages may they open, run the chosen one.

Start with `streamlit run dashboard.py`. A missing database is built from demo data first.
"""

import streamlit as st

from views import components, db, login, navigation
from wording import texts

st.set_page_config(page_title=texts.APP_TITLE, page_icon=texts.APP_ICON, layout="wide")
components.page_style()
if not db.exists():
    components.build_demo_with_progress(db.ensure_demo)
rights = login.gate()  # nobody identified: the login screen, and the run stops here
st.navigation(navigation.pages(rights)).run()  # only the role's pages: others are not even reachable by URL
