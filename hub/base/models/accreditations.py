"""Accreditations an organisation holds (Merlin Standard, matrix, Customer Service Excellence):
added by its admins, counted only once a moderator has checked the evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .organisations import Organisation


class AccreditationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def current(self, today):
        """Verified and not expired on `today`: the ones the Star Rating's quality area counts."""
        return self.verified().filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))


class Accreditation(models.Model):
    """An external standard the organisation was assessed against and awarded."""

    class Kind(models.TextChoices):
        MERLIN = "merlin", "Merlin Standard"
        MATRIX = "matrix", "matrix Standard"
        CSE = "cse", "Customer Service Excellence"
        OTHER = "other", "Another quality standard"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="accreditations"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    other_name = models.CharField(
        "name of the standard", max_length=120, blank=True,
        help_text="Only for another quality standard, for example ISO 9001.",
    )  # fmt: skip
    awarded_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    evidence_url = models.URLField(
        "link to the evidence", max_length=300,
        help_text="The awarding body's register entry or certificate, so a moderator can check it.",
    )  # fmt: skip
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AccreditationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-awarded_on", "id"]
        permissions = [("verify_accreditation", "Can verify accreditations")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("awarded_on")),
                name="accreditation_expires_after_award",
            ),
            models.CheckConstraint(
                condition=Q(kind="other") | Q(other_name=""), name="accreditation_other_named"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "kind"], name="accreditation_by_org"),
            models.Index(fields=["verified_at", "created_at"], name="accreditation_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"

    @property
    def title(self) -> str:
        return (
            self.other_name
            if self.kind == self.Kind.OTHER and self.other_name
            else (self.get_kind_display())
        )

    @property
    def verified(self) -> bool:
        return self.verified_at is not None
