"""Uploading performance records: reading, checking every row, saving all or none, the pages."""

import csv
import datetime
import io
import zipfile

import openpyxl
import openpyxl.xml
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from cases.performance import imports
from cases.performance import services as record_services
from cases.performance.models import PerformanceRecord, Programme, RecordEvent, RecordUpload
from hub.base import exports
from hub.base.models import Area, ClaimantGroup
from tests.factories import OrganisationFactory, admin_of, member_of

pytestmark = pytest.mark.django_db

HEADER = list(imports.COLUMNS)
GOOD = [
    ["prime", "", "Work and Health Programme", "CPA5", "JSA 25+", "2024-04", "2025-03",
     "1200", "1100", "380", "260", "150", "300", "members", "1450000"],
    ["prime", "", "restart-scheme", "CPA1", "JSA 18-24", "2024-04", "2025-03",
     "800", "700", "200", "120", "", "100", "public", ""],
    ["prime", "", "Work Programme", "cpa13", "New ESA claimants", "2014-04", "2015-03",
     "50", "40", "", "6", "", "", "", ""],
    ["prime", "", "Work Programme", "Wales", "JSA 25+", "2014-04", "2015-03",
     "1,500", "1400", "300", "150", "80", "200", "Members", "£1,450,000"],
    ["prime", "", "Work Choice", "CPA2", "ESA volunteers", "2016-01", "2016-12",
     "90", "90", "30", "20", "10", "25", "members", ""],
    ["prime", "", "Work Choice", "CPA3", "ESA volunteers", "01/2016", "12/2016",
     "900", "800", "300", "200", "100", "250", "members", ""],
]  # fmt: skip


