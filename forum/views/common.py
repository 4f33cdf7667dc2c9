"""Helpers shared by the forum's views."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from forum import permissions, selectors
from forum.models import Category, Post, Thread


def trail(*extra) -> list:
    return [("Home", "/"), ("Forum", reverse("forum_index")), *extra]


def refuse_members_only(request, category: Category):
    """The page a visitor sees for a members-only category: a clear refusal, not a 404."""
    return render(
        request,
        "forum/members_only.html",
        {"category": category, "breadcrumbs": trail()},
        status=403,
    )


def readable_thread(request, pk: int, *, viewer_state: bool = False) -> Thread:
    try:
        return selectors.thread_for(pk, request.user, viewer_state=viewer_state)
    except Thread.DoesNotExist as exc:
        raise Http404("No such thread.") from exc


def readable_post(request, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
    if not permissions.can_read(request.user, post.thread.category):
        raise Http404("No such post.")
    if not selectors.visible_threads(request.user).filter(pk=post.thread_id).exists():
        raise Http404("No such post.")
    return post
