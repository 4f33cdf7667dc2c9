"""Cohort records against the database: constraints, entry, uploads that update with provenance,
the upload pages' permissions, and the cohort benchmark page."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.performance import cohort_imports, cohort_services
from cases.performance.models import CohortEvent, CohortRecord, Programme, RecordUpload
from hub.base.models import Area, ClaimantGroup
from tests.factories import OrganisationFactory, admin_of, member_of

pytestmark = pytest.mark.django_db

HEADER = list(cohort_imports.COLUMNS)


def row(month="2024-04", attached="150", outcomes=("10", "30", "48", "55"), area="CPA5",
        visibility="members"):  # fmt: skip
    starts = ["40", "60", "72", "80"]
    sustained = ["0", "12", "30", "41"]
    return ["prime", "", "Work and Health Programme", area, "JSA 25+", month, attached,
            *starts, *outcomes, *sustained, visibility]  # fmt: skip


def csv_file(rows, name="cohorts.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


def data(**overrides):
    values = {
        "role": "prime",
        "prime": None,
        "programme": Programme.objects.get(slug="work-and-health-programme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-25"),
        "cohort_month": datetime.date(2024, 4, 1),
        "attached": 100,
        "job_outcomes_by_3": 5,
        "job_outcomes_by_6": 12,
        "visibility": "public",
    }
    values.update(overrides)
    return values


@pytest.fixture
def organisation():
    return OrganisationFactory(kind="prime")


@pytest.fixture
def admin(organisation):
    return admin_of(organisation)


def _import(admin, organisation, rows, name="cohorts.csv"):
    new, updates, errors = cohort_imports.validate(
        cohort_imports.read_rows(csv_file(rows, name)), organisation
    )
    assert errors == []
    return cohort_services.cohorts_import(
        actor=admin, organisation=organisation, cohorts=new, updates=updates, filename=name,
        sha256="0" * 64,
    )  # fmt: skip


# The database's own rules.


def test_database_refuses_a_later_milestone_below_an_earlier_one(organisation):
    cohort = cohort_services.build(organisation=organisation, data=data())
    cohort.job_outcomes_by_12 = 3  # fewer than by 6 months
    with pytest.raises(IntegrityError), transaction.atomic():
        cohort.save()


def test_database_refuses_a_figure_above_the_people_attached(organisation):
    cohort = cohort_services.build(organisation=organisation, data=data())
    cohort.job_starts_by_24 = 101
    with pytest.raises(IntegrityError), transaction.atomic():
        cohort.save()


def test_database_refuses_a_second_cohort_for_the_same_month(organisation):
    cohort_services.build(organisation=organisation, data=data()).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        cohort_services.build(organisation=organisation, data=data()).save()


# Services.


def test_validation_names_the_rule_in_words(organisation):
    with pytest.raises(ValidationError) as caught:
        cohort_services.build(
            organisation=organisation, data=data(job_outcomes_by_12=4, job_starts_by_3=101)
        )
    errors = caught.value.message_dict
    assert errors["job_outcomes_by_12"] == [
        "Job outcomes by 12 months (4) cannot be fewer than by 6 months (12): the figures add up "
        "over time"
    ]
    assert errors["job_starts_by_3"] == [
        "Job starts by 3 months (101) cannot be more than the people attached (100)"
    ]


def test_only_an_admin_enters_a_cohort(organisation):
    with pytest.raises(PermissionDenied):
        cohort_services.cohort_record_create(
            actor=member_of(organisation), organisation=organisation, data=data()
        )
    assert not CohortRecord.objects.exists()


def test_entering_an_existing_cohort_again_updates_it_with_provenance(organisation, admin):
    cohort = cohort_services.cohort_record_create(actor=admin, organisation=organisation,
                                                  data=data())  # fmt: skip
    again = cohort_services.cohort_record_create(
        actor=admin, organisation=organisation, data=data(job_outcomes_by_12=20)
    )
    assert again.pk == cohort.pk
    assert CohortRecord.objects.get().job_outcomes_by_12 == 20
    update = cohort.events.get(action="updated")
    assert update.changes == {"job_outcomes_by_12": [None, 20]}
    assert update.actor == admin


def test_upload_with_bad_rows_saves_nothing_and_names_every_bad_row(organisation):
    rows = [
        row("2024-04"),
        row("2024-05", attached="ten"),  # row 3
        row("2024-06", outcomes=("10", "8", "", "")),  # row 4: 6 months below 3 months
        row("2024-07", outcomes=("10", "20", "30", "200")),  # row 5: above attached
        row("2024-04"),  # row 6: repeats row 2
    ]
    new, updates, errors = cohort_imports.validate(
        cohort_imports.read_rows(csv_file(rows)), organisation
    )
    assert sorted({e.row for e in errors}) == [3, 4, 5, 6]
    by_row = {e.row: e for e in errors}
    assert by_row[3].column == "attached"
    assert by_row[4].column == "job_outcomes_by_6"
    assert by_row[5].column == "job_outcomes_by_24"
    assert "Row 2" in by_row[6].reason
    assert not CohortRecord.objects.exists() and not RecordUpload.objects.exists()


def test_a_later_upload_updates_cohorts_and_keeps_old_and_new_figures(organisation, admin):
    first = _import(admin, organisation, [row("2024-04", outcomes=("10", "", "", ""))])
    cohort = CohortRecord.objects.get()
    cohort.status = CohortRecord.Status.VERIFIED
    cohort.save()
    later = [row("2024-04", outcomes=("10", "30", "", ""), visibility=""), row("2024-05")]
    second = _import(admin, organisation, later, name="later.csv")
    assert CohortRecord.objects.count() == 2
    cohort.refresh_from_db()
    assert cohort.job_outcomes_by_3 == 10 and cohort.job_outcomes_by_6 == 30
    assert cohort.visibility == "members"  # kept: the later file left it empty
    assert cohort.status == CohortRecord.Status.SELF_REPORTED  # the figures changed
    assert second.kind == RecordUpload.Kind.COHORT and second.row_count == 2
    created, updated = cohort.events.order_by("id")
    assert created.upload == first and updated.upload == second
    assert updated.changes == {"job_outcomes_by_6": [None, 30]}
    assert updated.from_status == "verified" and updated.to_status == "self_reported"
    assert updated.note == "Uploaded in later.csv"


def test_an_upload_that_breaks_a_rule_with_stored_figures_is_refused(organisation, admin):
    _import(admin, organisation, [row("2024-04")])
    _, _, errors = cohort_imports.validate(
        cohort_imports.read_rows(csv_file([row("2024-04", attached="20")])), organisation
    )
    assert errors and errors[0].row == 2
    assert CohortRecord.objects.get().attached == 150


def test_only_an_admin_can_import(organisation):
    with pytest.raises(PermissionDenied):
        cohort_services.cohorts_import(
            actor=member_of(organisation), organisation=organisation, cohorts=[], updates=[],
            filename="x.csv", sha256="0" * 64,
        )  # fmt: skip


# Pages.


def test_a_member_who_is_not_an_admin_cannot_upload(client, organisation):
    client.force_login(member_of(organisation))
    response = client.post(reverse("cohort_upload"), {"file": csv_file([row()])})
    assert response.status_code == 403
    assert not CohortRecord.objects.exists()


def test_an_admin_cannot_upload_for_another_organisation(client, admin):
    other = OrganisationFactory()
    client.force_login(admin)
    response = client.post(
        reverse("cohort_upload"), {"organisation": other.pk, "file": csv_file([row()])}
    )
    assert response.status_code == 200
    assert "You can only upload records for an organisation you are an admin of" in (
        response.content.decode()
    )
    assert not CohortRecord.objects.exists()


def test_upload_page_lists_every_bad_row_then_a_good_file_saves(client, organisation, admin):
    client.force_login(admin)
    bad = [row("2024-04"), row("2024-05", attached="-3"), row("2024-06", area="Atlantis")]
    response = client.post(reverse("cohort_upload"), {"file": csv_file(bad, "bad.csv")})
    html = response.content.decode()
    assert "bad.csv has 2 problems in 2 rows" in html
    assert "There is no area “Atlantis”" in html
    assert not CohortRecord.objects.exists()
    response = client.post(reverse("cohort_upload"), {"file": csv_file([row(), row("2024-05")])})
    assert "Check the cohorts before saving" in response.content.decode()
    sha = client.session["cases.record_upload"]["sha256"]
    response = client.post(reverse("cohort_upload"), {"action": "save", "sha256": sha})
    assert response.status_code == 302
    assert CohortRecord.objects.filter(organisation=organisation).count() == 2


def test_a_period_preview_cannot_be_saved_as_cohorts(client, admin):
    client.force_login(admin)
    session = client.session
    session["cases.record_upload"] = {"kind": "period", "sha256": "a" * 64, "filename": "x",
                                      "organisation": 0, "rows": []}  # fmt: skip
    session.save()
    response = client.post(reverse("cohort_upload"), {"action": "save", "sha256": "a" * 64})
    assert response.status_code == 302 and response.url == reverse("cohort_upload")


def test_template_has_example_rows(client):
    response = client.get(reverse("cohort_upload_template"), {"format": "csv", "example": "1"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:7] == list(cohort_imports.COLUMNS[:7])
    assert len(lines) == 3
    assert client.get(reverse("cohort_upload_template"), {"format": "xlsx"}).status_code == 200


# The cohort benchmark.


def _cohorts_for(organisation, rate_by_12: int, months, area="CPA5", attached=100):
    for month in months:
        CohortRecord.objects.create(
            organisation=organisation, role="prime", programme=Programme.objects.get(
                slug="work-and-health-programme"), area=Area.objects.get(code=area),
            claimant_group=ClaimantGroup.objects.get(slug="jsa-25"), cohort_month=month,
            attached=attached, job_outcomes_by_12=rate_by_12, job_starts_by_12=rate_by_12 + 10,
            visibility="public",
        )  # fmt: skip


def _year(end=datetime.date(2025, 6, 1)):
    from cases.performance.cohorts import window_ending

    return window_ending(end)


def _get(client, **params):
    return client.get(
        reverse("benchmark_index"),
        {"figures": "cohort", "programme": "work-and-health-programme", "group": "jsa-25",
         "months": "12", "end": "2025-06", **params},
    )  # fmt: skip


def test_cohort_benchmark_below_the_minimum_shows_no_quartiles(client):
    for number in range(3):
        _cohorts_for(OrganisationFactory(name=f"Fictional Org {number}"), 10 + number, _year())
    response = _get(client)
    html = response.content.decode()
    assert "Cohort figures" in html
    assert "Not enough data to compare" in html
    assert "top quarter" not in html
    assert "10.0% (120 of 1,200 attached)" in html  # 12 months × 10 of 100
    assert all(not row["enough"] for row in response.context["summary_rows"])


def test_cohort_benchmark_compares_same_months_and_lists_who_lacks_some(client):
    for number in range(5):
        _cohorts_for(OrganisationFactory(name=f"Fictional Org {number}"), 10 + number, _year())
    late = OrganisationFactory(name="Fictional Newcomer")
    _cohorts_for(late, 50, _year()[6:])
    response = _get(client)
    html = response.content.decode()
    assert len(response.context["rows"]) == 5
    assert "Fictional Newcomer" in html and "no figure for Jul 2024" in html
    outcome = response.context["summary_rows"][1]
    assert outcome["enough"] and outcome["cells"][2] == "12.0%"  # median of 10..14


def test_cohort_benchmark_says_when_cohorts_are_not_old_enough(client):
    _cohorts_for(OrganisationFactory(), 10, [datetime.date(2099, 1, 1)])
    response = _get(client, end="")
    assert response.context["none_mature"]
    assert "No cohorts are old enough for a 12-month rate yet" in response.content.decode()
    assert not response.context.get("rows")
    # A month that is not old enough is not even offered.
    response = _get(client, end="2099-01")
    assert response.context["form"].errors["end"]


def test_cohort_benchmark_query_count_does_not_grow_with_rows(client):
    _cohorts_for(OrganisationFactory(), 10, _year())
    _get(client)  # warm the cached choices
    with CaptureQueriesContext(connection) as few:
        _get(client)
    for number in range(8):
        _cohorts_for(OrganisationFactory(), 10 + number, _year(), area="CPA1")
    _get(client)
    with CaptureQueriesContext(connection) as many:
        _get(client)
    assert len(many) <= len(few)


def test_period_benchmark_says_it_shows_period_figures(client):
    from cases.performance.services import build
    from tests.cases.records_helpers import figures

    build(organisation=OrganisationFactory(), data=figures()).save()
    html = client.get(reverse("benchmark_index")).content.decode()
    assert "Period figures" in html
    assert "Not enough data to compare" in html


def test_cohort_events_keep_who_and_which_upload(organisation, admin):
    upload = _import(admin, organisation, [row()])
    event = CohortEvent.objects.get()
    assert (event.actor, event.upload, event.action) == (admin, upload, "created")
    assert event.changes["attached"] == [None, 150]


def test_cohort_list_query_count_does_not_grow_with_rows(client):
    _cohorts_for(OrganisationFactory(), 10, _year()[:2])
    url = reverse("cohort_list")
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(6):
        _cohorts_for(OrganisationFactory(), 10 + number, _year(), area="CPA1")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["rows"]) > 2
    assert len(many) <= len(few)


def test_cohort_page_shows_milestones_with_denominators_and_history(client, admin, organisation):
    _import(admin, organisation, [row("2024-04", visibility="public")])
    cohort = CohortRecord.objects.get()
    html = client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert "32.0% (48 of 150 attached)" in html  # job outcomes within 12 months
    assert "cohorts.csv" in html  # the upload it came from
    member_only = CohortRecord.objects.filter(pk=cohort.pk)
    member_only.update(visibility="members")
    assert client.get(reverse("cohort_detail", args=[cohort.pk])).status_code == 404


def test_form_entry_saves_a_cohort_for_an_admin_only(client, organisation, admin):
    client.force_login(member_of(organisation))
    assert client.get(reverse("cohort_create")).status_code == 403
    client.force_login(admin)
    response = client.post(
        reverse("cohort_create"),
        {"organisation": organisation.slug, "role": "prime",
         "programme": Programme.objects.get(slug="work-and-health-programme").pk,
         "area": Area.objects.get(code="CPA5").pk,
         "claimant_group": ClaimantGroup.objects.get(slug="jsa-25").pk,
         "cohort_month_0": "4", "cohort_month_1": "2025", "attached": "80",
         "job_outcomes_by_3": "9", "job_outcomes_by_6": "4", "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 200  # 6 months below 3 months: shown beside the field
    assert "cannot be fewer than by 3 months" in response.content.decode()
    assert not CohortRecord.objects.exists()


def test_api_cohort_benchmark_holds_back_quartiles_below_the_minimum(client):
    for number in range(3):
        _cohorts_for(OrganisationFactory(), 10 + number, _year())
    response = client.get(
        "/performance/open-data/api/cohort-benchmark",
        {"programme": "work-and-health-programme", "claimant_group": "jsa-25", "months": 12,
         "end": "2025-06"},
    )  # fmt: skip
    body = response.json()
    assert response.status_code == 200, body
    assert body["kind"] == "cohort" and len(body["series"]) == 3
    outcome = body["spread"][1]
    assert outcome == {"measure": "job_outcomes", "count": 3, "enough": False, "quartiles": None}
    first = body["series"][0]["rates"]["job_outcomes"]
    assert (first["numerator"], first["denominator"]) == (120, 1200)
    listed = client.get("/performance/open-data/api/cohorts").json()["results"]
    assert len(listed) == 36 and 12 in listed[0]["mature_for"]


def test_cohort_page_query_count_does_not_grow_with_its_history(client, admin, organisation):
    _import(admin, organisation, [row("2024-04", outcomes=("1", "", "", ""),
                                      visibility="public")])  # fmt: skip
    cohort = CohortRecord.objects.get()
    url = reverse("cohort_detail", args=[cohort.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(2, 6):
        later = row("2024-04", outcomes=(str(n), "", "", ""), visibility="")  # keeps sharing
        _import(admin, organisation, [later], name=f"later-{n}.csv")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["events"]) == 5
    assert len(many) <= len(few)
