"""Loading one CSV file into the store: decode, privacy gate, validate, then one transaction.

All or nothing: any error refuses the whole file and stores nothing (except a line in the audit
log). A valid file replaces exactly its scope (the kind's replace key) together with an upload
record and an audit entry, in one transaction, so readers see the old or the new data, never a mix.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

import duckdb

from data.store import audit, db
from data.ingest import csvfile, examples, limits, privacy, storing, validate, xlsxfile
from data.ingest.contracts import KINDS, MODELS, columns, detect_kind, required_columns
from data.ingest.masking import redact, shown
from data.ingest.validate import Refused, Rule, RowError

if TYPE_CHECKING:
    import pandas as pd  # a preview is a DataFrame; the command line asks for none and never imports pandas

__all__ = ["LoadReport", "RowError", "load_file", "load_rows"]

MAX_SHOWN_ERRORS = 1000  # the page shows this many; all are in LoadReport.errors
PREVIEW_ROWS = 20
DISK_FULL = ("de schijf is vol; er is niets opgeslagen en de database is ongewijzigd. "
             "Maak ruimte vrij en probeer opnieuw")
NOT_PUBLISHED = ("opgeslagen, maar nog niet gepubliceerd voor lezers ({why}). {remedy}: dezelfde opdracht "
                 "(of de volgende opslag) publiceert het alsnog")


def nothing_stored(why: str, remedy: str) -> str:
    """A write that failed before its commit (data.ingest.storing.cannot_write gives why and what to do)."""
    return f"{why}; er is niets opgeslagen en de database is ongewijzigd. {remedy}"


def not_published(failure: BaseException) -> str:
    """Stored, but the snapshot readers read was not replaced (data.store.db.Write.unpublished)."""
    why, remedy = storing.cannot_write(failure) or ("het publiceren mislukte", "Probeer het opnieuw")
    return NOT_PUBLISHED.format(why=why, remedy=remedy)


@dataclass(frozen=True)
class LoadReport:
    """What happened to one file (or, in a dry run, what would happen)."""

    kind: str | None
    file_name: str
    sha256: str
    rows: int
    stored: bool
    unchanged: bool
    needs_empty_confirmation: bool
    scope_replaced: str  # Dutch, e.g. "gemeente GM0392, periode 2026-09 (2 combinaties)"
    replaced_rows: int  # existing rows that were (or would be) replaced
    errors: tuple[RowError, ...]
    preview: pd.DataFrame | None  # first decoded rows, Dutch column names
    summary: str  # one Dutch line
    staged: Staged | None = None  # a dry run's checked rows, kept when asked for (`stage=True`)
    not_counted: int = 0  # trajecten rows stored as delivered that are no jeugdhulp (schema macro is_jeugdhulp)
    published: bool = True  # False: stored (or stored before) but readers still see the previous snapshot


@dataclass(frozen=True)
class Staged:
    """A dry run's checked rows kept on disk, so that storing them after a confirmation needs no second
    decode and validation. They are stored as they are only while the store's data is what they were
    checked against (a lookup such as 'known provider' may have changed since); otherwise the file is
    loaded again from its bytes."""

    path: str  # a Parquet file of the decoded rows in a scratch directory of this process
    generations: tuple[tuple[str, int], ...]  # every data table's generation at the check

    def discard(self) -> None:
        shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)


STAGES = ("read", "check", "store")  # what `progress` is told, in this order (the page words them)


def _full_disk_reported(load: Callable[..., LoadReport]) -> Callable[..., LoadReport]:
    """A full disk (or a file size limit, or a folder that cannot be written) before the commit ends the
    load with a Dutch message; the transaction was rolled back. After the commit nothing raises: see
    `_published`."""
    @functools.wraps(load)
    def checked(con: duckdb.DuckDBPyConnection, raw: bytes, file_name: str, **options: Any) -> LoadReport:
        try:
            return load(con, raw, file_name, **options)
        except (OSError, duckdb.Error) as error:
            reason = storing.cannot_write(error)
            if reason is None:
                raise
            name = redact(file_name)
            return LoadReport(options.get("kind"), name, "", 0, False, False, False, "", 0, (), None,
                              f"{name}: {nothing_stored(*reason)}")

    return checked


@_full_disk_reported
def load_file(con: duckdb.DuckDBPyConnection, raw: bytes, file_name: str, *, kind: str | None = None,
              uploader: str, confirm_empty: bool = False, dry_run: bool = False,
              allowed_provider: str | None = None, allowed_regions: tuple[str, ...] | None = None,
              preview: bool = True, stage: bool = False, checked: LoadReport | None = None, progress: Callable[[str], None] | None = None,
              on_disk: csvfile.OnDisk | None = None) -> LoadReport:
    """Validate `raw` as a CSV of `kind` (detected from the header when None) and store it.

    dry_run: validate and report what would be stored and replaced, store nothing.
    allowed_provider: a provider's own code; only `uitkomsten` of that code may then be loaded.
    allowed_regions: a contract manager's regions; `normen` rows must then name one of them.
    preview: whether the report carries the first rows (a DataFrame: the command line shows none).
    stage: in a dry run that finds the file good, keep its checked rows (`LoadReport.staged`).
    checked: that dry run's report of these very bytes: its rows are stored without a second decode
    while the store's data is unchanged since (the caller discards `checked.staged` afterwards).
    progress: told each stage of `STAGES` as it begins.
    on_disk: where `raw` lies as a file (the command line): DuckDB reads it there when it can.
    """
    report = LoadReport(kind, redact(file_name), "", 0, False, False, False, "", 0, (), None, "")
    tell = progress or (lambda stage: None)
    with ThreadPoolExecutor(max_workers=1) as hashing, _cursor(con, dry_run) as write:
        cur = write.cursor
        stored = None
        if not dry_run and checked is not None and checked.staged is not None:
            stored = _store_staged(cur, raw, checked, uploader, tell)
        if stored is not None:
            report = stored
        else:
            digest = hashing.submit(lambda: hashlib.sha256(raw).hexdigest())  # releases the GIL: overlaps decoding
            cur.execute("set enable_progress_bar = false")  # the command line prints errors or one summary line
            with csvfile.workdir() as workdir:
                report = _load(cur, raw, report, workdir, digest, uploader=uploader, confirm_empty=confirm_empty,
                               dry_run=dry_run, allowed_provider=allowed_provider, allowed_regions=allowed_regions,
                               preview=preview, tell=tell,
                               on_disk=on_disk)
            if stage and dry_run and report.rows and not (report.errors or report.unchanged):
                report = replace(report, staged=_stage(cur, report.kind))
    return _published(report, write)


def _published(report: LoadReport, write: db.Write) -> LoadReport:
    """The report of a load whose data is in the file but whose publish did not happen: it says so."""
    if write.unpublished is None or not (report.stored or report.unchanged):
        return report
    return replace(report, published=False, summary=f"{report.summary}; {not_published(write.unpublished)}")


def _generations(cur) -> tuple[tuple[str, int], ...] | None:
    """Every data table's generation (data.store.db); None for a file that does not count them."""
    try:
        return tuple(cur.execute("select table_name, generation from table_generations "
                                 "where not list_contains($audit, table_name) order by table_name",
                                 {"audit": sorted(db.AUDIT_TABLES)}).fetchall())
    except duckdb.CatalogException:
        return None


