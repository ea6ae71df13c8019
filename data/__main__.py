"""`python -m data demo|load|template|users ...`: hands over to commands.data (every command line sits on top)."""

import sys

from commands.data import main

if __name__ == "__main__":
    sys.exit(main())
