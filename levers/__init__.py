"""The four levers of control: indicators computed in DuckDB for a scope and a period.

Pure functions over a DuckDB connection; nothing here imports streamlit.
"""