def _stage(cur, kind: str) -> Staged | None:
    """The checked rows of `_dec` in a Parquet file, with the generations they were checked against."""
    generations = _generations(cur)
    if generations is None:
        return None
    folder = csvfile.workdir_path()
    path = os.path.join(folder, "checked.parquet")
    attrs = ", ".join(validate.quote(column.attr) for column in validate.plan(kind))
    try:
        cur.execute(f"copy (select {attrs} from _dec where not _blank) to '{path.replace(chr(39), chr(39) * 2)}' "
                    "(format parquet)")
    except (OSError, duckdb.Error):  # e.g. a full disk: the confirmation then loads the file again
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return Staged(path, generations)


def _store_staged(cur, raw: bytes, checked: LoadReport, uploader: str,
                  tell: Callable[[str], None]) -> LoadReport | None:
    """Store a dry run's checked rows as they are, if they are of these bytes, the store's data is still
    what they were checked against and the file was not stored since; None when it must be loaded again."""
    if _generations(cur) != checked.staged.generations or not os.path.exists(checked.staged.path):
        return None
    if hashlib.sha256(raw).hexdigest() != checked.sha256:
        return None
    model = MODELS[checked.kind]
    if storing.already_stored(cur, model, checked.sha256) is not None:
        return None  # the full load says 'ongewijzigd'
    tell("store")
    cur.execute("create or replace temp table _dec as select *, false as _blank from read_parquet($path)",
                {"path": checked.staged.path})
    report = replace(checked, staged=None, preview=None)
    _store(cur, model, report, uploader)
    cur.execute("drop table _dec")
    return replace(report, stored=True, summary=_stored_summary(report))


