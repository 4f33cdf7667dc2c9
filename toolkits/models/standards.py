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
