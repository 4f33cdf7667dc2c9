from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse


class User(AbstractUser):
    """A hub member: signs in by email; shown publicly by display name, found by username."""

    display_name = models.CharField(
        max_length=80, blank=True, help_text="The name other members see, such as Sam Patel."
    )
    job_title = models.CharField(
        max_length=120, blank=True, help_text="For example, employment adviser or contract manager."
    )
    bio = models.TextField(
        "short bio",
        max_length=1000,
        blank=True,
        help_text="A few sentences about your work. Up to 1,000 characters.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.username

    def get_absolute_url(self) -> str:
        return reverse("member_profile", kwargs={"username": self.username})