@contextlib.contextmanager
def _cursor(con: duckdb.DuckDBPyConnection, dry_run: bool):
    """A dry run only reads; a load goes through the one write path (data.store.db.writing) as a whole."""
    if not dry_run:
        with db.writing(con) as write:
            yield write
        return
    cur = con.cursor()
    try:
        yield db.Write(cur)
    finally:
        cur.close()


def load_rows(con: duckdb.DuckDBPyConnection, kind: str, rows: list[dict[str, str]], *, source: str,
              uploader: str) -> LoadReport:
    """Rows keyed by Dutch column names (e.g. the in-app dialogue form), loaded exactly like a file."""
    names = list(columns(kind)) if kind in KINDS else []
    names += [name for row in rows for name in row if name not in names]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([row.get(name, "") for name in names] for row in rows)
    return load_file(con, buffer.getvalue().encode("utf-8"), source, kind=kind, uploader=uploader)


def _load(cur, raw: bytes, report: LoadReport, workdir: str, digest: Future, *, uploader: str, confirm_empty: bool,
          dry_run: bool, allowed_provider: str | None, allowed_regions: tuple[str, ...] | None, preview: bool, tell: Callable[[str], None],
          on_disk: csvfile.OnDisk | None) -> LoadReport:
    kind = report.kind
    tell("read")
    try:
        text = xlsxfile.as_csv(raw)  # a workbook's first sheet, else the file
        file = csvfile.read_header(text)
        _refuse_if([error for error in [limits.long_line(file.body, file.delimiter, file.header)] if error])
        kind = kind if kind is not None else detect_kind(file.header)
        _check_header(file.header, kind, allowed_provider)
        source, extra, params = _decode(cur, file, kind, workdir, allowed_provider, on_disk if text is raw else None)
        if allowed_regions is not None and kind == "normen":
            extra, params = _own_regions_only(allowed_regions)
        tell("check")
        gate = privacy.gate_errors(cur, kind) + examples.errors(cur, kind) + limits.errors(cur, kind)
        rows = cur.execute("select count(*) from _dec where not _blank").fetchone()[0]
        report = replace(report, kind=kind, rows=rows, not_counted=_not_counted(cur, kind) if not gate else 0,
                         preview=_preview(cur, kind) if preview and not gate else None)
        if report.rows == 0 and not confirm_empty:
            return replace(report, sha256=digest.result(), needs_empty_confirmation=True, summary=(
                f"{kind}: {report.file_name} bevat alleen een kopregel; bevestig dat er voor deze soort "
                "echt niets is om op te slaan"))
        errors = validate.cell_errors(cur, kind, source, extra, params)
        # a file that is good so far and will be stored: its primary key finds repeated keys as it is stored
        by_insert = not (dry_run or gate or errors) and storing.unique_by_primary_key(cur, MODELS[kind])
        _refuse_if(_together(kind, gate, errors, [] if by_insert else validate.duplicate_errors(cur, kind)))
    except Refused as refused:
        return _refused(cur, replace(report, sha256=digest.result()), kind, refused.errors, uploader)
    scope, replaced_rows = storing.scope_of(cur, MODELS[kind], report.rows)
    report = replace(report, sha256=digest.result(), scope_replaced=scope, replaced_rows=replaced_rows)
    previous = storing.already_stored(cur, MODELS[kind], report.sha256)
    if previous is not None:
        return replace(report, unchanged=True, summary=(
            f"{kind}: ongewijzigd; {report.file_name} is al opgeslagen (upload {previous}), er is niets veranderd"))
    if dry_run:
        return replace(report, summary=(
            f"{kind}: {_count(report.rows, 'rij', 'rijen')} goedgekeurd; bij opslaan vervangen: {scope}; "
            f"{_count(replaced_rows, 'bestaande rij wordt', 'bestaande rijen worden')} vervangen"
            f"{_not_counted_sentence(report)}"))
    if by_insert and _upserts(cur, MODELS[kind], report):  # an upsert lets a later row replace an earlier one
        by_insert = False
        if repeated := validate.duplicate_errors(cur, kind):
            return _refused(cur, report, kind, repeated, uploader)
    tell("store")
    try:
        _store(cur, MODELS[kind], report, uploader)
    except duckdb.Error:  # rolled back; a repeated key breaks the primary key
        repeated = validate.duplicate_errors(cur, kind) if by_insert else []
        if not repeated:
            raise
        return _refused(cur, report, kind, repeated, uploader)
    return replace(report, stored=True, summary=_stored_summary(report))


