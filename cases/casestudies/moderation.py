"""Case studies and comments as kinds of content members may report (hub.base.moderation): what
hiding and restoring one changes here, and how the review queue names it."""

from __future__ import annotations

from django.db.models import F

from cases.casestudies import services
from cases.casestudies.models import CaseStudy, Comment
from hub.base import moderation
from hub.base.moderation.services import AUTO_HIDE_REASON

MODERATE = "cases.moderate_casestudy"


def _case_study_hidden(case_study: CaseStudy, *, moderator) -> None:
    case_study.status = CaseStudy.Status.HIDDEN
    case_study.save(update_fields=["status", "updated_at"])
    if moderator is None:
        summary = AUTO_HIDE_REASON
    else:
        summary = f"Hidden by a moderator: {case_study.hidden_reason[:150]}"
    services.record_revision(case_study, editor=moderator, summary=summary)


def _case_study_restored(case_study: CaseStudy, *, moderator) -> None:
    """Back as it was before: published if it ever was, else a draft."""
    published = case_study.published_at is not None
    case_study.status = CaseStudy.Status.PUBLISHED if published else CaseStudy.Status.DRAFT
    case_study.save(update_fields=["status", "updated_at"])
    services.record_revision(case_study, editor=moderator, summary="Restored by a moderator")


def _comment_hidden(comment: Comment, *, moderator) -> None:
    services.comment_gone(comment)


def _comment_restored(comment: Comment, *, moderator) -> None:
    if comment.deleted_at is None:
        CaseStudy.objects.filter(pk=comment.case_study_id).update(
            comment_count=F("comment_count") + 1
        )


def _posted(obj) -> str:
    return obj.created_at.strftime("%-d %B %Y, %H:%M")


CASE_STUDY = moderation.Kind(
    model=CaseStudy,
    permission=MODERATE,
    action_prefix="cases.",
    describe=lambda c: f"the case study “{c.title}”",
    heading=lambda c: f"Case study: {c.title}",
    titled=lambda c: f"“{c.title}”",
    where=lambda c: (
        f"By {c.author.public_name} for {c.organisation.name}; {c.get_status_display().lower()}."
    ),
    excerpt_field="summary",
    related=("author", "organisation"),
    on_hide=_case_study_hidden,
    on_restore=_case_study_restored,
    is_gone=lambda c: False,
    hidden_prefix="Hidden by a moderator",
)

COMMENT = moderation.Kind(
    model=Comment,
    permission=MODERATE,
    action_prefix="cases.comment_",
    describe=lambda c: f"the comment by {c.author.public_name} on “{c.case_study.title}”",
    heading=lambda c: f"Comment by {c.author.public_name}",
    titled=lambda c: f"on “{c.case_study.title}”",
    where=lambda c: f"On the case study “{c.case_study.title}”, posted {_posted(c)}.",
    related=("author", "case_study"),
    on_hide=_comment_hidden,
    on_restore=_comment_restored,
)


def register() -> None:
    moderation.register(CASE_STUDY)
    moderation.register(COMMENT)
