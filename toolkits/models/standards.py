"""Customer Service Standards: what an organisation promises claimants at each journey stage."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class StandardsStatement(models.Model):
    """An organisation's published standards, with claimants' rights and responsibilities."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    organisation = models.OneToOneField(
        "hub.Organisation", on_delete=models.CASCADE, related_name="standards"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    rights = models.TextField(
        blank=True, help_text="What a claimant can expect from you, in plain English."
    )
    responsibilities = models.TextField(
        blank=True, help_text="What you ask of a claimant in return, in plain English."
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_reminder_for = models.DateField(
        null=True, blank=True, editable=False,
        help_text="The review date the admins were last reminded about, so they are told once.",
    )  # fmt: skip
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so two admins editing at once cannot overwrite."
    )

    class Meta:
        indexes = [
            models.Index(fields=["status", "last_reviewed_on"], name="standards_status_reviewed")
        ]

    def __str__(self) -> str:
        return f"Customer Service Standards: {self.organisation}"


class ServiceStandard(models.Model):
    """One promise at one journey stage: a Service Standard with its Standard Measure."""

    class MeasureKind(models.TextChoices):
        PERCENTAGE = "percentage", "A target percentage"
        DAYS = "days", "A number of working days"
        FREQUENCY = "frequency", "How often"

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        FORTNIGHTLY = "fortnightly", "Every two weeks"
        MONTHLY = "monthly", "Every month"
        QUARTERLY = "quarterly", "Every three months"

    statement = models.ForeignKey(
        StandardsStatement, on_delete=models.CASCADE, related_name="items"
    )
    stage = models.ForeignKey("hub.JourneyStage", on_delete=models.PROTECT, related_name="+")
    service_standard = models.TextField(
        max_length=1000, help_text="The qualitative promise, in plain English."
    )
    measure = models.CharField(
        max_length=300,
        help_text="What is measured, for example 'Participants offered a first appointment'.",
    )
    measure_kind = models.CharField(max_length=12, choices=MeasureKind.choices)
    measure_value = models.DecimalField(
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="The target percentage or number of days.",
    )
    measure_frequency = models.CharField(max_length=12, choices=Frequency.choices, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["stage__sort_order", "sort_order", "id"]
        indexes = [models.Index(fields=["statement", "stage", "sort_order"], name="standard_order")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(measure_kind="percentage", measure_value__gte=0, measure_value__lte=100)
                    | Q(measure_kind="days", measure_value__gt=0)
                    | (Q(measure_kind="frequency") & ~Q(measure_frequency=""))
                ),
                name="standard_measure_is_complete",
            )
        ]

    def __str__(self) -> str:
        return self.measure


class StandardResult(models.Model):
    """What an organisation achieved against one published Standard Measure in one quarter.

    The measure and its target are copied in, because saving the standards replaces their
    rows: a result stays with the promise as it was when the quarter was reported."""

    organisation = models.ForeignKey(
        "hub.Organisation", on_delete=models.CASCADE, related_name="standard_results"
    )
    stage = models.ForeignKey("hub.JourneyStage", on_delete=models.PROTECT, related_name="+")
    measure = models.CharField(max_length=300)
    measure_kind = models.CharField(max_length=12, choices=ServiceStandard.MeasureKind.choices)
    target = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    frequency = models.CharField(
        max_length=12, choices=ServiceStandard.Frequency.choices, blank=True
    )
    quarter_start = models.DateField(help_text="The first day of the quarter (January, April...).")
    result = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True,
        help_text="The percentage reached, or the working days it took on average.",
    )  # fmt: skip
    kept = models.BooleanField(
        null=True, blank=True, help_text="For a 'how often' measure: whether it was kept."
    )
    met = models.BooleanField(help_text="Whether the result met the target, worked out on saving.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-quarter_start", "stage__sort_order", "measure", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stage", "measure", "quarter_start"],
                name="standard_result_one_per_quarter",
            ),
            models.CheckConstraint(
                condition=(
                    Q(measure_kind="frequency", kept__isnull=False)
                    | (~Q(measure_kind="frequency") & Q(result__gte=0))
                ),
                name="standard_result_is_complete",
            ),  # fmt: skip
        ]
        indexes = [
            models.Index(fields=["organisation", "-quarter_start"], name="standard_result_by_org")
        ]

    def __str__(self) -> str:
        return f"{self.measure}, quarter from {self.quarter_start:%b %Y}"
