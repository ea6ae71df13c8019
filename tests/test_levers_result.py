import pytest

from levers.reasons import Reason
from levers.result import (
    make_result,
)
from levers.norms import resolve_norm
from levers.scope import Period, Scope
from tests.builders import add_norm

SCOPE = Scope(regions="IJmond")
OCTOBER = Period.parse("2026-10")


def _result(con, code, value, denominator=None, **kwargs):
    return make_result(code, value, denominator, norm=resolve_norm(con, code, SCOPE, OCTOBER), **kwargs)


def test_a_result_carries_the_catalogue_entry_and_its_norm(empty_db):
    # wachttijd_mediaan: 50 days against 42 (14) → 42 < 50 ≤ 56: oranje.
    result = _result(empty_db, "wachttijd_mediaan", 50, 20)
    assert (result.code, result.lever, result.unit) == ("wachttijd_mediaan", "shared_values", "dagen")
    assert result.better == "lower"
    assert (result.value, result.norm, result.margin, result.status) == (50.0, 42.0, 14.0, "oranje")
    assert (result.reason, result.is_suppressed, result.denominator) == (None, False, 20.0)


def test_a_result_uses_the_uploaded_norm(empty_db):
    # uploaded 2026 norm 60 (0): 50 ≤ 60 → groen.
    add_norm(empty_db, indicator="wachttijd_mediaan", year=2026, norm=60)
    result = _result(empty_db, "wachttijd_mediaan", 50, 20)
    assert (result.norm, result.margin, result.status) == (60.0, 0.0, "groen")


@pytest.mark.parametrize(("count", "label"), [(1, "<5"), (4, "<5")])
def test_small_counts_are_shown_as_less_than_five_and_grey(empty_db, count, label):
    result = _result(empty_db, "instroom", count)
    assert (result.value, result.value_label, result.is_suppressed) == (None, label, True)
    assert (result.status, result.reason) == ("grijs", Reason.SMALL_COUNT)


@pytest.mark.parametrize("count", [0, 5])
def test_zero_and_five_are_shown_exactly(empty_db, count):
    result = _result(empty_db, "instroom", count)
    assert (result.value, result.value_label, result.is_suppressed) == (float(count), None, False)


def test_refusals_are_suppressed_but_keep_their_red_status(empty_db):
    # weigeringen 0 (0): 2 refusals > 0 → rood, shown as <5.
    result = _result(empty_db, "weigeringen", 2)
    assert (result.value, result.value_label, result.status, result.reason) == (None, "<5", "rood", None)


@pytest.mark.parametrize(("denominator", "is_hidden"), [(9, True), (10, False)])
def test_a_ratio_over_fewer_than_ten_is_hidden_and_grey(empty_db, denominator, is_hidden):
    # volgens_plan 80% ≥ 75 → groen when shown.
    result = _result(empty_db, "volgens_plan", 80, denominator)
    assert (result.value is None, result.is_suppressed) == (is_hidden, is_hidden)
    assert result.status == ("grijs" if is_hidden else "groen")
    assert result.reason == (Reason.TOO_FEW_OBSERVATIONS if is_hidden else None)
    assert result.value_label is None


@pytest.mark.parametrize(("denominator", "shown", "label"), [(3, None, "<5"), (0, 0.0, None), (12, 12.0, None)])
def test_a_denominator_follows_the_count_rule(empty_db, denominator, shown, label):
    result = _result(empty_db, "gemiddelde_duur", 100, denominator)
    assert (result.denominator, result.denominator_label) == (shown, label)


def test_unprotected_figures_are_never_suppressed(empty_db):
    # open_acties is a dialogue figure: 3 is shown as 3; certificates likewise.
    assert _result(empty_db, "open_acties", 3).value == 3.0
    assert _result(empty_db, "certificaten", 1).value_label is None


def test_no_value_is_grey_with_a_reason(empty_db):
    missing = _result(empty_db, "uitval", None)
    assert (missing.status, missing.reason) == ("grijs", Reason.NO_DATA)
    given = _result(empty_db, "jeugdhulp_per_1000", None, reason=Reason.PROVIDER_FILTER)
    assert given.reason == Reason.PROVIDER_FILTER


def test_no_norm_is_grey_with_a_reason(empty_db):
    result = _result(empty_db, "kosten_per_jeugdige", 5000.0, 40)
    assert (result.value, result.status, result.reason) == (5000.0, "grijs", Reason.NO_NORM)


def test_a_status_override_is_kept_unless_the_value_is_suppressed(empty_db):
    assert _result(empty_db, "certificaten", 0, status_override="oranje").status == "oranje"
    assert _result(empty_db, "volgens_plan", 80, 4, status_override="rood").status == "grijs"
