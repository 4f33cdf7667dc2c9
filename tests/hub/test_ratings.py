"""The Star Rating in four areas on the site, accreditations, and the supply-chain view."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.performance.models import PerformanceRecord, Programme
from hub.base.models import Accreditation, Area, ClaimantGroup
from tests.factories import OrganisationFactory
from toolkits.models import StandardResult

YEAR_START = datetime.date(2024, 4, 1)


@pytest.fixture
def taxonomy(db):
    return {
        "programme": Programme.objects.get(slug="restart-scheme"),
        "groups": list(ClaimantGroup.objects.order_by("pk")[:2]),
        "area": Area.objects.order_by("pk").first(),
    }


def record(taxonomy, organisation, *, group=0, attachments=100, outcomes=20, funding=None,
           status="self_reported", start=YEAR_START, prime=None):  # fmt: skip
    return PerformanceRecord.objects.create(
        organisation=organisation,
        role="subcontractor" if prime else "prime",
        prime=prime,
        programme=taxonomy["programme"],
        area=taxonomy["area"],
        claimant_group=taxonomy["groups"][group],
        period_start=start,
        period_end=start.replace(month=start.month + 2),
        referrals=attachments * 2,
        attachments=attachments,
        job_starts=max(outcomes, 40),
        job_outcomes=outcomes,
        profile_job_outcomes=outcomes,
        funding_received=funding,
        status=status,
        visibility="public",
    )


def rated_group(taxonomy, count=5):
    """`count` organisations, each with records in two claimant groups and funding disclosed."""
    organisations = []
    for i in range(count):
        organisation = OrganisationFactory()
        record(taxonomy, organisation, outcomes=20 + 5 * i, funding=60000, status="verified")
        record(taxonomy, organisation, group=1, outcomes=5 + i, funding=30000)
        organisations.append(organisation)
    return organisations


def css_result(organisation, *, met=True, quarter=None):
    from hub.base.models import JourneyStage

    return StandardResult.objects.create(
        organisation=organisation, stage=JourneyStage.objects.order_by("pk").first(),
        measure=f"Measure {StandardResult.objects.count()}", measure_kind="percentage",
        target=Decimal(90), result=Decimal(95 if met else 50), met=met,
        quarter_start=quarter or datetime.date.today().replace(day=1),
    )  # fmt: skip


def verified_accreditation(organisation, kind="merlin", **fields):
    return Accreditation.objects.create(
        organisation=organisation, kind=kind, awarded_on=datetime.date(2024, 3, 1),
        evidence_url="https://example.org/register",
        verified_at=datetime.datetime.now(datetime.UTC),
        **fields,
    )  # fmt: skip


def test_a_visitor_sees_four_areas_with_their_reasons(client, taxonomy):
    organisations = rated_group(taxonomy)
    top = organisations[-1]
    css_result(top)
    verified_accreditation(top)
    response = client.get(reverse("organisation_star_rating", kwargs={"slug": top.slug}))
    assert response.status_code == 200
    text = response.content.decode()
    for area in ("Outcomes", "Value for money", "Quality", "Customer experience"):
        assert f'<dt class="govuk-summary-list__key">{area}</dt>' in text
    assert "Not enough data:</strong> no claimant feedback yet." in text
    # Outcomes: the best in both groups, rank 90 in each: five stars, on profile is +1 (kept 5).
    assert "Mix-adjusted percentile rank 90.0: 5 stars" in text
    # Quality: 1 of 2 records verified (20), 1 of 1 measure met (40), 1 of 3 accreditations
    # (6.7): 66.7, four stars.
    assert "score 66.7 out of 100, 4 stars" in text
    assert "from 3 of 4 areas, re-weighted; missing: customer experience" in text


def test_quality_says_what_is_missing_without_standards_results(client, taxonomy):
    organisations = rated_group(taxonomy)
    response = client.get(
        reverse("organisation_star_rating", kwargs={"slug": organisations[0].slug})
    )
    assert (
        "Not enough data:</strong> no Customer Service Standards results recorded in the last "
        "four quarters." in response.content.decode()
    )


def test_unverified_and_expired_accreditations_do_not_count(client, taxonomy):
    organisations = rated_group(taxonomy)
    subject = organisations[0]
    css_result(subject)
    Accreditation.objects.create(organisation=subject, kind="matrix", awarded_on=YEAR_START,
                                 evidence_url="https://example.org/x")  # fmt: skip
    verified_accreditation(subject, kind="cse", expires_on=datetime.date(2024, 6, 1))
    response = client.get(reverse("organisation_star_rating", kwargs={"slug": subject.slug}))
    assert "0 verified accreditations" in response.content.decode()


def test_star_rating_page_queries_do_not_grow_with_records(client, taxonomy):
    organisations = rated_group(taxonomy)
    url = reverse("organisation_star_rating", kwargs={"slug": organisations[0].slug})
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    rated_group(taxonomy, count=12)
    for organisation in organisations:
        record(taxonomy, organisation, start=datetime.date(2024, 7, 1))
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) <= len(few)
