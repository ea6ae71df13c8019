"""The Streamlit views: pages, widgets and formatting. They call levers, never SQL or duckdb."""
