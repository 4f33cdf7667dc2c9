"""The comparative performance database: standardised records, their provenance and uploads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from wagtail.search import index

from hub.base.models import Area, ClaimantGroup, Organisation
from hub.base.models.taxonomy import Term


class Programme(Term):
    """An employment programme records are reported for (Work Programme, Work and Health
    Programme, a local authority programme...)."""

    class Meta(Term.Meta):
        verbose_name = "programme"


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visibility=PerformanceRecord.Visibility.PUBLIC)

    def in_supply_chain_of(self, prime):
        """Records of the prime and of every subcontractor in its confirmed supply chain."""
        return self.filter(
            Q(organisation=prime)
            | Q(
                organisation__prime_links__prime=prime,
                organisation__prime_links__status="confirmed",
            )
        )

    def visible_to(self, user):
        """Open records for everyone; members-only records for signed-in members."""
        if user.is_authenticated:
            return self
        return self.published()


def _ordered(smaller: str, larger: str) -> Q:
    """`smaller <= larger`, or either is not given."""
    return (
        Q(**{f"{smaller}__isnull": True})
        | Q(**{f"{larger}__isnull": True})
        | Q(**{f"{smaller}__lte": F(larger)})
    )


class PerformanceRecord(index.Indexed, models.Model):
    """One organisation's results on one programme, for one claimant group, area and period."""

    class Role(models.TextChoices):
        PRIME = "prime", "Prime contractor"
        SUBCONTRACTOR = "subcontractor", "Subcontractor"

    class Status(models.TextChoices):
        SELF_REPORTED = "self_reported", "Self-reported"
        PEER_CONFIRMED = "peer_confirmed", "Confirmed by a supply-chain partner"
        VERIFIED = "verified", "Verified by a moderator"
        DISPUTED = "disputed", "Disputed"

    class Visibility(models.TextChoices):
        MEMBERS = "members", "Signed-in members only"
        PUBLIC = "public", "Published openly"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="performance_records"
    )
    role = models.CharField("role in the contract", max_length=14, choices=Role.choices)
    prime = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The prime contractor it delivers for, if it is a subcontractor.",
    )  # fmt: skip
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="records")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="performance_records")
    claimant_group = models.ForeignKey(
        ClaimantGroup, on_delete=models.PROTECT, related_name="performance_records"
    )
    period_start = models.DateField(help_text="The first day of the first month.")
    period_end = models.DateField(help_text="The first day of the last month.")
    referrals = models.PositiveIntegerField(null=True, blank=True)
    attachments = models.PositiveIntegerField(null=True, blank=True)
    job_starts = models.PositiveIntegerField(null=True, blank=True)
    job_outcomes = models.PositiveIntegerField(null=True, blank=True)
    sustainment_outcomes = models.PositiveIntegerField(null=True, blank=True)
    profile_job_outcomes = models.PositiveIntegerField(
        "contractual profile (expected job outcomes)", null=True, blank=True
    )
    funding_received = models.PositiveIntegerField(
        "delivery funding received (£)", null=True, blank=True,
        help_text="Optional: what the contract paid for this work in the period, in whole pounds. "
        "Disclosed voluntarily; it gives the Star Rating's value for money.",
    )  # fmt: skip
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.SELF_REPORTED, db_index=True
    )
    visibility = models.CharField(
        max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS, db_index=True
    )
    upload = models.ForeignKey(
        "cases.RecordUpload", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="records",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordQuerySet.as_manager()

    # What a person would type to find a record; only open ones are ever searched (hub.search).
    search_fields = [
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("programme", [index.SearchField("name")]),
        index.RelatedFields("area", [index.SearchField("name")]),
        index.RelatedFields("claimant_group", [index.SearchField("name")]),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["-period_start", "organisation__name", "id"]
        permissions = [("verify_performancerecord", "Can verify performance records")]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "organisation",
                    "programme",
                    "area",
                    "claimant_group",
                    "period_start",
                    "period_end",
                ],
                name="record_one_per_org_programme_area_group_period",
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="record_period_in_order"
            ),
            models.CheckConstraint(
                condition=_ordered("attachments", "referrals"), name="record_attach_le_referrals"
            ),
            models.CheckConstraint(
                condition=_ordered("job_starts", "attachments"), name="record_starts_le_attach"
            ),
            models.CheckConstraint(
                condition=_ordered("job_outcomes", "job_starts"), name="record_outcomes_le_starts"
            ),
            models.CheckConstraint(
                condition=Q(role="prime", prime__isnull=True)
                | Q(role="subcontractor", prime__isnull=False),
                name="record_subcontractor_names_prime",
            ),
        ]
        indexes = [
            models.Index(
                fields=["programme", "claimant_group", "period_start", "period_end"],
                name="record_peer_group",
            ),
            models.Index(fields=["organisation", "-period_start"], name="record_by_org"),
            models.Index(fields=["visibility", "-period_start", "id"], name="record_open_list"),
            # Members see every record: the list's own order, newest period first.
            models.Index(fields=["-period_start", "-id"], name="record_latest"),
            models.Index(fields=["area", "-period_start"], name="record_by_area"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.organisation} · {self.programme} · {self.claimant_group} · "
            f"{self.period_start:%b %Y}–{self.period_end:%b %Y}"
        )

    def get_absolute_url(self) -> str:
        return reverse("record_detail", kwargs={"pk": self.pk})


class RecordEvent(models.Model):
    """Provenance: every change to a record's state, who made it and why."""

    class Action(models.TextChoices):
        CREATED = "created", "Reported"
        UPDATED = "updated", "Figures changed"
        CONFIRMED = "confirmed", "Confirmed by a supply-chain partner"
        VERIFIED = "verified", "Verified by a moderator"
        DISPUTED = "disputed", "Disputed"
        RESOLVED = "resolved", "Dispute resolved"
        VISIBILITY = "visibility", "Sharing changed"

    record = models.ForeignKey(PerformanceRecord, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["record", "created_at"], name="record_event_by_record")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} on {self.record_id}"


