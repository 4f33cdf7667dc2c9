"""Named financial-model scenarios a member keeps to come back to."""

from django.conf import settings
from django.db import models


class Scenario(models.Model):
    """A member's saved set of financial-model inputs. The figures are recomputed, never stored."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="model_scenarios"
    )
    name = models.CharField(max_length=120)
    inputs = models.JSONField(help_text="The model's inputs, as the form's cleaned data.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="scenario_unique_name_per_owner")
        ]
        indexes = [
            models.Index(fields=["owner", "-updated_at", "-id"], name="scenario_owner_recent")
        ]

    def __str__(self) -> str:
        return self.name
