"""Exports of shown tables: CSV (Dutch Excel flavour) and XLSX, safe to open in a spreadsheet.

Pure functions without Streamlit, so that tests can read the exported bytes back.
"""
