"""Every indicator family, by name (the catalogue entries' `family`): one module per family.

A family module declares its SQL file, the frozen record of that query's columns and `build`; it
quotes the definitions of the indicators it computes in its docstring (tests/test_levers_docs.py).
Adding an indicator to a family touches its catalogue entry, the family module and its SQL file.
"""

from __future__ import annotations

from levers.families import (
    budget, care_use, caseload, delivery, dialogues, education_dialogue, goals, provider_level, recurrence,
    referrals, volume_growth, waiting_list, waiting_times,
)
from levers.family import Family

FAMILIES: dict[str, Family] = {
    module.FAMILY.name: module.FAMILY
    for module in (
        care_use, waiting_times, waiting_list, recurrence, education_dialogue, provider_level, budget, volume_growth,
        caseload, goals, referrals, dialogues, delivery,
    )
}
