"""`python -m levers report|agenda ...`: hands over to commands.levers (every command line sits on top)."""

import sys

from commands.levers import main

if __name__ == "__main__":
    sys.exit(main())
