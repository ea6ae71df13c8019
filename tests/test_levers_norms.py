from datetime import date

import pytest

from levers import suppression
from levers.norms import (
    AMBER, GREEN, GREY, RED, Norm, Norms, norms_in_force, resolve_norm, status,
)
from levers.reasons import Reason
from levers.registry import indicator
from levers.scope import Period, Scope
from tests.builders import add_norm, add_trajectory

OCTOBER = Period.parse("2026-10")


def test_without_uploaded_norm_the_catalogue_default_applies(empty_db):
    # indicators.md: wachttijd_mediaan 42 (14).
    norm = resolve_norm(empty_db, "wachttijd_mediaan", Scope(regions="IJmond"), OCTOBER)
    assert norm == Norm(42.0, 14.0, is_default=True)


def test_an_indicator_without_default_has_no_norm(empty_db):
    assert resolve_norm(empty_db, "unieke_jeugdigen", Scope(regions="IJmond"), OCTOBER) is None


def _uploaded_norms(con):
    """One norm of each specificity for uitval in 2026, plus decoys of another year and indicator."""
    add_norm(con, indicator="uitval", year=2026, norm=20, margin=4)  # neither
    add_norm(con, indicator="uitval", year=2026, norm=21, margin=4, lot="complex")  # perceel
    add_norm(con, indicator="uitval", year=2026, norm=22, margin=4, provider="P1")  # aanbieder
    add_norm(con, indicator="uitval", year=2026, norm=23, margin=4, lot="complex", provider="P1")  # both
    add_norm(con, indicator="uitval", year=2025, norm=99, margin=1, lot="complex", provider="P1")
    add_norm(con, indicator="volgens_plan", year=2026, norm=98, margin=1, lot="complex", provider="P1")


@pytest.mark.parametrize(
    ("lot", "providers", "expected"),
    [
        (None, (), 20),  # both percelen, all providers: only the general norm applies
        ("complex", (), 21),  # perceel beats neither
        ("enkelvoudig", (), 20),  # the complex norm does not apply to enkelvoudig
        (None, ("P1",), 22),  # aanbieder beats neither
        ("complex", ("P1",), 23),  # aanbieder + perceel beats everything
        ("enkelvoudig", ("P1",), 22),  # aanbieder beats neither when its perceel norm does not apply
        ("complex", ("P2",), 21),  # another provider's norm does not apply
        ("complex", ("P1", "P2"), 21),  # several providers: no single provider, so no provider norm
    ],
)
@pytest.mark.parametrize("loaded_once", [False, True])
def test_the_most_specific_uploaded_norm_wins(empty_db, lot, providers, expected, loaded_once):
    _uploaded_norms(empty_db)
    scope = Scope(regions="IJmond", lot=lot, providers=providers)
    if loaded_once:
        norm = Norms.load(empty_db).resolve("uitval", scope, OCTOBER)
    else:
        norm = resolve_norm(empty_db, "uitval", scope, OCTOBER)
    assert norm == Norm(float(expected), 4.0, is_default=False)


def test_between_equally_specific_norms_the_latest_upload_wins(empty_db):
    add_norm(empty_db, indicator="uitval", year=2026, norm=20)
    empty_db.execute("update norms set upload_id = 1")
    add_norm(empty_db, indicator="uitval", year=2026, norm=30)
    empty_db.execute("update norms set upload_id = 2 where norm = 30")
    assert resolve_norm(empty_db, "uitval", Scope(regions="IJmond"), OCTOBER).norm == 30.0


def test_norms_loaded_once_are_a_snapshot_that_the_next_load_renews(empty_db):
    # A computation reads the norms once: a norm added later is seen by the next load only.
    scope = Scope(regions="IJmond")
    norms = Norms.load(empty_db)
    assert norms.resolve("uitval", scope, OCTOBER).is_default
    add_norm(empty_db, indicator="uitval", year=2026, norm=12)
    assert norms.resolve("uitval", scope, OCTOBER).is_default
    assert resolve_norm(empty_db, "uitval", scope, OCTOBER).norm == 12.0


def test_an_uploaded_norm_applies_in_the_year_of_p_end_only(empty_db):
    _uploaded_norms(empty_db)
    scope = Scope(regions="IJmond", lot="complex", providers=("P1",))
    assert resolve_norm(empty_db, "uitval", scope, Period.parse("2025-K4")).norm == 99.0
    # 2027 has no upload: the catalogue default uitval 15 (5).
    assert resolve_norm(empty_db, "uitval", scope, Period.parse("2027")) == Norm(15.0, 5.0, is_default=True)


