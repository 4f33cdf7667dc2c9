"""Reading an upload cannot stall a worker: limits checked while reading (hub.base.readguard)."""

import io
import time
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings

from cases.performance import imports
from hub.base.readguard import ReadLimits, column_letters
from hub.base.spreadsheets import read_table

HEADER = list(imports.COLUMNS)
OOXML = "http://schemas.openxmlformats.org"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELS = f"{OOXML}/officeDocument/2006/relationships"
CONTENT_TYPES = (
    f'<Types xmlns="{OOXML}/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SML}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<Relationships xmlns="{OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<workbook xmlns="{OOXML}/spreadsheetml/2006/main" xmlns:r="{RELS}">'
    '<sheets><sheet name="Records" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(sheet_data: str, strings: list[str] = ("a",)) -> bytes:
    """A minimal .xlsx written by hand, so a test can hold any cells Excel could."""
    sst = "".join(f"<si><t>{text}</t></si>" for text in strings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{sst}</sst>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            f"<sheetData>{sheet_data}</sheetData></worksheet>",
        )
    return buffer.getvalue()


def grid(rows: int, columns: int) -> str:
    """Sheet data of `rows` rows of `columns` numbers."""
    return "".join(
        f'<row r="{n}">'
        + "".join(f'<c r="{column_letters(c)}{n}"><v>1</v></c>' for c in range(1, columns + 1))
        + "</row>"
        for n in range(1, rows + 1)
    )


def upload(content: bytes, name="records.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(content: bytes, name="records.xlsx", **limits) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        if limits:
            read_table(
                upload(content, name), columns=imports.COLUMNS,
                required=imports.REQUIRED_COLUMNS, max_bytes=2 * 1024 * 1024, max_rows=2000,
                limits=ReadLimits(**{"rows": 21_000, "columns": 50, "cells": 200_000,
                                     "cell_chars": 1000, "seconds": 5, **limits}),
            )  # fmt: skip
        else:
            imports.read_rows(upload(content, name))
    return exc.value


def test_the_unpacked_39_mb_workbook_is_refused_in_well_under_two_seconds_of_cpu():
    # The attack: about 1,000 rows of 2,000 one-letter cells, under 200 KB zipped.
    # Cells without a reference take the next column, as Excel reads them.
    sheet = ("<row>" + '<c t="s"><v>0</v></c>' * 2000 + "</row>") * 940
    content = workbook(sheet)
    assert len(content) < 300_000
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert 39_000_000 < unpacked < 40 * 1024 * 1024  # under the unpacked-size limit
    started = time.process_time()
    error = refusal(content)
    assert time.process_time() - started < 2
    assert error.code == "too_many_columns"
    assert error.messages == [
        "Row 1 has something in column AY, past the 50 columns a file may have. Delete the "
        "columns after the last column of the template, or copy just the records into a new "
        "sheet."
    ]


def test_one_cell_far_to_the_right_is_refused_before_openpyxl_pads_the_row():
    assert refusal(workbook('<row r="1"><c r="XFD1" t="s"><v>0</v></c></row>')).code == (
        "too_many_columns"
    )


def test_too_many_cells_in_all_is_refused_with_the_limit():
    error = refusal(workbook(grid(30, 10)), cells=250)
    assert error.code == "too_many_cells"
    assert error.messages == [
        "The file has more than 250 cells, more than an upload may hold. Split it into smaller "
        "files."
    ]


def test_a_row_far_down_the_sheet_is_refused():
    error = refusal(workbook('<row r="900000"><c r="A900000"><v>1</v></c></row>'))
    assert error.code == "too_many_rows"
    assert "goes on past row 21,000" in error.messages[0]


def test_a_long_cell_is_refused_in_the_sheet_the_strings_and_a_csv():
    long = "x" * 1001
    inline = workbook(f'<row r="1"><c r="B1" t="inlineStr"><is><t>{long}</t></is></c></row>')
    assert refusal(inline).messages[0].startswith("Cell B1 has more than 1,000 characters")
    shared = refusal(workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [long]))
    assert shared.code == "cell_too_long"
    csv_error = refusal(("role," * 3 + long + "\n").encode(), name="records.csv")
    assert csv_error.messages[0].startswith("Cell D1 has more than 1,000 characters")


def test_a_csv_with_too_many_columns_is_refused_naming_the_row():
    error = refusal(("a," * 60 + "\n").encode(), name="records.csv")
    assert error.code == "too_many_columns"
    assert error.messages[0].startswith("Row 1 has something in column AY")


def test_a_time_budget_stops_a_slow_read():
    error = refusal(workbook(grid(200, 20)), seconds=0)
    assert error.code == "too_slow"
    assert error.messages[0].startswith("The file took more than 0 seconds to read")


def test_xml_entities_are_refused_not_expanded():
    bomb = workbook("")  # the sheet is rewritten below
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;'
        "</t></is></c></row></sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = sheet if info.filename.endswith("sheet1.xml") else source.read(info)
            target.writestr(info.filename, data)
    assert refusal(buffer.getvalue()).code == "bad_xlsx"


def test_a_formula_with_no_calculated_value_is_refused_by_cell():
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["prime", "", "Work and Health Programme", "CPA5", "JSA 25+",
                        "2024-04", "2025-03", "=1+1"])  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl writes the formula without a cached value, as Excel never does
    error = refusal(buffer.getvalue())
    assert error.code == "formula_without_value"
    assert error.messages[0].startswith("Cell H2 holds a formula whose result was never calculated")


@override_settings(HUB_UPLOAD_MAX_COLUMNS=len(imports.COLUMNS))  # the template's, exactly
def test_the_limits_come_from_settings():
    assert ReadLimits.for_uploads(max_rows=10).columns == len(imports.COLUMNS) == 15
    ok = workbook('<row r="1">' + "".join(
        f'<c r="{column_letters(c)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for c, name in enumerate(HEADER, start=1)) + "</row>"
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>prime</t></is></c></row>'
    )  # fmt: skip
    rows = imports.read_rows(upload(ok))
    assert rows[0]["role"] == "prime"
