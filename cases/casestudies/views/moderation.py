"""What moderators do from the site: hide and restore with a reason (hub.base.moderation)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

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
