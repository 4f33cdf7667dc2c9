"""A member's report that some content needs a moderator, whatever the kind of content."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class Hideable(models.Model):
    """What a moderator (or enough reports) sets on member content to take it off the site: the
    reason its author and readers see, and who hid it (nobody: hidden automatically until
    reviewed). Each reportable model also declares `reports = GenericRelation(Report)`."""

    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True, max_length=1000)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def about(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )


class Report(models.Model):
    """One member's report on a case study, a comment or a forum post (any registered kind).

    `weight` is the reporter's standing when they reported, in halves: 2 for an established
    member, 1 for a new one (see services.reporter_weight); enough weight hides the content
    until a moderator reviews it."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        ACTIONED = "actioned", "Content hidden"
        DISMISSED = "dismissed", "No action needed"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.TextField(max_length=1000)
    weight = models.PositiveSmallIntegerField(default=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open report per member per item: reporting twice is not twice the evidence.
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                condition=Q(status="open"),
                name="report_one_open_per_member",
            )
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_queue"),
            models.Index(fields=["content_type", "object_id", "status"], name="report_target"),
        ]

    def __str__(self) -> str:
        return f"Report by {self.reporter} on {self.content_type.model} {self.object_id}"


class HeldQuerySet(models.QuerySet):
    """Filters for content that waits for a reviewer before anyone else sees it."""

    def published(self):
        return self.filter(review_state=HeldForReview.State.PUBLISHED)

    def held(self):
        return self.filter(review_state=HeldForReview.State.HELD)

    def rejected(self):
        return self.filter(review_state=HeldForReview.State.REJECTED)


class HeldForReview(models.Model):
    """Pre-moderation: text from people the hub cannot hold to account (claimants without an
    account, comments about a named organisation) is held until a reviewer publishes it.

    `held_reasons` are the personal-data scanner's findings (hub.base.pii keys: "phone",
    "email", ...); an empty list means the scanner found nothing, not that it was published.
    The concrete model declares its own index on `review_state` with the columns it sorts by,
    and uses `HeldQuerySet` (or a subclass) as its manager."""

    class State(models.TextChoices):
        HELD = "held", "Held for review"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"

    review_state = models.CharField(max_length=10, choices=State.choices, default=State.HELD)
    held_reasons = models.JSONField(default=list, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(blank=True, max_length=1000)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.review_state == self.State.PUBLISHED

    @property
    def held_reasons_text(self) -> str:
        """What the scanner found, in words ("a phone number and a postcode")."""
        from hub.base.pii import describe

        return describe(self.held_reasons or [])
