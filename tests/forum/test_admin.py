"""The moderators' side of the Wagtail admin for the forum: the reports queue, categories,
read-only thread and post snippets, and the audit log."""

from datetime import timedelta
from itertools import count

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from forum import services
from forum.models import Category, Post, Thread
from hub.base.models import Report, User
from hub.base.moderation import selectors as moderation_selectors
from hub.base.moderation import services as moderation
from tests.factories import OrganisationFactory, UserFactory, established, member_of, moderator
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
FORUM_ACTIONS = (
    "forum.post_edit",
    "forum.post_hide",
    "forum.post_restore",
    "forum.flags_dismiss",
    "forum.lock",
    "forum.unlock",
    "forum.pin",
    "forum.unpin",
    "forum.move",
    "forum.thread_hide",
    "forum.thread_restore",
)
_numbers = count(1)


def member():
    """An approved member whose account is old enough for the new-member limits not to bite."""
    user = member_of(OrganisationFactory())
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=30))
    return User.objects.get(pk=user.pk)


def make_category(name=None, **kwargs):
    number = next(_numbers)
    return Category.objects.create(
        name=name or f"Test category {number}",
        slug=f"test-category-{number}",
        description="A made-up category for tests.",
        **kwargs,
    )


def make_post(*, title="Finding work after long-term sickness", body="Buy my course now!"):
    """A reply (post 2) in a new thread."""
    thread = services.thread_create(
        author=member(), category=make_category(), title=title, body="How do you start?"
    )
    return services.post_create(author=member(), thread=thread, body=body)


def report(post, reason="It is advertising."):
    """A report by an established member (whose reports count in full)."""
    return moderation.report_create(reporter=established(UserFactory()), target=post, reason=reason)


def in_group(name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def moderator_client(client):
    user = moderator()
    client.force_login(user)
    client.user = user
    return client


def hide_url(post):
    return reverse("moderation:hide", args=("post", post.pk))


def dismiss_url(post):
    return reverse("moderation:dismiss", args=("post", post.pk))


# The reports queue ------------------------------------------------------------------------


def test_moderator_sees_open_reports_grouped_by_post_oldest_first(moderator_client):
    older = make_post(title="Older reported thread", body="Call this number for jobs")
    newer = make_post(title="Newer reported thread", body="Copied from a newspaper")
    first = report(older, reason="Spam with a phone number")
    report(older, reason="Advertising")
    report(newer, reason="Copyright")
    Report.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=3))
    settled = make_post(title="Settled thread")
    Report.objects.filter(pk=report(settled).pk).update(status=Report.Status.DISMISSED)

    response = moderator_client.get(QUEUE)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Older reported thread") < html.index("Newer reported thread")
    assert "Reported by 2 members" in html and "Reported by 1 member<" in html
    assert "Spam with a phone number" in html and "Advertising" in html
    assert "Call this number for jobs" in html and "Copied from a newspaper" in html
    assert "Settled thread" not in html
    assert "Hidden automatically" not in html
    assert older.get_absolute_url() in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Reports to review (3)" in html  # the menu item counts open reports


def test_moderator_hides_a_post_with_a_reason(moderator_client):
    post = make_post()
    flags = [report(post), report(post)]

    response = moderator_client.post(
        hide_url(post),
        {"reason": "Advertising is not allowed.", "next": QUEUE + "?p=1"},
        follow=True,
    )

    assert response.redirect_chain == [(QUEUE + "?p=1", 302)]
    assert "You hid post 2" in response.content.decode()
    post.refresh_from_db()
    assert post.hidden_at is not None
    assert post.hidden_reason == "Advertising is not allowed."
    assert post.hidden_by == moderator_client.user
    assert {f.status for f in Report.objects.filter(pk__in=[f.pk for f in flags])} == {
        Report.Status.ACTIONED
    }
    assert Thread.objects.get(pk=post.thread_id).reply_count == 0
    entry = ModelLogEntry.objects.get(action="forum.post_hide", object_id=str(post.pk))
    assert entry.data == {"reason": "Advertising is not allowed."}
    assert entry.user == moderator_client.user
    assert "There are no reports to review." in response.content.decode()


