"""One moderation mechanism (hub.base.moderation): the same rules for case studies, comments and
forum posts, the one review queue in the admin, and the move of the old flags into reports."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cases.casestudies.models import CaseStudy, Comment
from forum import services as forum_services
from forum.models import Thread
from hub.base import moderation
from hub.base.models import Report, User
from hub.base.moderation import services
from tests.factories import CaseStudyFactory, UserFactory, established, moderator
from tests.forum.helpers import category, new_member, seasoned_member
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
KINDS = ["case-study", "comment", "post"]
SECRET = "Only the author may still read this text"


def make(kind: str, author: User | None = None):
    """A shown item of `kind` by `author` (an established member unless given), with `SECRET`
    in its text."""
    author = author or established(seasoned_member())
    if kind == "case-study":
        return CaseStudyFactory(author=author, summary=SECRET)
    if kind == "comment":
        case_study = CaseStudyFactory()
        CaseStudy.objects.filter(pk=case_study.pk).update(comment_count=1)
        return Comment.objects.create(case_study=case_study, author=author, body=SECRET)
    thread = forum_services.thread_create(
        author=seasoned_member(), category=category(slug=f"c{Thread.objects.count()}"),
        title="Job clubs", body="How do you run one?",
    )  # fmt: skip
    return forum_services.post_create(author=author, thread=thread, body=SECRET)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def page_of(obj) -> str:
    """The page a reader sees the item on."""
    if isinstance(obj, CaseStudy):
        return obj.get_absolute_url()
    if isinstance(obj, Comment):
        return obj.case_study.get_absolute_url()
    return obj.thread.get_absolute_url()


def shown_count(obj) -> int:
    """The counter the item counts in while shown (published case studies, comments, replies)."""
    if isinstance(obj, CaseStudy):
        return CaseStudy.objects.published().filter(pk=obj.pk).count()
    if isinstance(obj, Comment):
        return CaseStudy.objects.get(pk=obj.case_study_id).comment_count
    return Thread.objects.get(pk=obj.thread_id).reply_count


def reporters(n: int, *, established_members: bool = True) -> list[User]:
    return [established(UserFactory()) if established_members else UserFactory() for _ in range(n)]


# The rules, for each kind ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_reports_their_own_content(kind):
    item = make(kind)
    with pytest.raises(PermissionDenied, match="your own"):
        services.report_create(reporter=item.author, target=item, reason="Mine")
    assert not Report.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_second_report_by_the_same_member_is_refused(kind):
    item, reporter = make(kind), established(UserFactory())
    services.report_create(reporter=reporter, target=item, reason="Spam")
    with pytest.raises(ValidationError, match="already reported"):
        services.report_create(reporter=reporter, target=item, reason="Spam again")
    assert Report.objects.about(item).count() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_report_needs_a_reason_and_a_signed_in_member(kind, client):
    item = make(kind)
    with pytest.raises(ValidationError):
        services.report_create(reporter=established(UserFactory()), target=item, reason="  ")
    with pytest.raises(PermissionDenied):
        services.report_create(
            reporter=type("Anon", (), {"is_authenticated": False, "pk": None})(),
            target=item,
            reason="Spam",
        )
    assert not Report.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_enough_established_reports_hide_an_item_until_reviewed(kind, settings):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    item = make(kind)
    shown = shown_count(item)
    first, second = reporters(2)
    services.report_create(reporter=first, target=item, reason="Spam")
    assert fresh(item).hidden_at is None
    services.report_create(reporter=second, target=item, reason="Advertising")

    item = fresh(item)
    assert item.hidden_at is not None and item.hidden_by is None
    assert item.hidden_reason == services.AUTO_HIDE_REASON
    assert shown_count(item) == shown - 1
    assert ModelLogEntry.objects.filter(
        action="moderation.auto_hide", object_id=str(item.pk)
    ).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_fresh_accounts_alone_cannot_hide_an_established_members_content(kind, settings):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    item = make(kind)
    for reporter in reporters(6, established_members=False):
        services.report_create(reporter=reporter, target=item, reason="Spam")
    assert fresh(item).hidden_at is None
    assert set(Report.objects.about(item).values_list("weight", flat=True)) == {services.HALF}

    # One established member's report on top of their half-weight reports is enough.
    services.report_create(reporter=reporters(1)[0], target=item, reason="Spam")
    assert fresh(item).hidden_at is not None


@pytest.mark.parametrize("kind", KINDS)
def test_new_members_reports_weigh_half_against_a_new_members_content(kind, settings):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    item = make(kind, author=new_member())  # a brand-new account
    fresh_reporters = reporters(4, established_members=False)
    for reporter in fresh_reporters[:3]:
        services.report_create(reporter=reporter, target=item, reason="Spam")
    assert fresh(item).hidden_at is None  # 1.5 of 2
    services.report_create(reporter=fresh_reporters[3], target=item, reason="Spam")
    assert fresh(item).hidden_at is not None


@pytest.mark.parametrize("kind", KINDS)
def test_hidden_content_is_gone_for_others_but_the_author_sees_it_and_why(kind, client):
    item = make(kind)
    mod = moderator()
    services.hide(moderator=mod, target=item, reason="It names a participant")
    url = page_of(fresh(item))

    client.force_login(established(UserFactory()))
    response = client.get(url)
    assert SECRET not in response.content.decode()

    client.force_login(item.author)
    html = client.get(url).content.decode()
    assert SECRET in html
    assert "It names a participant" in html


@pytest.mark.parametrize("kind", KINDS)
def test_hide_and_restore_with_reasons_in_the_audit_log(kind):
    item, mod = make(kind), moderator()
    shown = shown_count(item)
    services.report_create(reporter=established(UserFactory()), target=item, reason="Spam")
    label = moderation.kind_of(item)

    services.hide(moderator=mod, target=item, reason="Advertising")
    item = fresh(item)
    assert (item.hidden_reason, item.hidden_by) == ("Advertising", mod)
    assert shown_count(item) == shown - 1
    assert Report.objects.about(item).get().status == Report.Status.ACTIONED
    hide_entry = ModelLogEntry.objects.get(action=label.actions["hide"], object_id=str(item.pk))
    assert hide_entry.data == {"reason": "Advertising"} and hide_entry.user == mod
    assert item.author.notifications.filter(message__contains="Advertising").exists()

    services.restore(moderator=mod, target=item, reason="It was a fair link")
    item = fresh(item)
    assert item.hidden_at is None and item.hidden_reason == ""
    assert shown_count(item) == shown
    entry = ModelLogEntry.objects.get(action=label.actions["restore"], object_id=str(item.pk))
    assert entry.data == {"reason": "It was a fair link"}


@pytest.mark.parametrize("kind", KINDS)
def test_dismissing_closes_reports_and_is_logged(kind):
    item, mod = make(kind), moderator()
    for reporter in reporters(2):
        services.report_create(reporter=reporter, target=item, reason="Spam")
    assert services.dismiss(moderator=mod, target=item) == 2
    assert not Report.objects.about(item).open().exists()
    assert fresh(item).hidden_at is None
    entry = ModelLogEntry.objects.get(action=moderation.kind_of(item).actions["dismiss"])
    assert entry.data == {"flags": 2}


@pytest.mark.parametrize("kind", KINDS)
def test_only_moderators_hide_restore_and_dismiss(kind):
    item = make(kind)
    member = established(UserFactory())
    for act in (
        lambda: services.hide(moderator=member, target=item, reason="No"),
        lambda: services.restore(moderator=member, target=item),
        lambda: services.dismiss(moderator=member, target=item),
    ):
        with pytest.raises(PermissionDenied):
            act()
    assert fresh(item).hidden_at is None


# The one review queue --------------------------------------------------------------------


def report_each_kind(suffix=""):
    items = [make(kind) for kind in KINDS]
    for item in items:
        services.report_create(reporter=established(UserFactory()), target=item, reason="Spam")
    return items


def test_the_queue_lists_every_kind_in_one_place(client):
    case_study, comment, post = report_each_kind()
    client.force_login(moderator())
    html = client.get(QUEUE).content.decode()
    assert f"Case study: {case_study.title}" in html
    assert f"Comment by {comment.author.public_name}" in html
    assert f"Post {post.number} in" in html
    assert "Reports to review (3)" in html
    for kind, item in zip(KINDS, (case_study, comment, post), strict=True):
        assert reverse("moderation:hide", args=(kind, item.pk)) in html


@pytest.mark.parametrize("kind", KINDS)
def test_moderator_hides_each_kind_from_the_queue(client, kind):
    item = make(kind)
    services.report_create(reporter=established(UserFactory()), target=item, reason="Spam")
    client.force_login(moderator())
    response = client.post(
        reverse("moderation:hide", args=(kind, item.pk)), {"reason": "Spam."}, follow=True
    )
    assert "You hid" in response.content.decode()
    assert fresh(item).hidden_reason == "Spam."


@pytest.mark.parametrize("who", ["member", "editor"])
def test_non_moderators_cannot_reach_the_queue_or_its_actions(client, who):
    from django.contrib.auth.models import Group

    user = established(UserFactory())
    if who == "editor":
        user.groups.add(Group.objects.get(name="Editors"))
    items = report_each_kind()
    client.force_login(user)
    responses = [client.get(QUEUE)]
    for kind, item in zip(KINDS, items, strict=True):
        responses.append(
            client.post(reverse("moderation:hide", args=(kind, item.pk)), {"reason": "x"})
        )
        responses.append(client.post(reverse("moderation:dismiss", args=(kind, item.pk))))
    for response in responses:
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith(QUEUE)
    assert Report.objects.open().count() == 3
    assert not any(fresh(item).hidden_at for item in items)


def test_unknown_kinds_are_not_found(client):
    client.force_login(moderator())
    assert client.post(reverse("moderation:dismiss", args=("page", 1))).status_code == 404


def test_queue_query_count_does_not_grow_with_reported_items(client):
    client.force_login(moderator())

    def queries():
        cold_viewer_caches()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    report_each_kind()
    few = queries()
    for _ in range(4):
        report_each_kind()
    assert queries() == few


# Reporting from the site -------------------------------------------------------------------


def report_url(item) -> str:
    if isinstance(item, CaseStudy):
        return reverse("case_study_flag", args=(item.pk,))
    if isinstance(item, Comment):
        return reverse("comment_flag", args=(item.pk,))
    return reverse("forum_post_flag", args=(item.pk,))


@pytest.mark.parametrize("kind", KINDS)
def test_reports_are_rate_limited_for_everyone_with_a_clear_message(kind, client, settings):
    settings.HUB_FLAGS_PER_HOUR = 1
    cache.clear()
    first, second = make(kind), make(kind)
    client.force_login(established(UserFactory()))
    client.post(report_url(first), {"reason": "Spam"})
    response = client.post(report_url(second), {"reason": "Spam"})
    assert response.status_code == 200
    assert "You have sent 1 reports in the last hour" in response.content.decode()
    assert Report.objects.count() == 1
    cache.clear()


@pytest.mark.parametrize("kind", KINDS)
def test_reporting_ones_own_item_on_the_site_says_why_not(kind, client):
    cache.clear()
    item = make(kind)
    client.force_login(item.author)
    response = client.post(report_url(item), {"reason": "Mine"})
    assert f"You cannot report your own {moderation.kind_of(item).label}" in (
        response.content.decode()
    )
    assert not Report.objects.exists()


def test_old_reports_keep_their_times_in_the_queue_order(client):
    older, newer = report_each_kind()[:2]
    Report.objects.about(newer).update(created_at=timezone.now() - timedelta(days=5))
    client.force_login(moderator())
    html = client.get(QUEUE).content.decode()
    assert html.index(f"Comment by {newer.author.public_name}") < html.index(older.title)
