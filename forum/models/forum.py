"""The forum: categories, threads and posts, with the counters lists need stored on them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from hub.base.moderation.models import Hideable, Report


class Category(models.Model):
    """A place for one kind of conversation, set up by moderators."""

    class Access(models.TextChoices):
        EVERYONE = "everyone", "Everyone, signed in or not"
        MEMBERS = "members", "Signed-in members only"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(max_length=500)
    sort_order = models.PositiveIntegerField(default=0)
    read_access = models.CharField(
        "who may read", max_length=10, choices=Access.choices, default=Access.EVERYONE
    )
    # Stored counters, changed by the services in the same transaction as the posts they count.
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"
        permissions = [("moderate_forum", "Can lock, pin, move and hide threads and posts")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forum_category", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.read_access == self.Access.EVERYONE


class TaggedThread(TaggedItemBase):
    content_object = models.ForeignKey(
        "forum.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ThreadQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden_at__isnull=True)


class Thread(index.Indexed, models.Model):
    """A conversation: a title, an opening post and the replies, in one category."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(max_length=160)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_threads"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_question = models.BooleanField(
        "this is a question", default=False, help_text="A reply can be marked as the solution."
    )
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    solution = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True, max_length=1000)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = TaggableManager(through=TaggedThread, blank=True)
    # What the thread discusses, shown on both sides.
    case_study = models.ForeignKey(
        "cases.CaseStudy", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="forum_threads",
    )  # fmt: skip
    organisation = models.ForeignKey(
        "hub.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="forum_threads",
    )  # fmt: skip
    performance_record = models.ForeignKey(
        "cases.PerformanceRecord", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="forum_threads",
    )  # fmt: skip
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="forum_threads", help_text="A workshop note or other page it follows up.",
    )  # fmt: skip
    # Stored counters: every post ever made gets the next number; replies counts the shown ones.
    post_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(db_index=False)
    last_post_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ThreadQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.FilterField("category_id"),
        index.FilterField("hidden_at"),
    ]

    class Meta:
        ordering = ["-last_post_at", "-id"]
        indexes = [
            models.Index(
                fields=["category", "-pinned", "-last_post_at", "-id"], name="thread_in_cat"
            ),
            models.Index(fields=["-last_post_at", "-id"], name="thread_latest"),
            models.Index(fields=["author", "created_at"], name="thread_by_author"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum_thread", kwargs={"pk": self.pk})


class Post(index.Indexed, Hideable):
    """One message in a thread. Its number is its place in the thread, so any page is a range."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts"
    )
    body = models.TextField(max_length=20_000)
    mentions = models.JSONField(default=list, blank=True, help_text="Usernames it mentions.")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    reports = GenericRelation(Report, related_query_name="post")

    search_fields = [
        index.SearchField("body"),
        index.FilterField("thread_id"),
        index.FilterField("hidden_at"),
        index.FilterField("deleted_at"),
    ]

    class Meta:
        ordering = ["thread", "number"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="post_number_in_thread")
        ]
        indexes = [models.Index(fields=["author", "created_at"], name="post_by_author")]

    def __str__(self) -> str:
        return f"Post {self.number} in {self.thread}"

    def get_absolute_url(self) -> str:
        page = (self.number - 1) // settings.FORUM_POSTS_PER_PAGE + 1
        suffix = f"?page={page}" if page > 1 else ""
        return (
            f"{reverse('forum_thread', kwargs={'pk': self.thread_id})}{suffix}#post-{self.number}"
        )

    @property
    def is_removed(self) -> bool:
        return self.deleted_at is not None or self.hidden_at is not None


class Reaction(models.Model):
    """A member found a post helpful (one each)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="reaction_one_per_member")
        ]
        indexes = [models.Index(fields=["user", "post"], name="reaction_by_user")]

    def __str__(self) -> str:
        return f"{self.user} found {self.post} helpful"


class Watch(models.Model):
    """A member follows a thread or a whole category."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(thread__isnull=False) & Q(category__isnull=True))
                | (Q(thread__isnull=True) & Q(category__isnull=False)),
                name="watch_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="watch_thread"
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=Q(category__isnull=False),
                name="watch_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.thread or self.category}"


class ThreadRead(models.Model):
    """How far a member has read a thread: posts after `last_read_number` are new to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="thread_read_once")]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread} to post {self.last_read_number}"
