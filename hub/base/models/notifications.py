"""Notifications: telling a member that something which concerns them happened on the hub."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def on_site(self):
        """The notifications a member sees on the site (not those kept only for the digest)."""
        return self.filter(in_app=True)

    def digest_due(self):
        """Notifications waiting for their recipient's daily digest: unread and not yet sent."""
        return self.filter(for_digest=True, digested_at__isnull=True, read_at__isnull=True)


class Notification(models.Model):
    """One thing a member should hear about, kept on their notifications page until read.

    The message is plain text written when it happens, so the list needs no joins and still
    reads correctly after what it was about is renamed or deleted. A member who chose the daily
    digest but not the site still gets a row, with ``in_app`` off, so the digest can list it.
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
    in_app = models.BooleanField(
        "shown on the site",
        default=True,
        help_text="Off when the member sees this kind only in their daily digest email.",
    )
    for_digest = models.BooleanField(
        default=False,
        help_text="Made while the member chose a daily digest for its kind, so one lists it.",
    )
    digested_at = models.DateTimeField(
        null=True, blank=True, help_text="When a daily digest email included it."
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A member's list, newest first.
            models.Index(fields=["recipient", "-created_at"], name="notification_list"),
            # The unread count in the header of every page a member sees.
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            # The daily digest's search for what is waiting; rows leave it once sent or read.
            models.Index(
                fields=["recipient"],
                name="notification_digest_due",
                condition=Q(for_digest=True, digested_at__isnull=True, read_at__isnull=True),
            ),
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
        DAILY = "daily", "In a daily digest"
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
