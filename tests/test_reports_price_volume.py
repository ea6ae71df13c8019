"""The council report's price and volume table (issue 13 §3), on the hand-made data of
tests/test_levers_price_volume.py: March 2024 against March 2023 in IJmond."""

from datetime import date

from figures.figures import of_connection
from levers.scope import Period, Scope
from reports.council import council_report
from reports.council_pdf import council_pdf
from tests.fixtures.small_demo import pdf_text
from tests.test_levers_price_volume import spending_db  # noqa: F401 (a fixture)


def test_the_council_report_splits_the_change_in_spending_per_municipality(spending_db):  # noqa: F811
    report = council_report(of_connection(spending_db), Scope("IJmond"), Period.parse("2024-03"),
                            made_on=date(2024, 4, 10))
    text = pdf_text(council_pdf(report))
    assert "Jeugdigen en kosten per jeugdige" in text
    # whole scope: + 3.700,00 = + 2.538,46 volume + 1.161,54 price (worked out in the lever test)
    assert ("De uitgaven veranderden met + € 3.700,00: + € 2.538,46 door meer jeugdigen, + € 1.161,54 door hogere "
            "kosten per jeugdige") in " ".join(text.split())
    # Velsen: 10 -> 12 youths, € 10.000 -> € 13.200: volume + € 2.000,00, price + € 1.200,00
    assert "Velsen 10 12 € 10.000,00 € 13.200,00 + € 3.200,00 + € 2.000,00 + € 1.200,00" in " ".join(text.split())
    # Beverwijk: fewer than 10 youths, no split, counts as <5
    assert "Beverwijk <5 <5 € 1.000,00 € 1.500,00 + € 500,00 – –" in " ".join(text.split())


def test_the_council_reports_table_shows_the_lump_sums_change_in_a_column_of_its_own(spending_db):  # noqa: F811
    from tests.builders import add_cost

    add_cost(spending_db, month=date(2024, 3, 1), amount=600.00, kind="lumpsum")  # Velsen: none in March 2023
    report = council_report(of_connection(spending_db), Scope("IJmond"), Period.parse("2024-03"),
                            made_on=date(2024, 4, 10))
    text = " ".join(pdf_text(council_pdf(report)).split())
    assert "Lumpsum" in text and "(apart)" in text  # the header's two lines
    # Velsen: € 10.000 -> € 13.800 = + € 2.000 youths + € 1.200 cost per youth (declarations) + € 600 lump sum
    assert "Velsen 10 12 € 10.000,00 € 13.800,00 + € 3.800,00 + € 2.000,00 + € 1.200,00 + € 600,00" in text


def test_the_council_report_says_when_the_compared_month_still_gets_declarations(spending_db):  # noqa: F811
    from tests.builders import add_cost

    def words(made_on):
        report = council_report(of_connection(spending_db), Scope("IJmond"), Period.parse("2024-03"), made_on=made_on)
        return " ".join(pdf_text(council_pdf(report)).split())

    # kosten through april 2024 (the fixture's last): februari-april are voorlopig, so March is
    assert ("Voorlopig: declaraties t/m apr 2024 mogelijk onvolledig: de uitgaven van maart 2024 kunnen nog "
            "stijgen, en daarmee dit verschil.") in words(date(2024, 5, 10))
    add_cost(spending_db, month=date(2024, 6, 1), amount=1.00)  # kosten through juni: April-June voorlopig, March final
    assert "kunnen nog stijgen" not in words(date(2024, 7, 10))
