"""Cached answers over many rows (cases.caching) are dropped as soon as their rows change."""

from datetime import date

import pytest
from django.db import transaction

from cases import caching
from cases.casestudies.models import CaseStudy
from cases.performance.models import PerformanceRecord, Programme
from hub.base.models import Area, ClaimantGroup
from tests.factories import CaseStudyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

API = "/performance/open-data/api/records"


def _record(organisation, **overrides):
    fields = {
        "organisation": organisation,
        "role": PerformanceRecord.Role.PRIME,
        "programme": Programme.objects.get(slug="restart-scheme"),
        "area": Area.objects.get(code="CPA5"),
        "claimant_group": ClaimantGroup.objects.get(slug="jsa-18-24"),
        "period_start": date(2025, 4, 1),
        "period_end": date(2025, 6, 1),
        "referrals": 200,
        "attachments": 180,
        "job_starts": 54,
        "job_outcomes": 30,
        "visibility": PerformanceRecord.Visibility.PUBLIC,
    }
    fields.update(overrides)
    return PerformanceRecord.objects.create(**fields)


def test_the_open_data_count_is_cached_and_follows_a_new_record(client, django_assert_num_queries):
    organisation = OrganisationFactory()
    _record(organisation)
    assert client.get(API).json()["count"] == 1
    with django_assert_num_queries(0):  # the whole answer comes from the cache
        assert client.get(API).json()["count"] == 1
    _record(organisation, period_start=date(2025, 7, 1), period_end=date(2025, 9, 1))
    assert client.get(API).json()["count"] == 2


def test_the_open_data_count_follows_a_deleted_or_unpublished_record(client):
    organisation = OrganisationFactory()
    first = _record(organisation)
    second = _record(organisation, period_start=date(2025, 7, 1), period_end=date(2025, 9, 1))
    assert client.get(API).json()["count"] == 2
    second.visibility = PerformanceRecord.Visibility.MEMBERS
    second.save()
    assert client.get(API).json()["count"] == 1
    first.delete()
    assert client.get(API).json()["count"] == 0


def test_the_benchmark_choices_follow_a_record_on_a_new_programme(client):
    organisation = OrganisationFactory()
    _record(organisation)
    newcomer = Programme.objects.exclude(slug="restart-scheme").first()
    page = client.get("/performance/benchmarks/").content.decode()
    assert f'value="{newcomer.slug}"' not in page
    _record(organisation, programme=newcomer)
    page = client.get("/performance/benchmarks/").content.decode()
    assert f'value="{newcomer.slug}"' in page


def test_members_and_visitors_get_their_own_cached_benchmark_choices(client, django_user_model):
    organisation = OrganisationFactory()
    _record(organisation)
    hidden = Programme.objects.exclude(slug="restart-scheme").first()
    _record(organisation, programme=hidden, visibility=PerformanceRecord.Visibility.MEMBERS)
    assert f'value="{hidden.slug}"' not in client.get("/performance/benchmarks/").content.decode()
    client.force_login(django_user_model.objects.create(username="reader", email="r@example.org"))
    assert f'value="{hidden.slug}"' in client.get("/performance/benchmarks/").content.decode()


def test_a_change_is_forgotten_again_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    before = caching.version(caching.RECORDS)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        caching.records_changed()
        during = caching.version(caching.RECORDS)
    assert before < during < caching.version(caching.RECORDS)


def test_the_case_study_count_and_facets_follow_new_and_retagged_case_studies(client):
    group = ClaimantGroup.objects.order_by("pk").first()
    other = ClaimantGroup.objects.order_by("pk").last()
    case_study = CaseStudyFactory(claimant_groups=[group])
    page = client.get("/case-studies/").content.decode()
    assert "1 case study" in page
    CaseStudyFactory()
    page = client.get("/case-studies/").content.decode()
    assert "2 case studies" in page
    filtered = f"/case-studies/?group={other.slug}"
    assert "0 case studies" in client.get(filtered).content.decode()
    assert f'value="{other.slug}"' not in client.get("/case-studies/").content.decode()
    case_study.claimant_groups.set([other])  # m2m_changed, not a save
    assert "1 case study" in client.get(filtered).content.decode()
    # The cached filter column offers the group now that a case study carries it.
    sidebar = client.get("/case-studies/").content.decode()
    assert f'value="{other.slug}"' in sidebar
    assert f'{other.name} <span class="hub-meta">(1)</span>' in sidebar
    CaseStudy.objects.filter(pk=case_study.pk).get().delete()
    assert "0 case studies" in client.get(filtered).content.decode()


def test_the_cached_records_list_shows_an_edit_at_once_and_keeps_audiences_apart(
    client, django_user_model
):
    organisation = OrganisationFactory(name="Listed Org")
    record = _record(organisation)
    assert "Listed Org" in client.get("/performance/").content.decode()
    members_only = _record(
        OrganisationFactory(name="Members Only Org"),
        visibility=PerformanceRecord.Visibility.MEMBERS,
    )
    assert "Members Only Org" not in client.get("/performance/").content.decode()
    reader = django_user_model.objects.create(username="reader", email="r@example.org")
    client.force_login(reader)
    assert "Members Only Org" in client.get("/performance/").content.decode()
    client.logout()
    # A record made members-only disappears from the visitors' cached list at once.
    record.visibility = PerformanceRecord.Visibility.MEMBERS
    record.save()
    assert "Listed Org" not in client.get("/performance/").content.decode()
    # An organisation renamed is renamed in the cached list at once.
    members_only.visibility = PerformanceRecord.Visibility.PUBLIC
    members_only.save()
    members_only.organisation.name = "Renamed Org"
    members_only.organisation.save()
    assert "Renamed Org" in client.get("/performance/").content.decode()


def test_the_cached_benchmark_pages_follow_an_edit_at_once(client):
    organisations = [OrganisationFactory() for _ in range(5)]
    records = [_record(o, job_outcomes=10 + 10 * i) for i, o in enumerate(organisations)]
    index = client.get("/performance/benchmarks/").content.decode()
    detail = f"/performance/benchmarks/record/{records[0].pk}/"
    assert "10 of 180 attached" in client.get(detail).content.decode()
    assert "10 of 180 attached" in index
    records[0].job_outcomes = 11
    records[0].save()
    assert "11 of 180 attached" in client.get("/performance/benchmarks/").content.decode()
    assert "11 of 180 attached" in client.get(detail).content.decode()
    # A record made members-only leaves the visitors' peers at once: below the minimum of
    # peers, no quartiles.
    records[1].visibility = PerformanceRecord.Visibility.MEMBERS
    records[1].save()
    page = client.get("/performance/benchmarks/").content.decode()
    assert "Not enough data to compare" in page
    assert client.get(f"/performance/benchmarks/record/{records[1].pk}/").status_code == 404


def test_the_cached_open_data_list_follows_an_edit_at_once(client):
    record = _record(OrganisationFactory())
    assert client.get(API).json()["results"][0]["job_outcomes"] == 30
    record.job_outcomes = 31
    record.save()
    assert client.get(API).json()["results"][0]["job_outcomes"] == 31
    record.visibility = PerformanceRecord.Visibility.MEMBERS
    record.save()
    assert client.get(API).json()["results"] == []


def test_a_renamed_programme_shows_at_once_in_the_cached_bodies(client):
    record = _record(OrganisationFactory())
    assert "Restart Scheme" in client.get("/performance/").content.decode()
    programme = record.programme
    programme.name = "Restart Renamed"
    programme.save()
    assert "Restart Renamed" in client.get("/performance/").content.decode()
    assert "Restart Renamed" in client.get(API).content.decode()
