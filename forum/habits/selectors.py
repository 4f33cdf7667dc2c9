"""Reads for drafts and bookmarks."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from forum import selectors
from forum.models import Bookmark, Draft, Thread
from hub.base.pagination import KeysetPage, keyset_page

BOOKMARK_ORDER = ["-created_at", "-id"]


def draft_for(user, *, thread: Thread | None = None, category=None) -> Draft | None:
    if not user.is_authenticated:
        return None
    target = {"thread": thread} if thread is not None else {"category": category}
    return Draft.objects.filter(user=user, **target).first()


def bookmark_page(user, *, after=None, before=None) -> KeysetPage:
    """The member's bookmarks, newest first, a keyset page at a time; a bookmark of something
    since hidden from them (or in a category they can no longer read) is left out."""
    threads = selectors.visible_threads(user).filter(
        category__in=selectors.readable_categories(user)
    )
    rows = (
        Bookmark.objects.filter(user=user)
        .filter(
            Q(thread__in=threads)
            | Q(post__thread__in=threads, post__deleted_at__isnull=True)
            & (Q(post__hidden_at__isnull=True) | Q(post__author=user))
        )
        .select_related("thread__category", "post__thread__category", "post__author")
    )
    return keyset_page(
        rows,
        order=BOOKMARK_ORDER,
        after=after,
        before=before,
        size=settings.FORUM_THREADS_PER_PAGE,
    )


def bookmarked(user, *, thread: Thread, posts) -> tuple[bool, set[int]]:
    """Whether the member bookmarked this thread, and which of these posts: one query."""
    if not user.is_authenticated:
        return False, set()
    rows = Bookmark.objects.filter(user=user).filter(
        Q(thread=thread) | Q(post__in=[p.pk for p in posts])
    )
    values = list(rows.values_list("thread_id", "post_id"))
    return any(t for t, _ in values), {p for _, p in values if p}
