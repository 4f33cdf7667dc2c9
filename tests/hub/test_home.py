"""The home page: a welcome, what is new across the hub, and a signed-in member's own panels."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import services as forum_services
from forum.models import ThreadRead, Watch
from hub.base import content_cache
from hub.base.models import Area, Notification
from hub.site.pages import HomePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage
from tests.factories import CaseStudyFactory, OrganisationFactory, member_of, moderator
from tests.forum.helpers import category, seasoned_member
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db


def upcoming_workshop(title: str, *, days_ahead: int = 10) -> WorkshopPage:
    index = WorkshopIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=WorkshopIndexPage(title="Workshops", slug="workshops-index")
    )
    page = index.add_child(
        instance=WorkshopPage(
            title=title,
            slug=f"ws-{WorkshopPage.objects.count() + 1}",
            date=timezone.localdate() + datetime.timedelta(days=days_ahead),
            area=Area.objects.first(),
            summary="Advisers meet.",
        )
    )
    page.save_revision().publish()
    return page


def thread(title: str, *, cat=None, author=None):
    return forum_services.thread_create(
        author=author or seasoned_member(),
        category=cat or category(slug=f"c{timezone.now().timestamp()}".replace(".", "")),
        title=title,
        body="The opening post.",
    )


def test_visitors_get_a_welcome_and_what_is_new_across_the_hub(client):
    CaseStudyFactory(title="Newest approach")
    CaseStudyFactory(
        title="Much-liked approach", rating_count=4, rating_mean=Decimal("4.5"),
        rating_score=Decimal("4.100"),
    )  # fmt: skip
    CaseStudyFactory(title="Featured approach", featured_at=timezone.now())
    thread("Anyone tried job clubs?")
    upcoming_workshop("Coventry What Works workshop")
    upcoming_workshop("A workshop long past", days_ahead=-30)

    page = client.get("/").content.decode()

    assert "New here?" in page and "Without an account you can read" in page
    for text in (
        "Newest approach",
        "Much-liked approach",
        "Rated 4.5 out of 5 by 4 members",
        "Featured approach",
        "Anyone tried job clubs?",
        "Coventry What Works workshop",
    ):
        assert text in page, text
    assert "A workshop long past" not in page
    assert "Your notifications" not in page and "Threads you watch" not in page


def test_unrated_case_studies_are_not_listed_as_top_rated(client):
    CaseStudyFactory(title="Never rated")

    response = client.get("/")

    assert response.context["top_rated"] == []
    assert "No case study has been rated yet." in response.content.decode()


def test_drafts_hidden_threads_and_members_only_threads_stay_off_the_home_page(client):
    CaseStudyFactory(title="Still a draft", status="draft")
    hidden = thread("Hidden thread")
    forum_services.thread_hide(moderator=moderator(), thread=hidden, reason="Spam.")
    thread("Members talk", cat=category(slug="members", access="members"))

    anonymous = client.get("/").content.decode()
    client.force_login(member_of(OrganisationFactory()))
    member = client.get("/").content.decode()

    assert "Still a draft" not in anonymous and "Hidden thread" not in anonymous
    assert "Members talk" not in anonymous
    assert "Members talk" in member and "Hidden thread" not in member


def test_members_see_their_unread_notifications_and_watched_threads_with_new_posts(client):
    member = seasoned_member()
    other = seasoned_member()
    Notification.objects.create(
        recipient=member, kind="forum.reply", message="Unread news", url="/"
    )
    Notification.objects.create(
        recipient=member, kind="forum.reply", message="Old news", url="/", read_at=timezone.now()
    )
    Notification.objects.create(recipient=other, kind="forum.reply", message="Not yours", url="/")
    busy = thread("Busy thread", author=other)
    quiet = thread("Quiet thread", author=other)
    forum_services.post_create(author=other, thread=busy, body="A new reply.")
    Watch.objects.create(user=member, thread=busy)
    Watch.objects.create(user=member, thread=quiet)
    ThreadRead.objects.create(user=member, thread=busy, last_read_number=1)
    ThreadRead.objects.create(user=member, thread=quiet, last_read_number=1)
    client.force_login(member)

    response = client.get("/")
    page = response.content.decode()

    assert "Unread news" in page and "Old news" not in page and "Not yours" not in page
    assert [t.title for t in response.context["watched"]] == ["Busy thread"]
    assert "1 new post" in page
    assert "New here?" not in page


def _count(client) -> int:
    """Queries for the home page rendered afresh: its cached sections, and the viewer's
    cached permissions and unread count (tests.querycounts), are dropped first."""
    content_cache.changed()
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx)


def _grow(n: int, viewer, author, cat):
    for i in range(n):
        CaseStudyFactory(featured_at=timezone.now(), rating_count=1, rating_score=Decimal("4"))
        busy = thread(f"Thread {i}", cat=cat, author=author)
        forum_services.post_create(author=author, thread=busy, body="More.")
        upcoming_workshop(f"Workshop {i}", days_ahead=i + 1)
        if viewer is not None:
            Watch.objects.create(user=viewer, thread=busy)
            Notification.objects.create(recipient=viewer, kind="x", message=f"N{i}", url="/")


@pytest.mark.parametrize("signed_in", [False, True])
def test_home_page_query_count_does_not_grow_with_the_data(client, signed_in):
    viewer = seasoned_member() if signed_in else None
    if viewer:
        client.force_login(viewer)
    author, cat = seasoned_member(), category(slug="general")
    _grow(2, viewer, author, cat)
    client.get("/")  # warm the per-process caches (site root paths)
    small = _count(client)
    _grow(8, viewer, author, cat)
    large = _count(client)

    assert large == small


@pytest.mark.parametrize("signed_in", [False, True])
def test_home_sections_come_from_the_cache_until_something_they_show_changes(client, signed_in):
    viewer = seasoned_member() if signed_in else None
    if viewer:
        client.force_login(viewer)
    author, cat = seasoned_member(), category(slug="general")
    _grow(2, viewer, author, cat)
    client.get("/")
    fresh = _count(client)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    assert len(ctx) < fresh

    CaseStudyFactory(title="A brand new case study")
    thread("A brand new thread", cat=cat, author=author)
    page = client.get("/").content.decode()
    assert "A brand new case study" in page and "A brand new thread" in page


def test_cached_sections_are_never_shared_between_visitors_and_members(client):
    author = seasoned_member()
    members_only = category(slug="staff-room", access="members")
    thread("Members only thread", cat=members_only, author=author)
    client.force_login(seasoned_member())
    assert "Members only thread" in client.get("/").content.decode()
    client.logout()
    assert "Members only thread" not in client.get("/").content.decode()
