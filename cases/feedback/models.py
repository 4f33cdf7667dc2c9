"""Claimant feedback: a shareable link per organisation and journey stage, the anonymous
answers given through it, and the complaint themes an organisation counts each quarter.

Nothing here says who a claimant is: no account, no address, no browser, and the time of an
answer is kept to the day. A comment is held for review (hub.base.moderation.held) until the
organisation's admin or a moderator publishes it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from hub.base.models import JourneyStage, Organisation
from hub.base.moderation.models import HeldForReview, HeldQuerySet


def new_token() -> str:
    """22 URL-safe characters, 128 bits: unguessable, short enough to type from a poster."""
    return secrets.token_urlsafe(16)


class FeedbackLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)


class FeedbackLink(models.Model):
    """The link (and QR code) an organisation shares with claimants at one journey stage; a
    rotated link is retired, kept so that answers already given still point at it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="feedback_links"
    )
    stage = models.ForeignKey(JourneyStage, on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=32, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = FeedbackLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage"],
                condition=Q(retired_at__isnull=True),
                name="feedback_link_one_active_per_stage",
            )
        ]

    def __str__(self) -> str:
        return f"Feedback link for {self.organisation} ({self.stage})"


class FeedbackResponseQuerySet(HeldQuerySet):
    def with_comment(self):
        return self.exclude(comment="")


class FeedbackResponse(HeldForReview):
    """One claimant's anonymous answers. Every answer counts in the aggregates at once; the
    comment is shown only once published (`review_state`), and an empty comment has nothing
    to review."""

    class Treated(models.IntegerChoices):
        VERY_WELL = 5, "Very well"
        WELL = 4, "Well"
        NEITHER = 3, "Neither well nor badly"
        BADLY = 2, "Badly"
        VERY_BADLY = 1, "Very badly"

    class Helped(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "A little"
        NO = "no", "No"

    class Recommend(models.TextChoices):
        YES = "yes", "Yes"
        NOT_SURE = "not_sure", "Not sure"
        NO = "no", "No"

    link = models.ForeignKey(FeedbackLink, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="feedback_responses"
    )
    stage = models.ForeignKey(JourneyStage, on_delete=models.PROTECT, related_name="+")
    treated = models.PositiveSmallIntegerField(choices=Treated.choices)
    helped = models.CharField(max_length=8, choices=Helped.choices)
    recommend = models.CharField(max_length=8, choices=Recommend.choices)
    comment = models.TextField(blank=True, max_length=1000)
    submitted_on = models.DateField()  # the day only: a time could match a claimant's visit
    submission_key = models.UUIDField(null=True, blank=True, unique=True)

    objects = FeedbackResponseQuerySet.as_manager()

    class Meta:
        verbose_name = "claimant comment"
        permissions = [("moderate_feedback", "Can review claimants' feedback comments")]
        constraints = [
            models.CheckConstraint(
                condition=Q(treated__gte=1) & Q(treated__lte=5), name="feedback_treated_1_to_5"
            )
        ]
        indexes = [
            models.Index(
                fields=["organisation", "stage", "submitted_on"], name="feedback_org_stage_day"
            ),
            models.Index(fields=["stage", "submitted_on"], name="feedback_stage_day"),
            models.Index(fields=["organisation", "review_state", "id"], name="feedback_review"),
            models.Index(fields=["review_state", "id"], name="feedback_review_queue"),
        ]

    def __str__(self) -> str:
        return f"Feedback for {self.organisation_id} at stage {self.stage_id}"


class ComplaintTheme(models.Model):
    """How many complaints of one theme an organisation had at one stage in one quarter,
    anonymised to a count (rec 10: themes by stage, programme-wide)."""

    class Theme(models.TextChoices):
        CONTACT = "contact", "Not enough contact or hard to reach"
        RESPECT = "respect", "Not treated with respect"
        SUPPORT = "support", "Support did not fit my needs"
        CONDITIONALITY = "conditionality", "Sanctions or mandatory activity"
        ACCESS = "access", "Premises, travel or accessibility"
        COMMUNICATION = "communication", "Unclear information or letters"
        OTHER = "other", "Something else"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="complaint_themes"
    )
    stage = models.ForeignKey(JourneyStage, on_delete=models.PROTECT, related_name="+")
    quarter = models.DateField(help_text="The first day of the quarter.")
    theme = models.CharField(max_length=16, choices=Theme.choices)
    count = models.PositiveIntegerField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage", "quarter", "theme"],
                name="complaint_theme_once_a_quarter",
            ),
        ]
        indexes = [models.Index(fields=["stage", "quarter"], name="complaint_theme_stage_q")]

    def __str__(self) -> str:
        return f"{self.count} × {self.theme} at {self.organisation_id}"
