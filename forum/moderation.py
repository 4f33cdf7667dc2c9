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


def _describe(post: Post) -> str:
    return f"post {post.number} by {post.author.public_name} in “{post.thread.title}”"


def _heading(post: Post) -> str:
    return f"Post {post.number} in “{post.thread.title}”"


def _where(post: Post) -> str:
    posted = post.created_at.strftime("%-d %B %Y, %H:%M")
    return f"By {post.author.public_name} in {post.thread.category.name}, posted {posted}."


def register() -> None:
    kind = moderation.Kind(
        Post, MODERATE, "forum.post_", _describe, _heading,
        titled=lambda post: f"in “{post.thread.title}”", where=_where,
        related=("author", "thread__category"), on_hide=_hidden, on_restore=_restored,
    )  # fmt: skip
    moderation.register(kind)
