"""Bulk upload of performance records: read a CSV or XLSX file, check every row, save all or none.

    rows = read_rows(uploaded_file)  # ValidationError: not a spreadsheet, too big, bad header
    records, errors = validate(rows, organisation)  # every bad cell, as RowError tuples
    upload = commit(actor=..., organisation=..., records=records, filename=..., sha256=...)

An upload is for one organisation (chosen on the form, not a column). Lookups (programmes,
areas, claimant groups, prime contractors) are loaded once per file, not once per row; the
model's own rules come from `cases.records.build`, so a row is accepted here exactly when the
single-record form would accept it.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from cases.caching import records_changed
from cases.performance import services as record_services
from cases.performance.models import PerformanceRecord, Programme, RecordEvent, RecordUpload
from cases.performance.rates import DEFINITIONS
from hub.base.models import Area, ClaimantGroup, Organisation, User

COLUMNS = (
    "role", "prime", "programme", "area", "claimant_group", "period_start", "period_end",
    "referrals", "attachments", "job_starts", "job_outcomes", "sustainment_outcomes",
    "profile_job_outcomes", "visibility",
)  # fmt: skip
REQUIRED_COLUMNS = ("role", "programme", "area", "claimant_group", "period_start", "period_end")
FIGURES = record_services.FIGURES
ROW = "_row"  # each row dict's key for its row number in the spreadsheet (the header is row 1)
EXTRA = "_extra"  # set on a row with values under a column that has no header
NO_COLUMN = "—"  # the column of a problem with the whole row
XLSX_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
BATCH_SIZE = 500
MAX_COUNT = 2_147_483_647  # the largest value of the database's integer column
MIN_YEAR, MAX_YEAR = 1990, 2100

COLUMN_NOTES = {
    "role": "prime or subcontractor.",
    "prime": "For a subcontractor, the prime contractor's name exactly as in the hub's "
    "organisation directory. Leave it empty for a prime.",
    "programme": "The programme's name, for example Work and Health Programme.",
    "area": "The area's code (for example CPA5) or its name.",
    "claimant_group": "The claimant group's name, for example JSA 25+.",
    "period_start": "The first month of the period, as year and month: 2024-04.",
    "period_end": "The last month of the period, as year and month: 2025-03.",
    **{name: f"{DEFINITIONS[name]} A whole number; leave it empty if unknown." for name in FIGURES},
    "visibility": "members (signed-in members only, the default) or public (published openly).",
}
EXAMPLE_ROW = (
    "prime", "", "Work and Health Programme", "CPA5", "JSA 25+", "2024-04", "2025-03",
    1200, 1100, 380, 260, 150, 300, "members",
)  # fmt: skip

_ROLES = {
    "prime": PerformanceRecord.Role.PRIME,
    "prime contractor": PerformanceRecord.Role.PRIME,
    "subcontractor": PerformanceRecord.Role.SUBCONTRACTOR,
    "sub-contractor": PerformanceRecord.Role.SUBCONTRACTOR,
}
_VISIBILITY = {
    "": PerformanceRecord.Visibility.MEMBERS,
    "members": PerformanceRecord.Visibility.MEMBERS,
    "public": PerformanceRecord.Visibility.PUBLIC,
}
_WORDS = {
    "claimant_group": "Claimant group",
    "period_start": "Period start",
    "period_end": "Period end",
    "job_starts": "Job starts",
    "job_outcomes": "Job outcomes",
    "sustainment_outcomes": "Sustainment outcomes",
    "profile_job_outcomes": "Profile job outcomes",
}
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?")
_SLASH_MONTH = re.compile(r"(?P<month>\d{1,2})/(?P<year>\d{4})")
_WHOLE = re.compile(r"\d+(?:\.0*)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")


class RowError(NamedTuple):
    """One problem: the spreadsheet row (header = 1), the column name and what is wrong."""

    row: int
    column: str
    reason: str


# Reading ---------------------------------------------------------------------------------------


def file_sha256(uploaded_file) -> str:
    """The file's SHA-256, recorded with the upload and used to match a preview to its save."""
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def read_rows(uploaded_file) -> list[dict]:
    """The file's records as dicts of text keyed by column (every column present, "" if
    empty), plus ROW, the spreadsheet row number. CSV or XLSX is told by the content, not the
    name; anything else, or a file over the limits, is refused with one clear message."""
    max_bytes = settings.HUB_UPLOAD_MAX_BYTES
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise _too_big(size, max_bytes)
    uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes + 1)
    uploaded_file.seek(0)
    if len(data) > max_bytes:
        raise _too_big(len(data), max_bytes)
    if not data.strip():
        raise ValidationError("The file is empty.", code="empty")
    cells = _xlsx_cells(data) if data.startswith(XLSX_SIGNATURE) else _csv_cells(data)
    return _rows(cells)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _too_big(size: int, limit: int) -> ValidationError:
    return ValidationError(
        f"The file is {_megabytes(size)}; the largest you can upload is {_megabytes(limit)}. "
        "Split it into smaller files.",
        code="too_big",
    )


