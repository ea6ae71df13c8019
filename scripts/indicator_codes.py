"""Write data/reference/indicatoren.csv from the catalogue: `python scripts/indicator_codes.py`.

The store checks uploaded `normen` against that list without importing levers (data comes first in
the package order); tests/test_levers_catalogue_declared_once.py keeps the committed file equal to this.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from levers.catalogue import codes_csv  # noqa: E402  (after the path above)

TARGET = ROOT / "data" / "reference" / "indicatoren.csv"

if __name__ == "__main__":
    TARGET.write_text(codes_csv(), encoding="utf-8", newline="")
    print(f"{TARGET.relative_to(ROOT)}: {codes_csv().count(chr(10)) - 1} codes")
