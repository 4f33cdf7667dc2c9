"""What a member keeps for themselves in the forum: drafts and bookmarks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Draft(models.Model):
    """A member's unsent text, kept on the server so a closed tab loses nothing: one per
    thread (a reply) and one per category (a new thread), deleted when it is posted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_drafts"
    )
    thread = models.ForeignKey(
        "forum.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "forum.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=160, blank=True)
    body = models.TextField(max_length=20_000, blank=True)
    tags = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(thread__isnull=False) & Q(category__isnull=True))
                | (Q(thread__isnull=True) & Q(category__isnull=False)),
                name="draft_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="draft_thread"
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="draft_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}'s draft in {self.thread or self.category}"


class Bookmark(models.Model):
    """A thread or a post a member wants to find again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_bookmarks"
    )
    thread = models.ForeignKey(
        "forum.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(thread__isnull=False) & Q(post__isnull=True))
                | (Q(thread__isnull=True) & Q(post__isnull=False)),
                name="bookmark_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="bookmark_thread"
            ),
            models.UniqueConstraint(
                fields=["user", "post"], condition=Q(post__isnull=False), name="bookmark_post"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="bookmark_list")]

    def __str__(self) -> str:
        return f"{self.user} bookmarked {self.thread or self.post}"
