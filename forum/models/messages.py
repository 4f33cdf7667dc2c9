"""Private messages between members: a conversation of two to a few people."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from hub.base.moderation.models import Hideable, Report


class Conversation(models.Model):
    """Messages only its participants read (moderators see one only when it is reported)."""

    subject = models.CharField(max_length=160)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    message_count = models.PositiveIntegerField(default=0)
    last_message_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("forum_conversation", kwargs={"pk": self.pk})


class Participant(models.Model):
    """A member in a conversation: what they have read, and whether they left. The latest
    message's time is copied here so a member's list is one index range."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_conversations"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)
    last_read_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="participant_once_per_conversation"
            )
        ]
        indexes = [
            models.Index(
                fields=["user", "left_at", "-last_message_at", "-id"], name="participant_inbox"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.conversation}"

    @property
    def has_unread(self) -> bool:
        return self.last_read_at is None or self.last_message_at > self.last_read_at


class Message(Hideable):
    """One message in a conversation; reported and moderated like a post."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_messages"
    )
    body = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(auto_now_add=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    reports = GenericRelation(Report, related_query_name="forum_message")

    class Meta:
        verbose_name = "private message"
        indexes = [
            models.Index(fields=["conversation", "created_at", "id"], name="message_in_conv"),
            models.Index(fields=["author", "created_at"], name="message_by_author"),
        ]

    def __str__(self) -> str:
        return f"Message in {self.conversation}"

    def get_absolute_url(self) -> str:
        return reverse("forum_message", kwargs={"pk": self.pk})
