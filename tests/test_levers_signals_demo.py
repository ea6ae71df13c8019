"""signals.md §2 on the regional demo: the last point of every series is the value in the table,
and the headline's last number is that value as shown (issue 10, acceptance 3)."""

import re

import pytest

from data.store import db
from levers.registry import all_indicators
from levers.scope import Period, Scope
from levers.series import all_series
from wording import fmt
from wording.sentences import trend_title

# "Gestegen van A naar B in een jaar", "Gelijk gebleven op B in een jaar", "B in oktober 2026"
_LAST_NUMBER = (re.compile(r"naar (.+) in een jaar$"), re.compile(r"op (.+) in een jaar$"), re.compile(r"^(.+) in [^,;]+$"))


def last_number(headline: str) -> str | None:
    for pattern in _LAST_NUMBER:
        if match := pattern.search(headline):
            return match[1]
    return None


@pytest.fixture(scope="module")
def demo(levers_demo_path):
    con = db.connect(levers_demo_path, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("period", ["2026-10", "2026-K3", "2025"])
@pytest.mark.parametrize("scope", [Scope("IJmond"), Scope("Zuid-Kennemerland", lot="complex")], ids=["IJmond", "ZK"])
def test_the_last_point_of_every_series_is_the_value_in_the_table(demo, scope, period):
    asked = Period.parse(period)
    table = {result.code: result for result in all_indicators(demo, scope, asked)}
    checked = 0
    for trend in all_series(demo, scope, asked):
        result, last = table[trend.code], trend.points[-1]
        assert (last.value, last.value_label) == (result.value, result.value_label), trend.code
        if trend.valued >= 2 and result.value is not None:
            assert last_number(trend_title(result.unit, trend)) == fmt.value(result), trend.code
            checked += 1
    assert checked >= 20  # most indicators have a line and a value in the demo