def test_hiding_needs_a_reason(moderator_client):
    post = make_post()
    report(post)

    response = moderator_client.post(hide_url(post), {"reason": "   "})

    assert response.status_code == 400
    assert "Enter the reason the author will see." in response.content.decode()
    post.refresh_from_db()
    assert post.hidden_at is None
    assert Report.objects.get().status == Report.Status.OPEN


def test_dismissing_closes_reports_without_hiding(moderator_client):
    post = make_post()
    other = make_post(title="Another reported thread")
    report(post)
    report(post)
    other_flag = report(other)

    response = moderator_client.post(dismiss_url(post), follow=True)

    assert "You dismissed the 2 reports on post 2" in response.content.decode()
    post.refresh_from_db()
    assert post.hidden_at is None
    assert set(Report.objects.filter(post=post).values_list("status", flat=True)) == {
        Report.Status.DISMISSED
    }
    other_flag.refresh_from_db()
    assert other_flag.status == Report.Status.OPEN
    entry = ModelLogEntry.objects.get(action="forum.flags_dismiss")
    assert entry.data == {"flags": 2}
    assert entry.object_id == str(post.pk)


def test_automatically_hidden_post_is_marked_and_can_be_restored(moderator_client):
    post = make_post(title="Thread with a much-reported reply")
    for i in range(settings.MODERATION_REPORTS_TO_HIDE):
        report(post, reason=f"Reason number {i}")
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by is None
    assert post.hidden_reason == moderation.AUTO_HIDE_REASON
    assert Thread.objects.get(pk=post.thread_id).reply_count == 0

    html = moderator_client.get(QUEUE).content.decode()
    assert "Hidden automatically until reviewed" in html
    assert "Restore the post and dismiss reports" in html
    assert "Hide with a reason" in html  # a moderator may confirm the hide instead

    response = moderator_client.post(dismiss_url(post), follow=True)

    assert "You restored post 2" in response.content.decode()
    post.refresh_from_db()
    assert post.hidden_at is None and post.hidden_reason == ""
    assert Thread.objects.get(pk=post.thread_id).reply_count == 1
    assert not Report.objects.filter(status=Report.Status.OPEN).exists()
    assert ModelLogEntry.objects.filter(
        action="forum.post_restore", object_id=str(post.pk)
    ).exists()


def test_automatic_hide_can_be_confirmed_with_a_reason(moderator_client):
    post = make_post()
    for _ in range(settings.MODERATION_REPORTS_TO_HIDE):
        report(post)

    moderator_client.post(hide_url(post), {"reason": "Spam."})

    post.refresh_from_db()
    assert post.hidden_at is not None
    assert post.hidden_reason == "Spam." and post.hidden_by == moderator_client.user
    assert set(Report.objects.values_list("status", flat=True)) == {Report.Status.ACTIONED}


def test_dismissing_reports_on_a_post_a_moderator_hid_keeps_it_hidden(moderator_client):
    post = make_post()
    moderation.hide(moderator=moderator_client.user, target=post, reason="Spam.")
    report(post, reason="Still there")

    html = moderator_client.get(QUEUE).content.decode()
    assert "Hidden by a moderator" in html
    moderator_client.post(dismiss_url(post))

    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_reason == "Spam."
    assert not Report.objects.filter(status=Report.Status.OPEN).exists()


def test_queue_actions_are_post_only(moderator_client):
    post = make_post()
    report(post)
    assert moderator_client.get(dismiss_url(post)).status_code == 405
    assert moderator_client.get(hide_url(post)).status_code == 405
    assert Report.objects.get().status == Report.Status.OPEN


def test_queue_actions_need_the_csrf_token():
    post = make_post()
    report(post)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator())
    assert client.post(dismiss_url(post)).status_code == 403
    assert client.post(hide_url(post), {"reason": "Spam."}).status_code == 403
    assert Report.objects.get().status == Report.Status.OPEN