_NOT_A_SPREADSHEET = (
    "The file must be a CSV file or an Excel workbook (.xlsx). In Excel, choose "
    "“Save as” and “Excel Workbook (.xlsx)” or “CSV UTF-8”."
)


def _csv_cells(data: bytes) -> Iterator[list]:
    if data.startswith(OLE2_SIGNATURE):
        raise ValidationError(
            "This looks like an old-style Excel file (.xls). " + _NOT_A_SPREADSHEET,
            code="not_spreadsheet",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "The file is neither an Excel workbook nor a CSV file saved as UTF-8. "
            + _NOT_A_SPREADSHEET,
            code="not_spreadsheet",
        ) from exc
    if "\x00" in text:
        raise ValidationError(_NOT_A_SPREADSHEET, code="not_spreadsheet")
    return _csv_reader(text)


def _csv_reader(text: str) -> Iterator[list]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        yield from reader
    except csv.Error as exc:
        raise ValidationError(
            f"The CSV file could not be read at line {reader.line_num}: {exc}.", code="bad_csv"
        ) from exc


def _xlsx_cells(data: bytes) -> Iterator[list]:
    """The first sheet's rows. openpyxl parses with defusedxml when it is installed (it is a
    pinned dependency), and the archive is checked for size before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(_NOT_A_SPREADSHEET, code="not_spreadsheet") from exc
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ValidationError(
            "The file is a zip archive, not an Excel workbook. " + _NOT_A_SPREADSHEET,
            code="not_spreadsheet",
        )
    if unpacked > 20 * settings.HUB_UPLOAD_MAX_BYTES:
        raise ValidationError(
            "The workbook is too large once unpacked. Save just the records sheet, or split it "
            "into smaller files.",
            code="too_big",
        )
    return _xlsx_rows(data)


def _xlsx_rows(data: bytes) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # A parser of untrusted input fails in many ways; all of them mean "unreadable".
    except Exception as exc:
        raise ValidationError(
            "The Excel workbook could not be read. Open it in Excel, save it again as .xlsx, "
            "and upload that.",
            code="bad_xlsx",
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # as above: a malformed sheet
                raise ValidationError(
                    "The first sheet of the workbook could not be read. Open it in Excel, save "
                    "it again as .xlsx, and upload that.",
                    code="bad_xlsx",
                ) from exc
            yield list(row)
    finally:
        workbook.close()


def _text(value) -> str:
    """A cell as text: whole floats without ".0", dates as ISO dates, everything trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _header_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _header(cells: list[str]) -> list[str]:
    """The column name of each position ("" for an unnamed one), or one message saying all
    that is wrong with the header row."""
    names = [_header_key(cell) for cell in cells]
    unknown = [
        cell for cell, name in zip(cells, names, strict=True) if name and name not in COLUMNS
    ]
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if unknown or repeated or missing:
        problems = []
        if missing:
            problems.append("it has no " + ", ".join(missing) + " column")
        if unknown:
            problems.append("it has columns the template does not: " + ", ".join(unknown))
        if repeated:
            problems.append("it repeats " + ", ".join(repeated))
        raise ValidationError(
            "The first row must be the header row from the template, but "
            + "; and ".join(problems)
            + ". The columns are: "
            + ", ".join(COLUMNS)
            + ".",
            code="bad_header",
        )
    return names


