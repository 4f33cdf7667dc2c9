"""Hard limits on the work of reading an uploaded file, checked while it is read.

A small upload can unpack into millions of cells (a 190 KB workbook holds 2,000,000 one-letter
cells), and a parser left to it occupies a worker for most of a minute. Every reader of
uploaded data counts what it reads through a `ReadGuard`, which refuses at the first breach of
a limit (rows, columns, cells, characters in one cell, seconds) with a message that says
which limit and where. XLSX parts are scanned with expat (no tree is built, no entity is
expanded) before openpyxl sees them, so openpyxl only ever parses a sheet within the limits.

    guard = ReadGuard(ReadLimits.for_uploads(max_rows=...))
    guard.row(number); guard.cell(row, column, text)   # each raises ValidationError
"""

from __future__ import annotations

import time
import xml.parsers.expat
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

_TICK = 512  # how many cells between two looks at the clock


@dataclass(frozen=True)
class ReadLimits:
    rows: int  # rows scanned, blank ones included
    columns: int  # columns in any one row
    cells: int  # cells in the whole file
    cell_chars: int  # characters in one cell
    seconds: float  # wall-clock time spent reading

    @classmethod
    def for_uploads(cls, *, max_rows: int) -> ReadLimits:
        """The upload settings (HUB_UPLOAD_*); blank rows are skipped, but not without end."""
        return cls(
            rows=10 * max_rows + 1000,
            columns=settings.HUB_UPLOAD_MAX_COLUMNS,
            cells=settings.HUB_UPLOAD_MAX_CELLS,
            cell_chars=settings.HUB_UPLOAD_MAX_CELL_CHARS,
            seconds=settings.HUB_UPLOAD_READ_SECONDS,
        )