@pytest.mark.parametrize("who", ["member", "editor"])
def test_only_moderators_reach_the_queue_and_its_actions(client, who):
    user = member() if who == "member" else in_group("Editors")
    post = make_post()
    report(post)
    client.force_login(user)

    responses = [
        client.get(QUEUE),
        client.post(hide_url(post), {"reason": "Because."}),
        client.post(dismiss_url(post)),
    ]

    for response in responses:
        # Wagtail answers a refused admin request with a redirect out of the page: to sign in
        # for a member without admin access, to the dashboard for an editor.
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith(QUEUE)
    post.refresh_from_db()
    assert post.hidden_at is None
    assert Report.objects.get().status == Report.Status.OPEN
    if who == "editor":
        assert "Reports to review" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_queue_query_count_does_not_grow_with_reported_posts(moderator_client):
    def report_posts(number):
        for i in range(number):
            post = make_post(title=f"Reported {number}-{i}")
            report(post)
            report(post)

    def queries_for_queue():
        cold_viewer_caches()
        with CaptureQueriesContext(connection) as queries:
            response = moderator_client.get(QUEUE)
        assert response.status_code == 200
        return len(queries)

    report_posts(2)
    few = queries_for_queue()
    Report.objects.all().delete()
    report_posts(12)
    many = queries_for_queue()
    assert many == few


def test_queue_is_paginated(moderator_client):
    for i in range(moderation_selectors.ITEMS_PER_PAGE + 1):
        flag = report(make_post(title=f"Paged thread {i:02}"))
        Report.objects.filter(pk=flag.pk).update(
            created_at=timezone.now() - timedelta(minutes=100 - i)
        )
    first = moderator_client.get(QUEUE).content.decode()
    second = moderator_client.get(QUEUE + "?p=2").content.decode()
    last = f"Paged thread {moderation_selectors.ITEMS_PER_PAGE:02}"
    assert "Paged thread 00" in first and last not in first
    assert last in second and "Page 2 of 2" in second


# The audit log -----------------------------------------------------------------------------


def test_forum_log_actions_are_registered_with_readable_messages():
    for action in FORUM_ACTIONS:
        assert log_registry.action_exists(action)
        assert log_registry.get_action_label(action) != action
    hide = ModelLogEntry(action="forum.post_hide", data={"reason": "Advertising"})
    assert "Advertising" in log_registry.get_formatter(hide).format_message(hide)
    thread_hide = ModelLogEntry(action="forum.thread_hide", data={"reason": "Off topic"})
    assert "Off topic" in log_registry.get_formatter(thread_hide).format_message(thread_hide)
    move = ModelLogEntry(action="forum.move", data={"to": "Funding"})
    assert "Funding" in log_registry.get_formatter(move).format_message(move)
    dismiss = ModelLogEntry(action="forum.flags_dismiss", data={"flags": 3})
    assert "3 reports" in log_registry.get_formatter(dismiss).format_message(dismiss)


def test_moderator_sees_forum_entries_in_site_history(moderator_client):
    post = make_post(title="Audited thread")
    report(post)
    moderator_client.post(hide_url(post), {"reason": "Advertising"})
    thread = Thread.objects.get(pk=post.thread_id)
    services.thread_set(moderator=moderator_client.user, thread=thread, locked=True)
    services.thread_move(
        moderator=moderator_client.user, thread=thread, category=make_category("Funding")
    )

    response = moderator_client.get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Post hidden by a moderator: Advertising" in html
    assert "Thread locked" in html
    assert "Thread moved to the category: Funding" in html
    # The entries link to the read-only inspect pages.
    assert reverse(Post.snippet_viewset.get_url_name("inspect"), args=(post.pk,)) in html
    assert reverse(Thread.snippet_viewset.get_url_name("inspect"), args=(thread.pk,)) in html


# Categories --------------------------------------------------------------------------------


def test_moderator_creates_and_lists_categories(moderator_client):
    viewset = Category.snippet_viewset

    response = moderator_client.post(
        reverse(viewset.get_url_name("add")),
        {
            "name": "Working with employers",
            "slug": "working-with-employers",
            "description": "Job brokerage and in-work support.",
            "sort_order": "5",
            "read_access": Category.Access.MEMBERS,
            "thread_count": "99",  # not editable: ignored
        },
    )

    assert response.status_code == 302
    category = Category.objects.get(slug="working-with-employers")
    assert category.read_access == Category.Access.MEMBERS
    assert category.sort_order == 5 and category.thread_count == 0
    listing = moderator_client.get(reverse(viewset.get_url_name("list")))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Working with employers" in html and "Signed-in members only" in html
    edit = moderator_client.get(reverse(viewset.get_url_name("edit"), args=(category.pk,)))
    assert edit.status_code == 200
    assert set(edit.context["form"].fields) == {
        "name",
        "slug",
        "description",
        "sort_order",
        "read_access",
    }


