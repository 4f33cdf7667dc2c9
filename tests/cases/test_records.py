"""Performance records: validation, who may enter them, and the community's checks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from cases.performance import rates as performance
from cases.performance import services as records
from cases.performance.models import PerformanceRecord, RecordEvent
from tests.cases.records_helpers import figures, supply_chain
from tests.factories import OrganisationFactory, admin_of, member_of, moderator

pytestmark = pytest.mark.django_db


def test_rates_are_computed_in_one_place_and_none_when_unknown():
    r = performance.rates(
        referrals=200, attachments=180, job_starts=60, job_outcomes=30, profile_job_outcomes=40
    )
    assert (str(r.attachment_rate), str(r.job_start_rate), str(r.job_outcome_rate)) == (
        "0.9000", "0.3333", "0.1667",
    )  # fmt: skip
    assert str(r.performance_against_profile) == "0.7500"
    empty = performance.rates(
        referrals=0, attachments=None, job_starts=5, job_outcomes=None, profile_job_outcomes=0
    )
    assert empty == performance.Rates(None, None, None, None)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"attachments": 250}, "attachments", "Attachments (250) cannot be more than referrals"),
        ({"job_starts": 190}, "job_starts", "Job starts (190) cannot be more than attachments"),
        ({"job_outcomes": 70}, "job_outcomes", "Job outcomes (70) cannot be more than job starts"),
        ({"job_starts": None, "job_outcomes": None}, "job_starts", "Give job starts, job outcomes"),
        ({"period_end": datetime.date(2025, 3, 1)}, "period_end", "must end in the same month"),
        ({"role": "subcontractor"}, "prime", "Say which prime contractor"),
    ],
)
def test_each_validation_rule_has_a_clear_message(overrides, field, message):
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError) as caught:
        records.build(organisation=organisation, data=figures(**overrides))
    assert message in " ".join(caught.value.message_dict[field])


def test_outcomes_not_given_are_not_compared():
    organisation = OrganisationFactory()
    records.build(organisation=organisation, data=figures(referrals=None, attachments=None))


def test_a_second_record_for_the_same_slot_is_refused_by_service_and_database():
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    first = records.record_create(actor=admin, organisation=organisation, data=figures())
    with pytest.raises(ValidationError, match="already a record"):
        records.record_create(actor=admin, organisation=organisation, data=figures())
    duplicate = PerformanceRecord(organisation=organisation, **figures())
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert first.events.get().action == RecordEvent.Action.CREATED


def test_database_refuses_outcomes_above_starts():
    organisation = OrganisationFactory()
    bad = PerformanceRecord(organisation=organisation, **figures(job_outcomes=99))
    with pytest.raises(IntegrityError), transaction.atomic():
        bad.save()


def test_only_an_organisations_admins_enter_its_records_and_nobody_edits_anothers():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    with pytest.raises(PermissionDenied):
        records.record_create(actor=member_of(organisation), organisation=organisation,
                              data=figures())  # fmt: skip
    with pytest.raises(PermissionDenied):
        records.record_create(actor=admin_of(other), organisation=organisation, data=figures())
    record = records.record_create(
        actor=admin_of(organisation), organisation=organisation, data=figures()
    )
    with pytest.raises(PermissionDenied):
        records.record_update(actor=admin_of(other), record=record, data={"job_outcomes": 1})
    with pytest.raises(PermissionDenied):
        records.record_update(actor=moderator(), record=record, data={"job_outcomes": 1})


def test_the_prime_confirms_its_subcontractor_and_provenance_is_kept():
    chain = supply_chain()
    record = records.record_create(
        actor=chain["sub_admin"], organisation=chain["sub"],
        data=figures(role="subcontractor", prime=chain["prime"]),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):  # not in the supply chain
        records.record_confirm(actor=member_of(OrganisationFactory()), record=record)
    with pytest.raises(PermissionDenied):  # its own organisation cannot confirm itself
        records.record_confirm(actor=chain["sub_member"], record=record)
    records.record_confirm(actor=chain["prime_member"], record=record, note="Matches our MI")
    record.refresh_from_db()
    assert record.status == "peer_confirmed"
    event = record.events.get(action="confirmed")
    assert (event.actor, event.actor_organisation, event.from_status, event.to_status) == (
        chain["prime_member"], chain["prime"], "self_reported", "peer_confirmed",
    )  # fmt: skip


def test_verify_dispute_resolve_and_correcting_figures():
    chain = supply_chain()
    record = records.record_create(actor=chain["prime_admin"], organisation=chain["prime"],
                                   data=figures())  # fmt: skip
    mod = moderator()
    with pytest.raises(PermissionDenied):
        records.record_verify(actor=chain["prime_member"], record=record, note="Looks fine")
    with pytest.raises(ValidationError):
        records.record_verify(actor=mod, record=record, note="")
    records.record_verify(actor=mod, record=record, note="Saw the contract MI return")
    outsider = member_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        records.record_dispute(actor=chain["prime_member"], record=record, reason="Ours")
    records.record_dispute(actor=outsider, record=record, reason="Outcomes look double-counted")
    record.refresh_from_db()
    assert record.status == "disputed"
    with pytest.raises(PermissionDenied):
        records.record_resolve(actor=outsider, record=record, note="Fine")
    records.record_resolve(actor=mod, record=record, note="Checked again; counts are right")
    record.refresh_from_db()
    assert record.status == "verified"  # back to what it was before the dispute
    records.record_update(actor=chain["prime_admin"], record=record, data={"job_outcomes": 31})
    record.refresh_from_db()
    assert record.status == "self_reported"  # new figures need checking again
    assert list(record.events.values_list("action", flat=True)) == [
        "created", "verified", "disputed", "resolved", "updated",
    ]  # fmt: skip


def test_members_only_records_are_hidden_from_visitors(client):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    open_record = records.record_create(actor=admin, organisation=organisation, data=figures())
    private = records.record_create(
        actor=admin, organisation=organisation,
        data=figures(visibility="members", claimant_group=open_record.claimant_group,
                     period_start=datetime.date(2025, 7, 1), period_end=datetime.date(2025, 9, 1)),
    )  # fmt: skip
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get(open_record.get_absolute_url()).status_code == 200
    html = client.get(reverse("record_list")).content.decode()
    assert html.count(organisation.name) == 1
    client.force_login(member_of(OrganisationFactory()))
    assert client.get(private.get_absolute_url()).status_code == 200


def test_entering_a_record_through_the_form_shows_errors_beside_fields(client):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    data = figures()
    post = {
        "organisation": organisation.slug, "role": "prime", "programme": data["programme"].pk,
        "area": data["area"].pk, "claimant_group": data["claimant_group"].pk,
        "period_start_0": "4", "period_start_1": "2025", "period_end_0": "6",
        "period_end_1": "2025", "referrals": "200", "attachments": "180", "job_starts": "60",
        "job_outcomes": "90", "visibility": "public",
    }  # fmt: skip
    response = client.post(reverse("record_create"), post)
    html = response.content.decode()
    assert "Job outcomes (90) cannot be more than job starts (60)" in html
    assert not PerformanceRecord.objects.exists()
    post["job_outcomes"] = "30"
    response = client.post(reverse("record_create"), post)
    record = PerformanceRecord.objects.get()
    assert response["Location"] == record.get_absolute_url()
    assert client.get(reverse("record_create")).status_code == 200
    client.force_login(member_of(organisation))
    assert client.get(reverse("record_create")).status_code == 403


def test_a_case_study_citing_a_checked_record_is_evidenced_by_data(client):
    from cases.casestudies import services
    from tests.factories import CaseStudyFactory

    chain = supply_chain()
    record = records.record_create(
        actor=chain["sub_admin"], organisation=chain["sub"],
        data=figures(role="subcontractor", prime=chain["prime"]),
    )  # fmt: skip
    case_study = CaseStudyFactory(
        organisation=chain["sub"], author=chain["sub_admin"], title="Evidenced practice"
    )
    CaseStudyFactory(title="Unevidenced practice")
    services.case_study_update(
        actor=chain["sub_admin"], case_study=case_study, data={"cited_records": [record]}
    )
    assert "Evidenced by data" not in client.get(case_study.get_absolute_url()).content.decode()
    records.record_confirm(actor=chain["prime_member"], record=record)
    assert "Evidenced by data" in client.get(case_study.get_absolute_url()).content.decode()
    listed = client.get(reverse("case_study_list"), {"evidenced": "on"}).content.decode()
    assert "Evidenced practice" in listed and "Unevidenced practice" not in listed
    assert "Evidenced practice" in client.get(record.get_absolute_url()).content.decode()


def test_a_case_study_cannot_cite_another_organisations_record():
    from cases.casestudies import services
    from tests.factories import CaseStudyFactory

    other = OrganisationFactory()
    record = records.record_create(actor=admin_of(other), organisation=other, data=figures())
    case_study = CaseStudyFactory()
    with pytest.raises(ValidationError, match="your own organisations"):
        services.case_study_update(
            actor=case_study.author, case_study=case_study, data={"cited_records": [record]}
        )


@pytest.mark.parametrize("signed_in", [False, True])
def test_record_list_and_page_query_counts_do_not_grow(client, signed_in):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hub.base.models import ClaimantGroup

    if signed_in:
        client.force_login(member_of(OrganisationFactory()))
    groups = list(ClaimantGroup.objects.all())

    def add(n):
        made = []
        for i in range(n):
            organisation = OrganisationFactory()
            made.append(records.record_create(
                actor=admin_of(organisation), organisation=organisation,
                data=figures(claimant_group=groups[i % len(groups)]),
            ))  # fmt: skip
        return made

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    first = add(2)[0]
    urls = [reverse("record_list"), reverse("record_list") + "?status=self_reported",
            first.get_absolute_url()]  # fmt: skip
    small = [count(u) for u in urls]
    add(25)
    for _ in range(5):
        records.record_update(actor=admin_of(first.organisation), record=first,
                              data={"job_outcomes": 29})  # fmt: skip
    assert [count(u) for u in urls] == small
