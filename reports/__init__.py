"""Documents for people outside the dashboard: the conversation agenda and the council report.

Pure functions: they read through the levers (never raw rows, so suppression holds) and return
bytes (PDF or Markdown); no Streamlit. Pages offer them as downloads.
"""
