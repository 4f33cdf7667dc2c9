"""Limits for everyone where abuse is cheap: searches on every search box, forum threads and
replies for members of any age, each with its message."""

import pytest
from django.urls import reverse

from forum.models import Post, Thread
from tests.factories import OrganisationFactory, member_of
from tests.forum.helpers import category, seasoned_member

pytestmark = pytest.mark.django_db
SEARCHES = ["/search/?q=jobs", "/forum/search/?q=jobs", "/case-studies/?q=jobs"]


@pytest.mark.parametrize("url", SEARCHES)
def test_every_search_box_limits_visitors_with_its_message(client, settings, url):
    settings.HUB_SEARCHES_PER_MINUTE = 2
    statuses = [client.get(url).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = client.get(url)
    assert "Too many searches" in response.content.decode()
    assert "members have a larger allowance" in response.content.decode()


def test_the_search_boxes_share_one_allowance(client, settings):
    settings.HUB_SEARCHES_PER_MINUTE = 3
    assert [client.get(url).status_code for url in SEARCHES] == [200, 200, 200]
    assert client.get(SEARCHES[0]).status_code == 429


@pytest.mark.parametrize("url", SEARCHES)
def test_members_have_their_own_larger_search_allowance(client, settings, url):
    settings.HUB_SEARCHES_PER_MINUTE = 1
    settings.HUB_MEMBER_SEARCHES_PER_MINUTE = 3
    client.force_login(member_of(OrganisationFactory()))
    assert [client.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert "You have searched a lot in the last minute" in client.get(url).content.decode()


def test_browsing_case_studies_without_a_query_is_not_counted(client, settings):
    settings.HUB_SEARCHES_PER_MINUTE = 1
    assert [client.get("/case-studies/").status_code for _ in range(3)] == [200, 200, 200]


def _established():
    return seasoned_member()


def _thread_data(n: int) -> dict:
    return {"title": f"Thread number {n}", "body": "Something to discuss", "tags": ""}


def test_established_members_start_a_limited_number_of_threads_an_hour(client, settings):
    settings.FORUM_THREADS_PER_HOUR = 2
    cat = category()
    client.force_login(_established())
    url = reverse("forum_thread_create", args=[cat.slug])
    statuses = [client.post(url, _thread_data(n)).status_code for n in range(3)]
    assert statuses == [302, 302, 200]
    response = client.post(url, _thread_data(9))
    html = response.content.decode()
    assert "You have posted 2 threads in the last hour, the most anyone can." in html
    assert "Something to discuss" in html  # the text is kept
    assert Thread.objects.count() == 2


def test_established_members_reply_within_a_burst_and_an_hourly_limit(client, settings):
    settings.FORUM_REPLIES_PER_MINUTE = 3
    settings.FORUM_REPLIES_PER_HOUR = 100
    member = _established()
    client.force_login(member)
    cat = category()
    client.post(reverse("forum_thread_create", args=[cat.slug]), _thread_data(1))
    thread = Thread.objects.get()
    url = reverse("forum_reply", args=[thread.pk])
    statuses = [client.post(url, {"body": f"Reply {n}"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 200]
    assert (
        "You have posted 3 replies in the last minute"
        in client.post(url, {"body": "One more"}).content.decode()
    )
    assert Post.objects.filter(thread=thread).count() == 4


def test_the_hourly_reply_limit_has_its_message(client, settings):
    settings.FORUM_REPLIES_PER_MINUTE = 100
    settings.FORUM_REPLIES_PER_HOUR = 2
    client.force_login(_established())
    client.post(reverse("forum_thread_create", args=[category().slug]), _thread_data(1))
    url = reverse("forum_reply", args=[Thread.objects.get().pk])
    for n in range(2):
        client.post(url, {"body": f"Reply {n}"})
    response = client.post(url, {"body": "Third"})
    assert "You have posted 2 replies in the last hour, the most anyone can." in (
        response.content.decode()
    )