def column_letters(number: int) -> str:
    """1 -> A, 27 -> AA: the column as a spreadsheet names it."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(reference: str) -> int:
    number = 0
    for char in reference:
        if not "A" <= char <= "Z":
            break
        number = number * 26 + ord(char) - 64
    return number


class ReadGuard:
    """Counts what a reader reads and refuses at the first limit passed."""

    def __init__(self, limits: ReadLimits):
        self.limits = limits
        self.started = time.monotonic()
        self.cells = 0

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.seconds:
            raise ValidationError(
                f"The file took more than {self.limits.seconds:g} seconds to read, so it was "
                "not read to the end. Save just the records sheet, or split it into smaller "
                "files.",
                code="too_slow",
            )

    def row(self, number: int) -> None:
        if number > self.limits.rows:
            raise ValidationError(
                f"The file goes on past row {self.limits.rows:,}; nothing was imported. Delete "
                "the empty rows under the records, or split the file into smaller files.",
                code="too_many_rows",
            )

    def cell(self, row: int, column: int, chars: int = 0) -> None:
        """One cell at (row, column), 1-based, holding `chars` characters."""
        if column > self.limits.columns:
            raise ValidationError(
                f"Row {row} has something in column {column_letters(column)}, past the "
                f"{self.limits.columns} columns a file may have. Delete the columns after the "
                "last column of the template, or copy just the records into a new sheet.",
                code="too_many_columns",
            )
        self.cells += 1
        if self.cells > self.limits.cells:
            raise ValidationError(
                f"The file has more than {self.limits.cells:,} cells, more than an upload may "
                "hold. Split it into smaller files.",
                code="too_many_cells",
            )
        self.text(row, column, chars)
        if self.cells % _TICK == 0:
            self.check_time()

    def text(self, row: int, column: int, chars: int) -> None:
        if chars > self.limits.cell_chars:
            raise ValidationError(
                f"Cell {column_letters(column)}{row} has more than "
                f"{self.limits.cell_chars:,} characters, longer than any value in the "
                "template. Check that the file is the right one.",
                code="cell_too_long",
            )

    def table_row(self, number: int, values: list[str]) -> None:
        """A row that is already read (a CSV line): its number, columns and cells."""
        self.row(number)
        for column, value in enumerate(values, start=1):
            if value or column > self.limits.columns:
                self.cell(number, column, len(value))


class _Scan:
    """expat handlers for one XML part; subclasses count what matters in it."""

    def __init__(self, guard: ReadGuard):
        self.guard = guard
        self.events = 0

    def run(self, stream) -> None:
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        # No entity is ever expanded, internal or external (the billion-laughs attack).
        parser.EntityDeclHandler = self._no_entities
        parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        parser.buffer_text = True
        try:
            while chunk := stream.read(64 * 1024):
                parser.Parse(chunk, False)
                self.guard.check_time()
            parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError as exc:
            raise ValidationError(
                "The Excel workbook could not be read. Open it in Excel, save it again as "
                ".xlsx, and upload that.",
                code="bad_xlsx",
            ) from exc

    def _no_entities(self, *args) -> None:
        raise ValidationError("The workbook declares XML entities, which no Excel file does.",
                              code="bad_xlsx")  # fmt: skip

    @staticmethod
    def _local(name: str) -> str:
        return name.rpartition(" ")[2]

    def _start(self, name, attributes) -> None: ...

    def _end(self, name) -> None: ...

    def _text(self, data) -> None: ...


class _StringsScan(_Scan):
    """The shared string table: one `si` a string, each within the cell and cell-count limits."""

    def __init__(self, guard: ReadGuard):
        super().__init__(guard)
        self.strings = 0
        self.chars = 0

    def _start(self, name, attributes) -> None:
        if self._local(name) == "si":
            self.strings += 1
            self.chars = 0
            if self.strings > self.guard.limits.cells:
                raise ValidationError(
                    f"The workbook holds more than {self.guard.limits.cells:,} different texts, "
                    "more than an upload may hold. Split it into smaller files.",
                    code="too_many_cells",
                )
            if self.strings % _TICK == 0:
                self.guard.check_time()

    def _text(self, data) -> None:
        self.chars += len(data)
        if self.chars > self.guard.limits.cell_chars:
            raise ValidationError(
                f"A text in the workbook has more than {self.guard.limits.cell_chars:,} "
                "characters, longer than any value in the template. Check that the file is the "
                "right one.",
                code="cell_too_long",
            )


class _SheetScan(_Scan):
    """A worksheet: rows, columns, cells, characters, and formulas with no calculated value."""

    def __init__(self, guard: ReadGuard):
        super().__init__(guard)
        self.row_number = 0
        self.column = 0
        self.reference = ""
        self.in_value = False
        self.chars = 0
        self.formula = self.value = False

    def _start(self, name, attributes) -> None:
        tag = self._local(name)
        if tag == "row":
            number = attributes.get("r")
            self.row_number = int(number) if number and number.isdigit() else self.row_number + 1
            self.guard.row(self.row_number)
            self.column = 0
        elif tag == "c":
            reference = attributes.get("r", "")
            self.column = _column_number(reference) or self.column + 1
            self.reference = reference or f"{column_letters(self.column)}{self.row_number}"
            self.guard.cell(self.row_number, self.column)
            self.formula = self.value = False
            self.chars = 0
        elif tag == "f":
            self.formula = True
        elif tag in ("v", "t"):
            self.in_value = True

    def _end(self, name) -> None:
        tag = self._local(name)
        if tag in ("v", "t"):
            self.in_value = False
        elif tag == "c" and self.formula and not self.value:
            raise ValidationError(
                f"Cell {self.reference} holds a formula whose result was never calculated, so "
                "its value is unknown. Open the file in Excel, save it and upload it again, or "
                "type the value in place of the formula.",
                code="formula_without_value",
            )

    def _text(self, data) -> None:
        if self.in_value:
            self.value = self.value or bool(data)
            self.chars += len(data)
            self.guard.text(self.row_number, self.column, self.chars)


def scan_shared_strings(stream, guard: ReadGuard) -> None:
    _StringsScan(guard).run(stream)


def scan_sheet(stream, guard: ReadGuard) -> None:
    _SheetScan(guard).run(stream)
