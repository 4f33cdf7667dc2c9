"""'What Works' workshop notes: pages, filters, calendar files, proposals through Wagtail's
moderation workflow, the review pages, follow-up threads and the demo content."""

import datetime
import uuid

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from hub.base.models import Area, ClaimantGroup, Notification, Theme
from hub.site.pages import HomePage
from hub.site.workshops import selectors as workshop_selectors
from hub.site.workshops import services as workshops
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from tests.factories import (
    CaseStudyFactory,
    OrganisationFactory,
    UserFactory,
    member_of,
    moderator,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _index() -> WorkshopIndexPage:
    return WorkshopIndexPage.objects.get()


def _publish(title="A workshop", *, days=-30, area=None, themes=(), groups=(), **fields):
    area = area or Area.objects.get(code="CPA5")
    page = WorkshopPage(
        title=title,
        date=timezone.localdate() + datetime.timedelta(days=days),
        area=area,
        summary=fields.pop("summary", f"What {title} covered."),
        **fields,
    )
    page.themes = list(themes)
    page.claimant_groups = list(groups)
    _index().add_child(instance=page)
    page.save_revision().publish()
    return WorkshopPage.objects.get(pk=page.pk)


def _data(**overrides) -> dict:
    data = {
        "title": "Keeping young people engaged",
        "date": timezone.localdate() - datetime.timedelta(days=3),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(12, 30),
        "venue": "Riverside Centre, Sunderland",
        "area": Area.objects.get(code="CPA5"),
        "facilitator": None,
        "attendees": [],
        "claimant_groups": [],
        "themes": [Theme.objects.get(slug="young-people")],
        "summary": "Advisers from four providers compared how they keep 18-24s coming.",
        "shared": "Text reminders the day before **halve** missed appointments.",
        "examples": "# Breakfast club\nA Monday breakfast club.\n# Buddy scheme\nPeers call.",
        "actions": "- Share the text template\n- Meet again in June",
        "follow_ups": "A visit to the breakfast club.",
        "case_studies": [],
    }
    data.update(overrides)
    return data


def _post_data(**overrides) -> dict:
    date = overrides.pop("date", timezone.localdate() - datetime.timedelta(days=3))
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Keeping young people engaged",
        "date_0": str(date.day),
        "date_1": str(date.month),
        "date_2": str(date.year),
        "start_time": "10:00",
        "end_time": "12:30",
        "venue": "Riverside Centre",
        "area": str(Area.objects.get(code="CPA5").pk),
        "summary": "Advisers compared how they keep 18-24s coming.",
        "shared": "Reminders the day before help.",
        "examples": "",
        "actions": "Share the template",
        "follow_ups": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def member():
    return member_of(OrganisationFactory())


@pytest.fixture
def mod():
    return moderator()


# Set-up by the migrations ---------------------------------------------------------------------


def test_migrations_seed_themes_index_and_a_moderator_review_workflow():
    assert Theme.objects.count() >= 10
    index = _index()
    assert index.live and index.get_parent().specific_class is HomePage
    workflow = index.get_workflow()
    assert workflow.name == "Workshop notes review" and workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


# Pages ----------------------------------------------------------------------------------------


def test_index_lists_upcoming_first_soonest_first_then_past_newest_first(client):
    old = _publish("Old past", days=-60)
    _publish("Recent past", days=-5)
    _publish("Later upcoming", days=20)
    soon = _publish("Soon upcoming", days=3)
    html = client.get(_index().url).content.decode()
    order = [html.index(t) for t in ("Soon upcoming", "Later upcoming", "Recent past", "Old past")]
    assert order == sorted(order)
    assert html.index("Upcoming workshops") < order[0]
    assert "Add to your calendar (.ics)" in html
    assert f'href="{_index().url}calendar/"' in html
    assert f'href="{soon.url}calendar/"' in html and f'href="{old.url}calendar/"' not in html


def test_index_filters_by_area_theme_group_and_year(client):
    north, london = Area.objects.get(code="CPA5"), Area.objects.get(code="CPA4")
    health = Theme.objects.get(slug="mental-health")
    young = ClaimantGroup.objects.get(slug="jsa-18-24")
    _publish("North health", area=north, themes=[health])
    london_youth = _publish("London youth", area=london, groups=[young])
    last_year = _publish("North last year", area=north, days=-400)
    url = _index().url

    def titles(query):
        html = client.get(url, query).content.decode()
        return {t for t in ("North health", "London youth", "North last year") if t in html}

    assert titles({}) == {"North health", "London youth", "North last year"}
    assert titles({"area": north.slug}) == {"North health", "North last year"}
    assert titles({"theme": "mental-health"}) == {"North health"}
    assert titles({"group": young.slug}) == {"London youth"}
    # 370 days apart, so always in different years.
    assert titles({"year": str(last_year.date.year)}) == {"North last year"}
    assert "North last year" not in titles({"year": str(london_youth.date.year)})


def test_workshop_page_shows_facts_notes_published_case_studies_and_threads(client):
    facilitator, attendee = OrganisationFactory(name="Facilitating Org"), OrganisationFactory()
    published = CaseStudyFactory(title="A published story")
    draft = CaseStudyFactory(title="A draft story", status="draft", published_at=None)
    page = _publish(
        "Engagement workshop",
        facilitator=facilitator,
        themes=[Theme.objects.get(slug="engagement-and-attendance")],
        notes=workshops.notes_blocks(
            shared="Shared **well**", examples="", actions="Act", follow_ups=""
        ),
        case_studies=[("case_study", published), ("case_study", draft)],
    )
    page.attendees = [attendee]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert facilitator.get_absolute_url() in html and attendee.get_absolute_url() in html
    assert "Engagement and attendance" in html
    assert "<strong>well</strong>" in html and "Action agreed" in html
    assert "A published story" in html and "A draft story" not in html
    assert "In the forum" in html


# Calendar files -------------------------------------------------------------------------------


def test_upcoming_ics_parses_and_holds_only_upcoming_events_with_london_times(client):
    timed = _publish(
        "Timed upcoming", days=7, start_time=datetime.time(10), end_time=datetime.time(12),
        venue="Civic Centre",
    )  # fmt: skip
    all_day = _publish("All-day upcoming", days=14)
    _publish("Past one", days=-7)
    response = client.get(_index().url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    cal = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Timed upcoming", "All-day upcoming"}
    event = events["Timed upcoming"]
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/London"
    assert (start.date(), start.hour) == (timed.date, 10)
    assert event.decoded("DTEND").hour == 12
    assert "Civic Centre" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(timed.url)
    assert event["UID"] and event["DTSTAMP"]
    day = events["All-day upcoming"].decoded("DTSTART")
    assert not isinstance(day, datetime.datetime) and day == all_day.date
    assert any(c.name == "VTIMEZONE" for c in cal.walk())


def test_event_ics_for_one_workshop(client):
    page = _publish("Single", days=5, start_time=datetime.time(14, 30))
    response = client.get(page.url + "calendar/")
    cal = icalendar.Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Single"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)


# Proposals and review -------------------------------------------------------------------------


def test_proposal_is_a_draft_child_of_the_index_in_the_review_workflow(member):
    page = workshops.workshop_propose(actor=member, data=_data())
    page.refresh_from_db()
    assert not page.live and page.owner == member and page.proposed_by == member
    assert page.get_parent().pk == _index().pk
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    kinds = [b.block_type for b in page.get_latest_revision_as_object().notes]
    assert kinds == ["what_was_shared", "practice_example", "practice_example", "action",
                     "action", "follow_up"]  # fmt: skip


def test_member_markdown_never_reaches_rich_text_as_raw_html(member):
    page = workshops.workshop_propose(
        actor=member,
        data=_data(
            shared="<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))",
            examples="# <b onclick=x>Title</b>\n<iframe src=//evil></iframe>text",
            actions="<script>bad()</script>",
        ),
    )
    draft = page.get_latest_revision_as_object()
    html = "".join(str(b.render()) for b in draft.notes)
    for bad in ("<script", "<img", "javascript:", "<iframe", "<b onclick"):
        assert bad not in html
    assert "&lt;script&gt;bad()&lt;/script&gt;" in html  # the action is plain text, escaped


def test_approval_on_the_review_page_publishes_and_notifies_the_proposer(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    client.force_login(mod)
    url = reverse("workshop_review", kwargs={"page_id": page.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "approve", "comment": "Lovely notes"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    note = Notification.objects.get(recipient=member, kind="workshop.approved")
    assert "Lovely notes" in note.message and note.url == page.url
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()
    client.logout()
    assert "Keeping young people engaged" in client.get(_index().url).content.decode()
    assert client.get(page.url).status_code == 200


def test_rejected_proposal_never_becomes_public_and_the_proposer_hears_why(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data(title="Zanzibar quokka notes"))
    workshops.workshop_review(actor=mod, page=page, approve=False, comment="Please add actions")
    page.refresh_from_db()
    assert not page.live
    note = Notification.objects.get(recipient=member, kind="workshop.rejected")
    assert "Please add actions" in note.message
    assert note.url == reverse("workshop_proposals")
    assert "Zanzibar quokka" not in client.get(_index().url).content.decode()
    assert client.get(f"{_index().url}{page.slug}/").status_code == 404
    assert client.get(f"{_index().url}{page.slug}/calendar/").status_code == 404
    assert "Zanzibar" not in client.get(_index().url + "calendar/").content.decode()
    # Wagtail search finds drafts unless filtered to live pages: the public reads filter.
    assert page.pk in [p.pk for p in Page.objects.search("Zanzibar quokka")]
    assert not list(Page.objects.live().search("Zanzibar quokka"))
    assert page.pk not in [p.pk for p in workshop_selectors.upcoming_workshops(50)]
    # The proposer sees it with the comment.
    client.force_login(member)
    html = client.get(reverse("workshop_proposals")).content.decode()
    assert "Rejected" in html and "Please add actions" in html


def test_rejection_needs_a_comment(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    client.force_login(mod)
    url = reverse("workshop_review", kwargs={"page_id": page.pk})
    response = client.post(url, {"decision": "reject", "comment": ""})
    assert response.status_code == 200
    assert "Say what needs to change" in response.content.decode()
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_rejection_in_the_wagtail_admin_also_notifies_the_proposer(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    task_state = page.current_workflow_task_state
    client.force_login(mod)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    response = client.post(url, {"comment": "Remove the participant's name"})
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    note = Notification.objects.get(recipient=member, kind="workshop.rejected")
    assert "Remove the participant's name" in note.message
    # One notice, through the hub's notifications: Wagtail's own email is replaced.
    assert not [m for m in mail.outbox if member.email in m.to]


def test_other_pages_keep_wagtails_own_workflow_emails():
    from wagtail.admin.signal_handlers import workflow_approval_email_notifier
    from wagtail.signals import workflow_approved

    from hub.site.pages import ContentPage

    editor = UserFactory()
    home = HomePage.objects.get()
    page = home.add_child(instance=ContentPage(title="About", slug="about-test", live=False))
    page.save_revision(user=editor)
    state = home.get_workflow().start(page, editor) if home.get_workflow() else None
    assert state is not None, "Wagtail's default workflow covers the other pages"
    called = []
    original = workflow_approval_email_notifier.__call__
    type(workflow_approval_email_notifier).__call__ = lambda self, **kw: called.append(kw)
    try:
        workflow_approved.send(sender=WorkflowState, instance=state, user=moderator())
    finally:
        type(workflow_approval_email_notifier).__call__ = original
    assert called and called[0]["instance"] == state
    assert not Notification.objects.filter(kind__startswith="workshop.").exists()


def test_approval_in_the_wagtail_admin_publishes_and_notifies(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    task_state = page.current_workflow_task_state
    client.force_login(mod)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert Notification.objects.filter(recipient=member, kind="workshop.approved").exists()


def test_rejected_proposal_can_be_changed_and_resubmitted(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    workshops.workshop_review(actor=mod, page=page, approve=False, comment="Add a summary")
    client.force_login(member)
    url = reverse("workshop_resubmit", kwargs={"page_id": page.pk})
    form_html = client.get(url).content.decode()
    assert "Add a summary" in form_html and "Keeping young people engaged" in form_html
    response = client.post(url, _post_data(title="Keeping young people engaged, revised"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().title.endswith("revised")
    assert not page.live
    other = member_of(OrganisationFactory())
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_member_proposes_through_the_form_and_errors_keep_what_was_typed(client, member):
    client.force_login(member)
    url = reverse("workshop_propose")
    assert client.get(url).status_code == 200
    bad = _post_data(date_0="31", date_1="2", title="Typed title")
    response = client.post(url, bad)
    html = response.content.decode()
    assert response.status_code == 200 and "must be a real date" in html
    assert "Typed title" in html and "There is a problem" in html
    response = client.post(url, _post_data())
    assert response.status_code == 302 and response.url == reverse("workshop_proposals")
    page = WorkshopPage.objects.get(proposed_by=member)
    assert page.current_workflow_state is not None and not page.live


def test_double_submit_creates_one_proposal(client, member):
    client.force_login(member)
    data = _post_data()
    for _ in range(2):
        assert client.post(reverse("workshop_propose"), data).status_code == 302
    assert WorkshopPage.objects.filter(proposed_by=member).count() == 1
    assert WorkflowState.objects.count() == 1


def test_proposals_are_rate_limited(client, member, settings):
    settings.HUB_WORKSHOP_PROPOSALS_PER_DAY = 1
    client.force_login(member)
    assert client.post(reverse("workshop_propose"), _post_data()).status_code == 302
    response = client.post(reverse("workshop_propose"), _post_data(title="Second"))
    assert response.status_code == 200 and "Try tomorrow" in response.content.decode()
    assert WorkshopPage.objects.filter(proposed_by=member).count() == 1


def test_only_members_can_propose(client):
    url = reverse("workshop_propose")
    assert client.get(url).status_code == 302  # to sign in
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert client.post(url, _post_data()).status_code == 403
    assert not WorkshopPage.objects.exists()
    with pytest.raises(workshops.PermissionDenied):
        workshops.workshop_propose(actor=outsider, data=_data())


def test_only_moderators_can_review(client, member):
    page = workshops.workshop_propose(actor=member, data=_data())
    url = reverse("workshop_review", kwargs={"page_id": page.pk})
    client.force_login(member)
    assert client.get(reverse("workshop_review_list")).status_code == 403
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "approve"}).status_code == 403
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code == 403
    with pytest.raises(workshops.PermissionDenied):
        workshops.workshop_review(actor=member, page=page, approve=True, comment="")
    page.refresh_from_db()
    assert not page.live


def test_review_list_shows_waiting_proposals_to_moderators(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data(title="Waiting notes"))
    client.force_login(mod)
    html = client.get(reverse("workshop_review_list")).content.decode()
    assert "Waiting notes" in html
    assert reverse("workshop_review", kwargs={"page_id": page.pk}) in html


def test_a_decided_proposal_cannot_be_reviewed_again(client, member, mod):
    page = workshops.workshop_propose(actor=member, data=_data())
    workshops.workshop_review(actor=mod, page=page, approve=True, comment="")
    client.force_login(mod)
    assert client.get(reverse("workshop_review", kwargs={"page_id": page.pk})).status_code == 404


def test_upcoming_workshops_for_the_home_page_are_live_and_soonest_first(member):
    _publish("Past", days=-1)
    later, sooner = _publish("Later", days=9), _publish("Sooner", days=2)
    workshops.workshop_propose(actor=member, data=_data(date=timezone.localdate()))
    assert [w.pk for w in workshop_selectors.upcoming_workshops(5)] == [sooner.pk, later.pk]


# Follow-up threads ----------------------------------------------------------------------------


def test_a_workshop_opens_a_follow_up_thread_linked_both_ways(client, member):
    from forum.models import Category, Thread

    page = _publish("Linked workshop")
    category = Category.objects.create(name="General", slug="general")
    client.force_login(member)
    html = client.get(page.url).content.decode()
    assert f"{reverse('forum_discuss')}?page={page.pk}" in html
    response = client.get(reverse("forum_discuss"), {"page": page.pk, "category": "general"})
    assert response.status_code == 302 and f"page={page.pk}" in response.url
    form = client.get(response.url).content.decode()
    assert f'name="page" value="{page.pk}"' in form
    response = client.post(
        response.url,
        {
            "page": page.pk,
            "title": "Following up the workshop",
            "body": "What did everyone try?",
            "submission_key": str(uuid.uuid4()),
        },
    )
    thread = Thread.objects.get(category=category)
    assert thread.page_id == page.pk
    thread_html = client.get(thread.get_absolute_url()).content.decode()
    assert "Follows up the workshop:" in thread_html and page.url in thread_html
    assert "Following up the workshop" in client.get(page.url).content.decode()


def test_a_draft_workshop_cannot_be_the_subject_of_a_thread(client, member):
    page = workshops.workshop_propose(actor=member, data=_data())
    client.force_login(member)
    assert client.get(reverse("forum_discuss"), {"page": page.pk}).status_code == 302
    assert client.get(reverse("forum_discuss"), {"page": page.pk}).url == reverse("forum_index")


# Query counts ---------------------------------------------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("signed_in", [False, True])
def test_index_and_page_query_counts_do_not_grow_with_the_data(client, signed_in):
    themes = list(Theme.objects.all()[:3])
    orgs = [OrganisationFactory() for _ in range(4)]

    def add(n, offset):
        made = []
        for i in range(n):
            page = _publish(f"Workshop {offset + i}", days=(-1) ** i * (i + 2), themes=themes)
            made.append(page)
        return made

    if signed_in:
        client.force_login(member_of(orgs[0]))
    first = add(2, 0)
    first[0].attendees = orgs[:1]
    first[0].case_studies = [("case_study", CaseStudyFactory())]
    first[0].save_revision().publish()
    small_index = _count(client, _index().url)
    small_page = _count(client, first[0].url)
    add(12, 100)
    first[0].attendees = orgs
    first[0].case_studies = [("case_study", CaseStudyFactory()) for _ in range(3)]
    first[0].save_revision().publish()
    assert _count(client, _index().url) <= small_index
    assert _count(client, first[0].url) <= small_page


# Demo -----------------------------------------------------------------------------------------


def test_demo_seed_is_idempotent():
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (
        WorkshopPage.objects.live().count(),
        WorkshopPage.objects.filter(live=False).count(),
        WorkflowState.objects.count(),
    )
    assert counts[0] >= 12 and counts[1] == 1
    assert WorkshopPage.objects.live().filter(date__gte=TODAY()).count() >= 3
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        WorkshopPage.objects.live().count(),
        WorkshopPage.objects.filter(live=False).count(),
        WorkflowState.objects.count(),
    )


def test_proposals_and_review_lists_query_counts_do_not_grow(client, member, mod):
    def propose(n):
        for i in range(n):
            workshops.workshop_propose(actor=member, data=_data(title=f"Proposal {i}-{n}"))

    propose(1)
    client.force_login(member)
    small_mine = _count(client, reverse("workshop_proposals"))
    client.force_login(mod)
    small_review = _count(client, reverse("workshop_review_list"))
    propose(6)
    rejected = WorkshopPage.objects.filter(proposed_by=member).first()
    workshops.workshop_review(actor=mod, page=rejected, approve=False, comment="No")
    assert _count(client, reverse("workshop_review_list")) <= small_review
    client.force_login(member)
    assert _count(client, reverse("workshop_proposals")) <= small_mine