class RecordUpload(models.Model):
    """A file of records committed in one go: who, when, which file, which kind of record and
    how many rows."""

    class Kind(models.TextChoices):
        PERIOD = "period", "Period records"
        COHORT = "cohort", "Cohort records"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="record_uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    row_count = models.PositiveIntegerField()
    kind = models.CharField(max_length=6, choices=Kind.choices, default=Kind.PERIOD)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="upload_by_org")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.row_count} rows)"


# Cohort records ---------------------------------------------------------------------------------

COHORT_MILESTONES = (3, 6, 12, 24)  # cases.performance.cohorts.MILESTONES, kept in step by a test
COHORT_MEASURES = ("job_starts", "job_outcomes", "sustainment_outcomes")


def _cohort_figure():
    return models.PositiveIntegerField(null=True, blank=True)


def _cumulative(measure: str) -> Q:
    """Each later milestone of a measure is at least the earlier one (when both are known)."""
    condition = Q()
    for i, earlier in enumerate(COHORT_MILESTONES):
        for later in COHORT_MILESTONES[i + 1 :]:
            condition &= _ordered(f"{measure}_by_{earlier}", f"{measure}_by_{later}")
    return condition


def _within_attached(measure: str) -> Q:
    condition = Q()
    for months in COHORT_MILESTONES:
        name = f"{measure}_by_{months}"
        condition &= Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__lte": F("attached")})
    return condition


class CohortRecord(models.Model):
    """One organisation's monthly attachment cohort on one programme, claimant group and area:
    how many people were attached, and how many of them had reached a job start, a job outcome
    and a sustainment outcome by 3, 6, 12 and 24 months (cumulative; empty until known)."""

    Role = PerformanceRecord.Role
    Status = PerformanceRecord.Status
    Visibility = PerformanceRecord.Visibility

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cohort_records"
    )
    role = models.CharField("role in the contract", max_length=14, choices=Role.choices)
    prime = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The prime contractor it delivers for, if it is a subcontractor.",
    )  # fmt: skip
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="cohorts")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="cohort_records")
    claimant_group = models.ForeignKey(
        ClaimantGroup, on_delete=models.PROTECT, related_name="cohort_records"
    )
    cohort_month = models.DateField(help_text="The first day of the month people were attached.")
    attached = models.PositiveIntegerField("people attached")
    job_starts_by_3 = _cohort_figure()
    job_starts_by_6 = _cohort_figure()
    job_starts_by_12 = _cohort_figure()
    job_starts_by_24 = _cohort_figure()
    job_outcomes_by_3 = _cohort_figure()
    job_outcomes_by_6 = _cohort_figure()
    job_outcomes_by_12 = _cohort_figure()
    job_outcomes_by_24 = _cohort_figure()
    sustainment_outcomes_by_3 = _cohort_figure()
    sustainment_outcomes_by_6 = _cohort_figure()
    sustainment_outcomes_by_12 = _cohort_figure()
    sustainment_outcomes_by_24 = _cohort_figure()
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.SELF_REPORTED, db_index=True
    )
    visibility = models.CharField(
        max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS, db_index=True
    )
    upload = models.ForeignKey(
        RecordUpload, null=True, blank=True, on_delete=models.SET_NULL, related_name="cohorts"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-cohort_month", "organisation__name", "id"]
        constraints = [
            # One cohort per organisation, programme, area, group, month and prime; a prime's own
            # cohorts (no prime) need a constraint of their own, since NULLs never clash.
            models.UniqueConstraint(
                fields=[
                    "organisation",
                    "programme",
                    "area",
                    "claimant_group",
                    "cohort_month",
                    "prime",
                ],
                condition=Q(prime__isnull=False),
                name="cohort_one_per_org_programme_area_group_month_prime",
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["organisation", "programme", "area", "claimant_group", "cohort_month"],
                condition=Q(prime__isnull=True),
                name="cohort_one_per_org_programme_area_group_month",
            ),
            models.CheckConstraint(
                condition=Q(role="prime", prime__isnull=True)
                | Q(role="subcontractor", prime__isnull=False),
                name="cohort_subcontractor_names_prime",
            ),
            *[
                models.CheckConstraint(
                    condition=_cumulative(measure), name=f"cohort_{measure}_cumulative"
                )
                for measure in COHORT_MEASURES
            ],
            *[
                models.CheckConstraint(
                    condition=_within_attached(measure), name=f"cohort_{measure}_le_attached"
                )
                for measure in COHORT_MEASURES
            ],
        ]
        indexes = [
            models.Index(
                fields=["programme", "claimant_group", "cohort_month"], name="cohort_peer_group"
            ),
            models.Index(fields=["organisation", "-cohort_month"], name="cohort_by_org"),
            models.Index(fields=["visibility", "-cohort_month", "id"], name="cohort_open_list"),
            models.Index(fields=["-cohort_month", "-id"], name="cohort_latest"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.organisation} · {self.programme} · {self.claimant_group} · "
            f"{self.area} · cohort {self.cohort_month:%b %Y}"
        )


class CohortEvent(models.Model):
    """Provenance of a cohort: every change, who made it, from which upload, old and new
    figures (`changes` maps a field to [old, new])."""

    Action = RecordEvent.Action

    cohort = models.ForeignKey(CohortRecord, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    upload = models.ForeignKey(
        RecordUpload, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(default=dict, blank=True)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["cohort", "created_at"], name="cohort_event_by_cohort")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} on cohort {self.cohort_id}"
