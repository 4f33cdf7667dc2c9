"""Rating, commenting and reporting: what members do on a case study's page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases.casestudies import permissions, services
from cases.casestudies.forms import CommentEditForm, CommentForm, RatingForm
from cases.casestudies.models import Comment
from cases.casestudies.views.common import trail, visible_case_study, visible_comment
from hub.base import ratelimit, revisions
from hub.base.idempotency import create_once
from hub.base.moderation import views as moderation
from hub.base.views.common import apply_errors, posted


def _accepted(request, form, group: str, rate: str, message: str) -> bool:
    """A valid POST within the rate limit; over the limit, the form says so and keeps its text."""
    if request.method != "POST" or not form.is_valid():
        return False
    if ratelimit.over_limit(request, group=group, rate=rate):
        form.add_error(None, message)
        return False
    return True


@login_required
def case_study_rate(request, pk):
    case_study = visible_case_study(request, pk)
    refusal = permissions.rating_refusal(request.user, case_study)
    if refusal:
        messages.error(request, refusal)
        return redirect(case_study)
    form = RatingForm(posted(request))
    if _accepted(
        request, form, "case_study_rate", f"{settings.HUB_RATINGS_PER_HOUR}/h",
        "You have rated a lot of case studies in the last hour. Try again later.",
    ):  # fmt: skip
        try:
            services.rating_set(
                user=request.user, case_study=case_study, score=form.cleaned_data["score"]
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "messages", [str(exc)])[0])
        else:
            messages.success(
                request, f"Thank you. You rated this {form.cleaned_data['score']} out of 5."
            )
        return redirect(f"{case_study.get_absolute_url()}#rating")
    # An invalid rating (or a GET) shows the form on its own page, error beside the field.
    return render(
        request,
        "cases/rating_form.html",
        {"case_study": case_study, "form": form, "breadcrumbs": trail(case_study)},
    )


@login_required
def comment_create(request, pk):
    case_study = visible_case_study(request, pk)
    refusal = permissions.comment_refusal(request.user, case_study)
    if refusal:
        messages.error(request, refusal)
        return redirect(case_study)
    form = CommentForm(posted(request))
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("reply_to")
    if parent_id and str(parent_id).isdigit():
        parent = Comment.objects.filter(pk=parent_id, case_study=case_study).first()
    if _accepted(
        request, form, "case_study_comment", f"{settings.HUB_COMMENTS_PER_HOUR}/h",
        "You have posted a lot of comments in the last hour. Try again later.",
    ):  # fmt: skip
        key = form.cleaned_data.get("submission_key")
        try:
            comment, _ = create_once(
                Comment,
                key=key,
                owner={"author": request.user},
                create=lambda: services.comment_create(
                    author=request.user,
                    case_study=case_study,
                    body=form.cleaned_data["body"],
                    parent=parent,
                    submission_key=key,
                ),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Your comment is posted.")
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "cases/comment_form.html",
        {
            "case_study": case_study,
            "form": form,
            "parent": parent,
            "breadcrumbs": trail(case_study),
        },
    )


@login_required
def comment_edit(request, pk):
    comment = visible_comment(request, pk)
    if comment.author_id != request.user.pk or comment.is_removed:
        raise PermissionDenied("You can only edit your own comments.")
    form = CommentEditForm(posted(request), initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_update(
                actor=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Your comment is updated.")
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "cases/comment_edit.html",
        {"comment": comment, "form": form, "breadcrumbs": trail(comment.case_study)},
    )


def comment_history(request, pk):
    """The versions of a comment: anyone who may read it sees them while it is shown; a
    hidden comment's versions only its author and the moderators; a deleted one has none."""
    comment = visible_comment(request, pk)
    if comment.deleted_at is not None:
        raise Http404("This comment was deleted.")
    if comment.hidden_at and not (
        permissions.is_moderator(request.user) or comment.author_id == request.user.pk
    ):
        raise Http404("No such comment.")
    versions = revisions.versions(
        comment, current_body=comment.body, current_at=comment.edited_at or comment.created_at
    )
    return render(
        request,
        "cases/comment_history.html",
        {"comment": comment, "versions": versions, "breadcrumbs": trail(comment.case_study)},
    )


@login_required
def comment_delete(request, pk):
    comment = visible_comment(request, pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied("You can only delete your own comments.")
    if request.method == "POST":
        services.comment_delete(actor=request.user, comment=comment)
        messages.success(request, "Your comment is deleted.")
        return redirect(f"{comment.case_study.get_absolute_url()}#comments")
    return render(
        request,
        "cases/comment_delete.html",
        {"comment": comment, "breadcrumbs": trail(comment.case_study)},
    )


def _flag(request, target, case_study, comment=None):
    context = {"case_study": case_study, "comment": comment, "breadcrumbs": trail(case_study)}
    return moderation.report(request, target, template="cases/flag_form.html", context=context)


@login_required
def case_study_flag(request, pk):
    case_study = visible_case_study(request, pk)
    return _flag(request, case_study, case_study)


@login_required
def comment_flag(request, pk):
    comment = visible_comment(request, pk)
    return _flag(request, comment, comment.case_study, comment)


@login_required
@require_POST
def rating_remove(request, pk):
    case_study = visible_case_study(request, pk)
    services.rating_remove(user=request.user, case_study=case_study)
    messages.success(request, "Your rating is withdrawn.")
    return redirect(f"{case_study.get_absolute_url()}#rating")
