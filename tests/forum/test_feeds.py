"""Atom feeds of forum categories, tags and filtered case-study lists: valid Atom, and never
anything a signed-out reader cannot see."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from forum import services
from hub.base.moderation import services as moderation
from tests.factories import CaseStudyFactory, moderator
from tests.forum.helpers import category, seasoned_member

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response) -> ET.Element:
    """Parse a feed and check what RFC 4287 requires: the namespace, id/title/updated on the
    feed, and id/title/updated and a link on every entry."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the hub's own feed, in a test
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    assert root.find(f"{ATOM}link[@rel='alternate']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("http")
    return root


def titles(root) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]


def test_category_feed_is_atom_and_leaves_out_hidden_threads_and_posts(client):
    cat = category(slug="in-work-support", name="In-work support")
    author = seasoned_member()
    services.thread_create(author=author, category=cat, title="Shown", body="Shown body")
    hidden = services.thread_create(author=author, category=cat, title="Hidden", body="x")
    services.thread_hide(moderator=moderator(), thread=hidden, reason="Off topic")
    held = services.thread_create(author=author, category=cat, title="Held", body="Held body")
    moderation.hide(moderator=moderator(), target=held.posts.get(), reason="Names someone")
    response = client.get(reverse("forum_category_feed", args=[cat.slug]))
    root = parse_atom(response)
    assert sorted(titles(root)) == ["Held", "Shown"]
    text = response.content.decode()
    assert "Held body" not in text and "Shown body" in text
    page = client.get(cat.get_absolute_url()).content.decode()
    feed_url = reverse("forum_category_feed", args=[cat.slug])
    assert '<link rel="alternate" type="application/atom+xml"' in page and feed_url in page


def test_members_only_category_has_no_feed_and_its_threads_stay_out_of_tag_feeds(client):
    private = category(slug="contracting", access="members")
    public = category(slug="general")
    author = seasoned_member()
    services.thread_create(
        author=author, category=private, title="Secret terms", body="x", tags=["payments"]
    )
    services.thread_create(
        author=author, category=public, title="Open talk", body="x", tags=["payments"]
    )
    assert client.get(reverse("forum_category_feed", args=[private.slug])).status_code == 404
    root = parse_atom(client.get(reverse("forum_tag_feed", args=["payments"])))
    assert titles(root) == ["Open talk"]
    page = client.get(reverse("forum_tag", args=["payments"])).content.decode()
    assert "Open talk" in page and "Secret terms" not in page
    assert reverse("forum_tag_feed", args=["payments"]) in page


def test_case_study_feed_takes_the_lists_filters_and_never_holds_hidden_ones(client):
    from hub.base.models import ClaimantGroup

    group = ClaimantGroup.objects.create(name="A made-up group", slug="made-up-group")
    young = CaseStudyFactory(title="Young people first", claimant_groups=[group])
    other = CaseStudyFactory(title="Everyone else")
    hidden = CaseStudyFactory(title="Hidden one", claimant_groups=[group])
    moderation.hide(moderator=moderator(), target=hidden, reason="Names a claimant")
    everything = titles(parse_atom(client.get(reverse("case_study_feed"))))
    assert young.title in everything and other.title in everything
    assert "Hidden one" not in everything
    filtered = client.get(reverse("case_study_feed"), {"group": group.slug})
    assert titles(parse_atom(filtered)) == ["Young people first"]
    listing = client.get(reverse("case_study_list"), {"group": group.slug, "sort": "newest"})
    assert f"{reverse('case_study_feed')}?group={group.slug}" in listing.content.decode()


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_feeds_and_the_tag_page_cost_the_same_queries_with_more_threads(client):
    cat = category(slug="general")
    author = seasoned_member()
    services.thread_create(author=author, category=cat, title="One", body="x", tags=["jobs"])
    urls = [
        reverse("forum_category_feed", args=[cat.slug]),
        reverse("forum_tag_feed", args=["jobs"]),
        reverse("forum_tag", args=["jobs"]),
        reverse("case_study_feed"),
    ]
    CaseStudyFactory()
    before = [_queries(client, url) for url in urls]
    for i in range(35):
        services.thread_create(
            author=author, category=cat, title=f"Thread {i}", body="x", tags=["jobs"]
        )
        CaseStudyFactory()
    assert [_queries(client, url) for url in urls] == before
