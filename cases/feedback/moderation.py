"""Claimants' comments are held for review: the organisation's admins review their own, and
moderators every organisation's (hub.base.moderation.held)."""

from __future__ import annotations

from hub.base.models import Organisation
from hub.base.moderation import held


def _is_organisation_admin(user, obj) -> bool:
    return Organisation.objects.administered_by(user).filter(pk=obj.organisation_id).exists()


def register() -> None:
    from cases.feedback.models import FeedbackResponse

    held.register(
        held.HeldKind(
            model=FeedbackResponse,
            permission="cases.moderate_feedback",
            action_prefix="cases.feedback_",
            describe=lambda obj: f"a claimant's comment for {obj.organisation.name}",
            where=lambda obj: f"{obj.stage.name}, {obj.submitted_on:%d %B %Y}",
            may_review=_is_organisation_admin,
            excerpt_field="comment",
            related=("organisation", "stage"),
            order_by=("id",),
        )
    )
