"""Forum search results come a page at a time, so a common word never renders hundreds."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from forum.models import Post
from tests.forum.helpers import category, long_thread, seasoned_member

pytestmark = pytest.mark.django_db


def _indexed_thread(posts: int, slug: str = "general"):
    thread = long_thread(category(slug), seasoned_member(), posts)
    get_search_backend().add_bulk(Post, list(thread.posts.all()))  # bulk_create skips indexing
    return thread


def test_search_shows_one_page_of_matches_and_links_to_the_next(client):
    size = settings.FORUM_POSTS_PER_PAGE
    _indexed_thread(size + 5)
    first = client.get(reverse("forum_search"), {"q": "Markdown"}).content.decode()
    assert f"{size + 5} posts" in first
    assert first.count('class="hub-result"') == size
    assert "page=2" in first
    second = client.get(reverse("forum_search"), {"q": "Markdown", "page": 2}).content.decode()
    assert second.count('class="hub-result"') == 5


def test_search_query_count_does_not_grow_with_the_matches(client):
    _indexed_thread(5)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("forum_search"), {"q": "Markdown"}).status_code == 200
        return len(ctx)

    few = queries()
    _indexed_thread(60, slug="more")
    assert queries() == few
