"""The demo forum made by `manage.py seed_demo`: about eight categories, two hundred threads
and two thousand posts, written in bulk, so every stored counter is checked against the rows."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from forum import permissions
from forum.models import (
    Bookmark,
    Category,
    Conversation,
    Message,
    Post,
    Reaction,
    TaggedThread,
    Thread,
    ThreadRead,
    Watch,
)
from hub.base.models import Membership, TextRevision, User
from hub.site.demo.forum_content import SPAN_DAYS

pytestmark = pytest.mark.django_db


def _state():
    return (
        sorted(Category.objects.values_list("slug", "thread_count", "post_count", "last_post_at")),
        sorted(
            Thread.objects.values_list(
                "pk", "title", "post_count", "reply_count", "last_post_at", "solution_id"
            )
        ),
        Post.objects.count(),
        Reaction.objects.count(),
        Watch.objects.count(),
        ThreadRead.objects.count(),
        TaggedThread.objects.count(),
        Conversation.objects.count(),
        Message.objects.count(),
        Bookmark.objects.count(),
        TextRevision.objects.count(),
    )


def test_seed_demo_twice_adds_nothing_to_the_forum():
    call_command("seed_demo", stdout=StringIO())
    first = _state()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _state() == first
    assert "demo threads already there, left alone" in out.getvalue()
    # The forum's habits have demo rows too: conversations, bookmarks, an edited post.
    assert all(count > 0 for count in first[-4:])
    assert "0 private conversations" in out.getvalue()


def test_seed_demo_writes_a_forum_whose_counters_match_its_rows():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo forum: 8 categories (8 new)" in out.getvalue()
    now = timezone.now()

    categories = list(Category.objects.all())
    assert 7 <= len(categories) <= 9
    assert all(c.description for c in categories)
    members_only = [c for c in categories if c.read_access == Category.Access.MEMBERS]
    assert members_only and len(members_only) < len(categories)
    assert Thread.objects.count() >= 150
    assert Post.objects.count() >= 1500

    # Every thread: posts numbered 1..n in time order, and its stored counters and dates.
    posts_by_thread: dict[int, list[tuple]] = {}
    for row in Post.objects.order_by("thread_id", "number").values_list(
        "thread_id", "number", "created_at", "author_id", "hidden_at", "deleted_at"
    ):
        posts_by_thread.setdefault(row[0], []).append(row[1:])
    threads = list(Thread.objects.all())
    for thread in threads:
        posts = posts_by_thread[thread.pk]
        assert [p[0] for p in posts] == list(range(1, len(posts) + 1)), thread
        assert thread.post_count == len(posts), thread
        shown = [p for p in posts if p[0] > 1 and p[3] is None and p[4] is None]
        assert thread.reply_count == len(shown), thread
        times = [p[1] for p in posts]
        assert times == sorted(times) and len(set(times)) == len(times), thread
        assert thread.created_at == times[0]
        assert thread.last_post_at == times[-1]
        assert thread.last_post_author_id == posts[-1][2]
        assert now - timedelta(days=SPAN_DAYS + 1) < times[0] and times[-1] < now
    starts = sorted(t.created_at for t in threads)
    assert starts[-1] - starts[0] > timedelta(days=SPAN_DAYS - 30)  # spread over 18 months

    # Every category's counters.
    for category in Category.objects.annotate(
        n_threads=Count("threads", distinct=True),
        n_posts=Count("threads__posts"),
        latest=Max("threads__last_post_at"),
    ):
        assert category.thread_count == category.n_threads, category
        assert category.post_count == category.n_posts, category
        assert category.last_post_at == category.latest, category
        assert category.thread_count >= 10, category

    # "Helpful" counts match the reactions, none on one's own post.
    for post in Post.objects.annotate(reactions_n=Count("reactions")).filter(
        ~Q(helpful_count=0) | Q(reactions_n__gt=0)
    ):
        assert post.helpful_count == post.reactions_n, post
    assert Reaction.objects.count() > 500
    assert not Reaction.objects.filter(user=F("post__author")).exists()

    # Questions with a reply marked as the solution; a pinned welcome in some categories;
    # a locked thread; tags, quotes, mentions of real members, links to case studies.
    solved = Thread.objects.filter(solution__isnull=False).select_related("solution")
    assert solved.count() >= 50
    for thread in solved:
        assert thread.is_question and thread.solution.thread_id == thread.pk
        assert thread.solution.number > 1 and thread.solution.author_id != thread.author_id
    pinned = Thread.objects.filter(pinned=True).values("category").annotate(n=Count("id"))
    assert pinned and all(row["n"] == 1 for row in pinned)
    assert Thread.objects.filter(locked=True).count() == 1
    assert Thread.objects.filter(tags__isnull=False).distinct().count() >= 50
    assert Post.objects.filter(body__startswith="> ", number__gt=1).count() >= 50
    mentioned = {
        name for names in Post.objects.values_list("mentions", flat=True) for name in names
    }
    assert len(mentioned) >= 10
    assert set(User.objects.filter(username__in=mentioned).values_list("username", flat=True)) == (
        mentioned
    )
    assert Thread.objects.filter(case_study__isnull=False, case_study__status="published").exists()
    assert Thread.objects.filter(organisation__isnull=False).exists()

    # Written by approved members of an organisation (and the moderator), none of them new.
    authors = User.objects.filter(Q(forum_posts__isnull=False)).distinct()
    approved = set(
        Membership.objects.filter(status=Membership.Status.APPROVED).values_list(
            "user_id", flat=True
        )
    )
    assert len(authors) >= 20
    for author in authors:
        assert author.pk in approved or author.username == "moderator", author
        assert not permissions.is_new_member(author), author
    # Whoever posted in a thread watches it and has read it up to their last post.
    for thread in threads[:20]:
        posters = {p[2] for p in posts_by_thread[thread.pk]}
        assert set(Watch.objects.filter(thread=thread).values_list("user_id", flat=True)) == (
            posters
        )
        assert ThreadRead.objects.filter(thread=thread).count() == len(posters)
