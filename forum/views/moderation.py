"""What moderators do from the forum's own pages (posts through hub.base.moderation)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from forum import permissions, services
from forum.forms import MoveForm
from forum.views.common import readable_post, readable_thread, trail
from hub.base.forms import ReasonForm
from hub.base.moderation import views as moderation
from hub.base.views.common import posted


def _moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied("Only moderators can do that.")


@login_required
def post_hide(request, pk):
    post = readable_post(request, pk)
    crumbs = trail((post.thread.title, post.thread.get_absolute_url()))
    context = {"post": post, "heading": "Hide a post", "breadcrumbs": crumbs}
    return moderation.hide(request, post, template="forum/post_action.html", context=context)


@login_required
@require_POST
def post_restore(request, pk):
    return moderation.restore(request, readable_post(request, pk))


@login_required
@require_POST
def thread_state(request, pk):
    _moderator(request)
    thread = readable_thread(request, pk)
    field, value = request.POST.get("field"), request.POST.get("value") == "1"
    if field not in {"locked", "pinned"}:
        raise PermissionDenied("Unknown change.")
    services.thread_set(moderator=request.user, thread=thread, **{field: value})
    label = {("locked", True): "locked", ("locked", False): "unlocked",
             ("pinned", True): "pinned", ("pinned", False): "unpinned"}[(field, value)]  # fmt: skip
    messages.success(request, f"The thread is {label}.")
    return redirect(thread)


@login_required
def thread_move(request, pk):
    _moderator(request)
    thread = readable_thread(request, pk)
    form = MoveForm(posted(request), initial={"category": thread.category_id})
    if request.method == "POST" and form.is_valid():
        services.thread_move(
            moderator=request.user, thread=thread, category=form.cleaned_data["category"]
        )
        messages.success(request, f"The thread is now in {form.cleaned_data['category'].name}.")
        return redirect(thread)
    return render(
        request,
        "forum/thread_action.html",
        {
            "form": form,
            "thread": thread,
            "heading": f"Move “{thread.title}”",
            "button": "Move thread",
            "breadcrumbs": trail((thread.title, thread.get_absolute_url())),
        },
    )


@login_required
def thread_hide(request, pk):
    _moderator(request)
    thread = readable_thread(request, pk)
    form = ReasonForm(
        posted(request),
        label="Why are you hiding this thread?",
        help_text="Its author sees this reason.",
    )
    if request.method == "POST" and form.is_valid():
        services.thread_hide(
            moderator=request.user, thread=thread, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "The thread is hidden.")
        return redirect(thread)
    return render(
        request,
        "forum/thread_action.html",
        {
            "form": form,
            "thread": thread,
            "heading": f"Hide “{thread.title}”",
            "button": "Hide thread",
            "breadcrumbs": trail((thread.title, thread.get_absolute_url())),
        },
    )


@login_required
@require_POST
def thread_restore(request, pk):
    _moderator(request)
    thread = readable_thread(request, pk)
    services.thread_restore(moderator=request.user, thread=thread)
    messages.success(request, "The thread is shown again.")
    return redirect(thread)
