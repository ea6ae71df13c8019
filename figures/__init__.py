"""Figures for every reader: the rights, the peer rule and the kept results between the levers and each output.

Screens (views/), documents (reports/) and command lines ask `figures.figures.Figures`; it sits above
levers, wording, auth and exports and below reports and views, and never imports Streamlit.
"""
