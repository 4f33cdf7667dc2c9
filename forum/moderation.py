"""Forum posts as a kind of content members may report (hub.base.moderation): what hiding and
restoring one changes here, and how the review queue names it."""

from __future__ import annotations

from django.db.models import F

from forum.models import Post, Thread
from forum.permissions import MODERATE
from hub.base import moderation


def post_gone(post: Post) -> None:
    """A reply leaves its thread's count of shown replies (deleted or hidden)."""
    if post.number > 1:
        Thread.objects.filter(pk=post.thread_id, reply_count__gt=0).update(
            reply_count=F("reply_count") - 1
        )


def _hidden(post: Post, *, moderator) -> None:
    post_gone(post)


def _restored(post: Post, *, moderator) -> None:
    if post.deleted_at is None and post.number > 1:
        Thread.objects.filter(pk=post.thread_id).update(reply_count=F("reply_count") + 1)


POST = moderation.Kind(
    key="post",
    model=Post,
    label="post",
    permission=MODERATE,
    actions={
        "hide": "forum.post_hide",
        "restore": "forum.post_restore",
        "dismiss": "forum.flags_dismiss",
    },
    notification_kind="forum.hidden",
    describe=lambda p: f"post {p.number} by {p.author.public_name} in “{p.thread.title}”",
    heading=lambda p: f"Post {p.number} in “{p.thread.title}”",
    titled=lambda p: f"in “{p.thread.title}”",
    where=lambda p: (
        f"By {p.author.public_name} in {p.thread.category.name}, "
        f"posted {p.created_at.strftime('%-d %B %Y, %H:%M')}."
    ),
    related=("author", "thread__category"),
    on_hide=_hidden,
    on_restore=_restored,
)


def register() -> None:
    moderation.register(POST)
