"""The ninth upload kind `landelijk` (issue 13 §1): CBS reference figures through `python -m data load`.

Every accepted spelling of `gebied` and `periode` is one row of one file, loaded once through the
command line; the table says, worked out by hand, what each row must be stored as.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.fixtures.csv import csv_bytes, run_data_cli

SOURCE = "CBS 85099NED"

# (gebied as written, periode as written) -> (gebied, periode, first day, last day) as stored
FORMS = [
    (("GM0392", "2024"), ("GM0392", "2024", date(2024, 1, 1), date(2024, 12, 31))),
    (("GM0392  ", "2024JJ00"), ("GM0392", "2024", date(2024, 1, 1), date(2024, 12, 31))),
    (("gm0453", "2024-H1"), ("GM0453", "2024-H1", date(2024, 1, 1), date(2024, 6, 30))),
    (("IJmond", "2024-H2"), ("IJmond", "2024-H2", date(2024, 7, 1), date(2024, 12, 31))),
    (("Zuid-Kennemerland", "2024HJ01"), ("Zuid-Kennemerland", "2024-H1", date(2024, 1, 1), date(2024, 6, 30))),
    (("NL", "2024HJ02"), ("NL", "2024-H2", date(2024, 7, 1), date(2024, 12, 31))),
    (("NL01", "2024-K1"), ("NL", "2024-K1", date(2024, 1, 1), date(2024, 3, 31))),
    (("NL01  ", "2024KW03"), ("NL", "2024-K3", date(2024, 7, 1), date(2024, 9, 30))),
    (("nl", "2024-k4"), ("NL", "2024-K4", date(2024, 10, 1), date(2024, 12, 31))),
    (("NL", "2025KW02"), ("NL", "2025-K2", date(2025, 4, 1), date(2025, 6, 30))),
]


def _row(area: str, period: str, value: str = "12,5", indicator: str = "jeugdhulp_per_1000",
         source: str = SOURCE) -> dict[str, str]:
    return {"bron": source, "gebied": area, "periode": period, "indicator": indicator, "waarde": value,
            "definitie": ""}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One file with a row per form, loaded through the CLI; the rows stored, by their row number."""
    folder = tmp_path_factory.mktemp("landelijk")
    good = folder / "cbs.csv"
    # each row its own source, as two spellings of one key in one file are refused as a repeat
    good.write_bytes(csv_bytes([_row(area, period, value=f"{i},5", source=f"{SOURCE} tabel {i}")
                                for i, ((area, period), _) in enumerate(FORMS)]))
    database = folder / "monitor.duckdb"
    first = run_data_cli("load", "--db", str(database), "--kind", "landelijk", str(good))
    again = run_data_cli("load", "--db", str(database), str(good))
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute("select area, period, period_start, period_end, value from national_figures").fetchall()
    return first, again, {value: stored for *stored, value in rows}


def test_a_file_with_every_form_of_gebied_and_periode_is_stored_through_the_command_line(loaded):
    first, _, stored = loaded
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.decode().startswith(f"landelijk: {len(FORMS)} rijen opgeslagen")
    assert len(stored) == len(FORMS)


@pytest.mark.parametrize("index", range(len(FORMS)), ids=[f"{a.strip()}|{p}" for (a, p), _ in FORMS])
def test_each_accepted_form_is_stored_as_its_plain_code_and_period_with_its_first_and_last_day(loaded, index):
    _, _, stored = loaded
    assert tuple(stored[index + 0.5]) == FORMS[index][1]  # the row's waarde 'i,5' is i + 0.5


def test_the_same_file_again_is_ongewijzigd_and_exits_0(loaded):
    _, again, _ = loaded
    assert again.returncode == 0
    assert "ongewijzigd" in again.stdout.decode()


def test_a_wrong_area_period_or_indicator_is_refused_with_row_and_column_and_nothing_is_stored(tmp_path):
    bad = tmp_path / "cbs.csv"
    bad.write_bytes(csv_bytes([
        _row("GM9999", "2024"),                               # row 2: no such municipality
        _row("Atlantis", "2024-H1"),                          # row 3: no such region
        _row("NL", "2024-H3"),                                # row 4: a third half-year
        _row("NL", "2024KW05"),                               # row 5: a fifth quarter
        _row("NL", "1999"),                                   # row 6: before 2000
        _row("NL", "2024", indicator="jeugdhulpgebruik"),     # row 7: not a catalogue code
        _row("NL", "2024", value="11,8%"),                    # row 8: not a number
    ]))
    database = tmp_path / "monitor.duckdb"
    result = run_data_cli("load", "--db", str(database), str(bad))
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        "rij 2, kolom gebied: GM9999 is geen bekend gebied (een gemeentecode zoals GM0392, een jeugdregio of NL)",
        "rij 3, kolom gebied: Atlantis is geen bekend gebied (een gemeentecode zoals GM0392, een jeugdregio of NL)",
        "rij 4, kolom periode: 2024-H3 is geen geldige periode (gebruik JJJJ, JJJJ-H1, JJJJ-K3 "
        "of de CBS-vorm 2024JJ00, 2024HJ01, 2024KW03)",
        "rij 5, kolom periode: 2024KW05 is geen geldige periode (gebruik JJJJ, JJJJ-H1, JJJJ-K3 "
        "of de CBS-vorm 2024JJ00, 2024HJ01, 2024KW03)",
        "rij 6, kolom periode: 1999 ligt buiten de mogelijke jaren (2000 tot en met volgend jaar)",
        "rij 7, kolom indicator: jeugdhulpgebruik is geen indicatorcode uit de catalogus (indicators.md)",
        "rij 8, kolom waarde: 11,8% is geen geldig getal",
    ]
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*) from national_figures").fetchone() == (0,)


def test_a_later_file_replaces_a_figure_with_the_same_source_area_period_and_indicator(tmp_path):
    database = tmp_path / "monitor.duckdb"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(csv_bytes([_row("NL01", "2025HJ01", "11,8"), _row("NL", "2024", "11,1")]))
    second.write_bytes(csv_bytes([_row("NL", "2025-H1", "12,0")]))  # the same key written our way
    assert run_data_cli("load", "--db", str(database), str(first)).returncode == 0
    assert run_data_cli("load", "--db", str(database), str(second)).returncode == 0
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select period, value from national_figures order by period").fetchall() == [
            ("2024", 11.1), ("2025-H1", 12.0)]
