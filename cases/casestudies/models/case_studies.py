"""Case studies: a member's account of an approach that worked, and its edit history."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from hub.base.models import Area, Barrier, ClaimantGroup, JourneyStage, Organisation, Report
from hub.base.moderation.models import Hideable


class TaggedCaseStudy(TaggedItemBase):
    """The free tags on a case study (taggit's shared Tag table, our own through table)."""

    content_object = models.ForeignKey(
        "cases.CaseStudy", on_delete=models.CASCADE, related_name="tagged_items"
    )


EVIDENCE_STATUSES = ("peer_confirmed", "verified")


class CaseStudyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CaseStudy.Status.PUBLISHED)

    def with_evidence(self):
        """Annotate `evidenced`: it cites a record a partner confirmed or a moderator verified."""
        cited = CaseStudy.cited_records.through.objects.filter(
            casestudy=models.OuterRef("pk"), performancerecord__status__in=EVIDENCE_STATUSES
        )
        return self.annotate(evidenced=models.Exists(cited))

    def evidenced(self):
        return self.with_evidence().filter(evidenced=True)

    def visible_to(self, user):
        """What `user` may open: everything published, plus their own and their organisations'
        drafts and hidden ones; moderators see everything."""
        from cases.casestudies import permissions

        published = Q(status=CaseStudy.Status.PUBLISHED)
        if not user.is_authenticated:
            return self.filter(published)
        if permissions.is_moderator(user):
            return self
        return self.filter(
            published
            | Q(author=user)
            | Q(organisation__in=Organisation.objects.administered_by(user).values("pk"))
        )


class CaseStudy(index.Indexed, Hideable):
    """What a front-line team did for a claimant group, what came of it, and what they learnt."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden by a moderator"

    class Provision(models.TextChoices):
        END_TO_END = "end_to_end", "End-to-end (from referral to work)"
        SPECIALIST = "specialist", "Specialist (help with one barrier)"
        BOTH = "both", "Both end-to-end and specialist"

    class Comparison(models.TextChoices):
        NONE = "none", "Nothing"
        BEFORE_AFTER = "before_after", "Before and after"
        EARLIER_COHORTS = "earlier_cohorts", "Our own earlier cohorts"
        COMPARISON_GROUP = "comparison_group", "A comparison group"
        PEERS = "peers", "Peers on the same programme and claimant group"

    title = models.CharField(max_length=160)
    summary = models.TextField(
        max_length=500, help_text="Two or three sentences: who it helped, what you did, the result."
    )
    body = models.TextField(
        "the story", max_length=20_000, help_text="Markdown. The background and how it went."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_studies"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="case_studies"
    )
    claimant_groups = models.ManyToManyField(ClaimantGroup, related_name="case_studies")
    barriers = models.ManyToManyField(Barrier, blank=True, related_name="case_studies")
    journey_stages = models.ManyToManyField(JourneyStage, related_name="case_studies")
    areas = models.ManyToManyField(Area, blank=True, related_name="case_studies")
    # The service model.
    delivery_approach = models.TextField(
        max_length=2000, help_text="How the service was delivered: one to one, groups, outreach…"
    )
    provision = models.CharField(
        "end-to-end or specialist", max_length=12, choices=Provision.choices
    )
    partners = models.TextField(
        "partners involved",
        max_length=1000,
        blank=True,
        help_text="Other organisations that took part, and what each did.",
    )
    what_was_done = models.TextField(max_length=10_000, help_text="Markdown.")
    outcomes = models.TextField(
        "outcomes achieved", max_length=5000, help_text="Markdown. What changed for people."
    )
    participants = models.PositiveIntegerField("people supported", null=True, blank=True)
    job_starts = models.PositiveIntegerField(null=True, blank=True)
    job_outcomes = models.PositiveIntegerField(null=True, blank=True)
    lessons = models.TextField(
        "lessons and pitfalls",
        max_length=5000,
        help_text="Markdown. What you would do differently.",
    )
    # The evidence (cases.casestudies.evidence weighs it).
    comparison = models.CharField(
        "compared with", max_length=20, choices=Comparison.choices, default=Comparison.NONE
    )
    comparison_outcome_rate = models.DecimalField(
        "comparison's job outcome rate (%)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Job outcomes per 100 people in what you compared with.",
    )
    follow_up_months = models.PositiveSmallIntegerField("months followed up", null=True, blank=True)
    cost_per_participant = models.PositiveIntegerField(
        "cost per participant (£)", null=True, blank=True
    )
    cost_covers = models.CharField("what the cost covers", max_length=300, blank=True)
    approaches = models.ManyToManyField(
        "cases.Approach",
        through="cases.CaseStudyApproach",
        blank=True,
        related_name="case_studies",
    )
    period_start = models.DateField("period from", help_text="The first month the practice ran.")
    period_end = models.DateField(
        "period to", null=True, blank=True, help_text="Leave empty if it is still running."
    )
    tags = TaggableManager(through=TaggedCaseStudy, blank=True)
    cited_records = models.ManyToManyField(
        "cases.PerformanceRecord",
        blank=True,
        related_name="cited_by",
        help_text="Performance records that evidence the outcomes.",
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    reports = GenericRelation(Report, related_query_name="case_study")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was first published; newest-first sorts by it."
    )
    featured_at = models.DateTimeField(
        null=True, blank=True, help_text="Set while a live showcase page features it."
    )
    # Stored aggregates, updated by the services in the same transaction as the change.
    rating_count = models.PositiveIntegerField(default=0)
    rating_mean = models.DecimalField(max_digits=4, decimal_places=3, default=0)
    rating_score = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        default=Decimal("3.000"),  # the prior: an unrated case study scores the middle
        help_text="Bayesian average; 'top rated' sorts by it.",
    )
    comment_count = models.PositiveIntegerField(default=0)
    # The form's one-time key: a double click or a resubmitted form finds the first one.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = CaseStudyQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("what_was_done"),
        index.SearchField("outcomes"),
        index.SearchField("lessons"),
        index.FilterField("status"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
        ordering = ["-published_at", "-id"]
        permissions = [
            ("moderate_casestudy", "Can hide, restore and feature case studies and comments")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=models.F("period_start")),
                name="case_study_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(comparison_outcome_rate__isnull=True)
                | Q(comparison_outcome_rate__gte=0, comparison_outcome_rate__lte=100),
                name="case_study_comparison_rate_range",
            ),
            models.CheckConstraint(
                condition=Q(rating_mean__gte=0) & Q(rating_mean__lte=5),
                name="case_study_rating_mean_range",
            ),
        ]
        indexes = [
            # One per sort of the list, each with id as the keyset tie-breaker.
            models.Index(fields=["status", "-published_at", "-id"], name="case_study_newest"),
            models.Index(fields=["status", "-rating_score", "-id"], name="case_study_top"),
            models.Index(fields=["status", "-comment_count", "-id"], name="case_study_discussed"),
            models.Index(fields=["-featured_at"], name="case_study_featured"),
            models.Index(fields=["organisation", "status"], name="case_study_org_status"),
            models.Index(fields=["author", "status"], name="case_study_author_status"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("case_study_detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class CaseStudyRevision(models.Model):
    """A snapshot of a case study after each save, so the author and moderators see its history."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(
        max_length=200, help_text="What happened: created, edited, published…"
    )
    content = models.JSONField(help_text="The case study's fields as they were after this change.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case_study", "-created_at"], name="case_rev_by_case")]

    def __str__(self) -> str:
        return f"{self.case_study} — {self.summary}"
