"""What moderators do from the site: hide and restore with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases.casestudies import permissions, services
from cases.casestudies.views.common import trail, visible_case_study, visible_comment
from hub.base.forms import ReasonForm
from hub.base.views.common import posted


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
@require_POST
def approach_confirm(request, pk, link):
    """Confirm that the case study is an example of one of the approaches its author chose."""
    from cases.casestudies import approach_services
    from cases.casestudies.models import CaseStudyApproach

    _moderator(request)
    case_study = visible_case_study(request, pk)
    found = CaseStudyApproach.objects.filter(pk=link, case_study=case_study).first()
    if found is None:
        raise Http404("No such approach on this case study.")
    approach_services.approach_link_confirm(actor=request.user, link=found)
    messages.success(request, f"Confirmed: it is an example of “{found.approach.title}”.")
    return redirect(case_study)
