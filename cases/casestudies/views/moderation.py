"""What moderators do from the site: hide and restore with a reason (hub.base.moderation)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from cases.casestudies import permissions
from cases.casestudies.views.common import trail, visible_case_study, visible_comment
from hub.base.moderation import views as moderation

TEMPLATE = "cases/moderate_form.html"


@login_required
def case_study_hide(request, pk):
    case_study = visible_case_study(request, pk)
    context = {"case_study": case_study, "breadcrumbs": trail(case_study)}
    context["heading"] = f"Hide “{case_study.title}”"
    return moderation.hide(request, case_study, template=TEMPLATE, context=context)


@login_required
@require_POST
def case_study_restore(request, pk):
    return moderation.restore(request, visible_case_study(request, pk))


@login_required
def comment_hide(request, pk):
    comment = visible_comment(request, pk)
    context = {"comment": comment, "case_study": comment.case_study}
    context["breadcrumbs"] = trail(comment.case_study)
    return moderation.hide(request, comment, template=TEMPLATE, context=context)


@login_required
@require_POST
def comment_restore(request, pk):
    return moderation.restore(request, visible_comment(request, pk))


@login_required
@require_POST
def approach_confirm(request, pk, link):
    """Confirm that the case study is an example of one of the approaches its author chose."""
    from cases.casestudies import approach_services
    from cases.casestudies.models import CaseStudyApproach

    if not permissions.is_moderator(request.user):
        raise PermissionDenied("Only moderators can do that.")
    case_study = visible_case_study(request, pk)
    found = CaseStudyApproach.objects.filter(pk=link, case_study=case_study).first()
    if found is None:
        raise Http404("No such approach on this case study.")
    approach_services.approach_link_confirm(actor=request.user, link=found)
    messages.success(request, f"Confirmed: it is an example of “{found.approach.title}”.")
    return redirect(case_study)
