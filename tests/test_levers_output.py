"""`python -m levers report` and `agenda` print byte for byte what the stored fixture holds.

The fixture (tests/fixtures/levers_output.json.gz) is the output of the regional demo for every
region × {a month, a quarter, a year} × {no filter, a perceel, one provider}; see
tests/fixtures/levers_output.py for how to regenerate it after a deliberate change.
"""

import pytest

from tests.fixtures.levers_output import load_fixture, outputs

EXPECTED = load_fixture()


@pytest.fixture(scope="module")
def found(levers_demo_path):
    return outputs(levers_demo_path)


def test_the_fixture_covers_four_regions_three_periods_three_filters_and_both_commands():
    # 4 demo regions × 3 periods × 3 filters × 2 commands, counted by hand.
    assert len(EXPECTED) == 4 * 3 * 3 * 2
    assert {case.split()[0] for case in EXPECTED} == {"report", "agenda"}


def test_every_case_is_computed_again(found):
    assert sorted(found) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_output_is_byte_identical_to_the_fixture(found, case):
    assert found[case] == EXPECTED[case]