def test_an_uploaded_norm_without_marge_has_marge_zero(empty_db):
    empty_db.execute("insert into norms (indicator, year, norm) values ('uitval', 2026, 12)")
    assert resolve_norm(empty_db, "uitval", Scope(regions="IJmond"), OCTOBER) == Norm(12.0, 0.0, is_default=False)


@pytest.mark.parametrize(
    ("value", "norm", "margin", "better", "expected"),
    [
        # lower is better, norm 42 marge 14: groen ≤ 42, oranje ≤ 42 + 14 = 56, rood beyond
        (30, 42, 14, "lower", GREEN),
        (42, 42, 14, "lower", GREEN),  # exactly the norm
        (42.5, 42, 14, "lower", AMBER),  # just over the norm, inside the marge
        (56, 42, 14, "lower", AMBER),  # exactly norm + marge
        (56.01, 42, 14, "lower", RED),  # just outside the marge
        (0, 0, 0, "lower", GREEN),  # weigeringen: none is groen
        (1, 0, 0, "lower", RED),  # any refusal is rood
        # higher is better, norm 90 marge 3: groen ≥ 90, oranje ≥ 90 − 3 = 87, rood below
        (95, 90, 3, "higher", GREEN),
        (90, 90, 3, "higher", GREEN),  # exactly the norm
        (89, 90, 3, "higher", AMBER),  # inside the marge
        (87, 90, 3, "higher", AMBER),  # exactly norm − marge
        (86.99, 90, 3, "higher", RED),  # just outside the marge
        (0.57 * 100, 57, 0, "higher", GREEN),  # 56.99999999999999 in floating point is the norm 57
        (1.5, 1.3, 0.2, "lower", AMBER),  # 1.3 + 0.2 = 1.5 exactly: the edge of the marge
    ],
)
def test_status_of_a_value_against_its_norm(value, norm, margin, better, expected):
    assert status(value, Norm(norm, margin, is_default=False), better) == expected


@pytest.mark.parametrize(
    ("value", "norm", "better"),
    [(None, Norm(1, 0, True), "lower"), (3.0, None, "lower"), (3.0, Norm(1, 0, True), None)],
)
def test_status_is_grey_without_value_norm_or_direction(value, norm, better):
    assert status(value, norm, better) == GREY


def test_norm_year_follows_p_end_of_a_quarter(empty_db):
    # 2026-K4 ends on 2026-12-31: the 2026 norm applies.
    add_norm(empty_db, indicator="uitval", year=2026, norm=11)
    period = Period.parse("2026-K4")
    assert period.end == date(2026, 12, 31)
    assert resolve_norm(empty_db, "uitval", Scope(regions="IJmond"), period).norm == 11.0


def _in_force(con, code: str) -> list[tuple]:
    return [(n.lot, n.provider, n.norm, n.margin, n.is_default) for n in norms_in_force(con, 2026) if n.code == code]


def test_norms_in_force_list_the_default_until_an_uploaded_general_norm_replaces_it(empty_db):
    # wachttijd_mediaan: catalogue 42 (14); a norm for perceel complex only does not replace it.
    add_norm(empty_db, indicator="wachttijd_mediaan", year=2026, norm=35, margin=7, lot="complex")
    assert _in_force(empty_db, "wachttijd_mediaan") == [(None, None, 42.0, 14.0, True),
                                                        ("complex", None, 35.0, 7.0, False)]
    add_norm(empty_db, indicator="wachttijd_mediaan", year=2026, norm=30, margin=5)
    assert _in_force(empty_db, "wachttijd_mediaan") == [(None, None, 30.0, 5.0, False),
                                                        ("complex", None, 35.0, 7.0, False)]


def test_norms_in_force_show_the_latest_upload_of_the_same_norm_as_resolve_norm_picks_it(empty_db):
    empty_db.execute("insert into norms (indicator, year, lot, provider, norm, margin, upload_id) "
                     "values ('zonder_verblijf', 2026, null, null, 85, 2, 1), "
                     "('zonder_verblijf', 2026, null, null, 88, 3, 2), ('zonder_verblijf', 2025, null, null, 70, 1, 3)")
    assert _in_force(empty_db, "zonder_verblijf") == [(None, None, 88.0, 3.0, False)]  # upload 2 is the latest of 2026
    assert resolve_norm(empty_db, "zonder_verblijf", Scope("IJmond"), OCTOBER).norm == 88.0


# --- norms belong to a region (csv-contract.md kind 6) ---------------------------------------------------------

