"""What moderators do from the site: hide and restore with a reason, feature on the showcase."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases import permissions, services
from cases.forms import FeatureForm
from cases.views.common import trail, visible_case_study, visible_comment
from hub.forms import ReasonForm
from hub.views.common import apply_errors, posted


def _moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied("Only moderators can do that.")


@login_required
def case_study_hide(request, pk):
    _moderator(request)
    case_study = visible_case_study(request, pk)
    form = ReasonForm(
        posted(request),
        label="Why are you hiding it?",
        help_text="The author sees this reason. Say what they could change.",
    )
    if request.method == "POST" and form.is_valid():
        services.case_study_hide(
            moderator=request.user, case_study=case_study, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "The case study is hidden. Its author has been told why.")
        return redirect(case_study)
    return render(
        request,
        "cases/moderate_form.html",
        {
            "form": form,
            "heading": f"Hide “{case_study.title}”",
            "button": "Hide case study",
            "case_study": case_study,
            "breadcrumbs": trail(case_study),
        },
    )


@login_required
@require_POST
def case_study_restore(request, pk):
    _moderator(request)
    case_study = visible_case_study(request, pk)
    services.case_study_restore(moderator=request.user, case_study=case_study)
    messages.success(request, "The case study is restored.")
    return redirect(case_study)


@login_required
def comment_hide(request, pk):
    _moderator(request)
    comment = visible_comment(request, pk)
    form = ReasonForm(
        posted(request),
        label="Why are you hiding this comment?",
        help_text="Readers see this reason in the comment's place.",
    )
    if request.method == "POST" and form.is_valid():
        services.comment_hide(
            moderator=request.user, comment=comment, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "The comment is hidden.")
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "cases/moderate_form.html",
        {
            "form": form,
            "heading": "Hide a comment",
            "button": "Hide comment",
            "case_study": comment.case_study,
            "comment": comment,
            "breadcrumbs": trail(comment.case_study),
        },
    )


@login_required
@require_POST
def comment_restore(request, pk):
    _moderator(request)
    comment = visible_comment(request, pk)
    services.comment_restore(moderator=request.user, comment=comment)
    messages.success(request, "The comment is shown again.")
    return redirect(comment.get_absolute_url())


@login_required
def case_study_feature(request, pk):
    _moderator(request)
    case_study = visible_case_study(request, pk)
    form = FeatureForm(posted(request))
    if form.fields["showcase"].queryset.count() == 1:
        form.fields["showcase"].initial = form.fields["showcase"].queryset.first()
    if request.method == "POST" and form.is_valid():
        try:
            services.case_study_feature(
                moderator=request.user,
                case_study=case_study,
                showcase=form.cleaned_data["showcase"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The case study is featured on the showcase.")
            return redirect(case_study)
    return render(
        request,
        "cases/moderate_form.html",
        {
            "form": form,
            "heading": f"Feature “{case_study.title}” on the showcase",
            "button": "Feature it",
            "case_study": case_study,
            "breadcrumbs": trail(case_study),
        },
    )
