"""The Streamlit views: pages and widgets. They call levers and wording, never SQL or duckdb."""
