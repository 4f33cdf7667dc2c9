"""The Star Rating in four areas on the site, accreditations, and the supply-chain view."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from cases.performance.models import PerformanceRecord, Programme
from hub.base import services
from hub.base.models import Accreditation, Area, ClaimantGroup, JourneyStage, SupplyChainLink
from tests.factories import OrganisationFactory, admin_of, member_of, moderator
from toolkits.models import ServiceStandard, StandardResult
from toolkits.services import standards_results as results_svc

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
    cache.clear()  # measure the uncached path: the records' inputs are cached once read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    rated_group(taxonomy, count=12)
    for organisation in organisations:
        record(taxonomy, organisation, start=datetime.date(2024, 7, 1))
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) <= len(few)


# Accreditations: organisation admins add them, moderators verify them.


def _post_accreditation(client, organisation, **overrides):
    data = {
        "kind": "merlin", "other_name": "", "awarded_on_0": "3", "awarded_on_1": "2024",
        "expires_on_0": "3", "expires_on_1": "2027", "evidence_url": "https://example.org/merlin",
        **overrides,
    }  # fmt: skip
    return client.post(
        reverse("organisation_accreditations", kwargs={"slug": organisation.slug}), data
    )


def test_an_admin_adds_an_accreditation_that_waits_for_a_moderator(client, db):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    response = _post_accreditation(client, organisation)
    assert response.status_code == 302
    accreditation = Accreditation.objects.get(organisation=organisation)
    assert (accreditation.kind, accreditation.verified) == ("merlin", False)
    assert accreditation.awarded_on == datetime.date(2024, 3, 1)
    client.logout()
    page = client.get(reverse("organisation_accreditations", kwargs={"slug": organisation.slug}))
    assert "Merlin Standard" not in page.content.decode()


def test_accreditation_errors_show_beside_the_fields(client, db):
    organisation = OrganisationFactory()
    client.force_login(admin_of(organisation))
    response = _post_accreditation(client, organisation, kind="other", expires_on_1="2023",
                                   evidence_url="not a link")  # fmt: skip
    assert response.status_code == 200
    text = response.content.decode()
    assert "Enter the name of the standard" in text
    assert "The month it expires must be after the month awarded" in text
    assert "Enter a full web address" in text
    assert not Accreditation.objects.exists()


def test_only_an_organisations_admins_add_accreditations(client, db):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    assert _post_accreditation(client, organisation).status_code == 403
    with pytest.raises(PermissionDenied):
        services.accreditation_add(
            organisation=organisation, actor=admin_of(OrganisationFactory()), kind="matrix",
            awarded_on=YEAR_START, evidence_url="https://example.org",
        )  # fmt: skip
    assert not Accreditation.objects.exists()


def test_only_moderators_verify_accreditations(client, db):
    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    accreditation = services.accreditation_add(
        organisation=organisation, actor=admin, kind="cse", awarded_on=YEAR_START,
        evidence_url="https://example.org/cse",
    )  # fmt: skip
    url = reverse(
        "accreditation_verify", kwargs={"slug": organisation.slug, "pk": accreditation.pk}
    )
    client.force_login(admin)
    assert client.post(url, {"verified": "1"}).status_code == 403
    accreditation.refresh_from_db()
    assert not accreditation.verified
    client.force_login(moderator())
    assert client.post(url, {"verified": "1"}).status_code == 302
    accreditation.refresh_from_db()
    assert accreditation.verified
    client.logout()
    page = client.get(reverse("organisation_detail", kwargs={"slug": organisation.slug}))
    assert "Customer Service Excellence, awarded April 2024" in page.content.decode()


# Customer Service Standards results.


@pytest.fixture
def published_standards(db):
    from toolkits.services import standards as standards_services

    organisation = OrganisationFactory()
    admin = admin_of(organisation)
    stages = list(JourneyStage.objects.order_by("sort_order"))
    rows = [
        standards_services.StandardInput(
            stage=stage,
            service_standard=f"We promise {n}.",
            measure=f"Measure {n}",
            measure_kind="percentage",
            measure_value=Decimal(90),
        )  # fmt: skip
        for n, stage in enumerate(stages)
    ]
    rows.append(standards_services.StandardInput(
        stage=stages[0], service_standard="We call.", measure="Calls",
        measure_kind="frequency", measure_frequency="weekly",
    ))  # fmt: skip
    standards_services.standards_save(
        actor=admin, organisation=organisation, rights="Rights.", responsibilities="Ours.",
        standards=rows, expected_version=None,
    )  # fmt: skip
    standards_services.standards_publish(actor=admin, organisation=organisation)
    return organisation, admin


def test_an_admin_records_results_and_the_page_shows_met_and_not_met(client, published_standards):
    organisation, admin = published_standards
    items = list(ServiceStandard.objects.filter(statement__organisation=organisation))
    percentage = [i for i in items if i.measure_kind == "percentage"]
    weekly = next(i for i in items if i.measure_kind == "frequency")
    quarter = results_svc.previous_quarters(datetime.date.today(), 1)[0]
    client.force_login(admin)
    url = reverse("standards_results", kwargs={"slug": organisation.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "quarter": quarter.isoformat(), f"measure_{percentage[0].pk}": "95",
        f"measure_{percentage[1].pk}": "80.5", f"measure_{weekly.pk}": "yes",
    })  # fmt: skip
    assert response.status_code == 302
    results = {r.measure: r for r in StandardResult.objects.filter(organisation=organisation)}
    assert set(results) == {"Measure 0", "Measure 1", "Calls"}
    assert results["Measure 0"].met and not results["Measure 1"].met and results["Calls"].met
    client.logout()
    text = client.get(reverse("standards_detail", kwargs={"slug": organisation.slug})).content
    text = text.decode()
    assert "95%" in text and "80.5%" in text
    assert text.count('govuk-tag--green">Met</strong>') == 2
    assert text.count('govuk-tag--red">Not met</strong>') == 1
    compare = client.get(reverse("standards_compare") + f"?org={organisation.slug}")
    assert "80.5%" in compare.content.decode()


def test_a_bad_result_is_shown_beside_its_field_and_nothing_is_saved(client, published_standards):
    organisation, admin = published_standards
    item = ServiceStandard.objects.filter(statement__organisation=organisation).first()
    client.force_login(admin)
    quarter = results_svc.previous_quarters(datetime.date.today(), 1)[0]
    response = client.post(
        reverse("standards_results", kwargs={"slug": organisation.slug}),
        {"quarter": quarter.isoformat(), f"measure_{item.pk}": "120"},
    )
    assert response.status_code == 200
    assert "Enter a percentage of 100 or less" in response.content.decode()
    assert not StandardResult.objects.exists()


def test_only_an_organisations_admins_record_results(client, published_standards):
    organisation, _ = published_standards
    client.force_login(member_of(organisation))
    url = reverse("standards_results", kwargs={"slug": organisation.slug})
    assert client.get(url).status_code == 404
    item = ServiceStandard.objects.filter(statement__organisation=organisation).first()
    with pytest.raises(PermissionDenied):
        results_svc.standard_results_record(
            actor=admin_of(OrganisationFactory()), organisation=organisation,
            quarter=results_svc.previous_quarters(datetime.date.today(), 1)[0],
            results={item.pk: results_svc.ResultInput(result=Decimal(99))},
        )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "target", "result", "kept", "met"),
    [("percentage", "90", "90", None, True), ("percentage", "90", "89.9", None, False),
     ("days", "5", "5", None, True), ("days", "5", "5.5", None, False),
     ("frequency", None, None, True, True), ("frequency", None, None, False, False)],
)  # fmt: skip
def test_measure_met(kind, target, result, kept, met):
    to_decimal = lambda v: None if v is None else Decimal(v)  # noqa: E731
    assert results_svc.measure_met(kind, to_decimal(target), to_decimal(result), kept) is met


def test_quarters_step_back_across_years():
    assert results_svc.previous_quarters(datetime.date(2025, 2, 10), 3) == [
        datetime.date(2025, 1, 1), datetime.date(2024, 10, 1), datetime.date(2024, 7, 1)
    ]  # fmt: skip


# The supply-chain view.


@pytest.fixture
def chain(taxonomy):
    """A prime with five confirmed subcontractors (one link only proposed), records for all."""
    prime = OrganisationFactory(kind="prime")
    subs = [OrganisationFactory(kind="end_to_end") for _ in range(5)]
    for n, sub in enumerate(subs):
        SupplyChainLink.objects.create(
            prime=prime, subcontractor=sub, proposed_by_organisation=prime,
            status="confirmed" if n < 4 else "proposed",
        )  # fmt: skip
        record(taxonomy, sub, outcomes=10 + 5 * n, prime=prime, funding=40000)
    record(taxonomy, prime, outcomes=30)
    outsider = OrganisationFactory()
    record(taxonomy, outsider, outcomes=50)
    return {"prime": prime, "subs": subs, "outsider": outsider}


def test_only_the_prime_and_its_confirmed_chain_see_the_supply_chain_view(client, chain):
    url = reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug})
    assert client.get(url).status_code == 302  # to sign in
    for stranger in (member_of(chain["outsider"]), member_of(chain["subs"][4])):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
    for insider in (member_of(chain["prime"]), member_of(chain["subs"][0])):
        client.force_login(insider)
        assert client.get(url).status_code == 200


def test_the_supply_chain_view_shows_each_member_and_both_medians(client, chain):
    client.force_login(member_of(chain["subs"][1]))
    response = client.get(reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug}))
    text = response.content.decode()
    for organisation in [chain["prime"], *chain["subs"][:4]]:
        assert organisation.name in text
    assert chain["subs"][4].name not in text  # only proposed
    assert chain["outsider"].name not in text
    # Chain: 30, 10, 15, 20, 25% -> median 20%; the programme adds the proposed
    # subcontractor's 30% and the outsider's 50%: 10, 15, 20, 25, 30, 30, 50 -> median 25%.
    assert "supply chain (5 with records)" in text
    assert "Everyone on the programme (7 organisations)" in text
    medians = text[text.index("Medians: the chain") :]
    assert "20.0%" in medians and "25.0%" in medians


def test_the_supply_chain_downloads_are_formula_safe(client, chain):
    chain["subs"][0].name = "=HYPERLINK(1)"
    chain["subs"][0].save()
    client.force_login(member_of(chain["prime"]))
    url = reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug})
    csv = b"".join(client.get(url + "?format=csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in csv
    assert "Supply chain median" in csv and "Programme median" in csv
    xlsx = client.get(url + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_supply_chain_view_queries_do_not_grow_with_the_chain(client, chain, taxonomy):
    client.force_login(member_of(chain["prime"]))
    url = reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug})
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        sub = OrganisationFactory()
        SupplyChainLink.objects.create(
            prime=chain["prime"],
            subcontractor=sub,
            proposed_by_organisation=sub,
            status="confirmed",
        )
        record(taxonomy, sub, prime=chain["prime"])
        record(taxonomy, sub, group=1, prime=chain["prime"])
    cache.clear()  # both measured uncached: the records' inputs are cached once read
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) <= len(few)


def test_methodology_page_explains_the_four_areas_with_the_codes_worked_example(client, db):
    html = client.get(reverse("star_rating_methodology")).content.decode()
    assert "mix-adjusted rank = Σ" in html
    # Computed by cases.performance.stars.example: ranks 60 and 60 weighted 25/75 -> 60, four
    # stars; cost ranks 30 and 10 weighted 30/30 -> 20, two; quality 0.75 × 40 + 0.8 × 40 +
    # 2/3 × 20 = 75.3, four; feedback 71, four; (160 + 40 + 80 + 80) / 100 = 3.60 -> four.
    assert "its mix-adjusted rank is 60.0: 4 out of 5 stars" in html
    assert "Weighted by its job outcomes, its rank is 20.0: 2 out of 5 stars" in html
    assert "score 75.3 out of 100, 4 stars" in html
    assert "÷ 100 = 3.60, rounded: 4 out of 5 stars" in html


def test_records_benchmarks_and_the_api_filter_by_supply_chain(client, chain, taxonomy):
    prime = chain["prime"]
    in_chain = {prime.name, *(sub.name for sub in chain["subs"][:4])}
    listed = client.get(reverse("record_list"), {"chain": prime.slug}).content.decode()
    assert all(name in listed for name in in_chain)
    assert chain["outsider"].name not in listed
    assert chain["subs"][4].name not in listed  # proposed, not confirmed
    api = client.get("/performance/open-data/api/records", {"supply_chain": prime.slug}).json()
    assert {row["organisation"]["name"] for row in api["results"]} == in_chain
    assert api["count"] == 5
    nobody = client.get("/performance/open-data/api/records", {"supply_chain": "no-such"}).json()
    assert nobody["results"] == []
    benchmark = client.get(reverse("benchmark_index"), {
        "programme": taxonomy["programme"].slug, "group": taxonomy["groups"][0].slug,
        "period": f"{YEAR_START:%Y-%m-%d}_{YEAR_START.replace(month=6):%Y-%m-%d}",
        "chain": prime.slug,
    }).content.decode()  # fmt: skip
    assert "5 records, narrowed by area, kind of organisation or supply chain" in benchmark
    assert chain["outsider"].name not in benchmark


def test_moderators_find_accreditations_waiting_in_the_admin(client, db):
    waiting = Accreditation.objects.create(
        organisation=OrganisationFactory(name="Waiting Works"), kind="matrix",
        awarded_on=YEAR_START, evidence_url="https://example.org/w",
    )  # fmt: skip
    verified_accreditation(OrganisationFactory(name="Checked Charity"))
    client.force_login(moderator())
    response = client.get("/admin/snippets/hub/accreditation/", {"verified": "no"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Waiting Works" in text and "Checked Charity" not in text
    assert client.get(f"/admin/snippets/hub/accreditation/inspect/{waiting.pk}/").status_code == 200
    client.force_login(admin_of(waiting.organisation))
    assert client.get("/admin/snippets/hub/accreditation/").status_code in (302, 403)


def test_a_record_keeps_its_optional_funding_and_its_page_shows_it(client, db):
    from cases.performance import services as record_services
    from tests.cases.records_helpers import figures

    organisation = OrganisationFactory()
    record = record_services.record_create(
        actor=admin_of(organisation), organisation=organisation,
        data=figures(funding_received=125000),
    )  # fmt: skip
    record.refresh_from_db()
    assert record.funding_received == 125000
    page = client.get(record.get_absolute_url()).content.decode()
    assert "Delivery funding received" in page and "£125,000" in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_accreditations_page_queries_do_not_grow_with_accreditations(client, db):
    organisation = OrganisationFactory()
    client.force_login(moderator())
    url = reverse("organisation_accreditations", kwargs={"slug": organisation.slug})
    verified_accreditation(organisation)
    client.get(url)
    few = _queries(client, url)
    for kind in ("matrix", "cse", "other", "merlin", "matrix"):
        verified_accreditation(organisation, kind=kind, other_name="ISO" if kind == "other" else "")
    assert _queries(client, url) <= few


def test_standards_pages_queries_do_not_grow_with_results(client, published_standards):
    organisation, admin = published_standards
    client.force_login(admin)
    urls = [
        reverse("standards_results", kwargs={"slug": organisation.slug}),
        reverse("standards_detail", kwargs={"slug": organisation.slug}),
        reverse("standards_compare") + f"?org={organisation.slug}",
    ]
    items = list(ServiceStandard.objects.filter(statement__organisation=organisation))
    quarters = results_svc.previous_quarters(datetime.date.today(), 4)
    results_svc.standard_results_record(
        actor=admin, organisation=organisation, quarter=quarters[0],
        results={items[0].pk: results_svc.ResultInput(result=Decimal(95))},
    )  # fmt: skip
    for url in urls:
        client.get(url)
    few = [_queries(client, url) for url in urls]
    for quarter in quarters:
        results_svc.standard_results_record(
            actor=admin, organisation=organisation, quarter=quarter,
            results={
                item.pk: results_svc.ResultInput(kept=True)
                if item.measure_kind == "frequency"
                else results_svc.ResultInput(result=Decimal(91))
                for item in items
            },
        )  # fmt: skip
    many = [_queries(client, url) for url in urls]
    assert all(m <= f for m, f in zip(many, few, strict=True)), (many, few)


@override_settings(HUB_FEEDBACK_MIN_RESPONSES=3)
def test_customer_experience_comes_from_claimant_feedback_above_the_minimum(client, taxonomy):
    from tests.cases.test_feedback import answer, make_link

    organisations = rated_group(taxonomy)
    subject = organisations[-1]
    link = make_link(subject)
    answer(link, 2)
    url = reverse("organisation_star_rating", kwargs={"slug": subject.slug})
    assert "Not enough data:</strong> not enough responses yet (2 of 3)." in (
        client.get(url).content.decode()
    )
    answer(link, 1)
    # Treated 5 of 5, helped yes, would recommend: a score of 100 from 3 responses, five stars.
    text = client.get(url).content.decode()
    assert "Feedback score 100.0 out of 100 from 3 responses: 5 stars." in text


def test_the_supply_chain_view_shows_cohort_rates_of_mature_cohorts_with_their_median(
    client, chain, taxonomy, monkeypatch
):
    """Two subcontractors report cohorts of the 2024-25 year: April and May 2024 are 12 months
    old by 1 June 2025, so they count; a March 2025 cohort is not yet mature and does not.
    Sub 0: (20 + 30) of (100 + 100) = 25.0%; sub 1: 10 of 100 = 10.0%; chain median 17.5%."""
    from cases.performance.models import CohortRecord

    def cohort(organisation, month, attached, outcomes):
        CohortRecord.objects.create(
            organisation=organisation, role="subcontractor", prime=chain["prime"],
            programme=taxonomy["programme"], area=taxonomy["area"],
            claimant_group=taxonomy["groups"][0], cohort_month=month, attached=attached,
            job_outcomes_by_12=outcomes, visibility="public",
        )  # fmt: skip

    first, second = chain["subs"][0], chain["subs"][1]
    cohort(first, datetime.date(2024, 4, 1), 100, 20)
    cohort(first, datetime.date(2024, 5, 1), 100, 30)
    cohort(first, datetime.date(2025, 3, 1), 100, 90)  # not mature on 1 June 2025
    cohort(second, datetime.date(2024, 4, 1), 100, 10)
    client.force_login(member_of(chain["prime"]))
    url = reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug})
    import cases.performance.selectors as selectors

    class _June2025(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(2025, 6, 1)

    monkeypatch.setattr(selectors, "date", _June2025)
    text = client.get(url).content.decode()
    csv = b"".join(client.get(url + "?format=csv").streaming_content).decode()
    assert "12-month cohort job outcome rate" in text
    assert "25.0% (50 of 200)" in text and "10.0% (10 of 100)" in text
    assert "No mature cohorts" in text  # the prime and the others report none
    medians = text[text.index("Medians: the chain") :]
    assert "17.5%" in medians
    assert "12-month cohort job outcome rate" in csv.splitlines()[0]


def test_the_cached_star_rating_follows_new_records_and_keeps_audiences_apart(client, taxonomy):
    organisations = rated_group(taxonomy)
    top = organisations[-1]
    RANK_90 = "Mix-adjusted percentile rank 90.0: 5 stars"  # noqa: N806
    url = reverse("organisation_star_rating", kwargs={"slug": top.slug})
    assert RANK_90 in client.get(url).content.decode()
    # A members-only record that beats everyone counts for members only, at once.
    better = OrganisationFactory()
    for group in (0, 1):
        beaten = record(taxonomy, better, group=group, outcomes=90)
        beaten.visibility = "members"
        beaten.save()
    assert RANK_90 in client.get(url).content.decode()
    client.force_login(member_of(OrganisationFactory()))
    members_page = client.get(url).content.decode()
    assert RANK_90 not in members_page
    client.logout()
    assert RANK_90 in client.get(url).content.decode()
    # Published openly, the same records move the visitors' rating at once.
    for found in PerformanceRecord.objects.filter(organisation=better):
        found.visibility = "public"
        found.save()
    assert RANK_90 not in client.get(url).content.decode()


def test_a_cached_supply_chain_view_is_never_shown_outside_the_chain(client, chain):
    url = reverse("supply_chain_view", kwargs={"slug": chain["prime"].slug})
    client.force_login(member_of(chain["prime"]))
    assert client.get(url).status_code == 200  # its figures are cached now
    for stranger in (member_of(chain["outsider"]), member_of(chain["subs"][4])):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
    # A subcontractor whose link ends loses the view at once, and leaves the chain's figures.
    link = SupplyChainLink.objects.get(prime=chain["prime"], subcontractor=chain["subs"][0])
    insider = member_of(chain["subs"][0])
    client.force_login(insider)
    assert client.get(url).status_code == 200
    link.delete()
    assert client.get(url).status_code == 404
    client.force_login(member_of(chain["prime"]))
    assert "supply chain (4 with records)" in client.get(url).content.decode()


def test_the_cached_star_rating_follows_accreditations_and_standards_at_once(client, taxonomy):
    organisations = rated_group(taxonomy)
    top = organisations[-1]
    url = reverse("organisation_star_rating", kwargs={"slug": top.slug})
    assert "no Customer Service Standards results recorded" in client.get(url).content.decode()
    css_result(top)
    page = client.get(url).content.decode()
    assert "no Customer Service Standards results recorded" not in page
    assert "0 verified accreditations" in page
    verified_accreditation(top)
    assert "0 verified accreditations" not in client.get(url).content.decode()
    Accreditation.objects.filter(organisation=top).delete()
    assert "0 verified accreditations" in client.get(url).content.decode()