def csv_bytes(rows, header=HEADER, *, bom=False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode()


def upload_file(content: bytes, name="records.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Records"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_bad_rows():
    """GOOD with three bad rows in it: spreadsheet rows 3, 5 and 7."""
    bad_number = [*GOOD[1][:7], "ten", *GOOD[1][8:]]
    bad_names = [*GOOD[2][:2], "Flexible New Deal", *GOOD[2][3:6], "2015-13", *GOOD[2][7:]]
    bad_rule = [*GOOD[3][:7], "800", "900", *GOOD[3][9:]]
    return [GOOD[0], bad_number, GOOD[4], bad_names, GOOD[5], bad_rule]


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin(organisation):
    return admin_of(organisation)


def post_file(client, content, name="records.csv", organisation=None):
    data = {"file": upload_file(content, name)}
    if organisation is not None:
        data["organisation"] = organisation.pk
    return client.post(reverse("record_upload"), data)


def save(client, response):
    return client.post(
        reverse("record_upload"), {"action": "save", "sha256": response.context["sha256"]}
    )


# Reading ----------------------------------------------------------------------------------------


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_csv_rows_keep_their_spreadsheet_row_numbers_and_skip_blank_rows():
    content = csv_bytes([GOOD[0], [""] * len(HEADER), GOOD[1]], bom=True)
    rows = imports.read_rows(upload_file(content))
    assert [row[imports.ROW] for row in rows] == [2, 4]
    assert rows[0]["programme"] == "Work and Health Programme"
    assert rows[1]["visibility"] == "public"


def test_header_names_are_matched_loosely_and_optional_columns_may_be_left_out():
    header = ["Role", "Programme", "Area", "Claimant group", "period-start", "PERIOD_END",
              "job_outcomes"]  # fmt: skip
    content = csv_bytes([["prime", "Work Choice", "CPA2", "ESA volunteers", "2016-01",
                          "2016-12", "4"]], header)  # fmt: skip
    (row,) = imports.read_rows(upload_file(content))
    assert row["claimant_group"] == "ESA volunteers"
    assert row["referrals"] == ""


def test_missing_and_unknown_headers_are_refused_with_one_message():
    header = [name for name in HEADER if name not in ("area", "period_end")] + ["notes"]
    with pytest.raises(ValidationError) as exc:
        imports.read_rows(upload_file(csv_bytes([["x"] * len(header)], header)))
    (message,) = exc.value.messages
    assert "no area, period_end column" in message
    assert "notes" in message
    assert "The columns are: role, prime, programme" in message


def test_xlsx_is_read_by_content_whatever_its_name():
    rows = [
        ["prime", None, "Work Choice", "CPA2", "ESA volunteers", datetime.datetime(2016, 1, 1),
         datetime.datetime(2016, 12, 1), 90, 90.0, 30, 20, None, 25, "members"],
    ]  # fmt: skip
    (row,) = imports.read_rows(upload_file(xlsx_bytes(rows), name="records.csv"))
    assert row[imports.ROW] == 2
    assert row["period_start"] == "2016-01-01"
    assert row["attachments"] == "90"
    assert row["sustainment_outcomes"] == ""


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (PNG, "records.csv", "must be a CSV file or an Excel workbook"),
        (zip_bytes(), "records.xlsx", "zip archive, not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "records.xls", "old-style Excel"),
        (b"role,prime\r\n\xff\xfe\x00", "records.csv", "saved as UTF-8"),
        (b"   \n", "records.csv", "The file is empty"),
    ],
    ids=["png", "zip", "xls", "not-utf8", "empty"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_by_its_content(content, name, expected):
    with pytest.raises(ValidationError) as exc:
        imports.read_rows(upload_file(content, name))
    assert expected in exc.value.messages[0]


@override_settings(HUB_UPLOAD_MAX_BYTES=300)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    content = csv_bytes(GOOD)
    assert len(content) > 300
    with pytest.raises(ValidationError) as exc:
        imports.read_rows(upload_file(content))
    assert "the largest you can upload is 0.0 MB" in exc.value.messages[0]
    assert exc.value.code == "too_big"


@override_settings(HUB_UPLOAD_MAX_ROWS=5)
def test_a_file_over_the_row_limit_is_refused():
    with pytest.raises(ValidationError) as exc:
        imports.read_rows(upload_file(csv_bytes(GOOD)))
    assert exc.value.messages == [
        "The file has more than 5 records; you can upload up to 5 at a time. Split it into "
        "smaller files."
    ]


@override_settings(HUB_UPLOAD_MAX_ROWS=5)
def test_the_row_limit_applies_to_xlsx_too():
    with pytest.raises(ValidationError, match="more than 5 records"):
        imports.read_rows(upload_file(xlsx_bytes(GOOD), name="records.xlsx"))


# Checking ---------------------------------------------------------------------------------------


def test_validate_reports_every_bad_cell_of_every_bad_row(organisation):
    rows = imports.read_rows(upload_file(csv_bytes(with_bad_rows())))
    records, errors = imports.validate(rows, organisation)
    assert [record.source_row for record in records] == [2, 4, 6]
    assert [(e.row, e.column) for e in errors] == [
        (3, "referrals"), (5, "programme"), (5, "period_end"), (7, "attachments"),
    ]  # fmt: skip
    assert errors[0].reason == "Referrals must be a number, like 120, not “ten”"
    assert errors[1].reason == "There is no programme “Flexible New Deal”"
    assert "year and month like 2024-04" in errors[2].reason
    assert errors[3].reason == "Attachments (900) cannot be more than referrals (800)"


def test_funding_received_is_optional_and_may_be_written_in_pounds(organisation):
    records, errors = imports.validate(
        imports.read_rows(upload_file(csv_bytes([GOOD[0], GOOD[1], GOOD[3]]))), organisation
    )
    assert errors == []
    assert [r.funding_received for r in records] == [1450000, None, 1450000]
    bad = dict(zip(HEADER, GOOD[0], strict=True)) | {"funding_received": "a lot"}
    _, errors = imports.validate(
        imports.read_rows(upload_file(csv_bytes([[bad[name] for name in HEADER]]))), organisation
    )
    assert [(e.column, e.reason) for e in errors] == [
        ("funding_received", "Funding received must be a number, like 120, not “a lot”")
    ]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("referrals", "12.5", "Referrals must be a whole number, not 12.5"),
        ("referrals", "-3", "Referrals cannot be negative: enter 0 or more, not -3"),
        ("job_starts", "ten", "Job starts must be a number, like 120, not “ten”"),
        ("role", "provider", "Role must be prime or subcontractor, not “provider”"),
        ("area", "CPA99", "There is no area “CPA99”"),
        ("claimant_group", "", "Enter the claimant group"),
        ("period_start", "2024-04-15", "Period start must be a year and month like 2024-04"),
        ("period_start", "1899-04", "Period start: the year must be between 1990 and 2100"),
        ("visibility", "everyone", "Visibility must be members or public, not “everyone”"),
    ],
)
def test_bad_cells_are_named_by_column(organisation, column, value, reason):
    row = dict(zip(HEADER, GOOD[0], strict=True))
    row[column] = value
    content = csv_bytes([[row[name] for name in HEADER]])
    _, errors = imports.validate(imports.read_rows(upload_file(content)), organisation)
    assert len(errors) == 1
    assert errors[0].row == 2
    assert errors[0].column == column
    assert errors[0].reason.startswith(reason)


def test_subcontractor_rows_name_a_prime_that_is_on_the_hub(organisation):
    prime = OrganisationFactory(name="Northern Prime Ltd")
    rows = [
        ["subcontractor", "Northern Prime Ltd", *GOOD[0][2:]],
        ["subcontractor", "", *GOOD[1][2:]],
        ["subcontractor", "Nobody Ltd", *GOOD[2][2:]],
        ["prime", "Northern Prime Ltd", *GOOD[3][2:]],
        ["subcontractor", organisation.name, *GOOD[4][2:]],
    ]
    records, errors = imports.validate(
        imports.read_rows(upload_file(csv_bytes(rows))), organisation
    )
    assert [r.prime for r in records] == [prime]
    assert [(e.row, e.column) for e in errors] == [
        (3, "prime"), (4, "prime"), (5, "prime"), (6, "prime"),
    ]  # fmt: skip
    assert "exactly as in the organisation directory" in errors[1].reason
    assert errors[3].reason == "An organisation cannot be its own prime contractor"


def test_rows_repeating_each_other_or_a_saved_record_are_reported(organisation, admin):
    rows = imports.read_rows(upload_file(csv_bytes(GOOD)))
    records, _ = imports.validate(rows, organisation)
    record_services.record_create(actor=admin, organisation=organisation, data=_data(records[1]))
    content = csv_bytes([*GOOD, GOOD[0]])
    _, errors = imports.validate(imports.read_rows(upload_file(content)), organisation)
    assert [(e.row, e.column) for e in errors] == [(3, "—"), (8, "—")]
    assert errors[0].reason.startswith("There is already a record for this organisation")
    assert errors[1].reason.startswith("Row 2 is for the same programme, area")


def test_lookups_take_a_fixed_number_of_queries_whatever_the_rows(organisation):
    """Programmes, areas, groups, primes and the organisation's existing records load once:
    checking a file costs the same queries whatever its length."""
    OrganisationFactory(name="Northern Prime Ltd")
    few = [["subcontractor", "Northern Prime Ltd", *row[2:]] for row in GOOD[:2]]
    many = [["subcontractor", "Northern Prime Ltd", *row[2:]] for row in GOOD]
    counts = []
    for rows in (few, many):
        parsed = imports.read_rows(upload_file(csv_bytes(rows)))
        with CaptureQueriesContext(connection) as queries:
            records, errors = imports.validate(parsed, organisation)
        assert not errors
        counts.append(len(queries))
    assert counts[0] == counts[1] == 5


def _data(record):
    return {name: getattr(record, name) for name in record_services.FIELDS}


# Saving -----------------------------------------------------------------------------------------


def test_commit_saves_every_record_with_an_event_and_one_upload(organisation, admin):
    records, errors = imports.validate(
        imports.read_rows(upload_file(csv_bytes(GOOD))), organisation
    )
    assert not errors
    upload = record_services.records_import(
        actor=admin, organisation=organisation, records=records, filename="q1.csv", sha256="a" * 64
    )
    assert upload.row_count == len(GOOD)
    saved = PerformanceRecord.objects.filter(upload=upload)
    assert saved.count() == len(GOOD)
    assert set(saved.values_list("created_by", flat=True)) == {admin.pk}
    assert set(saved.values_list("status", flat=True)) == {"self_reported"}
    events = RecordEvent.objects.filter(record__upload=upload, action="created")
    assert events.count() == len(GOOD)
    assert set(events.values_list("actor", "actor_organisation")) == {(admin.pk, organisation.pk)}
    row = saved.get(area__code="CPA13", claimant_group__name="New ESA claimants")
    assert (row.referrals, row.attachments, row.job_starts, row.job_outcomes) == (50, 40, None, 6)
    assert row.programme.slug == "work-programme"
    assert row.period_start == datetime.date(2014, 4, 1)
    assert saved.get(area__code="CPA1").visibility == "public"
    assert row.visibility == "members"


def test_only_an_admin_of_the_organisation_can_commit(organisation):
    records, _ = imports.validate(imports.read_rows(upload_file(csv_bytes(GOOD))), organisation)
    for outsider in (member_of(organisation), admin_of(OrganisationFactory())):
        with pytest.raises(PermissionDenied):
            record_services.records_import(
                actor=outsider, organisation=organisation, records=records, filename="x.csv",
                sha256="0" * 64,
            )  # fmt: skip
    assert not RecordUpload.objects.exists()
    assert not PerformanceRecord.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_commit_saves_nothing_when_the_database_refuses_the_last_row(monkeypatch):
    """Real transactions (not a test's savepoint): rows go in one at a time, the last one
    collides with a record saved after the check, and everything before it is rolled back."""
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    records, errors = imports.validate(
        imports.read_rows(upload_file(csv_bytes(GOOD))), organisation
    )
    assert not errors
    concurrent = record_services.record_create(
        actor=admin_of(organisation), organisation=organisation, data=_data(records[-1])
    )
    monkeypatch.setattr(record_services, "BATCH_SIZE", 1)
    with pytest.raises(ValidationError) as exc:
        record_services.records_import(
            actor=admin, organisation=organisation, records=records, filename="q1.csv",
            sha256="b" * 64,
        )  # fmt: skip
    assert exc.value.messages[0].startswith("Nothing has been saved")
    assert list(PerformanceRecord.objects.values_list("pk", flat=True)) == [concurrent.pk]
    assert not RecordUpload.objects.exists()
    assert RecordEvent.objects.exclude(record=concurrent).count() == 0
    assert all(record.pk is None for record in records)


# Pages ------------------------------------------------------------------------------------------


def test_upload_with_three_bad_rows_lists_them_all_and_saves_nothing(client, organisation, admin):
    client.force_login(admin)
    response = post_file(client, csv_bytes(with_bad_rows()), name="quarter.csv")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Error: Upload performance records" in html
    assert "govuk-error-summary" in html
    assert "quarter.csv has 4 problems in 3 rows. Nothing has been saved" in html
    assert [(p.row, p.column) for p in response.context["problems"]] == [
        (3, "referrals"), (5, "programme"), (5, "period_end"), (7, "attachments"),
    ]  # fmt: skip
    for text in ("Referrals must be a number, like 120, not “ten”",
                 "There is no programme “Flexible New Deal”",
                 "Attachments (900) cannot be more than referrals (800)"):  # fmt: skip
        assert text.replace("“", "&ldquo;") in html or text in html
    assert "Upload a corrected file" in html
    assert not PerformanceRecord.objects.exists()
    assert not RecordUpload.objects.exists()
    assert "cases.record_upload" not in client.session


def test_corrected_file_previews_then_saves_every_row(client, organisation, admin):
    client.force_login(admin)
    post_file(client, csv_bytes(with_bad_rows()))
    response = post_file(client, csv_bytes(GOOD), name="quarter.csv")
    assert response.status_code == 200
    assert response.templates[0].name == "cases/uploads/preview.html"
    html = response.content.decode()
    assert f"Save {len(GOOD)} records" in html
    assert "92%" in html  # attachment rate of row 2: 1100 / 1200
    assert not PerformanceRecord.objects.exists()  # a preview saves nothing

    preview, response = response, save(client, response)
    assert response.status_code == 302
    assert response["Location"] == reverse("record_upload_history")
    upload = RecordUpload.objects.get()
    assert (upload.filename, upload.row_count, upload.uploaded_by) == ("quarter.csv", 6, admin)
    assert upload.organisation == organisation
    assert PerformanceRecord.objects.filter(upload=upload, organisation=organisation).count() == 6
    assert "cases.record_upload" not in client.session

    history = client.get(response["Location"])
    assert "Saved 6 records from quarter.csv" in history.content.decode()
    assert save(client, preview).status_code == 302  # a second click saves nothing more
    assert RecordUpload.objects.count() == 1


def test_save_checks_the_rows_again_and_saves_nothing_if_a_record_appeared(
    client, organisation, admin
):
    client.force_login(admin)
    preview = post_file(client, csv_bytes(GOOD))
    records, _ = imports.validate(imports.read_rows(upload_file(csv_bytes(GOOD))), organisation)
    record_services.record_create(actor=admin, organisation=organisation, data=_data(records[-1]))
    response = save(client, preview)
    assert response.status_code == 200
    assert [(p.row, p.column) for p in response.context["problems"]] == [(7, "—")]
    assert PerformanceRecord.objects.count() == 1
    assert not RecordUpload.objects.exists()


def test_save_needs_the_file_that_was_previewed(client, organisation, admin):
    client.force_login(admin)
    post_file(client, csv_bytes(GOOD))
    response = client.post(reverse("record_upload"), {"action": "save", "sha256": "f" * 64})
    assert response.status_code == 302
    assert not PerformanceRecord.objects.exists()
    page = client.get(response["Location"])
    assert "no longer waiting to be saved" in page.content.decode()


def test_xlsx_upload_previews_and_saves(client, organisation, admin):
    rows = [
        ["prime", None, "Work Choice", "CPA2", "ESA volunteers", datetime.datetime(2016, 1, 1),
         datetime.datetime(2016, 12, 1), 90, 90, 30, 20, None, 25, "members"],
        ["prime", None, "Work Choice", "CPA3", "ESA volunteers", "2016-01", "2016-12",
         900, 800, 300, 200, 100, 250, "public"],
    ]  # fmt: skip
    client.force_login(admin)
    response = post_file(client, xlsx_bytes(rows), name="records.xlsx")
    assert response.templates[0].name == "cases/uploads/preview.html"
    assert save(client, response).status_code == 302
    assert RecordUpload.objects.get().row_count == 2
    record = PerformanceRecord.objects.get(area__code="CPA2")
    assert (record.period_start, record.period_end) == (
        datetime.date(2016, 1, 1), datetime.date(2016, 12, 1),
    )  # fmt: skip


def test_a_picture_is_refused_with_a_clear_message(client, admin):
    client.force_login(admin)
    response = post_file(client, PNG, name="records.csv")
    assert response.status_code == 200
    assert "must be a CSV file or an Excel workbook" in response.content.decode()
    assert response.context["form"].errors["file"]


@override_settings(HUB_UPLOAD_MAX_BYTES=300)
def test_the_page_explains_the_size_limit(client, admin):
    client.force_login(admin)
    response = post_file(client, csv_bytes(GOOD))
    assert "the largest you can upload is" in response.context["form"].errors["file"][0]
    assert "Error:" in response.content.decode()


@override_settings(HUB_UPLOAD_MAX_ROWS=2)
def test_the_page_explains_the_row_limit(client, admin):
    client.force_login(admin)
    response = post_file(client, csv_bytes(GOOD))
    assert response.context["form"].errors["file"] == [
        "The file has more than 2 records; you can upload up to 2 at a time. Split it into "
        "smaller files."
    ]


def test_a_member_who_is_not_an_admin_cannot_upload(client, organisation):
    client.force_login(member_of(organisation))
    response = client.get(reverse("record_upload"))
    assert response.status_code == 403
    assert "Only organisation admins can upload records" in response.content.decode()
    response = post_file(client, csv_bytes(GOOD), organisation=organisation)
    assert response.status_code == 403
    assert not PerformanceRecord.objects.exists()


def test_an_admin_of_another_organisation_cannot_upload_for_this_one(client, organisation):
    other_admin = admin_of(OrganisationFactory())
    client.force_login(other_admin)
    response = post_file(client, csv_bytes(GOOD), organisation=organisation)
    assert response.context["form"].non_field_errors() == [
        "You can only upload records for an organisation you are an admin of"
    ]
    admin_of(OrganisationFactory(), user=other_admin)  # now with a choice of two
    response = post_file(client, csv_bytes(GOOD), organisation=organisation)
    assert response.context["form"].errors["organisation"] == [
        "Choose one of the organisations you are an admin of"
    ]
    assert "cases.record_upload" not in client.session
    assert not PerformanceRecord.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("record_upload"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_admin_of_several_organisations_chooses_one(client, organisation, admin):
    second = OrganisationFactory(name="Zeta Employment")
    admin_of(second, user=admin)
    client.force_login(admin)
    page = client.get(reverse("record_upload")).content.decode()
    assert 'type="radio"' in page
    assert "Zeta Employment" in page
    errors = post_file(client, csv_bytes(GOOD)).context["form"].errors
    assert errors["organisation"] == ["Choose the organisation the records are for"]
    preview = post_file(client, csv_bytes(GOOD), organisation=second)
    save(client, preview)
    assert RecordUpload.objects.get().organisation == second
    assert PerformanceRecord.objects.filter(organisation=second).count() == len(GOOD)


def test_upload_page_links_to_the_templates_and_definitions(client, admin):
    client.force_login(admin)
    html = client.get(reverse("record_upload")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "?format=xlsx" in html
    assert "format=csv&amp;example=1" in html
    assert reverse("record_definitions") in html


# Templates and exports --------------------------------------------------------------------------


def test_csv_template_is_the_header_row_and_the_example_uploads_cleanly(client, organisation):
    response = client.get(reverse("record_upload_template"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "performance-records-template.csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines() == [",".join(imports.COLUMNS)]

    example = client.get(reverse("record_upload_template"), {"format": "csv", "example": "1"})
    content = b"".join(example.streaming_content)
    rows = imports.read_rows(upload_file(content))
    records, errors = imports.validate(rows, organisation)
    assert errors == []
    assert len(records) == 1


def test_xlsx_template_has_records_example_and_notes_sheets(client):
    response = client.get(reverse("record_upload_template"), {"format": "xlsx"})
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["Records", "Example", "Notes"]
    records = list(workbook["Records"].iter_rows(values_only=True))
    assert records == [tuple(imports.COLUMNS)]
    example = list(workbook["Example"].iter_rows(values_only=True))
    assert example[1][:5] == ("prime", None, "Work and Health Programme", "CPA5", "JSA 25+")
    assert example[1][7] == 1200
    notes = [row[1] for row in workbook["Notes"].iter_rows(values_only=True)]
    assert any(str(note).endswith(reverse("record_definitions")) for note in notes)
    with pytest.raises(ValidationError, match="header row but no records"):
        imports.read_rows(upload_file(response.content, "template.xlsx"))


def test_an_empty_template_uploads_as_a_clear_message():
    with pytest.raises(ValidationError, match="header row but no records"):
        imports.read_rows(upload_file(csv_bytes([])))


def test_unknown_template_format_is_not_found(client):
    assert client.get(reverse("record_upload_template"), {"format": "pdf"}).status_code == 404


FORMULAS = ["=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx", "\0x"]


@pytest.mark.parametrize("value", FORMULAS)
def test_neutralise_prefixes_anything_a_spreadsheet_could_run(value):
    assert exports.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "Work Programme", "a=b", "", "12", "2024-04"])
def test_neutralise_leaves_ordinary_text_alone(value):
    assert exports.neutralise(value) == value


def test_csv_response_neutralises_text_cells_and_keeps_numbers():
    response = exports.csv_response(
        "open.csv", ["name", "=header"], [[text, -1] for text in FORMULAS] + [[None, 2.5]]
    )
    assert 'filename="open.csv"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["name", "'=header"]
    assert [row[0] for row in rows[1:-1]] == ["'" + value for value in FORMULAS]
    assert {row[1] for row in rows[1:-1]} == {"-1"}  # a number, not text: left as it is
    assert rows[-1] == ["", "2.5"]


def test_xlsx_response_neutralises_text_cells_and_keeps_numbers():
    response = exports.xlsx_response(
        "open.xlsx",
        ["name", "count", "when"],
        [[text, -1, datetime.date(2024, 4, 1)] for text in FORMULAS],
    )
    assert "open.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(min_row=2))
    for row, value in zip(cells, FORMULAS, strict=True):
        assert row[0].data_type == "s"  # text, never a formula
        assert row[0].quotePrefix  # kept as text when edited, with no visible apostrophe
        # XML drops NUL, and reads a carriage return back as a line feed.
        assert row[0].value == value.replace("\0", "").replace("\r", "\n")
        assert row[1].value == -1
        assert row[2].value == datetime.datetime(2024, 4, 1)


# History ----------------------------------------------------------------------------------------


def _uploads(organisation, admin, count):
    for n in range(count):
        RecordUpload.objects.create(
            organisation=organisation, uploaded_by=admin_of(organisation) if n % 2 else admin,
            filename=f"file-{n}.csv", sha256=f"{n:064d}", row_count=n + 1,
        )  # fmt: skip


def test_history_lists_the_organisations_uploads_only(client, organisation, admin):
    _uploads(organisation, admin, 2)
    _uploads(OrganisationFactory(), admin_of(OrganisationFactory()), 1)
    client.force_login(member_of(organisation))
    response = client.get(reverse("record_upload_history"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "file-0.csv" in html and "file-1.csv" in html
    assert len(response.context["page"].object_list) == 2
    assert admin.public_name in html


def test_history_query_count_does_not_grow_with_uploads(
    client, organisation, admin, django_assert_max_num_queries
):
    client.force_login(admin)
    _uploads(organisation, admin, 1)
    with django_assert_max_num_queries(12) as few:
        assert client.get(reverse("record_upload_history")).status_code == 200
    _uploads(organisation, admin, 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("record_upload_history"))
    assert len(response.context["page"].object_list) == 16


def test_history_is_paginated(client, organisation, admin, settings):
    settings.HUB_PAGE_SIZE = 3
    _uploads(organisation, admin, 4)
    client.force_login(admin)
    response = client.get(reverse("record_upload_history"), {"page": 2})
    assert [u.filename for u in response.context["page"].object_list] == ["file-0.csv"]


def test_taxonomy_and_programmes_come_from_the_migrations():
    assert Programme.objects.filter(slug="work-and-health-programme").exists()
    assert Area.objects.filter(code="CPA5").exists()
    assert ClaimantGroup.objects.filter(name="JSA 25+").exists()
