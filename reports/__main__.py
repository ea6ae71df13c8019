"""`python -m reports council|agenda ...`: hands over to commands.reports (every command line sits on top)."""

import sys

from commands.reports import main

if __name__ == "__main__":
    sys.exit(main())
