"""Who may do what in the forum: one place for views, templates and services."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from hub.base import roles

MODERATE = "forum.moderate_forum"


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE)


def is_new_member(user) -> bool:
    """New accounts get the posting limits until they have been here a few days."""
    if not user.is_authenticated or is_moderator(user):
        return False
    return user.date_joined > timezone.now() - timedelta(days=settings.FORUM_NEW_MEMBER_DAYS)


def can_read(user, category) -> bool:
    return category.is_public or user.is_authenticated


def post_refusal(user) -> str | None:
    """Why `user` may not start threads or reply at all, or None when they may."""
    if not user.is_authenticated:
        return "Sign in to take part."
    if is_moderator(user) or roles.is_member(user):
        return None
    return "Join your organisation on the hub to post in the forum."


def reply_refusal(user, thread) -> str | None:
    refusal = post_refusal(user)
    if refusal:
        return refusal
    if thread.hidden_at and not is_moderator(user):
        return "This thread is hidden."
    if thread.locked and not is_moderator(user):
        return "This thread is locked: no more replies."
    return None


def can_edit_post(user, post) -> bool:
    if is_moderator(user):
        return True
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_removed
        and not post.thread.locked
    )


def can_delete_post(user, post) -> bool:
    return user.is_authenticated and post.author_id == user.pk and post.deleted_at is None


def can_mark_solution(user, thread) -> bool:
    return thread.is_question and (
        is_moderator(user) or (user.is_authenticated and thread.author_id == user.pk)
    )
