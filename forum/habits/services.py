"""Writes for what members keep for themselves: drafts and bookmarks."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from forum import permissions
from forum.models import Bookmark, Category, Draft, Post, Thread
from hub.base.models import User


def _target(*, thread: Thread | None, category: Category | None) -> dict:
    if (thread is None) == (category is None):
        raise ValueError("A draft belongs to a thread or to a category, not both.")
    return {"thread": thread} if thread is not None else {"category": category}


@transaction.atomic
def draft_save(
    *,
    user: User,
    body: str,
    thread: Thread | None = None,
    category: Category | None = None,
    title: str = "",
    tags: str = "",
) -> Draft | None:
    """Keep (or replace) the member's one draft for this thread or this category; an empty
    draft is deleted rather than kept."""
    if permissions.post_refusal(user):
        raise PermissionDenied("Only members who can post keep drafts.")
    target = _target(thread=thread, category=category)
    body, title, tags = (body or "")[:20_000], (title or "").strip()[:160], (tags or "")[:200]
    if not body.strip() and not title:
        Draft.objects.filter(user=user, **target).delete()
        return None
    values = {"body": body, "title": title, "tags": tags}
    try:
        with transaction.atomic():
            draft, _ = Draft.objects.update_or_create(user=user, **target, defaults=values)
    except IntegrityError:  # a simultaneous autosave made it first: overwrite that one
        draft = Draft.objects.get(user=user, **target)
        Draft.objects.filter(pk=draft.pk).update(**values)
    return draft


def draft_delete(*, user: User, thread: Thread | None = None, category=None) -> None:
    """The text was posted (or thrown away): the draft goes."""
    Draft.objects.filter(user=user, **_target(thread=thread, category=category)).delete()


def bookmark_set(*, user: User, on: bool, thread: Thread | None = None, post=None) -> None:
    """Bookmark a thread or a post, or take the bookmark off (the view found the item by the
    member's own visibility rules)."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to keep bookmarks.")
    if (thread is None) == (post is None):
        raise ValidationError("Bookmark a thread or a post.")
    target = {"thread": thread} if thread is not None else {"post": post}
    if isinstance(post, Post) and post.deleted_at is not None and on:
        raise ValidationError("This post was deleted.")
    if on:
        try:
            with transaction.atomic():
                Bookmark.objects.get_or_create(user=user, **target)
        except IntegrityError:
            pass  # a double click
    else:
        Bookmark.objects.filter(user=user, **target).delete()


def bookmark_delete(*, user: User, pk: int) -> bool:
    """Remove one of the member's bookmarks from their list (someone else's is never found)."""
    return Bookmark.objects.filter(user=user, pk=pk).delete()[0] > 0
