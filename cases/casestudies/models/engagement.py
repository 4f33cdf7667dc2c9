"""How members respond to case studies: ratings and comments (reports on either are
hub.base.moderation's `Report`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from hub.base.moderation.models import Hideable, Report

from .case_studies import CaseStudy


class Rating(models.Model):
    """One member's answer to "How useful is this practice?" for one case study."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_study_ratings"
    )
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case_study", "user"], name="rating_one_per_member"),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="rating_score_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["user"], name="rating_by_user")]

    def __str__(self) -> str:
        return f"{self.user} rated {self.case_study}: {self.score}"


class CommentQuerySet(models.QuerySet):
    def shown(self):
        """Comments a reader sees in full (deleted and hidden ones leave a placeholder)."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)


class Comment(Hideable):
    """A member's comment on a case study, or a reply to one (replies go one level deep)."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_study_comments"
    )
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    reports = GenericRelation(Report, related_query_name="comment")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["case_study", "created_at", "id"], name="comment_by_case"),
            models.Index(fields=["author"], name="comment_by_author"),
        ]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.case_study}"

    def get_absolute_url(self) -> str:
        return f"{self.case_study.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.deleted_at is not None or self.hidden_at is not None
