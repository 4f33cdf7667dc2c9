"""Subcontract opportunities, expressions of interest, watches and conduct feedback on primes."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hub.base.models import Area, ClaimantGroup, Organisation
from hub.base.moderation.models import HeldForReview, HeldQuerySet


class OpportunityQuerySet(models.QuerySet):
    def open(self, today=None):
        """Still taking expressions of interest: not closed by the prime, deadline not passed."""
        today = today or timezone.localdate()
        return self.filter(closed_at__isnull=True, deadline__gte=today)

    def closed(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(closed_at__isnull=False) | Q(deadline__lt=today))


class Opportunity(models.Model):
    """A prime's subcontract offer with the standard fact sheet's terms as fields, so offers can
    be compared and modelled. Closed ones stay as a record of the terms offered."""

    class Services(models.TextChoices):
        END_TO_END = "end_to_end", "End-to-end delivery"
        SPECIALIST = "specialist", "Specialist (spot) provision"

    prime = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="opportunities")
    title = models.CharField(max_length=160)
    summary = models.TextField(max_length=3000, help_text="Markdown.")
    programme = models.ForeignKey(
        "cases.Programme", on_delete=models.PROTECT, related_name="opportunities"
    )
    areas = models.ManyToManyField(Area, related_name="opportunities")
    claimant_groups = models.ManyToManyField(ClaimantGroup, related_name="opportunities")
    services = models.CharField(max_length=20, choices=Services.choices)
    specialism = models.CharField(max_length=120, blank=True)
    referrals_per_month = models.PositiveIntegerField()
    contract_months = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    starts_on = models.DateField(null=True, blank=True)
    # The standard fact sheet (Recommendation 24).
    attachment_fee = models.DecimalField(max_digits=9, decimal_places=2, default=0)
    outcome_payment = models.DecimalField(max_digits=9, decimal_places=2)
    sustainment_payment = models.DecimalField(max_digits=9, decimal_places=2, default=0)
    sustainment_count = models.PositiveSmallIntegerField(default=0)
    management_fee_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    payment_terms_days = models.PositiveSmallIntegerField()
    prime_provides = models.TextField(max_length=2000)
    it_systems = models.TextField(max_length=1000)
    minimum_insurance = models.CharField(max_length=300)
    how_to_apply = models.TextField(max_length=2000)
    deadline = models.DateField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "opportunities"
        constraints = [
            models.CheckConstraint(
                condition=Q(management_fee_percent__gte=0) & Q(management_fee_percent__lte=100),
                name="opportunity_fee_is_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="opportunity_newest"),
            models.Index(fields=["programme", "-published_at"], name="opportunity_programme"),
            models.Index(fields=["prime", "-published_at"], name="opportunity_prime"),
            models.Index(fields=["services", "-published_at"], name="opportunity_services"),
            models.Index(fields=["closed_at", "deadline"], name="opportunity_open"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunity_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and self.deadline >= timezone.localdate()


class OpportunityWatch(models.Model):
    """A member asking to hear of new opportunities in a programme or an area."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunity_watches"
    )
    programme = models.ForeignKey(
        "cases.Programme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(programme__isnull=True) & Q(area__isnull=False))
                | (Q(programme__isnull=False) & Q(area__isnull=True)),
                name="opportunity_watch_one_subject",
            ),
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(programme__isnull=False),
                name="opportunity_watch_unique_programme",
            ),
            models.UniqueConstraint(
                fields=["user", "area"],
                condition=Q(area__isnull=False),
                name="opportunity_watch_unique_area",
            ),
        ]
        indexes = [
            models.Index(fields=["programme"], name="opportunity_watch_programme"),
            models.Index(fields=["area"], name="opportunity_watch_area"),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.programme or self.area}"


class ExpressionOfInterest(models.Model):
    """An organisation's short, standard answer to an opportunity (the Merlin-style EOI).

    Statuses: sent (waiting for the prime), shortlisted (the prime wants to talk or a full
    bid), declined (the prime says no, with a reason), withdrawn (the sender took it back).
    """

    class Status(models.TextChoices):
        SENT = "sent", "Sent"
        SHORTLISTED = "shortlisted", "Shortlisted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="expressions"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="expressions_of_interest"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    services_offered = models.TextField(max_length=2000)
    experience = models.TextField(max_length=2000)
    capacity_per_month = models.PositiveIntegerField()
    quality_standards = models.CharField(max_length=300, blank=True)
    contact_email = models.EmailField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT)
    reply = models.TextField(max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organisation"], name="eoi_one_per_organisation"
            )
        ]
        indexes = [
            models.Index(fields=["opportunity", "-created_at", "-id"], name="eoi_opportunity"),
            models.Index(fields=["organisation", "-created_at"], name="eoi_organisation"),
            models.Index(fields=["status"], name="eoi_status"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.opportunity}"


STATEMENTS = (
    ("paid_on_time", "Paid us on time"),
    ("volumes_as_promised", "Sent the referral volumes it promised"),
    (
        "fair_difficult_referrals",
        "Gave us a fair share of difficult referrals, not only the hardest",
    ),
    ("support_given", "Gave the support it said it would"),
    ("risk_fairly_shared", "Passed risk down fairly"),
    ("open_communication", "Communicated openly"),
)
"""The Code of Conduct statements a subcontractor rates its prime against (2008 strategy)."""

SCORES = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)


def _score():
    return models.PositiveSmallIntegerField(
        choices=SCORES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class ConductFeedback(models.Model):
    """One organisation's ratings of a prime for one year. Shown only as aggregates over at least
    HUB_CONDUCT_MIN_ORGANISATIONS organisations; the row itself is never shown to anyone else."""

    prime = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid_on_time = _score()
    volumes_as_promised = _score()
    fair_difficult_referrals = _score()
    support_given = _score()
    risk_fairly_shared = _score()
    open_communication = _score()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prime", "organisation", "year"], name="conduct_one_per_org_year"
            ),
            models.CheckConstraint(
                condition=~Q(prime=models.F("organisation")), name="conduct_not_self"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 1}) & Q(**{f"{name}__lte": 5}),
                    name=f"conduct_{name}_range",
                )
                for name, _ in STATEMENTS
            ),
        ]
        indexes = [models.Index(fields=["prime", "year"], name="conduct_prime_year")]

    def __str__(self) -> str:
        return f"Conduct feedback on {self.prime} for {self.year}"


class ConductComment(HeldForReview):
    """The optional comment with an organisation's conduct feedback. Held until a moderator
    publishes it (hub.base.moderation.held); shown only beside a year's aggregates that reach
    the minimum, and never with its author or organisation."""

    feedback = models.OneToOneField(
        ConductFeedback, on_delete=models.CASCADE, related_name="comment"
    )
    prime = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=1500)
    created_at = models.DateTimeField(default=timezone.now)

    objects = HeldQuerySet.as_manager()

    class Meta:
        permissions = [("review_conductcomment", "Can review comments on primes' conduct")]
        indexes = [
            models.Index(fields=["prime", "year", "review_state"], name="conduct_comment_public"),
            models.Index(fields=["review_state", "id"], name="conduct_comment_queue"),
        ]

    def __str__(self) -> str:
        return f"A comment on {self.prime}'s conduct ({self.year})"


class ConductReply(models.Model):
    """A prime's one public reply to its conduct results for a year."""

    prime = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=2000)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prime", "year"], name="conduct_reply_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.prime}'s reply for {self.year}"