def _regional_norms(con):
    add_norm(con, indicator="zonder_verblijf", year=2026, norm=80, margin=2, region="IJmond")  # IJmond's own
    add_norm(con, indicator="uitval", year=2026, norm=12, margin=1)  # an empty-regio default
    add_norm(con, indicator="uitval", year=2026, norm=11, margin=1, provider="P1")  # a more specific default
    add_norm(con, indicator="uitval", year=2026, norm=20, margin=2, region="Achterhoek")  # Achterhoek's own


@pytest.mark.parametrize(("code", "scope", "expected"), [
    ("zonder_verblijf", Scope("IJmond"), Norm(80.0, 2.0, is_default=False)),
    ("zonder_verblijf", Scope("Achterhoek"), Norm(90.0, 3.0, is_default=True)),  # IJmond's norm is not its own
    ("uitval", Scope("IJmond"), Norm(12.0, 1.0, is_default=False)),  # no own norm: the empty-regio default
    ("uitval", Scope("IJmond", providers=("P1",)), Norm(11.0, 1.0, is_default=False)),
    ("uitval", Scope("Achterhoek"), Norm(20.0, 2.0, is_default=False)),  # its own before the defaults
    ("uitval", Scope("Achterhoek", providers=("P1",)), Norm(20.0, 2.0, is_default=False)),  # even less specific
])
def test_a_scope_takes_its_regions_norm_then_the_empty_regio_default_then_the_built_in_one(
        empty_db, code, scope, expected):
    _regional_norms(empty_db)
    assert resolve_norm(empty_db, code, scope, OCTOBER) == expected


def test_a_norm_uploaded_for_ijmond_does_not_change_achterhoeks_status(empty_db):
    add_norm(empty_db, indicator="zonder_verblijf", year=2026, norm=80, margin=2, region="IJmond")
    # 88 % zonder verblijf: Achterhoek keeps the default 90 (3): oranje; IJmond's own 80 makes it groen
    assert status(88.0, resolve_norm(empty_db, "zonder_verblijf", Scope("Achterhoek"), OCTOBER), "higher") == AMBER
    assert status(88.0, resolve_norm(empty_db, "zonder_verblijf", Scope("IJmond"), OCTOBER), "higher") == GREEN


@pytest.fixture
def one_provider_db(empty_db, monkeypatch):
    """Provider P1 in Velsen, October 2026: persons a, b, c, d active; c has a stay, so 3 of 4 are
    zonder verblijf (75 %); endings a 31, b 32, d 31, so uitval 1 of 3 (33,3 %)."""
    monkeypatch.setattr(suppression, "SMALL_COUNT_LIMIT", 0)
    monkeypatch.setattr(suppression, "MIN_DENOMINATOR", 0)
    add_trajectory(empty_db, client="a", start=date(2026, 1, 1), end=date(2026, 10, 10), reason=31)
    add_trajectory(empty_db, client="b", start=date(2026, 1, 1), end=date(2026, 10, 12), reason=32)
    add_trajectory(empty_db, client="c", start=date(2026, 5, 1), category=37)
    add_trajectory(empty_db, client="d", start=date(2026, 2, 1), end=date(2026, 10, 20), reason=31)
    return empty_db


@pytest.mark.parametrize(("providers", "norm_rows", "code", "expected"), [
    # the region: zonder_verblijf 75 against the default 90 (3) is rood; uitval 33,3 against 15 (5) rood
    ((), [], "zonder_verblijf", (75.0, RED, None)),
    ((), [], "uitval", (100 / 3, RED, None)),
    # one provider: the region norm does not judge its zonder_verblijf, but does judge its uitval
    (("P1",), [], "zonder_verblijf", (75.0, GREY, Reason.REGION_NORM_NOT_PER_PROVIDER)),
    (("P1",), [], "uitval", (100 / 3, RED, None)),
    # nor does an uploaded region norm; a norm naming the provider does: 75 ≥ 70 is groen
    (("P1",), [{"region": "IJmond"}], "zonder_verblijf", (75.0, GREY, Reason.REGION_NORM_NOT_PER_PROVIDER)),
    (("P1",), [{"provider": "P1"}], "zonder_verblijf", (75.0, GREEN, None)),
    (("P1",), [{"provider": "P1", "region": "IJmond"}], "zonder_verblijf", (75.0, GREEN, None)),
])
def test_a_region_norm_greys_zonder_verblijf_for_one_provider_but_judges_its_uitval(
        one_provider_db, providers, norm_rows, code, expected):
    for row in norm_rows:
        add_norm(one_provider_db, indicator="zonder_verblijf", year=2026, norm=70, **row)
    result = indicator(one_provider_db, code, Scope("IJmond", providers=providers), OCTOBER)
    assert (result.value, result.status, result.reason) == (pytest.approx(expected[0]), expected[1], expected[2])
