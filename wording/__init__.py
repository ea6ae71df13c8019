"""What a reader reads, below both screens (views/) and paper (reports/): Dutch texts, sentences,
number and date formats, and status colours.

Streamlit-free and SQL-free, so the dashboard and the documents say the same thing in the same way.
It sits on top of levers/ (it words their results); views/ and reports/ import it, never the reverse.
"""
