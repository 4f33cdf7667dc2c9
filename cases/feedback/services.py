"""Writes for claimant feedback: links (made and rotated by an organisation's admin), a
claimant's answers (no account, nothing that says who they are), and complaint themes."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from cases.feedback.models import ComplaintTheme, FeedbackLink, FeedbackResponse
from hub.base import notifications, pii
from hub.base.idempotency import create_once
from hub.base.models import Organisation


def _require_admin(actor, organisation) -> None:
    if not Organisation.objects.administered_by(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied("Only the organisation's admins can do that.")


@transaction.atomic
def feedback_link_create(*, actor, organisation, stage) -> FeedbackLink:
    """The organisation's link for a stage: the current one, or a new one."""
    _require_admin(actor, organisation)
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    existing = FeedbackLink.objects.active().filter(organisation=organisation, stage=stage).first()
    if existing:
        return existing
    return FeedbackLink.objects.create(organisation=organisation, stage=stage, created_by=actor)


@transaction.atomic
def feedback_link_rotate(*, actor, link: FeedbackLink) -> FeedbackLink:
    """Retire a link (anyone who opens it is told it was replaced) and make a new one for the
    same stage; answers already given keep counting."""
    _require_admin(actor, link.organisation)
    link = FeedbackLink.objects.select_for_update().get(pk=link.pk)
    if link.retired_at is None:
        link.retired_at = timezone.now()
        link.save(update_fields=["retired_at"])
    current = FeedbackLink.objects.active().filter(
        organisation_id=link.organisation_id, stage_id=link.stage_id
    )
    return current.first() or FeedbackLink.objects.create(
        organisation_id=link.organisation_id, stage_id=link.stage_id, created_by=actor
    )


def feedback_submit(
    *, link: FeedbackLink, treated: int, helped: str, recommend: str, comment: str = "",
    submission_key=None,
) -> FeedbackResponse:  # fmt: skip
    """Save a claimant's answers through a current link. The comment, if any, waits for the
    organisation's admin or a moderator; what the scanner found in it is kept as the reason.
    Nothing about the claimant is stored: not their address, browser or the time of day."""
    if link.retired_at is not None:
        raise ValidationError("This feedback link has been replaced.")
    comment = (comment or "").strip()[:1000]
    state = FeedbackResponse.State.HELD if comment else FeedbackResponse.State.PUBLISHED

    def create():
        return FeedbackResponse.objects.create(
            link=link,
            organisation_id=link.organisation_id,
            stage_id=link.stage_id,
            treated=int(treated),
            helped=helped,
            recommend=recommend,
            comment=comment,
            held_reasons=pii.scan(comment),
            review_state=state,
            submitted_on=timezone.localdate(),
            submission_key=submission_key,
        )

    response, new = create_once(
        FeedbackResponse, key=submission_key, owner={"link": link}, create=create
    )
    if new and comment:
        _tell_admins(link)
    return response


def _tell_admins(link: FeedbackLink) -> None:
    """Tell the organisation's admins a comment waits, never what it says: it is unreviewed."""
    from hub.base.models import Membership

    admins = Membership.objects.filter(
        organisation_id=link.organisation_id,
        role=Membership.Role.ADMIN,
        status=Membership.Status.APPROVED,
    ).select_related("user")
    url = reverse("feedback_manage", args=(link.organisation.slug,)) + "#review"
    for membership in admins:
        notifications.notify(
            recipient=membership.user,
            kind="cases.feedback_comment",
            message=f"A claimant left a comment about {link.stage.name}: review it before "
            "it is shown.",
            url=url,
        )


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@transaction.atomic
def complaint_themes_set(*, actor, organisation, stage, quarter, counts: dict[str, int]) -> int:
    """Record the organisation's complaint counts by theme for a stage and quarter (a count
    of 0 removes the theme); returns how many themes it now has there."""
    _require_admin(actor, organisation)
    if quarter != quarter_start(quarter):
        raise ValidationError({"quarter": "Choose a quarter."})
    if quarter > timezone.localdate():
        raise ValidationError({"quarter": "Choose a quarter that has started."})
    valid = set(ComplaintTheme.Theme.values)
    for theme, count in counts.items():
        if theme not in valid:
            raise ValidationError({"theme": f"Unknown theme {theme}."})
        rows = ComplaintTheme.objects.filter(
            organisation=organisation, stage=stage, quarter=quarter, theme=theme
        )
        if not count:
            rows.delete()
            continue
        if count < 0:
            raise ValidationError({theme: "Enter 0 or more."})
        ComplaintTheme.objects.update_or_create(
            organisation=organisation,
            stage=stage,
            quarter=quarter,
            theme=theme,
            defaults={"count": count, "entered_by": actor},
        )
    return ComplaintTheme.objects.filter(
        organisation=organisation, stage=stage, quarter=quarter
    ).count()
