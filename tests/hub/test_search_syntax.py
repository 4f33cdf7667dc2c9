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
