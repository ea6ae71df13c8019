"""`python -m levers report --nl`: the machine report with Dutch numbers, for a reader's spreadsheet.

The report itself stays the machine format (decimal point, comma-separated; commands/report.py), which BI
tools read. A Dutch spreadsheet reads `48.50` as 4850 and splits on `;`: this writes the same rows with a
decimal comma and `;` between the fields, as the dashboard's own CSV exports do (exports/tables.py).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from exports.tables import CSV_SEPARATOR

NUMBER_FIELDS = ("waarde", "norm", "marge", "noemer", "landelijk")
_DECIMAL = re.compile(r"-?\d+\.\d+")


def dutch(rows: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """The rows with a decimal comma in their number fields ('48.50' → '48,50'); `<5` and text as they are."""
    return [{name: value.replace(".", ",") if name in NUMBER_FIELDS and _DECIMAL.fullmatch(value) else value
             for name, value in row.items()} for row in rows]


def write_csv(rows: Iterable[Mapping[str, str]], columns: Sequence[str], out: TextIO) -> None:
    """Semicolon-separated, header first, numbers with a decimal comma."""
    writer = csv.DictWriter(out, fieldnames=list(columns), delimiter=CSV_SEPARATOR, lineterminator="\n")
    writer.writeheader()
    writer.writerows(dutch(rows))