def _rows(table: Iterable[list]) -> list[dict]:
    max_rows = settings.HUB_UPLOAD_MAX_ROWS
    scan_limit = 10 * max_rows + 1000  # blank rows are skipped, but not without end
    header: list[str] | None = None
    rows: list[dict] = []
    for number, raw in enumerate(table, start=1):
        if number > scan_limit:
            raise _too_many(max_rows)
        cells = [_text(value) for value in raw]
        if not any(cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        if len(rows) >= max_rows:
            raise _too_many(max_rows)
        row: dict = dict.fromkeys(COLUMNS, "")
        row[ROW] = number
        for position, value in enumerate(cells):
            name = header[position] if position < len(header) else ""
            if name:
                row[name] = value
            elif value:
                row[EXTRA] = True
        rows.append(row)
    if header is None:
        raise ValidationError("The file is empty.", code="empty")
    if not rows:
        raise ValidationError(
            "The file has a header row but no records under it.", code="no_records"
        )
    return rows


def _too_many(max_rows: int) -> ValidationError:
    return ValidationError(
        f"The file has more than {max_rows:,} records; you can upload up to {max_rows:,} at a "
        "time. Split it into smaller files.",
        code="too_many_rows",
    )


# Checking --------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Lookups:
    """Every name a file may use, loaded in a bounded number of queries (one per table)."""

    def __init__(self, rows: list[dict]):
        self.programmes: dict[str, Programme] = {}
        for programme in Programme.objects.all():
            self.programmes[_key(programme.slug)] = programme
            self.programmes[_key(programme.name)] = programme
        self.areas: dict[str, Area] = {}
        for area in Area.objects.all():
            self.areas[_key(area.slug)] = area
            self.areas[_key(area.name)] = area
            if area.code:
                self.areas[_key(area.code)] = area
        self.groups: dict[str, ClaimantGroup] = {}
        for group in ClaimantGroup.objects.all():
            self.groups[_key(group.slug)] = group
            self.groups[_key(group.name)] = group
        names = {" ".join(row["prime"].split()) for row in rows if row.get("prime")}
        self.organisations = (
            {o.name: o for o in Organisation.objects.filter(name__in=names)} if names else {}
        )


def _label(column: str) -> str:
    return _WORDS.get(column, column.replace("_", " ").capitalize())


def _count(column: str, value: str) -> tuple[int | None, str | None]:
    """A whole number of 0 or more (or None for an empty cell), or why the cell is wrong."""
    text = value.strip().replace(" ", "")
    if not text:
        return None, None
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    if _WHOLE.fullmatch(text):
        number = int(text.split(".")[0])
        if number > MAX_COUNT:
            return None, f"{_label(column)} is too large: {value}"
        return number, None
    if _NUMBER.fullmatch(text):
        if text.startswith("-"):
            return None, f"{_label(column)} cannot be negative: enter 0 or more, not {value}"
        return None, f"{_label(column)} must be a whole number, not {value}"
    return None, f"{_label(column)} must be a number, like 120, not “{value}”"


def _month(column: str, value: str) -> tuple[datetime.date | None, str | None]:
    """The first day of a month written 2024-04 (or 04/2024, or an Excel date on the 1st)."""
    text = value.strip()
    if not text:
        return None, f"Enter the {_label(column).lower()}, as year and month: 2024-04"
    match = _MONTH.fullmatch(text) or _SLASH_MONTH.fullmatch(text)
    wrong = f"{_label(column)} must be a year and month like 2024-04, not “{value}”"
    if not match:
        return None, wrong
    year, month = int(match["year"]), int(match["month"])
    day = match.groupdict().get("day")
    if not 1 <= month <= 12 or (day is not None and int(day) != 1):
        return None, wrong
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, f"{_label(column)}: the year must be between {MIN_YEAR} and {MAX_YEAR}"
    return datetime.date(year, month, 1), None


def _clean(row: dict, lookups: _Lookups) -> tuple[dict, list[tuple[str, str]]]:
    """The row's values as the record's fields, and every (column, reason) that is wrong."""
    data: dict = {}
    problems: list[tuple[str, str]] = []

    role = _ROLES.get(_key(row["role"]))
    if role is None:
        problems.append(
            ("role", "Enter prime or subcontractor" if not row["role"] else
             f"Role must be prime or subcontractor, not “{row['role']}”")
        )  # fmt: skip
    data["role"] = role

    prime_name = " ".join(row["prime"].split())
    data["prime"] = None
    if prime_name:
        if role == PerformanceRecord.Role.PRIME:
            problems.append(("prime", "Leave prime empty when the role is prime"))
        elif prime_name in lookups.organisations:
            data["prime"] = lookups.organisations[prime_name]
        else:
            problems.append(
                ("prime", f"No organisation on the hub is called “{prime_name}”: use its name "
                 "exactly as in the organisation directory")
            )  # fmt: skip
    elif role == PerformanceRecord.Role.SUBCONTRACTOR:
        problems.append(("prime", "Enter the name of the prime contractor you deliver for"))

    for column, table, noun in (
        ("programme", lookups.programmes, "programme"),
        ("area", lookups.areas, "area"),
        ("claimant_group", lookups.groups, "claimant group"),
    ):
        value = row[column]
        found = table.get(_key(value)) if value else None
        if found is None:
            problems.append(
                (column, f"Enter the {noun}" if not value else f"There is no {noun} “{value}”")
            )
        data[column] = found

    for column in ("period_start", "period_end"):
        data[column], problem = _month(column, row[column])
        if problem:
            problems.append((column, problem))

    for column in FIGURES:
        data[column], problem = _count(column, row[column])
        if problem:
            problems.append((column, problem))

    visibility = _VISIBILITY.get(_key(row["visibility"]))
    if visibility is None:
        problems.append(
            ("visibility", f"Visibility must be members or public, not “{row['visibility']}”")
        )
    data["visibility"] = visibility

    if row.get(EXTRA):
        problems.append(
            (NO_COLUMN, "The row has values in a column with no header: remove them, or give "
             "the column a name from the template")
        )  # fmt: skip
    return data, problems


def validate(rows: list[dict], organisation: Organisation) -> tuple[list, list[RowError]]:
    """Unsaved, checked records for the rows without problems, and every problem in every row
    (sorted by row): each bad cell, the model's rules from `cases.records.build`, and rows that
    repeat another row of the file or a record already saved."""
    lookups = _Lookups(rows)
    checked: list[PerformanceRecord] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    # Records this organisation already has, in one query rather than one a row.
    existing = set(
        PerformanceRecord.objects.filter(organisation=organisation).values_list(
            "programme_id", "area_id", "claimant_group_id", "period_start", "period_end"
        )
    )
    for row in rows:
        number = row[ROW]
        data, problems = _clean(row, lookups)
        if problems:
            errors.extend(RowError(number, column, reason) for column, reason in problems)
            continue
        key = (
            data["programme"].pk, data["area"].pk, data["claimant_group"].pk,
            data["period_start"], data["period_end"],
        )  # fmt: skip
        if key in seen:
            errors.append(
                RowError(number, NO_COLUMN, f"Row {seen[key]} is for the same programme, area, "
                         "claimant group and period: give each one once")
            )  # fmt: skip
            continue
        seen[key] = number
        if key in existing:
            errors.append(RowError(number, NO_COLUMN, record_services.DUPLICATE_MESSAGE))
            continue
        try:
            record = record_services.build(
                organisation=organisation, data=data, check_duplicate=False
            )
        except ValidationError as exc:
            errors.extend(_model_errors(number, exc))
            continue
        record.source_row = number
        checked.append(record)
    errors.sort(key=lambda error: error.row)
    return checked, errors


def _model_errors(number: int, exc: ValidationError) -> list[RowError]:
    if not hasattr(exc, "error_dict"):
        return [RowError(number, NO_COLUMN, message) for message in exc.messages]
    return [
        RowError(number, field if field in COLUMNS else NO_COLUMN, message)
        for field, field_errors in exc.message_dict.items()
        for message in field_errors
    ]


# Saving ----------------------------------------------------------------------------------------


def commit(
    *,
    actor: User,
    organisation: Organisation,
    records: list[PerformanceRecord],
    filename: str,
    sha256: str,
) -> RecordUpload:
    """Save an upload and all its checked records, each with its "created" event, in one
    transaction: if the database refuses any row (say, a record someone else saved since the
    check), nothing is saved and a ValidationError says so."""
    if not record_services.can_enter(actor, organisation):
        raise PermissionDenied("Only the organisation's admins can upload its records.")
    if not records:
        raise ValidationError("There are no records to save.")
    if any(record.organisation_id != organisation.pk or record.pk for record in records):
        raise ValueError("Commit only new records built for this organisation.")
    try:
        with transaction.atomic():
            upload = RecordUpload.objects.create(
                organisation=organisation, uploaded_by=actor, filename=filename[:255],
                sha256=sha256, row_count=len(records),
            )  # fmt: skip
            for record in records:
                record.upload, record.created_by = upload, actor
            PerformanceRecord.objects.bulk_create(records, batch_size=BATCH_SIZE)
            records_changed()  # bulk_create sends no post_save: forget cached answers here
            if any(record.pk is None for record in records):  # a backend that returns no ids
                ids = list(upload.records.order_by("pk").values_list("pk", flat=True))
            else:
                ids = [record.pk for record in records]
            event = {
                "action": RecordEvent.Action.CREATED,
                "actor": actor,
                "actor_organisation": organisation,
                "to_status": PerformanceRecord.Status.SELF_REPORTED,
                "note": f"Uploaded in {upload.filename}",
            }
            RecordEvent.objects.bulk_create(
                [RecordEvent(record_id=pk, **event) for pk in ids], batch_size=BATCH_SIZE
            )
    except IntegrityError as exc:
        for record in records:  # as they were: unsaved, so a caller may check them again
            record.pk, record.upload, record._state.adding = None, None, True
        raise ValidationError(
            "Nothing has been saved: the database refused one of the records, most likely "
            "because someone saved a record for the same programme, area, claimant group and "
            "period meanwhile. Upload the file again to see which row.",
            code="conflict",
        ) from exc
    return upload
