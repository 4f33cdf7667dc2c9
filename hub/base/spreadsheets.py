"""Reading an uploaded spreadsheet (CSV or XLSX, told by its content) into rows of text keyed
by the header's column names, with one clear message for anything that is not a spreadsheet,
too big or wrongly headed. Every upload of tabular data reads through here; what a row means is
checked by its importer.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError

from hub.base.readguard import ReadGuard, ReadLimits, scan_shared_strings, scan_sheet

ROW = "_row"  # each row dict's key for its row number in the spreadsheet (the header is row 1)
EXTRA = "_extra"  # set on a row with values under a column that has no header
XLSX_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


def file_sha256(uploaded_file) -> str:
    """The file's SHA-256, recorded with the upload and used to match a preview to its save."""
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def read_table(
    uploaded_file,
    *,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    max_bytes: int,
    max_rows: int,
    limits: ReadLimits | None = None,
) -> list[dict]:
    """The file's records as dicts of text keyed by column (every column present, "" if
    empty), plus ROW, the spreadsheet row number. CSV or XLSX is told by the content, not the
    name; anything else, or a file over the limits (`limits`, by default the HUB_UPLOAD_*
    settings: see hub.base.readguard), is refused with one clear message."""
    guard = ReadGuard(limits or ReadLimits.for_uploads(max_rows=max_rows))
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
    if data.startswith(XLSX_SIGNATURE):
        # Every cell was counted by the scan before openpyxl read the sheet.
        cells = _xlsx_cells(data, max_bytes, guard)

        def count(number: int, values: list[str]) -> None:
            guard.row(number)
            guard.check_time()

    else:
        cells, count = _csv_cells(data), guard.table_row
    return _rows(cells, columns=columns, required=required, max_rows=max_rows, count=count)


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


def _xlsx_cells(data: bytes, max_bytes: int, guard: ReadGuard) -> Iterator[list]:
    """The first sheet's rows. openpyxl parses with defusedxml when it is installed (it is a
    pinned dependency), the archive is checked for size before anything is unpacked, and the
    string table and the sheet are scanned against the guard's limits before openpyxl parses
    them."""
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
    if unpacked > 20 * max_bytes:
        raise ValidationError(
            "The workbook is too large once unpacked. Save just the records sheet, or split it "
            "into smaller files.",
            code="too_big",
        )
    return _xlsx_rows(data, guard)


_UNREADABLE = (
    "The Excel workbook could not be read. Open it in Excel, save it again as .xlsx, and "
    "upload that."
)


def _guarded_reader(data: bytes, guard: ReadGuard):
    """openpyxl's workbook reader, with the string table and every worksheet scanned against
    the guard before openpyxl parses them (even read-only, it reads each sheet through once
    to size it)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class GuardedReader(ExcelReader):
        def read_strings(self):
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as stream:
                    scan_shared_strings(stream, guard)
            super().read_strings()

        def read_worksheets(self):
            for _sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    with self.archive.open(rel.target) as stream:
                        scan_sheet(stream, guard)
            super().read_worksheets()

    return GuardedReader(io.BytesIO(data), read_only=True, data_only=True)


def _xlsx_rows(data: bytes, guard: ReadGuard) -> Iterator[list]:
    try:
        reader = _guarded_reader(data, guard)
        reader.read()
        workbook = reader.wb
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # rows as long as their cells, whatever the sheet claims
    except ValidationError:
        raise
    # A parser of untrusted input fails in many ways; all of them mean "unreadable".
    except Exception as exc:
        raise ValidationError(_UNREADABLE, code="bad_xlsx") from exc
    try:
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


def _header(cells: list[str], columns: tuple, required: tuple) -> list[str]:
    """The column name of each position ("" for an unnamed one), or one message saying all
    that is wrong with the header row."""
    names = [_header_key(cell) for cell in cells]
    unknown = [
        cell for cell, name in zip(cells, names, strict=True) if name and name not in columns
    ]
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    missing = [name for name in required if name not in names]
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
            + ", ".join(columns)
            + ".",
            code="bad_header",
        )
    return names


def _rows(
    table: Iterable[list], *, columns: tuple, required: tuple, max_rows: int, count
) -> list[dict]:
    """The records under the header; `count(number, cells)` checks each row read against the
    guard's limits (blank rows count too)."""
    header: list[str] | None = None
    rows: list[dict] = []
    for number, raw in enumerate(table, start=1):
        cells = [_text(value) for value in raw]
        count(number, cells)
        if not any(cells):
            continue
        if header is None:
            header = _header(cells, columns, required)
            continue
        if len(rows) >= max_rows:
            raise _too_many(max_rows)
        row: dict = dict.fromkeys(columns, "")
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
