"""Preview, drafts, bookmarks and the edit history of posts and comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import services
from forum.habits import services as habits
from forum.models import Bookmark, Draft, Post
from hub.base import erasure, personal_data, revisions
from hub.base.models import TextRevision
from tests.factories import moderator
from tests.forum.helpers import category, long_thread, seasoned_member
from tests.querycounts import cold_viewer_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    cat = category(slug="in-work-support")
    author = seasoned_member(username="ada.author")
    thread = services.thread_create(
        author=author, category=cat, title="Night shifts", body="How do you keep in touch?"
    )
    return cat, author, thread


# Preview ---------------------------------------------------------------------------------


def test_preview_renders_through_the_same_sanitiser_and_posts_nothing(client, setting):
    cat, author, thread = setting
    client.force_login(author)
    body = "Texts **work** <script>alert('x')</script> @ada.author"
    response = client.post(
        reverse("forum_reply", args=[thread.pk]), {"body": body, "action": "preview"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>work</strong>" in page
    assert "<script>alert('x')</script>" not in page
    assert reverse("member_profile", kwargs={"username": "ada.author"}) in page
    assert "Enter your reply" not in page  # a preview is not a failed submission
    assert thread.posts.count() == 1
    assert "Texts **work**" in page  # the text stays in the box


def test_preview_of_a_new_thread_and_an_edit(client, setting):
    cat, author, thread = setting
    client.force_login(author)
    response = client.post(
        reverse("forum_thread_create", args=[cat.slug]),
        {"title": "", "body": "A *draft* thread", "action": "preview"},
    )
    assert "<em>draft</em>" in response.content.decode()
    assert "Enter a title" not in response.content.decode()
    opening = thread.posts.get()
    response = client.post(
        reverse("forum_post_edit", args=[opening.pk]), {"body": "_Changed_", "action": "preview"}
    )
    assert "<em>Changed</em>" in response.content.decode()
    opening.refresh_from_db()
    assert opening.body == "How do you keep in touch?"


# Drafts ----------------------------------------------------------------------------------


def test_a_draft_is_kept_restored_and_deleted_when_posted(client, setting):
    cat, author, thread = setting
    member = seasoned_member()
    client.force_login(member)
    client.post(
        reverse("forum_reply", args=[thread.pk]), {"body": "Half a thought", "action": "draft"}
    )
    assert Draft.objects.get(user=member, thread=thread).body == "Half a thought"
    assert "Half a thought" in client.get(thread.get_absolute_url()).content.decode()
    assert "Half a thought" in client.get(reverse("forum_reply", args=[thread.pk])).content.decode()
    client.post(reverse("forum_reply", args=[thread.pk]), {"body": "A whole thought"})
    assert not Draft.objects.filter(user=member).exists()
    # Someone else's draft is never shown to another member.
    other = seasoned_member()
    habits.draft_save(user=other, thread=thread, body="Other's secret draft")
    assert "secret draft" not in client.get(thread.get_absolute_url()).content.decode()


def test_autosave_keeps_one_draft_per_category_and_restores_it(client, setting):
    cat, author, thread = setting
    client.force_login(author)
    url = reverse("forum_draft_save")
    for body in ("First words", "First words and more"):
        response = client.post(url, {"category": cat.slug, "title": "My title", "body": body})
        assert response.json() == {"saved": True}
    draft = Draft.objects.get(user=author, category=cat)
    assert (draft.title, draft.body) == ("My title", "First words and more")
    page = client.get(reverse("forum_thread_create", args=[cat.slug])).content.decode()
    assert "First words and more" in page and 'value="My title"' in page
    client.post(
        reverse("forum_thread_create", args=[cat.slug]),
        {"title": "My title", "body": "First words and more"},
    )
    assert not Draft.objects.filter(user=author).exists()


def test_autosave_refuses_visitors_and_unreadable_threads(client, setting):
    cat, author, thread = setting
    url = reverse("forum_draft_save")
    assert client.post(url, {"thread": thread.pk, "body": "x"}).status_code == 302
    mod = moderator()
    services.thread_hide(moderator=mod, thread=thread, reason="Off topic")
    client.force_login(seasoned_member())
    assert client.post(url, {"thread": thread.pk, "body": "x"}).status_code == 404
    assert not Draft.objects.exists()


def test_an_emptied_draft_is_deleted(setting):
    cat, author, thread = setting
    habits.draft_save(user=author, thread=thread, body="Something")
    habits.draft_save(user=author, thread=thread, body="   ")
    assert not Draft.objects.exists()


# Bookmarks -------------------------------------------------------------------------------


def test_bookmark_a_thread_and_a_post_list_and_remove(client, setting):
    cat, author, thread = setting
    reply = services.post_create(author=seasoned_member(), thread=thread, body="Texts work")
    member = seasoned_member()
    client.force_login(member)
    client.post(reverse("forum_thread_bookmark", args=[thread.pk]), {"bookmark": "1"})
    client.post(reverse("forum_post_bookmark", args=[reply.pk]), {"bookmark": "1"})
    client.post(reverse("forum_post_bookmark", args=[reply.pk]), {"bookmark": "1"})  # twice
    assert Bookmark.objects.filter(user=member).count() == 2
    page = client.get(reverse("forum_bookmarks")).content.decode()
    assert "Night shifts" in page and "Post 2 in" in page
    assert "Remove bookmark" in client.get(thread.get_absolute_url()).content.decode()
    mine = Bookmark.objects.get(user=member, thread=thread)
    other = seasoned_member()
    client.force_login(other)
    client.post(reverse("forum_bookmark_remove", args=[mine.pk]))
    assert Bookmark.objects.filter(pk=mine.pk).exists()  # not theirs to remove
    client.force_login(member)
    client.post(reverse("forum_bookmark_remove", args=[mine.pk]))
    assert not Bookmark.objects.filter(pk=mine.pk).exists()


def test_bookmarks_of_hidden_or_deleted_content_leave_the_list(client, setting):
    cat, author, thread = setting
    reply = services.post_create(author=author, thread=thread, body="Soon deleted")
    member = seasoned_member()
    habits.bookmark_set(user=member, post=reply, on=True)
    habits.bookmark_set(user=member, thread=thread, on=True)
    services.post_delete(actor=author, post=reply)
    services.thread_hide(moderator=moderator(), thread=thread, reason="Off topic")
    client.force_login(member)
    page = client.get(reverse("forum_bookmarks")).content.decode()
    assert "You have no bookmarks yet" in page


def test_bookmarks_list_costs_the_same_queries_with_more_rows(client, settings):
    settings.FORUM_THREADS_PER_PAGE = 30
    member = seasoned_member()
    cat = category()
    author = seasoned_member()
    thread = long_thread(cat, author, 40)
    client.force_login(member)
    habits.bookmark_set(user=member, thread=thread, on=True)
    habits.bookmark_set(user=member, post=thread.posts.get(number=2), on=True)
    url = reverse("forum_bookmarks")
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for post in thread.posts.filter(number__gt=2):
        habits.bookmark_set(user=member, post=post, on=True)
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


# Edit history ----------------------------------------------------------------------------


def test_each_edit_keeps_the_previous_version_and_readers_see_them(client, setting):
    cat, author, thread = setting
    opening = thread.posts.get()
    services.post_update(actor=author, post=opening, body="Second version")
    services.post_update(actor=author, post=opening, body="Second version")  # no change
    services.post_update(actor=author, post=opening, body="Third version")
    versions = revisions.versions(opening, current_body="Third version", current_at=None)
    assert [v.body for v in versions] == [
        "Third version",
        "Second version",
        "How do you keep in touch?",
    ]
    page = client.get(thread.get_absolute_url()).content.decode()
    history = reverse("forum_post_history", args=[opening.pk])
    assert history in page
    page = client.get(history).content.decode()
    assert page.index("Third version") < page.index("Second version") < page.index("keep in touch")


def test_hidden_posts_history_is_for_moderators_and_the_author_and_deletion_clears_it(
    client, setting
):
    cat, author, thread = setting
    reply = services.post_create(author=author, thread=thread, body="First")
    services.post_update(actor=author, post=reply, body="Edited")
    from hub.base.moderation import services as moderation

    mod = moderator()
    moderation.hide(moderator=mod, target=reply, reason="Names a participant")
    url = reverse("forum_post_history", args=[reply.pk])
    client.force_login(seasoned_member())
    assert client.get(url).status_code == 404
    client.force_login(mod)
    assert "First" in client.get(url).content.decode()
    client.force_login(author)
    assert client.get(url).status_code == 200
    services.post_delete(actor=author, post=reply)
    assert not TextRevision.objects.filter(object_id=reply.pk).exists()
    assert client.get(url).status_code == 404


def test_history_page_costs_the_same_queries_with_more_versions(client, setting):
    cat, author, thread = setting
    opening = thread.posts.get()
    url = reverse("forum_post_history", args=[opening.pk])
    services.post_update(actor=author, post=opening, body="v2")
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3, 30):
        services.post_update(actor=author, post=Post.objects.get(pk=opening.pk), body=f"v{n}")
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_case_study_comments_keep_their_versions_through_the_same_mechanism(client):
    from cases.casestudies import services as cases
    from tests.factories import CaseStudyFactory

    case_study = CaseStudyFactory()
    commenter = seasoned_member()
    comment = cases.comment_create(author=commenter, case_study=case_study, body="Good idea")
    cases.comment_update(actor=commenter, comment=comment, body="Great idea")
    url = reverse("comment_history", args=[comment.pk])
    assert url in client.get(case_study.get_absolute_url()).content.decode()
    page = client.get(url).content.decode()
    assert page.index("Great idea") < page.index("Good idea")


def test_erasure_and_download_cover_drafts_bookmarks_and_versions(setting):
    cat, author, thread = setting
    opening = thread.posts.get()
    services.post_update(actor=author, post=opening, body="Edited")
    habits.draft_save(user=author, category=cat, title="T", body="Unsent")
    habits.bookmark_set(user=author, thread=thread, on=True)
    sections = {s.name: s for s in personal_data.sections()}
    assert [r["body"] for r in sections["forum_drafts"].collect(author)] == ["Unsent"]
    assert len(sections["forum_bookmarks"].collect(author)) == 1
    assert [r["body"] for r in sections["forum_post_versions"].collect(author)] == [
        "How do you keep in touch?"
    ]
    assert not erasure.missing_rules()
    from hub.base import accounts

    accounts.account_erase(actor=author, user=author)
    assert not Draft.objects.exists() and not Bookmark.objects.exists()


def test_comment_history_page_costs_the_same_queries_with_more_versions(client):
    from cases.casestudies import services as cases
    from cases.casestudies.models import Comment
    from tests.factories import CaseStudyFactory

    commenter = seasoned_member()
    comment = cases.comment_create(author=commenter, case_study=CaseStudyFactory(), body="v1")
    cases.comment_update(actor=commenter, comment=comment, body="v2")
    url = reverse("comment_history", args=[comment.pk])
    client.get(url)
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3, 25):
        cases.comment_update(
            actor=commenter, comment=Comment.objects.get(pk=comment.pk), body=f"v{n}"
        )
    cold_viewer_caches()
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
    assert "v24" in client.get(url).content.decode()
