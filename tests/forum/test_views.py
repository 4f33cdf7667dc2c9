"""Forum pages: the permission matrix, posting, query counts and inert user text."""

from html.parser import HTMLParser  # noqa: F401 - the inspector comes from the cases tests

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import services
from forum.models import Post, Thread
from tests.cases.test_views import _Inspector, script_injection_strings
from tests.factories import moderator
from tests.forum.helpers import category, long_thread, new_member, seasoned_member

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "new member", "member", "author", "moderator"]
ACTIONS = ["read", "post", "edit", "delete", "lock", "pin", "move", "hide"]
ALLOWED = {
    "anonymous": {"read"} - {"read"},
    "new member": {"read", "post"},
    "member": {"read", "post"},
    "author": {"read", "post", "edit", "delete"},
    "moderator": {"read", "post", "edit", "lock", "pin", "move", "hide"},
}


def _setup():
    author = seasoned_member()
    private = category(slug="contracting", access="members")
    other = category(slug="elsewhere")
    thread = services.thread_create(
        author=author, category=private, title="Payment terms", body="What do primes pay?"
    )
    return author, private, other, thread


def _user(role, author):
    return {
        "anonymous": lambda: None,
        "new member": new_member,
        "member": seasoned_member,
        "author": lambda: author,
        "moderator": moderator,
    }[role]()


def _attempt(client, action, thread, other) -> bool:
    """Try one action through the site; say whether it took effect."""
    opening = thread.posts.get(number=1)
    if action == "read":
        response = client.get(thread.get_absolute_url())
        return response.status_code == 200 and "What do primes pay?" in response.content.decode()
    if action == "post":
        client.post(reverse("forum_reply", args=[thread.pk]), {"body": "A reply"})
        return Post.objects.filter(thread=thread, body="A reply").exists()
    if action == "edit":
        client.post(reverse("forum_post_edit", args=[opening.pk]), {"body": "Changed"})
        return Post.objects.get(pk=opening.pk).body == "Changed"
    if action == "delete":
        client.post(reverse("forum_post_delete", args=[opening.pk]))
        return Post.objects.get(pk=opening.pk).deleted_at is not None
    if action in {"lock", "pin"}:
        field = {"lock": "locked", "pin": "pinned"}[action]
        client.post(reverse("forum_thread_state", args=[thread.pk]), {"field": field, "value": "1"})
        return getattr(Thread.objects.get(pk=thread.pk), field)
    if action == "move":
        client.post(reverse("forum_thread_move", args=[thread.pk]), {"category": other.pk})
        return Thread.objects.get(pk=thread.pk).category_id == other.pk
    if action == "hide":
        client.post(reverse("forum_post_hide", args=[opening.pk]), {"reason": "Off topic"})
        return Post.objects.get(pk=opening.pk).hidden_at is not None
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role):
    author, private, other, thread = _setup()
    user = _user(role, author)
    if user is not None:
        client.force_login(user)
    allowed = set()
    for action in ACTIONS:
        author, private, other, thread = author, private, other, Thread.objects.get(pk=thread.pk)
        if _attempt(client, action, thread, other):
            allowed.add(action)
        # Each action starts from the same state: undo what took effect.
        Thread.objects.filter(pk=thread.pk).update(locked=False, pinned=False, category=private)
        Post.objects.filter(thread=thread, number=1).update(
            body="What do primes pay?", deleted_at=None, hidden_at=None
        )
    assert allowed == ALLOWED[role]


def test_anonymous_visitor_reads_a_public_category_and_is_refused_a_members_only_one(client):
    public, private = category(slug="young-people"), category(slug="contracts", access="members")
    author = seasoned_member()
    services.thread_create(author=author, category=public, title="Open chat", body="Hello all")
    services.thread_create(author=author, category=private, title="Secret terms", body="Hush")
    assert "Open chat" in client.get(public.get_absolute_url()).content.decode()
    refused = client.get(private.get_absolute_url())
    assert refused.status_code == 403 and "for signed-in members" in refused.content.decode()
    assert "Secret terms" not in client.get(reverse("forum_index")).content.decode()
    assert "Secret terms" not in client.get(reverse("forum_search"), {"q": "Hush"}).content.decode()


def test_a_double_submitted_reply_posts_once(client):
    cat = category()
    thread = services.thread_create(author=seasoned_member(), category=cat, title="T", body="B")
    client.force_login(seasoned_member())
    data = {"body": "Only once", "submission_key": "3f1c2b9e-5a55-4c0b-9d4e-4f5b7a8f2c10"}
    client.post(reverse("forum_reply", args=[thread.pk]), data)
    client.post(reverse("forum_reply", args=[thread.pk]), data)
    assert Post.objects.filter(body="Only once").count() == 1
    assert Thread.objects.get(pk=thread.pk).post_count == 2


def test_a_posting_limit_shows_a_clear_message_and_keeps_the_text(client):
    cat = category()
    thread = services.thread_create(author=seasoned_member(), category=cat, title="T", body="B")
    newcomer = new_member()
    client.force_login(newcomer)
    client.post(reverse("forum_reply", args=[thread.pk]), {"body": "First"})
    response = client.post(reverse("forum_reply", args=[thread.pk]), {"body": "Second thoughts"})
    html = response.content.decode()
    assert "New members wait 15 seconds between posts" in html
    assert "Second thoughts" in html


def test_quote_reply_starts_with_the_quoted_post(client):
    cat = category()
    author = seasoned_member(username="quoted.person")
    thread = services.thread_create(author=author, category=cat, title="T", body="Wise words")
    client.force_login(seasoned_member())
    opening = thread.posts.get(number=1)
    html = client.get(reverse("forum_reply", args=[thread.pk]), {"quote": opening.pk}).content
    assert "&gt; Wise words" in html.decode() and "@quoted.person" in html.decode()