def _refused(cur, report: LoadReport, kind: str | None, errors: list[RowError], uploader: str) -> LoadReport:
    """The report of a refused file, its refusal written to the audit log."""
    unaudited = ""
    try:
        with db.writing(cur) as write:  # a dry run's refusal too: the one place a refusal is audited
            audit.record(write.cursor, uploader, "upload_refused",
                         f"{report.file_name}: soort {kind or 'onbekend'}, "
                         f"{_count(len(errors), 'fout', 'fouten')}, "
                         f"sha256 {report.sha256}")
    except (OSError, duckdb.Error) as error:  # the user still gets the file's errors
        reason = storing.cannot_write(error)
        if reason is None:
            raise
        unaudited = f"; {nothing_stored(*reason)}"
    return replace(report, kind=kind, errors=tuple(errors), summary=(
        f"{kind or 'onbekende soort'}: {report.file_name} is geweigerd "
        f"({_count(len(errors), 'fout', 'fouten')}); er is niets opgeslagen{unaudited}"))


def _stored_summary(report: LoadReport) -> str:
    return (f"{report.kind}: {_count(report.rows, 'rij', 'rijen')} opgeslagen uit {report.file_name}; "
            f"vervangen: {report.scope_replaced}; "
            f"{_count(report.replaced_rows, 'bestaande rij', 'bestaande rijen')} vervangen"
            f"{_not_counted_sentence(report)}")


def _not_counted(cur, kind: str) -> int:
    """How many decoded trajecten rows no indicator counts: transport, child protection, probation."""
    if kind != "trajecten":
        return 0
    return cur.execute("select count(*) from _dec where not _blank "
                       "and not coalesce(is_jeugdhulp(product_category), true)").fetchone()[0]


def _not_counted_sentence(report: LoadReport) -> str:
    if not report.not_counted:
        return ""
    return (f"; {_count(report.not_counted, 'rij', 'rijen')} jeugdbescherming of vervoer "
            f"{'telt' if report.not_counted == 1 else 'tellen'} niet mee als jeugdhulp")


def _together(kind: str, gate: list[RowError], errors: list[RowError], repeated: list[RowError]) -> list[RowError]:
    """All errors of a file in row and column order; a cell the privacy gate refused gets no other message."""
    if gate:
        flagged = {(error.row, error.column) for error in gate}
        errors = gate + [error for error in errors if (error.row, error.column) not in flagged]
    return sorted(errors + repeated, key=_error_order(kind)) if gate or repeated else errors


def _check_header(header: list[str], kind: str | None, allowed_provider: str | None) -> None:
    """No header row at all; the privacy gate on column names; then the kind's columns: none extra, none missing.

    Header names come from the file, so they are shown cut and without a BSN (data/ingest/masking.py); a
    first row without a single column name of the kind is data, and none of it is shown.
    """
    if kind is not None and kind not in KINDS:
        raise Refused([RowError(1, "", f"onbekende soort {shown(kind)}; kies een soort ({', '.join(KINDS)})")])
    allowed = set(columns(kind)) if kind in KINDS else {name for k in KINDS for name in columns(k)}
    if not set(header) & allowed:
        raise Refused([RowError(1, "", (
            f"de eerste rij bevat geen enkele kolomnaam {f'van soort {kind}' if kind else 'van een soort'}; zet de "
            "kolomnamen in de eerste rij (download een sjabloon) en lever het bestand opnieuw aan"))])
    _refuse_if(privacy.personal_data_headers(header, allowed))
    if kind is None:
        raise Refused([RowError(1, "", "de soort van dit bestand is niet te herkennen aan de kopregel; "
                                       f"kies een soort ({', '.join(KINDS)})")])
    if allowed_provider is not None and (kind != "uitkomsten" or detect_kind(header) not in (None, "uitkomsten")):
        # one message, not a list of the uitkomsten columns a file of another kind lacks
        raise Refused([RowError(1, "", "u mag alleen uitkomsten aanleveren; dit bestand is van een andere soort")])
    errors = _nameless(header)
    errors += [RowError(1, shown(name), "deze kolom komt meer dan één keer voor")
               for i, name in enumerate(header) if name and name in header[:i]]
    errors += [RowError(1, shown(name), f"onbekende kolom voor soort {kind}; extra kolommen worden geweigerd")
               for name in header if name and name not in allowed]
    errors += [RowError(1, name, "verplichte kolom ontbreekt") for name in required_columns(kind) if name not in header]
    _refuse_if(errors)


