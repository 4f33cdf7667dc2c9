"""Punctuation typed into any search box is never read as query syntax by the backend."""

import pytest
from wagtail.search.backends import get_search_backend

from forum import services as forum_services
from tests.factories import CaseStudyFactory
from tests.forum.helpers import category, seasoned_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def indexed_content():
    """Something in every index, so each query really reaches the backend."""
    study = CaseStudyFactory(title="Unterminated quotes and brackets")
    author = seasoned_member()
    thread = forum_services.thread_create(
        author=author, category=category(), title="Unterminated brackets",
        body="A post about unterminated quotes.",
    )  # fmt: skip
    backend = get_search_backend()
    for item in (study, thread, thread.posts.first()):
        backend.add(item)


TYPED = ['"', '"unterminated', 'unterminated"', "(", "a AND", "NEAR(", "*", "-", "'; --", "x:y"]


@pytest.mark.parametrize("path", ["/case-studies/", "/forum/search/", "/search/"])
@pytest.mark.parametrize("query", TYPED)
def test_punctuation_in_a_search_box_gets_a_page_not_an_error(client, path, query):
    assert client.get(path, {"q": query}).status_code == 200


def test_on_postgresql_bounded_ranking_puts_a_title_match_first():
    from django.db import connection

    from cases.casestudies.models import CaseStudy
    from hub.base import fulltext

    if connection.vendor != "postgresql":
        pytest.skip("the bounded ranking is PostgreSQL's; other databases use the backend's")
    body_only = CaseStudyFactory(title="Job clubs", summary="Brackets everywhere in the notes.")
    in_title = CaseStudyFactory(title="Brackets and braces", summary="Short.")
    backend = get_search_backend()
    backend.add(body_only)
    backend.add(in_title)
    ranked = fulltext.ranked_ids(CaseStudy, "brackets")
    assert ranked.index(in_title.pk) < ranked.index(body_only.pk)
    # Bounded to one candidate, newest first: the entry indexed last.
    assert fulltext.ranked_ids(CaseStudy, "brackets", limit=1, newest_first=True) == [in_title.pk]
