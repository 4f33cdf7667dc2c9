"""The moderators' queue in the Wagtail admin: reported case studies and comments, oldest first,
each hidden with a reason or its reports dismissed through cases.services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cases.casestudies import permissions, services
from cases.casestudies.models import CaseStudy, Comment, Flag
from hub.base.admin_readonly import site_url

ITEMS_PER_PAGE = 20
CASE_STUDY, COMMENT = "case-study", "comment"
KINDS = {CASE_STUDY: CaseStudy, COMMENT: Comment}


class HideForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The author sees this, so say which rule it breaks and what they could change.",
        error_messages={"required": "Enter the reason the author will see."},
    )


@dataclass
class QueueItem:
    """One reported case study or comment with its open reports, as the queue shows it."""

    kind: str
    target: CaseStudy | Comment
    first_reported: datetime
    flags: list[Flag] = field(default_factory=list)
    form: HideForm | None = None

    @property
    def is_case_study(self) -> bool:
        return self.kind == CASE_STUDY

    @property
    def heading(self) -> str:
        if self.is_case_study:
            return f"Case study: {self.target.title}"
        return f"Comment by {self.target.author.public_name}"

    @property
    def excerpt(self) -> str:
        if self.is_case_study:
            return Truncator(self.target.summary).chars(300)
        return Truncator(self.target.body).chars(300)

    @property
    def site_url(self) -> str | None:
        return site_url(self.target)

    @property
    def state(self) -> str:
        """Why hiding is no longer possible or needed, or '' when it is."""
        if self.is_case_study:
            return "Already hidden" if self.target.status == CaseStudy.Status.HIDDEN else ""
        if self.target.deleted_at is not None:
            return "Deleted by its author"
        return "Already hidden" if self.target.hidden_at is not None else ""

    @property
    def can_hide(self) -> bool:
        return not self.state

    @property
    def hide_url(self) -> str:
        return reverse("cases_reports:hide", args=(self.kind, self.target.pk))

    @property
    def dismiss_url(self) -> str:
        return reverse("cases_reports:dismiss", args=(self.kind, self.target.pk))


def open_flag_count() -> int:
    return Flag.objects.filter(status=Flag.Status.OPEN).count()


def _require_moderator(request) -> None:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied


def _queue_page(request):
    """One page of reported items, oldest report first; a fixed number of queries per page."""
    groups = (
        Flag.objects.filter(status=Flag.Status.OPEN)
        .values("case_study_id", "comment_id")
        .annotate(first_reported=Min("created_at"), flag_count=Count("id"))
        .order_by("first_reported", "case_study_id", "comment_id")
    )
    page = Paginator(groups, ITEMS_PER_PAGE).get_page(request.GET.get("p"))
    rows = list(page.object_list)
    case_ids = [row["case_study_id"] for row in rows if row["case_study_id"]]
    comment_ids = [row["comment_id"] for row in rows if row["comment_id"]]
    case_studies = CaseStudy.objects.select_related("author", "organisation").in_bulk(case_ids)
    comments = Comment.objects.select_related("author", "case_study").in_bulk(comment_ids)
    items = {}
    for row in rows:
        if row["case_study_id"]:
            key, target = (CASE_STUDY, row["case_study_id"]), case_studies[row["case_study_id"]]
        else:
            key, target = (COMMENT, row["comment_id"]), comments[row["comment_id"]]
        items[key] = QueueItem(
            kind=key[0],
            target=target,
            first_reported=row["first_reported"],
            form=HideForm(auto_id=f"id_{key[0]}_{key[1]}_%s"),
        )
    if rows:
        flags = (
            Flag.objects.filter(status=Flag.Status.OPEN)
            .filter(Q(case_study_id__in=case_ids) | Q(comment_id__in=comment_ids))
            .select_related("reporter")
            .order_by("created_at", "id")
        )
        for flag in flags:
            if flag.case_study_id:
                items[(CASE_STUDY, flag.case_study_id)].flags.append(flag)
            else:
                items[(COMMENT, flag.comment_id)].flags.append(flag)
    page.object_list = list(items.values())
    return page


def _breadcrumbs(*extra):
    return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, *extra]


def report_queue(request):
    """Open reports grouped by the item they are about, the longest-waiting first."""
    _require_moderator(request)
    page = _queue_page(request)
    return TemplateResponse(
        request,
        "cases/admin/report_queue.html",
        {
            "page_title": "Reports to review",
            "header_title": "Reports to review",
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs({"url": "", "label": "Reports to review"}),
            "items": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "next_url": request.get_full_path(),
        },
    )


def _target(kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    queryset = model.objects.all()
    if model is Comment:
        queryset = queryset.select_related("author", "case_study")
    return get_object_or_404(queryset, pk=pk)


def _next_url(request) -> str:
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("cases_reports:index")


def _describe(kind: str, target) -> str:
    if kind == CASE_STUDY:
        return f"the case study “{target.title}”"
    return f"the comment by {target.author.public_name} on “{target.case_study.title}”"


@require_POST
def hide(request, kind: str, pk: int):
    """Hide a reported item with a reason its author sees; its open reports close as actioned."""
    _require_moderator(request)
    target = _target(kind, pk)
    form = HideForm(request.POST)
    if form.is_valid():
        if kind == COMMENT and target.is_removed:
            messages.warning(
                request, "That comment is already deleted or hidden; dismiss its reports instead."
            )
            return redirect(_next_url(request))
        try:
            if kind == CASE_STUDY:
                services.case_study_hide(
                    moderator=request.user, case_study=target, reason=form.cleaned_data["reason"]
                )
            else:
                services.comment_hide(
                    moderator=request.user, comment=target, reason=form.cleaned_data["reason"]
                )
        except ValidationError as error:
            form.add_error("reason", error.message_dict.get("reason", error.messages))
        else:
            messages.success(request, f"You hid {_describe(kind, target)}.")
            return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "cases/admin/hide.html",
        {
            "page_title": "Hide with a reason",
            "header_title": "Hide with a reason",
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs(
                {"url": reverse("cases_reports:index"), "label": "Reports to review"},
                {"url": "", "label": "Hide with a reason"},
            ),
            "form": form,
            "kind": kind,
            "target": target,
            "description": _describe(kind, target),
            "site_url": site_url(target),
            "action_url": reverse("cases_reports:hide", args=(kind, pk)),
            "next_url": _next_url(request),
        },
        status=400,
    )


@require_POST
def dismiss(request, kind: str, pk: int):
    """Close an item's open reports without hiding it."""
    _require_moderator(request)
    target = _target(kind, pk)
    if kind == CASE_STUDY:
        count = services.flags_dismiss(moderator=request.user, case_study=target)
    else:
        count = services.flags_dismiss(moderator=request.user, comment=target)
    if count:
        reports = "report" if count == 1 else f"{count} reports"
        messages.success(request, f"You dismissed the {reports} on {_describe(kind, target)}.")
    else:
        messages.warning(request, f"There were no open reports on {_describe(kind, target)}.")
    return redirect(_next_url(request))
