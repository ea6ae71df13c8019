"""One file per page; `st.navigation` in dashboard.py runs them."""
