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

    erased_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the account was deleted. The row stays, anonymous, for what they wrote.",
    )

    FORMER_MEMBER = "Former member"

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        if self.erased_at:
            return self.FORMER_MEMBER
        return self.display_name or self.username

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def get_absolute_url(self) -> str:
        """The public profile; empty for a deleted account, which has none."""
        if self.erased_at:
            return ""
        return reverse("member_profile", kwargs={"username": self.username})
