"""Earlier versions of member text (forum posts, case-study comments): one table for every kind."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class TextRevision(models.Model):
    """The text an item had before an edit replaced it, and who replaced it (the author or a
    moderator). The current text stays on the item; these are the versions before it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    body = models.TextField()
    written_at = models.DateTimeField(help_text="When this version was written.")
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-replaced_at", "-id"], name="revision_of"
            )
        ]

    def __str__(self) -> str:
        return f"Earlier version of {self.content_type} {self.object_id}"
