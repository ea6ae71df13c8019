"""`python -m levers report --nl`: the same rows with Dutch numbers (exports.report_nl; issue 23)."""

import io

from exports.report_nl import dutch, write_csv


def test_numbers_get_a_decimal_comma_and_text_stays_as_it_is():
    rows = [{"code": "x", "naam": "Kosten, totaal", "waarde": "1436.40", "norm": "90.00", "marge": "",
             "noemer": "123", "landelijk": "-2.50", "reden": "versie 1.2 van de norm"}]
    assert dutch(rows) == [{"code": "x", "naam": "Kosten, totaal", "waarde": "1436,40", "norm": "90,00", "marge": "",
                            "noemer": "123", "landelijk": "-2,50", "reden": "versie 1.2 van de norm"}]
    assert dutch([{"waarde": "<5"}]) == [{"waarde": "<5"}]


def test_the_file_is_semicolon_separated_so_a_comma_in_a_name_needs_no_quotes():
    out = io.StringIO()
    write_csv([{"naam": "Kosten, totaal", "waarde": "48.50"}], ("naam", "waarde"), out)
    assert out.getvalue() == "naam;waarde\nKosten, totaal;48,50\n"