def test_moderator_cannot_delete_categories(moderator_client):
    category = make_category()
    url = reverse(Category.snippet_viewset.get_url_name("delete"), args=(category.pk,))
    assert moderator_client.post(url).status_code == 302
    assert Category.objects.filter(pk=category.pk).exists()


def test_superuser_deletes_empty_categories_but_not_ones_with_threads(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    viewset = Category.snippet_viewset
    empty = make_category()
    busy = make_post().thread.category

    response = client.post(reverse(viewset.get_url_name("delete"), args=(busy.pk,)), follow=True)
    assert "still has threads" in response.content.decode()
    bulk_delete = reverse("wagtail_bulk_action", args=("forum", "category", "delete"))
    client.post(f"{bulk_delete}?id={busy.pk}&id={empty.pk}")
    assert Category.objects.filter(pk=busy.pk).exists()

    client.post(reverse(viewset.get_url_name("delete"), args=(empty.pk,)))
    assert not Category.objects.filter(pk=empty.pk).exists()


# Threads and posts as read-only snippets ---------------------------------------------------


@pytest.mark.parametrize("model", [Thread, Post])
def test_moderator_lists_and_inspects_threads_and_posts_but_cannot_edit_them(
    moderator_client, model
):
    post = make_post(title="Listed thread")
    obj = post.thread if model is Thread else post
    viewset = model.snippet_viewset

    listing = moderator_client.get(reverse(viewset.get_url_name("list")))
    assert listing.status_code == 200
    assert "Listed thread" in listing.content.decode()
    assert reverse(viewset.get_url_name("edit"), args=(obj.pk,)) not in listing.content.decode()
    inspect = moderator_client.get(reverse(viewset.get_url_name("inspect"), args=(obj.pk,)))
    assert inspect.status_code == 200
    history = moderator_client.get(reverse(viewset.get_url_name("history"), args=(obj.pk,)))
    assert history.status_code == 200
    for name in ("edit", "delete"):
        response = moderator_client.get(reverse(viewset.get_url_name(name), args=(obj.pk,)))
        assert response.status_code == 302  # Wagtail's "no permission" redirect
    assert moderator_client.get(reverse(viewset.get_url_name("add"))).status_code == 302


@pytest.mark.parametrize("model", [Thread, Post])
def test_even_a_superuser_cannot_edit_threads_or_posts_in_the_admin(client, model):
    post = make_post()
    obj = post.thread if model is Thread else post
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    viewset = model.snippet_viewset
    assert client.get(reverse(viewset.get_url_name("edit"), args=(obj.pk,))).status_code == 302
    assert client.post(reverse(viewset.get_url_name("delete"), args=(obj.pk,))).status_code == 302
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", [Category, Thread, Post])
def test_forum_listing_query_count_does_not_grow_with_rows(moderator_client, model):
    url = reverse(model.snippet_viewset.get_url_name("list"))

    def queries_for_listing():
        cold_viewer_caches()
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(url).status_code == 200
        return len(queries)

    for i in range(2):
        make_post(title=f"Listed {i}")
    few = queries_for_listing()
    for i in range(10):
        make_post(title=f"Listed more {i}")
    assert queries_for_listing() == few


def test_moderators_group_can_moderate_the_forum_and_set_up_categories():
    user = moderator()
    for perm in (
        "forum.moderate_forum",
        "forum.add_category",
        "forum.change_category",
        "forum.view_category",
        "forum.view_thread",
        "forum.view_post",
        "hub.view_report",
    ):
        assert user.has_perm(perm)
    assert not user.has_perm("forum.delete_category")
    assert not user.has_perm("forum.change_post")
    editor = User.objects.get(pk=in_group("Editors").pk)
    assert not editor.has_perm("forum.moderate_forum")
