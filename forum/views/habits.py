"""Bookmarks and the edit history of posts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from forum import permissions
from forum.habits import selectors, services
from forum.views.common import readable_post, readable_thread, trail
from hub.base import revisions
from hub.base.notifications import is_local_path


@login_required
def bookmarks(request):
    page = selectors.bookmark_page(
        request.user, after=request.GET.get("after"), before=request.GET.get("before")
    )
    return render(
        request,
        "forum/bookmarks.html",
        {"page": page, "breadcrumbs": trail()},
    )


def _back(request, fallback: str) -> str:
    url = request.POST.get("next", "")
    return url if url and is_local_path(url) else fallback


@login_required
@require_POST
def thread_bookmark(request, pk):
    thread = readable_thread(request, pk)
    if not permissions.can_read(request.user, thread.category):
        raise Http404("No such thread.")
    on = request.POST.get("bookmark") == "1"
    services.bookmark_set(user=request.user, thread=thread, on=on)
    messages.success(
        request, "Bookmarked: find it under Your bookmarks." if on else "Bookmark removed."
    )
    return redirect(_back(request, thread.get_absolute_url()))


@login_required
@require_POST
def post_bookmark(request, pk):
    post = readable_post(request, pk)
    on = request.POST.get("bookmark") == "1"
    try:
        services.bookmark_set(user=request.user, post=post, on=on)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, "Bookmarked: find it under Your bookmarks." if on else "Bookmark removed."
        )
    return redirect(_back(request, post.get_absolute_url()))


@login_required
@require_POST
def bookmark_remove(request, pk):
    if services.bookmark_delete(user=request.user, pk=pk):
        messages.success(request, "Bookmark removed.")
    return redirect("forum_bookmarks")


def post_history(request, pk):
    """The versions of a post: anyone who may read the post sees them while it is shown;
    a hidden post's versions only its author and moderators; a deleted post has none."""
    post = readable_post(request, pk)
    moderator = permissions.is_moderator(request.user)
    if post.deleted_at is not None:
        raise Http404("This post was deleted.")
    if post.hidden_at and not (moderator or post.author_id == request.user.pk):
        raise Http404("No such post.")
    versions = revisions.versions(
        post, current_body=post.body, current_at=post.edited_at or post.created_at
    )
    return render(
        request,
        "forum/post_history.html",
        {
            "post": post,
            "versions": versions,
            "mentions": post.mentions,
            "breadcrumbs": trail(
                (post.thread.category.name, post.thread.category.get_absolute_url()),
                (post.thread.title, post.thread.get_absolute_url()),
            ),
        },
    )