def _own_regions_only(regions: tuple[str, ...]) -> tuple[dict, dict]:
    """The extra rule for a contract manager's `normen`: every row names one of their regions, so a norm
    of one region never changes another's statuses (csv-contract.md kind 6)."""
    own = ", ".join(regions).replace("{", "{{").replace("}", "}}")
    column = validate.quote("region")
    rule = Rule(f"{column} is not null and list_contains($allowed_regions, {column})",
                f"u mag alleen normen van uw eigen regio ({own}) aanleveren; vul de kolom regio in")
    return {"regio": (rule,)}, {"allowed_regions": list(regions)}


def _nameless(header: list[str]) -> list[RowError]:
    """Columns without a name, as one error: a stray cell far to the right (XFD1) leaves thousands."""
    empty = [i for i, name in enumerate(header, 1) if not name]
    if len(empty) <= 3:
        return [RowError(1, "", f"kolom {i} heeft geen naam") for i in empty]
    return [RowError(1, "", f"{_count(len(empty), 'kolom', 'kolommen')} hebben geen naam (kolom {empty[0]} tot en met "
                            f"{empty[-1]}); verwijder de lege kolommen en wat erachter staat")]


def _decode(cur, file: csvfile.CsvFile, kind: str, workdir: str, allowed_provider: str | None,
            on_disk: csvfile.OnDisk | None) -> tuple:
    """Fill `_dec`: DuckDB's CSV reader when it can, Python's csv module when it cannot.

    DuckDB reads a file on disk in place when it can; if the file changed meanwhile, it reads a copy
    of the bytes that were read (and hashed) instead.
    """
    extra, params = {}, {}
    if allowed_provider is not None:
        own = allowed_provider.replace("{", "{{").replace("}", "}}")
        extra = {"aanbieder": (Rule(f"{validate.quote('provider')} = upper($allowed_provider)",
                                    f"u mag alleen uitkomsten van uw eigen organisatie ({own}) aanleveren"),)}
        params = {"allowed_provider": allowed_provider}
    flags = privacy.gate_flags(kind, nul=b"\x00" in file.body) | examples.flags(kind) | limits.flags(kind)
    try:
        here = on_disk.path if csvfile.in_place(file, on_disk) else None
        source = csvfile.duckdb_source(file, workdir, here)
        validate.decode_rows(cur, kind, source, flags)
        if here is not None and not on_disk.unchanged():  # changed while DuckDB read it
            source = csvfile.duckdb_source(file, workdir)
            validate.decode_rows(cur, kind, source, flags)
        records = cur.execute("select count(*) from _dec").fetchall()[0][0]
        if not file.may_skip_lines(records):
            return source, extra, params
    except duckdb.InvalidInputException:
        pass  # malformed somewhere: Python's reader says where
    source = csvfile.python_source(cur, file)
    validate.decode_rows(cur, kind, source, flags)
    return source, extra, params


def _store(cur, model, report: LoadReport, uploader: str) -> None:
    """Upload record, replaced scope, new rows and audit entry: one transaction."""
    with storing.transaction(cur):
        upload_id = cur.execute(
            "insert into uploads (kind, file_name, sha256, row_count, uploader, scope_replaced) "
            "values ($kind, $file_name, $sha256, $rows, $uploader, $scope) returning upload_id",
            {"kind": model.KIND, "file_name": report.file_name, "sha256": report.sha256, "rows": report.rows,
             "uploader": uploader, "scope": report.scope_replaced}).fetchone()[0]
        upsert = _upserts(cur, model, report)
        if report.replaced_rows and not upsert:
            storing.delete_scope(cur, model)
        storing.insert_rows(cur, model, upload_id, upsert=upsert)
        audit.record(cur, uploader, "upload", f"{report.file_name}: soort {model.KIND}, upload {upload_id}, "
                     f"{report.rows} rijen, sha256 {report.sha256}; vervangen: {report.scope_replaced} "
                     f"({report.replaced_rows} bestaande rijen)")


def _upserts(cur, model, report: LoadReport) -> bool:
    """Whether the rows replace stored ones by their primary key (else: the scope goes, then they come)."""
    return report.replaced_rows > 0 and storing.keyed_by_primary_key(cur, model)


def _preview(cur, kind: str) -> pd.DataFrame:
    plans = validate.plan(kind)
    frame = cur.execute(f"select {', '.join(p.value for p in plans)} from _dec where not _blank "
                        f"limit {PREVIEW_ROWS}").df()
    return frame.rename(columns={p.attr: p.name for p in plans})


def _refuse_if(errors: list[RowError]) -> None:
    if errors:
        raise Refused(errors)


def _error_order(kind: str):
    position = {name: i for i, name in enumerate(columns(kind))}
    return lambda error: (error.row, position.get(error.column, -1))


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,}".replace(",", ".") + " " + (one if number == 1 else many)
