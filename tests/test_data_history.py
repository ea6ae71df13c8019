"""Upload history: newest first, limited, and per uploader when asked."""

from datetime import datetime

from data.store.history import upload_history


def _upload(con, *, file_name: str, uploader: str, at: datetime) -> None:
    con.execute(
        "insert into uploads (kind, file_name, sha256, row_count, uploader, uploaded_at, scope_replaced) "
        "values ('kosten', $f, 'abc', 3, $u, $t, '')",
        {"f": file_name, "u": uploader, "t": at},
    )


def test_history_lists_the_newest_upload_first_and_respects_the_limit(empty_db):
    _upload(empty_db, file_name="jan.csv", uploader="a@x.nl", at=datetime(2026, 1, 5))
    _upload(empty_db, file_name="mrt.csv", uploader="b@x.nl", at=datetime(2026, 3, 5))
    _upload(empty_db, file_name="feb.csv", uploader="a@x.nl", at=datetime(2026, 2, 5))
    assert list(upload_history(empty_db)["file_name"]) == ["mrt.csv", "feb.csv", "jan.csv"]
    assert list(upload_history(empty_db, limit=2)["file_name"]) == ["mrt.csv", "feb.csv"]


def test_history_of_one_uploader_leaves_the_others_out(empty_db):
    _upload(empty_db, file_name="jan.csv", uploader="a@x.nl", at=datetime(2026, 1, 5))
    _upload(empty_db, file_name="mrt.csv", uploader="b@x.nl", at=datetime(2026, 3, 5))
    assert list(upload_history(empty_db, uploader="a@x.nl")["file_name"]) == ["jan.csv"]


def test_history_of_an_empty_store_is_an_empty_table_with_its_columns(empty_db):
    history = upload_history(empty_db)
    assert history.empty
    assert list(history.columns) == [
        "uploaded_at", "uploader", "kind", "file_name", "row_count", "sha256", "scope_replaced",
    ]
