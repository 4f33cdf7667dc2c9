"""The moderators' queue of reported forum posts in the Wagtail admin: open reports grouped by
post, oldest first, each post hidden with a reason, restored, or its reports dismissed through
forum.services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Min
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from forum import permissions, services
from forum.models import Post, PostFlag
from hub.base.admin_readonly import site_url

ITEMS_PER_PAGE = 20
TITLE = "Forum reports"


class HideForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Readers see this in the post's place and its author is told it, so say "
        "which rule it breaks.",
        error_messages={"required": "Enter the reason readers will see."},
    )


def is_auto_hidden(post: Post) -> bool:
    """Hidden by enough members' reports rather than by a moderator (see flag_create)."""
    return post.hidden_at is not None and post.hidden_by_id is None


@dataclass
class QueueItem:
    """One reported post with its open reports, as the queue shows it."""

    post: Post
    first_reported: datetime
    flags: list[PostFlag] = field(default_factory=list)
    form: HideForm | None = None

    @property
    def heading(self) -> str:
        return f"Post {self.post.number} in “{self.post.thread.title}”"

    @property
    def excerpt(self) -> str:
        return Truncator(self.post.body).chars(300)

    @property
    def site_url(self) -> str | None:
        return site_url(self.post)

    @property
    def auto_hidden(self) -> bool:
        return is_auto_hidden(self.post)

    @property
    def state(self) -> str:
        """Where the post stands now, or '' while it is shown."""
        if self.post.deleted_at is not None:
            return "Deleted by its author"
        if self.auto_hidden:
            return "Hidden automatically until reviewed"
        if self.post.hidden_at is not None:
            return "Hidden by a moderator"
        return ""

    @property
    def can_hide(self) -> bool:
        """A shown post can be hidden, and an automatic hide confirmed with a reason."""
        return self.post.deleted_at is None and (self.post.hidden_at is None or self.auto_hidden)

    @property
    def dismiss_label(self) -> str:
        return "Restore the post and dismiss reports" if self.auto_hidden else "Dismiss reports"

    @property
    def hide_url(self) -> str:
        return reverse("forum_reports:hide", args=(self.post.pk,))

    @property
    def dismiss_url(self) -> str:
        return reverse("forum_reports:dismiss", args=(self.post.pk,))


def open_flag_count() -> int:
    return PostFlag.objects.filter(status=PostFlag.Status.OPEN).count()


def _require_moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied


def _posts():
    return Post.objects.select_related("thread__category", "author")


def _queue_page(request):
    """One page of reported posts, oldest report first; a fixed number of queries per page."""
    groups = (
        PostFlag.objects.filter(status=PostFlag.Status.OPEN)
        .values("post_id")
        .annotate(first_reported=Min("created_at"), flag_count=Count("id"))
        .order_by("first_reported", "post_id")
    )
    page = Paginator(groups, ITEMS_PER_PAGE).get_page(request.GET.get("p"))
    rows = list(page.object_list)
    post_ids = [row["post_id"] for row in rows]
    posts = _posts().in_bulk(post_ids)
    items = {
        row["post_id"]: QueueItem(
            post=posts[row["post_id"]],
            first_reported=row["first_reported"],
            form=HideForm(auto_id=f"id_post_{row['post_id']}_%s"),
        )
        for row in rows
    }
    if items:
        flags = (
            PostFlag.objects.filter(status=PostFlag.Status.OPEN, post_id__in=post_ids)
            .select_related("reporter")
            .order_by("created_at", "id")
        )
        for flag in flags:
            items[flag.post_id].flags.append(flag)
    page.object_list = list(items.values())
    return page


def _breadcrumbs(*extra):
    return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, *extra]


def report_queue(request):
    """Open reports grouped by the post they are about, the longest-waiting first."""
    _require_moderator(request)
    page = _queue_page(request)
    return TemplateResponse(
        request,
        "forum/admin/report_queue.html",
        {
            "page_title": TITLE,
            "header_title": TITLE,
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs({"url": "", "label": TITLE}),
            "items": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "next_url": request.get_full_path(),
        },
    )


def _next_url(request) -> str:
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("forum_reports:index")


def _describe(post: Post) -> str:
    return f"post {post.number} by {post.author.public_name} in “{post.thread.title}”"


@require_POST
def hide(request, pk: int):
    """Hide a reported post with a reason readers see; its open reports close as actioned."""
    _require_moderator(request)
    post = get_object_or_404(_posts(), pk=pk)
    form = HideForm(request.POST)
    if form.is_valid():
        if post.deleted_at is not None:
            messages.warning(
                request, "That post was deleted by its author; dismiss its reports instead."
            )
            return redirect(_next_url(request))
        try:
            services.post_hide(
                moderator=request.user, post=post, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error.message_dict.get("reason", error.messages))
        else:
            messages.success(request, f"You hid {_describe(post)}.")
            return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "forum/admin/hide.html",
        {
            "page_title": "Hide with a reason",
            "header_title": "Hide with a reason",
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs(
                {"url": reverse("forum_reports:index"), "label": TITLE},
                {"url": "", "label": "Hide with a reason"},
            ),
            "form": form,
            "post": post,
            "description": _describe(post),
            "site_url": site_url(post),
            "action_url": reverse("forum_reports:hide", args=(pk,)),
            "next_url": _next_url(request),
        },
        status=400,
    )


@require_POST
def dismiss(request, pk: int):
    """Close a post's open reports: an automatically hidden post is shown again; a post a
    moderator hid stays hidden."""
    _require_moderator(request)
    post = get_object_or_404(_posts(), pk=pk)
    if is_auto_hidden(post):
        services.post_restore(moderator=request.user, post=post)
        messages.success(request, f"You restored {_describe(post)} and dismissed its reports.")
        return redirect(_next_url(request))
    count = services.flags_dismiss(moderator=request.user, post=post)
    if count:
        reports = "report" if count == 1 else f"{count} reports"
        messages.success(request, f"You dismissed the {reports} on {_describe(post)}.")
    else:
        messages.warning(request, f"There were no open reports on {_describe(post)}.")
    return redirect(_next_url(request))
