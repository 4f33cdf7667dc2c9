"""The What works toolkit and approach pages: summaries from published case studies only,
filters and sorting without JavaScript, evidence on the case study, posting with evidence, and
query counts that do not grow with the number of case studies."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.casestudies import approach_services, services
from cases.casestudies.models import Approach, CaseStudy, CaseStudyApproach
from cases.performance.models import PerformanceRecord
from hub.base.models import Barrier, ClaimantGroup, JourneyStage
from hub.base.moderation import services as moderation_services
from tests.cases.records_helpers import figures
from tests.factories import CaseStudyFactory, OrganisationFactory, member_of, moderator

pytestmark = pytest.mark.django_db


def make_approach(title="Volunteer mentoring", **terms) -> Approach:
    approach = Approach.objects.create(
        title=title, slug=title.lower().replace(" ", "-"), summary=f"{title}, briefly.",
        what_it_is="What it is.", who_it_suits="Who it suits.", how_to="How to.",
        pitfalls="Pitfalls.",
    )  # fmt: skip
    for relation, values in terms.items():
        getattr(approach, relation).set(values)
    return approach


def linked(approach, **fields) -> CaseStudy:
    case_study = CaseStudyFactory(**fields)
    CaseStudyApproach.objects.create(case_study=case_study, approach=approach)
    return case_study


def strong(approach, **extra):
    """150 people, 30 job outcomes (20%) against a comparison group at 12%, followed up for
    12 months: +8 points, 5 padlocks."""
    data = {"participants": 150, "job_starts": 40, "job_outcomes": 30,
            "comparison": "comparison_group", "comparison_outcome_rate": Decimal(12),
            "follow_up_months": 12, "cost_per_participant": 400}  # fmt: skip
    data.update(extra)
    return linked(approach, **data)


def weak(approach, **extra):
    """50 people, 10 job outcomes (20%) against 16% before: +4 points, 2 padlocks."""
    data = {"participants": 50, "job_starts": 12, "job_outcomes": 10,
            "comparison": "before_after", "comparison_outcome_rate": Decimal(16),
            "cost_per_participant": 200}  # fmt: skip
    data.update(extra)
    return linked(approach, **data)


def summary_of(client, approach):
    response = client.get(approach.get_absolute_url())
    assert response.status_code == 200
    return response.context["summary"]


def test_an_approach_summarises_its_published_case_studies(client):
    approach = make_approach()
    strong(approach)
    weak(approach)
    summary = summary_of(client, approach)
    assert summary.case_studies == 2 and summary.participants == 200
    assert (summary.best_padlocks, summary.typical_padlocks) == (5, 2)
    # (150 x 8 + 50 x 4) / 200 = 7.0 points; costs 200 and 400: median 300, "Low"
    assert summary.impact.points == Decimal("7.0") and summary.impact.studies == 2
    assert summary.cost.median == Decimal(300) and summary.cost.band.label == "Low"
    page = client.get(approach.get_absolute_url()).content.decode()
    assert "+7.0 percentage points" in page and "<svg" in page and "Low</strong>" in page
    assert "not voted on" in page


def test_hidden_draft_and_unpublished_case_studies_never_count(client):
    approach = make_approach()
    strong(approach)
    weak(approach)
    draft = strong(approach, status="draft", published_at=None)
    hidden = strong(approach)
    moderation_services.hide(moderator=moderator(), target=hidden, reason="Names someone")
    unpublished = weak(approach)
    services.case_study_set_published(
        actor=unpublished.author, case_study=unpublished, published=False
    )
    # The page is cached once rendered, so both are read from the one (first) rendering.
    response = client.get(approach.get_absolute_url())
    summary = response.context["summary"]
    assert summary.case_studies == 2 and summary.participants == 200
    titles = [item["case_study"].pk for item in response.context["listed"]]
    assert draft.pk not in titles and hidden.pk not in titles and unpublished.pk not in titles
    row = next(r for r in client.get(reverse("approach_toolkit")).context["rows"])
    assert row["summary"].case_studies == 2


def test_case_studies_are_listed_best_evidenced_first(client):
    approach = make_approach()
    low = weak(approach)
    high = strong(approach)
    listed = client.get(approach.get_absolute_url()).context["listed"]
    assert [i["case_study"].pk for i in listed] == [high.pk, low.pk]
    assert listed[0]["strength"].padlocks == 5


def test_one_case_study_is_not_enough_evidence(client):
    approach = make_approach()
    strong(approach)
    page = client.get(approach.get_absolute_url()).content.decode()
    assert "Not enough evidence: fewer than 2 case studies report a cost" in page
    toolkit = client.get(reverse("approach_toolkit")).content.decode()
    assert "Not enough evidence" in toolkit


def test_peers_rate_comes_from_other_organisations_open_records(client):
    org, other = OrganisationFactory(), OrganisationFactory()
    mine = PerformanceRecord.objects.create(organisation=org, status="verified", **figures())
    # Peers: 18 job outcomes of 120 attachments = 15%; a members-only record does not count.
    PerformanceRecord.objects.create(
        organisation=other, **figures(attachments=120, job_outcomes=18, job_starts=30)
    )
    PerformanceRecord.objects.create(
        organisation=OrganisationFactory(), **figures(visibility="members", job_outcomes=55)
    )
    approach = make_approach()
    case_study = linked(approach, organisation=org, participants=100, job_starts=30,
                        job_outcomes=25, comparison="peers")  # fmt: skip
    case_study.cited_records.set([mine])
    listed = client.get(approach.get_absolute_url()).context["listed"]
    assert listed[0]["comparison_rate"] == Decimal(15)
    assert listed[0]["impact"] == Decimal("10.0")  # 25% - 15%
    # account, compared, like for like, 100 people, verified records
    assert listed[0]["strength"].padlocks == 5
    detail = client.get(case_study.get_absolute_url()).content.decode()
    assert "+10.0 percentage points" in detail and "Cites verified performance data" in detail


def test_toolkit_filters_by_terms_evidence_cost_and_impact_with_get(client):
    esa = ClaimantGroup.objects.get(slug="new-esa-claimants")
    in_work = JourneyStage.objects.get(slug="in-work-support")
    texting = make_approach("In-work support by text", claimant_groups=[esa],
                            journey_stages=[in_work])  # fmt: skip
    strong(texting)
    strong(texting)
    mentoring = make_approach("Volunteer mentoring", claimant_groups=[esa])
    weak(mentoring)
    weak(mentoring)
    url = reverse("approach_toolkit")

    def titles(query):
        response = client.get(url + query)
        assert response.status_code == 200
        return [r["approach"].title for r in response.context["rows"]]

    assert titles("") == ["In-work support by text", "Volunteer mentoring"]
    assert titles(f"?group={esa.slug}&stage={in_work.slug}&evidence=3") == [
        "In-work support by text"
    ]
    assert titles(f"?group={esa.slug}&evidence=3") == ["In-work support by text"]
    assert titles("?cost=2") == ["Volunteer mentoring"]  # £200 is Low; £400 is Moderate
    assert titles("?impact=5") == ["In-work support by text"]
    assert titles("?barrier=" + Barrier.objects.first().slug) == []
    assert titles("?group=not-a-group") == ["In-work support by text", "Volunteer mentoring"]


def test_toolkit_sorts_by_links_and_reverses_the_current_column(client):
    cheap = make_approach("Cheap")
    weak(cheap)
    weak(cheap)
    dear = make_approach("Dear")
    strong(dear)
    strong(dear)
    url = reverse("approach_toolkit")
    response = client.get(url + "?sort=cost")
    assert [r["approach"].title for r in response.context["rows"]] == ["Cheap", "Dear"]
    cost = next(h for h in response.context["headers"] if h["key"] == "cost")
    assert cost["aria_sort"] == "ascending" and cost["query"] == "sort=-cost"
    response = client.get(url + "?sort=-cost")
    assert [r["approach"].title for r in response.context["rows"]] == ["Dear", "Cheap"]
    assert 'aria-sort="descending"' in response.content.decode()
    # Evidence sorts strongest first by default
    assert [r["approach"].title for r in client.get(url).context["rows"]] == ["Dear", "Cheap"]


def test_an_adviser_posts_with_evidence_and_a_link_and_the_summary_changes(client):
    approach = make_approach()
    weak(approach)
    before = summary_of(client, approach)
    assert before.case_studies == 1 and before.impact is None
    organisation = OrganisationFactory()
    adviser = member_of(organisation)
    client.force_login(adviser)
    group = ClaimantGroup.objects.first()
    stage = JourneyStage.objects.first()
    data = {
        "title": "Texts after the first payday", "organisation": organisation.pk,
        "summary": "Short.", "claimant_groups": [group.pk], "journey_stages": [stage.pk],
        "provision": "end_to_end", "delivery_approach": "By text.", "what_was_done": "Texts.",
        "body": "Story.", "outcomes": "Jobs.", "lessons": "Start early.",
        "period_start_0": "1", "period_start_1": "2024", "participants": "150",
        "job_starts": "40", "job_outcomes": "30", "approaches": [approach.pk],
        "comparison": "comparison_group", "comparison_outcome_rate": "12",
        "follow_up_months": "12", "cost_per_participant": "400",
        "cost_covers": "Staff time", "action": "publish",
    }  # fmt: skip
    response = client.post(reverse("case_study_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    case_study = CaseStudy.objects.get(title="Texts after the first payday")
    assert case_study.comparison == "comparison_group" and case_study.cost_covers == "Staff time"
    client.logout()
    after = summary_of(client, approach)
    assert after.case_studies == 2 and after.impact.points == Decimal("7.0")
    detail = client.get(case_study.get_absolute_url()).content.decode()
    assert "5 out of 5" in detail and "Compared like for like" in detail
    assert approach.get_absolute_url() in detail


def test_the_form_refuses_a_rate_for_nothing_or_peers_and_out_of_range(client):
    organisation = OrganisationFactory()
    client.force_login(member_of(organisation))
    base = {"comparison_outcome_rate": "12", "action": "draft", "title": "x"}
    for comparison, message in (
        ("none", "Leave this empty when you compared with nothing"),
        ("peers", "peers&#x27; rate comes from the performance database"),
    ):
        response = client.post(reverse("case_study_create"), {**base, "comparison": comparison})
        assert message in response.content.decode()
    response = client.post(
        reverse("case_study_create"),
        {**base, "comparison": "before_after", "comparison_outcome_rate": "120"},
    )
    assert "Enter a rate from 0 to 100" in response.content.decode()


def test_a_moderator_confirms_a_link_and_nobody_else_can(client):
    approach = make_approach()
    case_study = weak(approach)
    link = CaseStudyApproach.objects.get(case_study=case_study)
    url = reverse("case_study_approach_confirm", kwargs={"pk": case_study.pk, "link": link.pk})
    client.force_login(member_of(OrganisationFactory()))
    assert client.post(url).status_code == 403
    with pytest.raises(Exception, match="Only moderators"):
        approach_services.approach_link_confirm(actor=case_study.author, link=link)
    client.force_login(moderator())
    assert "Confirm<span" in client.get(case_study.get_absolute_url()).content.decode()
    assert client.post(url).status_code == 302
    link.refresh_from_db()
    assert link.confirmed_at is not None
    assert "Confirmed by a moderator" in client.get(case_study.get_absolute_url()).content.decode()


def test_a_hidden_approach_is_not_found(client):
    approach = make_approach()
    Approach.objects.filter(pk=approach.pk).update(live=False)
    assert client.get(approach.get_absolute_url()).status_code == 404


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _populate(approaches, n):
    for approach in approaches:
        for i in range(n):
            (strong if i % 2 else weak)(approach)


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_counts_do_not_grow_with_the_number_of_case_studies(client, signed_in):
    from django.core.cache import cache

    if signed_in:
        client.force_login(member_of(OrganisationFactory()))
    approaches = [make_approach(f"Approach {i}") for i in range(3)]
    _populate(approaches, 2)
    urls = [reverse("approach_toolkit"), reverse("approach_toolkit") + "?evidence=3&sort=cost",
            approaches[0].get_absolute_url()]  # fmt: skip
    cache.clear()
    few = [_count(client, url) for url in urls]
    _populate(approaches + [make_approach("Approach 9")], 12)
    cache.clear()
    many = [_count(client, url) for url in urls]
    assert many <= few, (few, many)


def test_the_approach_page_links_forum_threads_and_workshop_notes_about_its_case_studies(client):
    from django.utils import timezone

    from forum.models import Thread
    from tests.forum.helpers import category
    from tests.hub.test_workshops import _publish

    approach = make_approach()
    case_study = strong(approach)
    other = CaseStudyFactory()
    author = case_study.author
    now = timezone.now()
    for title, about in (("About the texts", case_study), ("About something else", other)):
        Thread.objects.create(
            category=category(slug=title.lower().replace(" ", "-")), title=title, author=author,
            last_post_at=now, last_post_author=author, case_study=about,
        )  # fmt: skip
    _publish("Texting workshop", case_studies=[("case_study", case_study)])
    _publish("Unrelated workshop", case_studies=[("case_study", other)])
    html = client.get(approach.get_absolute_url()).content.decode()
    assert "About the texts" in html and "About something else" not in html
    assert "Texting workshop" in html and "Unrelated workshop" not in html


def test_editors_and_moderators_write_approaches_in_the_admin(client):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    for user in (editor, moderator()):
        client.force_login(user)
        assert client.get(reverse("wagtailsnippets_cases_approach:add")).status_code == 200
    client.force_login(member_of(OrganisationFactory()))
    assert client.get(reverse("wagtailsnippets_cases_approach:add")).status_code in (302, 403)
