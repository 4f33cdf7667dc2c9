"""Spreadsheet downloads that cannot run as formulas when opened (OWASP's CSV injection advice).

Every text cell starting with = + - @, a tab, a carriage return or NUL is kept as text: in CSV
with a leading apostrophe, in XLSX as a text cell with the "quote prefix" style (no visible
apostrophe), so Excel, LibreOffice and Google Sheets show it as text. Numbers and dates stay
numbers and dates. The open-data export and the upload templates both go through here.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NUMBERS = (int, float, Decimal)


def neutralise(value) -> str:
    """The value as text that a spreadsheet will not evaluate: a leading ' if it could start
    a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, _NUMBERS):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(value)


def _xlsx_cell(sheet, value):
    """A cell value, or for text that could start a formula a text cell with Excel's "quote
    prefix" style: shown as typed, with no visible apostrophe, and kept as text when edited."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC).replace(tzinfo=None)  # Excel has no time zones
    if value is None or isinstance(value, (*_NUMBERS, datetime.date)):
        return value
    # XML cannot hold control characters such as NUL: they go.
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if not str(value).startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(sheet)
    cell._value, cell.data_type = text, "s"  # set, not inferred: a text cell, never a formula
    cell.quotePrefix = True
    return cell


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence, rows: Iterable[Sequence], *, bom: bool = False):
    """The CSV text, line by line, every text cell neutralised."""
    writer = csv.writer(_Echo())
    if bom:
        yield "\ufeff"  # lets Excel open UTF-8 (and the importer skips it)
    yield writer.writerow([_csv_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([_csv_cell(cell) for cell in row])


def csv_response(
    filename: str, header: Sequence, rows: Iterable[Sequence], *, bom: bool = False
) -> StreamingHttpResponse:
    """A CSV download streamed row by row (so `rows` may be a queryset iterator)."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, bom=bom), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_bytes(sheets: Iterable[tuple[str, Sequence, Iterable[Sequence]]]) -> bytes:
    """A workbook of (title, header, rows) sheets, every text cell neutralised."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([_xlsx_cell(sheet, cell) for cell in header])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str,
    header: Sequence,
    rows: Iterable[Sequence],
    *,
    sheet_title: str = "Data",
    more_sheets: Iterable[tuple[str, Sequence, Iterable[Sequence]]] = (),
) -> HttpResponse:
    """An Excel download: the main sheet first, then any (title, header, rows) more_sheets."""
    content = xlsx_bytes([(sheet_title, header, rows), *more_sheets])
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
