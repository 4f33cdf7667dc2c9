"""Forum services against the database: counters, limits, notifications and moderation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from forum import services
from forum.models import Category, Post, Thread, ThreadRead, Watch
from hub.base.models import Notification, Report
from hub.base.moderation import services as moderation
from tests.factories import UserFactory, established, moderator
from tests.forum.helpers import category, new_member, seasoned_member

pytestmark = pytest.mark.django_db


def start(author=None, cat=None, **kwargs):
    return services.thread_create(
        author=author or seasoned_member(),
        category=cat or category(),
        title=kwargs.pop("title", "How do you run job clubs?"),
        body=kwargs.pop("body", "We are starting one."),
        **kwargs,
    )


def test_replies_number_posts_and_keep_every_counter():
    thread = start()
    a, b = seasoned_member(), seasoned_member()
    services.post_create(author=a, thread=thread, body="Weekly.")
    last = services.post_create(author=b, thread=thread, body="Fortnightly.")
    thread.refresh_from_db()
    cat = Category.objects.get(pk=thread.category_id)
    assert [p.number for p in thread.posts.order_by("number")] == [1, 2, 3]
    assert (thread.post_count, thread.reply_count) == (3, 2)
    assert thread.last_post_author == b
    assert thread.last_post_at == last.created_at
    assert (cat.thread_count, cat.post_count) == (1, 3)


def test_deleting_and_hiding_replies_keep_the_reply_count():
    thread = start()
    author = seasoned_member()
    one = services.post_create(author=author, thread=thread, body="One")
    two = services.post_create(author=author, thread=thread, body="Two")
    services.post_delete(actor=author, post=one)
    moderation.hide(moderator=moderator(), target=two, reason="Off topic")
    services.post_delete(actor=author, post=two)  # already hidden: not counted twice
    thread.refresh_from_db()
    assert (thread.post_count, thread.reply_count) == (3, 0)
    assert Post.objects.get(pk=one.pk).body == ""


def test_someone_without_an_organisation_cannot_post():
    with pytest.raises(PermissionDenied, match="Join your organisation"):
        start(author=UserFactory())


def test_a_locked_thread_takes_no_replies_except_from_moderators():
    thread = start()
    mod = moderator()
    services.thread_set(moderator=mod, thread=thread, locked=True)
    with pytest.raises(PermissionDenied, match="locked"):
        services.post_create(author=seasoned_member(), thread=thread, body="Hello")
    services.post_create(author=mod, thread=thread, body="Locked because it is resolved.")


def test_mention_quote_and_watchers_are_each_told_once():
    first = seasoned_member(username="ada.first")
    thread = start(author=first)
    watcher = seasoned_member()
    services.watch_set(user=watcher, thread=thread, on=True)
    replier = seasoned_member()
    opening = thread.posts.get(number=1)
    services.post_create(
        author=replier, thread=thread, body="> We are starting one.\n\nGood luck @ada.first!",
        quote_of=opening,
    )  # fmt: skip
    kinds = sorted(Notification.objects.values_list("recipient__username", "kind"))
    assert (first.username, "forum.mention") in kinds
    assert (watcher.username, "forum.reply") in kinds
    assert len([k for k in kinds if k[0] == first.username]) == 1  # not also "quote" and "reply"
    assert Watch.objects.filter(user=replier, thread=thread).exists()  # repliers watch


def test_watching_a_category_tells_of_new_threads():
    cat = category()
    watcher = seasoned_member()
    services.watch_set(user=watcher, category=cat, on=True)
    start(cat=cat)
    assert Notification.objects.filter(recipient=watcher, kind="forum.new_thread").exists()


def test_new_members_wait_between_posts_with_a_clear_message():
    thread = start()
    newcomer = new_member()
    services.post_create(author=newcomer, thread=thread, body="Hello")
    with pytest.raises(ValidationError, match="wait 15 seconds between posts"):
        services.post_create(author=newcomer, thread=thread, body="Hello again")


def test_new_members_start_a_limited_number_of_threads_a_day(settings):
    settings.FORUM_SECONDS_BETWEEN_POSTS = 0
    settings.FORUM_NEW_MEMBER_THREADS_PER_DAY = 2
    newcomer, cat = new_member(), category()
    start(author=newcomer, cat=cat)
    start(author=newcomer, cat=cat)
    with pytest.raises(ValidationError, match="can start 2 threads a day"):
        start(author=newcomer, cat=cat)
    start(author=seasoned_member(), cat=cat)  # others are not limited


def test_new_members_replies_a_day_and_links_per_post(settings):
    settings.FORUM_SECONDS_BETWEEN_POSTS = 0
    settings.FORUM_NEW_MEMBER_REPLIES_PER_DAY = 2
    thread, newcomer = start(), new_member()
    with pytest.raises(ValidationError, match="up to 2 links"):
        services.post_create(
            author=newcomer, thread=thread, body="https://a.example https://b.example www.c.example"
        )
    services.post_create(author=newcomer, thread=thread, body="One")
    services.post_create(author=newcomer, thread=thread, body="Two")
    with pytest.raises(ValidationError, match="can post 2 replies a day"):
        services.post_create(author=newcomer, thread=thread, body="Three")


def test_enough_distinct_reports_hide_a_post_until_reviewed(settings):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    thread = start()
    post = services.post_create(author=seasoned_member(), thread=thread, body="Buy my course")
    reporter = established(seasoned_member())
    moderation.report_create(reporter=reporter, target=post, reason="Advertising")
    with pytest.raises(ValidationError, match="already reported"):  # the same member again
        moderation.report_create(reporter=reporter, target=post, reason="Still advertising")
    assert Post.objects.get(pk=post.pk).hidden_at is None
    moderation.report_create(reporter=established(seasoned_member()), target=post, reason="Spam")
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by is None
    assert Thread.objects.get(pk=thread.pk).reply_count == 0
    moderation.restore(moderator=moderator(), target=post)
    assert Thread.objects.get(pk=thread.pk).reply_count == 1
    assert not Report.objects.filter(post=post, status="open").exists()


def test_helpful_is_once_per_member_and_never_for_ones_own_post():
    thread = start()
    post = services.post_create(author=seasoned_member(), thread=thread, body="Try this")
    fan = seasoned_member()
    assert services.reaction_set(user=fan, post=post, helpful=True) == 1
    assert services.reaction_set(user=fan, post=post, helpful=True) == 1  # a double click
    assert services.reaction_set(user=fan, post=post, helpful=False) == 0
    with pytest.raises(PermissionDenied):
        services.reaction_set(user=post.author, post=post, helpful=True)


def test_only_the_asker_or_a_moderator_marks_the_solution():
    asker = seasoned_member()
    thread = start(author=asker, is_question=True)
    answer = services.post_create(author=seasoned_member(), thread=thread, body="Do this")
    with pytest.raises(PermissionDenied):
        services.solution_set(actor=seasoned_member(), post=answer)
    services.solution_set(actor=asker, post=answer)
    assert Thread.objects.get(pk=thread.pk).solution == answer
    assert Notification.objects.filter(recipient=answer.author, kind="forum.solution").exists()


def test_moving_a_thread_moves_its_counts():
    thread = start()
    services.post_create(author=seasoned_member(), thread=thread, body="Reply")
    other = category(slug="other")
    services.thread_move(moderator=moderator(), thread=thread, category=other)
    old = Category.objects.get(pk=thread.category_id)
    other.refresh_from_db()
    assert (old.thread_count, old.post_count) == (0, 0)
    assert (other.thread_count, other.post_count) == (1, 2)


def test_read_position_only_moves_forward():
    thread = start()
    reader = seasoned_member()
    services.mark_read(user=reader, thread=thread, up_to=5)
    services.mark_read(user=reader, thread=thread, up_to=2)
    assert ThreadRead.objects.get(user=reader, thread=thread).last_read_number == 5
