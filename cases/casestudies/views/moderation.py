"""What moderators do from the site: hide and restore with a reason (hub.base.moderation)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from cases.casestudies.views.common import trail, visible_case_study, visible_comment
from hub.base.moderation import views as moderation


@login_required
def case_study_hide(request, pk):
    case_study = visible_case_study(request, pk)
    return moderation.hide(
        request,
        case_study,
        template="cases/moderate_form.html",
        context={
            "heading": f"Hide “{case_study.title}”",
            "button": "Hide case study",
            "case_study": case_study,
            "breadcrumbs": trail(case_study),
        },
        label="Why are you hiding it?",
        help_text="The author sees this reason. Say what they could change.",
        done="The case study is hidden. Its author has been told why.",
    )


@login_required
@require_POST
def case_study_restore(request, pk):
    case_study = visible_case_study(request, pk)
    return moderation.restore(request, case_study, done="The case study is restored.")


@login_required
def comment_hide(request, pk):
    comment = visible_comment(request, pk)
    return moderation.hide(
        request,
        comment,
        template="cases/moderate_form.html",
        context={
            "heading": "Hide a comment",
            "button": "Hide comment",
            "case_study": comment.case_study,
            "comment": comment,
            "breadcrumbs": trail(comment.case_study),
        },
        label="Why are you hiding this comment?",
        help_text="Readers see this reason in the comment's place, and its author is told.",
        done="The comment is hidden.",
    )


@login_required
@require_POST
def comment_restore(request, pk):
    comment = visible_comment(request, pk)
    return moderation.restore(request, comment, done="The comment is shown again.")
