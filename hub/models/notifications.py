"""Notifications: telling a member that something which concerns them happened on the hub."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """One thing a member should hear about, kept on their notifications page until read.

    The message is plain text written when it happens, so the list needs no joins and still
    reads correctly after what it was about is renamed or deleted.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        # The indexes below lead with the recipient, so a separate one would be dead weight.
        db_index=False,
    )
    kind = models.CharField(max_length=64, help_text="A key registered with hub.notifications.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=500, help_text="A path on this site, such as /cases/12/.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A member's list, newest first.
            models.Index(fields=["recipient", "-created_at"], name="notification_list"),
            # The unread count in the header of every page a member sees.
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ]

    def __str__(self) -> str:
        return self.message

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class NotificationPreference(models.Model):
    """A member's choice for one kind of notification; with no row, the kind's defaults apply.

    The row with kind ``ALL_KINDS`` ("*") records "no email from the hub at all", so kinds that
    are registered later are not emailed either; a row for a kind still wins over it.
    """

    ALL_KINDS = "*"

    class Email(models.TextChoices):
        IMMEDIATELY = "immediately", "Straight away"
        NEVER = "never", "Never"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        db_index=False,  # the unique constraint's index leads with the user
    )
    kind = models.CharField(max_length=64)
    in_app = models.BooleanField("show on the site", default=True)
    email = models.CharField(max_length=16, choices=Email.choices, default=Email.IMMEDIATELY)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="notification_preference_unique_user_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"
