"""Every command line of the monitor, on top of the packages it drives.

`python -m data|levers|reports` start here through their `__main__.py` shims; no package below
imports this one (tests/test_layers.py).
"""
