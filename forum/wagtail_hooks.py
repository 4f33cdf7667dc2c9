"""The moderators' side of the Wagtail admin for the forum: categories, audit-log wording,
read-only thread and post snippets (reported posts go to hub.base.moderation's review queue)."""

from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# The read-only snippet machinery is the one the case studies' admin uses: one behaviour for
# all member content (view, inspect and history only, and log entries link to inspect).
from forum.models import Category, Post, Thread
from hub.base import admin_readonly as readonly
from hub.base.moderation.admin_hooks import ReasonFormatter

# The audit log -----------------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_forum_log_actions(actions):
    # Hiding and restoring posts and dismissing reports are worded by hub.base.moderation.
    actions.register_action("forum.post_edit", "Edit forum post", "Post edited by a moderator")
    actions.register_action("forum.lock", "Lock thread", "Thread locked: no more replies")
    actions.register_action("forum.unlock", "Unlock thread", "Thread unlocked")
    actions.register_action("forum.pin", "Pin thread", "Thread pinned to the top of its category")
    actions.register_action("forum.unpin", "Unpin thread", "Thread unpinned")

    @actions.register_action("forum.move")
    class MoveFormatter(LogFormatter):
        label = "Move thread"

        def format_message(self, log_entry):
            to = (log_entry.data or {}).get("to")
            return f"Thread moved to the category: {to}" if to else "Thread moved"

    @actions.register_action("forum.thread_hide")
    class ThreadHideFormatter(ReasonFormatter):
        label = "Hide thread"
        prefix = "Thread hidden by a moderator"

    actions.register_action(
        "forum.thread_restore", "Restore thread", "Thread restored by a moderator"
    )


# Categories --------------------------------------------------------------------------------


class CategoryViewSet(SnippetViewSet):
    """Moderators set up the categories; the counters belong to forum.services."""

    model = Category
    icon = "folder-open-inverse"
    menu_label = "Forum categories"
    menu_name = "forum-categories"
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "read_access", "thread_count", "post_count", "sort_order"]
    panels = [
        FieldPanel("name"),
        FieldPanel(
            "slug",
            widget=SlugInput,
            help_text="The category's web address. Changing it breaks links to the category.",
        ),
        FieldPanel("description"),
        FieldPanel("read_access"),
        FieldPanel("sort_order", help_text="Lower numbers come first."),
    ]


@hooks.register("before_delete_snippet")
def refuse_to_delete_categories_with_threads(request, instances):
    """Threads PROTECT their category: say so instead of failing on delete (single or bulk)."""
    categories = [obj for obj in instances if isinstance(obj, Category)]
    if not categories:
        return None
    busy = (
        Category.objects.filter(pk__in=[c.pk for c in categories], threads__isnull=False)
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)
    )
    if not busy:
        return None
    messages.error(
        request,
        f"{', '.join(busy)} still {'has' if len(busy) == 1 else 'have'} threads, so cannot "
        "be deleted. Move the threads to another category first.",
    )
    return redirect(Category.snippet_viewset.get_url_name("list"))


# Threads and posts, read only --------------------------------------------------------------


register_permission_policy(Thread, readonly.ReadOnlyPermissionPolicy(Thread))
register_permission_policy(Post, readonly.ReadOnlyPermissionPolicy(Post))


class ThreadFilterSet(WagtailFilterSet):
    hidden = readonly.date_set_filter("Hidden by a moderator", "hidden_at", "Hidden", "Shown")

    class Meta:
        model = Thread
        fields = ["category", "locked", "pinned"]


class ThreadViewSet(readonly.ReadOnlySnippetViewSet):
    model = Thread
    icon = "list-ul"
    menu_label = "Forum threads"
    list_display = [
        "title",
        "category",
        "author",
        "reply_count",
        "last_post_at",
        "locked",
        "pinned",
        "hidden_at",
    ]
    search_fields = ["title"]
    filterset_class = ThreadFilterSet
    inspect_view_fields = [
        "title",
        "category",
        "author",
        "created_at",
        "is_question",
        "solution",
        "pinned",
        "locked",
        "hidden_at",
        "hidden_reason",
        "hidden_by",
        "case_study",
        "organisation",
        "page",
        "post_count",
        "reply_count",
        "last_post_at",
        "last_post_author",
    ]

    def get_queryset(self, request):
        return Thread.objects.select_related("category", "author")


class PostViewSet(readonly.ReadOnlySnippetViewSet):
    model = Post
    icon = "comment"
    menu_label = "Forum posts"
    list_display = ["__str__", "author", "created_at", "hidden_at", "deleted_at"]
    search_fields = ["body"]
    filterset_class = readonly.hidden_filterset(Post)
    inspect_view_fields = [
        *("thread", "number", "author", "body", "created_at", "edited_at", "deleted_at"),
        *readonly.HIDDEN_FIELDS,
        "helpful_count",
    ]

    def get_queryset(self, request):
        return Post.objects.select_related("thread", "author")


register_snippet(CategoryViewSet)
register_snippet(ThreadViewSet)
register_snippet(PostViewSet)