def _count(client, url):
    client.get(url)  # the first view of a thread records the reader's place; count the next
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("signed_in", [False, True])
def test_thread_list_and_deep_thread_pages_cost_the_same_queries(client, signed_in, settings):
    settings.FORUM_POSTS_PER_PAGE = 20
    if signed_in:
        client.force_login(seasoned_member())
    cat = category()
    author = seasoned_member()
    small = long_thread(cat, author, 45)
    services.thread_create(author=author, category=cat, title="Another", body="x")
    before = [
        _count(client, cat.get_absolute_url()),
        _count(client, reverse("forum_index")),
        _count(client, small.get_absolute_url()),
        _count(client, small.get_absolute_url() + "?page=3"),
    ]
    big_cat = category(slug="busy")
    big = long_thread(big_cat, author, 5000)
    for i in range(30):
        services.thread_create(author=author, category=cat, title=f"Thread {i}", body="x")
    after = [
        _count(client, cat.get_absolute_url()),
        _count(client, reverse("forum_index")),
        _count(client, big.get_absolute_url()),
        _count(client, big.get_absolute_url() + "?page=100"),
    ]
    assert before == after
    page_100 = client.get(big.get_absolute_url() + "?page=100").content.decode()
    assert "Post number 2000," in page_100 and "Post number 1981," in page_100


def test_script_injection_payloads_render_inert_in_titles_posts_and_tags(client):
    payloads = script_injection_strings()
    cat = category()
    author, reader = seasoned_member(), seasoned_member()
    client.force_login(reader)
    urls = [reverse("forum_index"), cat.get_absolute_url()]
    for i in range(0, len(payloads), 6):
        chunk = payloads[i : i + 6]
        thread = services.thread_create(
            author=author, category=cat, title=chunk[0][:160], body="\n\n".join(chunk),
            tags=[p[:60] for p in chunk],
        )  # fmt: skip
        for payload in chunk:
            services.post_create(author=reader, thread=thread, body=payload)
        urls.append(thread.get_absolute_url())
        urls.append(reverse("forum_reply", args=[thread.pk]) + f"?quote={thread.posts.first().pk}")
    urls.append(reverse("forum_search") + "?q=alert")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        inspector = _Inspector()
        inspector.feed(response.content.decode())
        assert inspector.problems == [], url


def test_a_thread_about_a_case_study_is_linked_both_ways(client):
    from tests.factories import CaseStudyFactory

    case_study = CaseStudyFactory(title="Job clubs in a hostel")
    cat = category(slug="practice")
    client.force_login(seasoned_member())
    chooser = client.get(reverse("forum_discuss"), {"case_study": case_study.pk})
    assert "Job clubs in a hostel" in chooser.content.decode()
    form = client.get(reverse("forum_discuss"), {"case_study": case_study.pk, "category": cat.slug})
    assert form.status_code == 302
    client.post(
        form["Location"],
        {
            "title": "Running hostel job clubs",
            "body": "Has anyone tried this?",
            "case_study": case_study.pk,
        },
    )
    thread = Thread.objects.get()
    assert thread.case_study == case_study
    assert "Job clubs in a hostel" in client.get(thread.get_absolute_url()).content.decode()
    assert "Running hostel job clubs" in client.get(case_study.get_absolute_url()).content.decode()


def test_cached_post_text_and_list_rows_change_at_once_after_an_edit_a_hide_and_a_rename(client):
    """Posts' text and thread-list rows are cached by their content (forum_tags): an edit, a
    moderator's hide and a member's new name show on the next request."""
    from hub.base.moderation import services as moderation

    cat = category()
    author = seasoned_member(username="first.name")
    thread = services.thread_create(author=author, category=cat, title="Old title", body="First")
    url = thread.get_absolute_url()
    assert "First" in client.get(url).content.decode()  # now cached
    assert "Old title" in client.get(reverse("forum_index")).content.decode()
    post = thread.posts.get(number=1)
    services.post_update(actor=author, post=post, body="Second version")
    html = client.get(url).content.decode()
    assert "Second version" in html and ">First<" not in html
    author.display_name = "Renamed Person"
    author.save()
    assert "Renamed Person" in client.get(url).content.decode()
    assert "Renamed Person" in client.get(reverse("forum_index")).content.decode()
    reply = services.post_create(author=seasoned_member(), thread=thread, body="A secret reply")
    assert "A secret reply" in client.get(url).content.decode()
    moderation.hide(moderator=moderator(), target=reply, reason="Off topic")
    html = client.get(url).content.decode()
    assert "A secret reply" not in html and "Off topic" in html
    Thread.objects.filter(pk=thread.pk).update(title="New title")
    html = client.get(reverse("forum_index")).content.decode()
    assert "New title" in html and "Old title" not in html


def test_the_new_mark_and_own_marks_are_per_viewer_on_a_cached_page(client):
    """The shared fragments leave out what is the viewer's own: "New" and helpful marks."""
    cat = category()
    author = seasoned_member()
    thread = services.thread_create(author=author, category=cat, title="T", body="Opening")
    reader = seasoned_member()
    client.force_login(reader)
    client.get(thread.get_absolute_url())  # read to post 1
    reply = services.post_create(author=author, thread=thread, body="Fresh reply")
    services.reaction_set(user=reader, post=reply, helpful=True)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert html.count(">New</strong>") == 1 and "Undo helpful" in html
    client.logout()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert ">New</strong>" not in html and "Undo helpful" not in html
