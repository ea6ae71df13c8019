"""A process change entered on Beheer goes through the `procesbreuken` load path, and moves the limits."""

from datetime import date

from data.ingest.process_change_entry import record_change
from levers.process_changes import ProcessChange, region_changes


def test_a_process_change_from_the_form_is_stored_like_an_uploaded_row(empty_db):
    report = record_change(empty_db, region="IJmond", day=date(2025, 7, 1), description="nieuw toegangsteam",
                           indicator="via_gemeente", uploader="cm@ijmond.nl", allowed_regions=("IJmond",))
    assert not report.errors and report.stored
    assert region_changes(empty_db, "IJmond") == (ProcessChange(date(2025, 7, 1), "nieuw toegangsteam", "via_gemeente"),)


def test_the_same_day_again_replaces_the_description_instead_of_adding_a_second_line(empty_db):
    for text in ("nieuw toegangsteam", "nieuw toegangsteam Velsen"):
        record_change(empty_db, region="IJmond", day=date(2025, 7, 1), description=text, uploader="beheer@regio.nl")
    assert [change.description for change in region_changes(empty_db, "IJmond")] == ["nieuw toegangsteam Velsen"]


def test_a_contract_manager_may_not_record_a_change_of_another_region(empty_db):
    report = record_change(empty_db, region="Zuid-Kennemerland", day=date(2025, 7, 1), description="nieuw team",
                           uploader="cm@ijmond.nl", allowed_regions=("IJmond",))
    assert [error.message for error in report.errors] == [
        "u mag alleen procesbreuken van uw eigen regio (IJmond) aanleveren; vul de kolom regio in"]
    assert region_changes(empty_db, "Zuid-Kennemerland") == ()


def test_a_description_with_a_bsn_is_refused_as_in_an_uploaded_file(empty_db):
    report = record_change(empty_db, region="IJmond", day=date(2025, 7, 1), description="cliënt 111222333 belde",
                           uploader="beheer@regio.nl")
    assert report.errors and not report.stored
    assert region_changes(empty_db, "IJmond") == ()
