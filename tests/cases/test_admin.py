"""The moderators' side of the Wagtail admin: the reports queue, read-only case study snippets,
the audit log and the showcase's featured badges."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from cases.casestudies.models import CaseStudy, Comment
from hub.base.models import Report
from hub.site.pages import HomePage
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, report_on
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
CASE_STUDY_ACTIONS = (
    "cases.hide",
    "cases.restore",
    "cases.comment_hide",
    "cases.comment_restore",
    "cases.flags_dismiss",
    "cases.feature",
)


def make_case_study(*, title="Job clubs in libraries", status=CaseStudy.Status.PUBLISHED):
    organisation = OrganisationFactory()
    author = MembershipFactory(organisation=organisation).user
    return CaseStudy.objects.create(
        author=author,
        organisation=organisation,
        title=title,
        summary="Weekly job clubs in branch libraries for people out of work a long time.",
        body="How it started.",
        delivery_approach="Groups, with one-to-one follow-up.",
        provision=CaseStudy.Provision.SPECIALIST,
        what_was_done="We ran the clubs.",
        outcomes="People found work.",
        lessons="Start small.",
        period_start=date(2024, 1, 1),
        status=status,
        published_at=timezone.now() if status == CaseStudy.Status.PUBLISHED else None,
    )


def make_comment(case_study, body="This is spam, buy my course."):
    comment = Comment.objects.create(case_study=case_study, author=UserFactory(), body=body)
    CaseStudy.objects.filter(pk=case_study.pk).update(comment_count=1)
    return comment


def flag(*, reason="It is advertising.", case_study=None, comment=None):
    return report_on(case_study or comment, reason=reason)


def in_group(name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def moderator_client(client):
    moderator = in_group("Moderators")
    client.force_login(moderator)
    client.user = moderator
    return client


def hide_url(kind, pk):
    return reverse("moderation:hide", args=(kind, pk))


def dismiss_url(kind, pk):
    return reverse("moderation:dismiss", args=(kind, pk))


# The reports queue ------------------------------------------------------------------------


def test_moderator_sees_open_reports_grouped_by_item_oldest_first(moderator_client):
    older = make_case_study(title="Older reported case study")
    newer = make_case_study(title="Newer reported case study")
    comment = make_comment(newer, body="Call me on this number for jobs")
    first = flag(case_study=older, reason="Names a claimant")
    flag(case_study=older, reason="Personal details in the outcomes")
    flag(comment=comment, reason="Spam in the comments")
    flag(case_study=newer, reason="Copied from elsewhere")
    Report.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=3)
    )
    resolved = flag(case_study=make_case_study(title="Settled case study"), reason="Old news")
    Report.objects.filter(pk=resolved.pk).update(status=Report.Status.DISMISSED)

    response = moderator_client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Older reported case study") < html.index("Newer reported case study")
    assert "Reported by 2 members" in html
    assert "Names a claimant" in html and "Personal details in the outcomes" in html
    assert "Call me on this number for jobs" in html and "Spam in the comments" in html
    assert "Settled case study" not in html
    assert older.get_absolute_url() in html
    assert comment.get_absolute_url() in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Reports to review (4)" in html  # the menu item counts open reports


def test_moderator_hides_a_case_study_with_a_reason(moderator_client):
    case_study = make_case_study()
    flags = [flag(case_study=case_study), flag(case_study=case_study)]

    response = moderator_client.post(
        hide_url("case-study", case_study.pk),
        {"reason": "It names a claimant.", "next": QUEUE + "?p=1"},
        follow=True,
    )

    assert response.redirect_chain == [(QUEUE + "?p=1", 302)]
    assert "You hid the case study" in response.content.decode()
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.HIDDEN
    assert case_study.hidden_reason == "It names a claimant."
    assert case_study.hidden_by == moderator_client.user
    assert {f.status for f in Report.objects.filter(pk__in=[f.pk for f in flags])} == {
        Report.Status.ACTIONED
    }
    entry = ModelLogEntry.objects.get(action="cases.hide", object_id=str(case_study.pk))
    assert entry.data == {"reason": "It names a claimant."}
    assert entry.user == moderator_client.user


def test_moderator_hides_a_comment_with_a_reason(moderator_client):
    comment = make_comment(make_case_study())
    flag(comment=comment)

    response = moderator_client.post(hide_url("comment", comment.pk), {"reason": "Spam."})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is not None and comment.hidden_reason == "Spam."
    assert not Report.objects.filter(status=Report.Status.OPEN).exists()
    entry = ModelLogEntry.objects.get(action="cases.comment_hide", object_id=str(comment.pk))
    assert entry.data["reason"] == "Spam."


def test_hiding_needs_a_reason(moderator_client):
    case_study = make_case_study()
    flag(case_study=case_study)

    response = moderator_client.post(hide_url("case-study", case_study.pk), {"reason": "   "})

    assert response.status_code == 400
    assert "Enter the reason the author will see." in response.content.decode()
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.PUBLISHED
    assert Report.objects.get().status == Report.Status.OPEN


def test_dismissing_closes_reports_without_hiding(moderator_client):
    case_study = make_case_study()
    comment = make_comment(case_study)
    flag(case_study=case_study)
    flag(case_study=case_study)
    comment_flag = flag(comment=comment)

    response = moderator_client.post(dismiss_url("case-study", case_study.pk), follow=True)

    assert "You dismissed the 2 reports" in response.content.decode()
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.PUBLISHED
    assert set(Report.objects.filter(case_study=case_study).values_list("status", flat=True)) == {
        Report.Status.DISMISSED
    }
    comment_flag.refresh_from_db()
    assert comment_flag.status == Report.Status.OPEN
    entry = ModelLogEntry.objects.get(action="cases.flags_dismiss")
    assert entry.data == {"flags": 2}


def test_queue_actions_are_post_only(moderator_client):
    case_study = make_case_study()
    flag(case_study=case_study)
    assert moderator_client.get(dismiss_url("case-study", case_study.pk)).status_code == 405
    assert moderator_client.get(hide_url("case-study", case_study.pk)).status_code == 405
    assert Report.objects.get().status == Report.Status.OPEN


def test_queue_actions_need_the_csrf_token():
    case_study = make_case_study()
    flag(case_study=case_study)
    client = Client(enforce_csrf_checks=True)
    client.force_login(in_group("Moderators"))
    response = client.post(dismiss_url("case-study", case_study.pk))
    assert response.status_code == 403
    assert Report.objects.get().status == Report.Status.OPEN


@pytest.mark.parametrize("who", ["member", "editor"])
def test_only_moderators_reach_the_queue_and_its_actions(client, who):
    user = UserFactory() if who == "member" else in_group("Editors")
    case_study = make_case_study()
    flag(case_study=case_study)
    client.force_login(user)

    responses = [
        client.get(QUEUE),
        client.post(hide_url("case-study", case_study.pk), {"reason": "Because."}),
        client.post(dismiss_url("case-study", case_study.pk)),
    ]

    for response in responses:
        # Wagtail answers a refused admin request with a redirect out of the page: to sign in
        # for a member without admin access, to the dashboard for an editor.
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith(QUEUE)
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.PUBLISHED
    assert Report.objects.get().status == Report.Status.OPEN
    if who == "editor":
        assert "Reports to review" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_queue_query_count_does_not_grow_with_reported_items(moderator_client):
    def report_items(count):
        for i in range(count // 2):
            case_study = make_case_study(title=f"Reported {count}-{i}")
            flag(case_study=case_study)
            flag(case_study=case_study)
            flag(comment=make_comment(case_study))

    def queries_for_queue():
        cold_viewer_caches()
        with CaptureQueriesContext(connection) as queries:
            response = moderator_client.get(QUEUE)
        assert response.status_code == 200
        return len(queries)

    report_items(2)
    few = queries_for_queue()
    Report.objects.all().delete()
    report_items(12)
    many = queries_for_queue()
    assert many == few


def test_queue_is_paginated(moderator_client):
    for i in range(23):
        flag(case_study=make_case_study(title=f"Paged case study {i:02}"))
    first = moderator_client.get(QUEUE).content.decode()
    second = moderator_client.get(QUEUE + "?p=2").content.decode()
    assert "Paged case study 00" in first and "Paged case study 22" not in first
    assert "Paged case study 22" in second and "Page 2 of 2" in second


# The audit log -----------------------------------------------------------------------------


def test_moderation_log_actions_are_registered_with_readable_messages():
    for action in CASE_STUDY_ACTIONS:
        assert log_registry.action_exists(action)
    hide = ModelLogEntry(action="cases.hide", data={"reason": "Names a claimant"})
    assert "Names a claimant" in log_registry.get_formatter(hide).format_message(hide)
    dismiss = ModelLogEntry(action="cases.flags_dismiss", data={"flags": 3})
    assert "3 reports" in log_registry.get_formatter(dismiss).format_message(dismiss)


def test_moderator_sees_moderation_entries_in_site_history(moderator_client):
    case_study = make_case_study(title="Audited case study")
    comment = make_comment(case_study)
    flag(case_study=case_study)
    flag(comment=comment)
    moderator_client.post(dismiss_url("comment", comment.pk))
    moderator_client.post(hide_url("case-study", case_study.pk), {"reason": "Names a claimant"})

    response = moderator_client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hidden by a moderator: Names a claimant" in html
    assert "1 report dismissed" in html
    # The entries link to the read-only inspect page.
    assert CaseStudy.snippet_viewset.get_url_name("inspect")
    assert reverse(CaseStudy.snippet_viewset.get_url_name("inspect"), args=(case_study.pk,)) in html


# Case studies and comments as snippets --------------------------------------------------


def test_moderator_lists_filters_and_inspects_case_studies_but_cannot_edit_them(moderator_client):
    shown = make_case_study(title="Listed published case study")
    hidden = make_case_study(title="Listed hidden case study", status=CaseStudy.Status.HIDDEN)
    viewset = CaseStudy.snippet_viewset

    listing = moderator_client.get(reverse(viewset.get_url_name("list")))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Listed published case study" in html and "Listed hidden case study" in html
    assert shown.organisation.name in html
    assert reverse(viewset.get_url_name("add")) not in html
    assert reverse(viewset.get_url_name("edit"), args=(shown.pk,)) not in html

    filtered = moderator_client.get(reverse(viewset.get_url_name("list")), {"status": "hidden"})
    assert "Listed published case study" not in filtered.content.decode()
    CaseStudy.objects.filter(pk=shown.pk).update(featured_at=timezone.now())
    featured = moderator_client.get(reverse(viewset.get_url_name("list")), {"featured": "yes"})
    assert "Listed published case study" in featured.content.decode()
    assert "Listed hidden case study" not in featured.content.decode()
    exported = moderator_client.get(reverse(viewset.get_url_name("list")), {"export": "csv"})
    assert "Listed hidden case study" in b"".join(exported.streaming_content).decode()

    inspect = moderator_client.get(reverse(viewset.get_url_name("inspect"), args=(hidden.pk,)))
    assert inspect.status_code == 200
    history = moderator_client.get(reverse(viewset.get_url_name("history"), args=(hidden.pk,)))
    assert history.status_code == 200
    for name in ("edit", "delete"):
        response = moderator_client.get(reverse(viewset.get_url_name(name), args=(shown.pk,)))
        assert response.status_code == 302  # Wagtail's "no permission" redirect
    assert moderator_client.get(reverse(viewset.get_url_name("add"))).status_code == 302


def test_case_study_listing_query_count_does_not_grow_with_rows(moderator_client):
    url = reverse(CaseStudy.snippet_viewset.get_url_name("list"))

    def queries_for_listing():
        cold_viewer_caches()
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(url).status_code == 200
        return len(queries)

    for i in range(2):
        make_case_study(title=f"Listed {i}")
    few = queries_for_listing()
    for i in range(10):
        make_case_study(title=f"Listed more {i}")
    assert queries_for_listing() == few


def test_even_a_superuser_cannot_edit_case_studies_in_the_admin(client):
    case_study = make_case_study()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    viewset = CaseStudy.snippet_viewset
    response = client.get(reverse(viewset.get_url_name("edit"), args=(case_study.pk,)))
    assert response.status_code == 302
    response = client.post(reverse(viewset.get_url_name("delete"), args=(case_study.pk,)))
    assert response.status_code == 302
    bulk_delete = reverse("wagtail_bulk_action", args=("cases", "casestudy", "delete"))
    client.post(f"{bulk_delete}?id={case_study.pk}")
    assert CaseStudy.objects.filter(pk=case_study.pk).exists()


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_case_study_chooser_offers_published_case_studies_only(client, group):
    make_case_study(title="Choosable published case study")
    make_case_study(title="Unchoosable draft", status=CaseStudy.Status.DRAFT)
    make_case_study(title="Unchoosable hidden", status=CaseStudy.Status.HIDDEN)
    client.force_login(in_group(group))

    response = client.get(reverse("wagtailsnippetchoosers_cases_casestudy:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Choosable published case study" in html
    assert "Unchoosable" not in html
    assert "Create" not in html  # no creation tab without the add permission


def test_moderator_lists_comments(moderator_client):
    make_comment(make_case_study(title="Commented case study"))
    response = moderator_client.get(reverse(Comment.snippet_viewset.get_url_name("list")))
    assert response.status_code == 200
    assert "Commented case study" in response.content.decode()


def test_moderators_group_can_moderate_and_view_case_study_content():
    moderator = in_group("Moderators")
    for perm in (
        "cases.view_casestudy",
        "cases.moderate_casestudy",
        "cases.view_comment",
        "hub.view_report",
    ):
        assert moderator.has_perm(perm)
    assert not moderator.has_perm("cases.change_casestudy")
    home = HomePage.objects.get()
    for group in ("Moderators", "Editors"):
        assert home.permissions_for_user(in_group(group)).can_publish_subpage()


def test_group_editor_offers_only_the_case_study_permissions_that_mean_something(client):
    client.force_login(UserFactory(is_superuser=True))
    moderators = Group.objects.get(name="Moderators")
    response = client.get(reverse("wagtailusers_groups:edit", args=(moderators.pk,)))
    assert response.status_code == 200
    offered = set(
        response.context["form"]
        .fields["permissions"]
        .queryset.filter(content_type__app_label="cases")
        .values_list("codename", flat=True)
    )
    # Approaches are written in the admin (by moderators and editors), so theirs mean something.
    assert offered == {
        "view_casestudy",
        "moderate_casestudy",
        "view_comment",
        "add_approach",
        "change_approach",
        "delete_approach",
    }
