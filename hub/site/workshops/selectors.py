"""Reads for workshop notes: the index, published and upcoming workshops, and what a moderator
has to review or a member has proposed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage

MAX_UPCOMING = 50


def workshop_index() -> WorkshopIndexPage | None:
    return WorkshopIndexPage.objects.live().first()


def published_workshops():
    """Workshop notes anyone may read: live, and not behind a page view restriction."""
    return WorkshopPage.objects.live().public()


def upcoming_workshops(limit: int = 5) -> list[WorkshopPage]:
    """The next published workshops, soonest first (the home page lists a few)."""
    today = timezone.localdate()
    return list(
        published_workshops()
        .filter(date__gte=today)
        .select_related("area", "facilitator")
        .order_by("date", "start_time", "pk")[:limit]
    )


def can_review(user) -> bool:
    """Whether the user is a reviewer in the workshop review workflow's approval task."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    from wagtail.models import GroupApprovalTask

    return GroupApprovalTask.objects.filter(
        active=True, groups__in=user.groups.all(), workflow_tasks__workflow__active=True
    ).exists()


def page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def reviewable_task_states(user) -> list[TaskState]:
    """Workshop proposals waiting in a task this user may approve, oldest first."""
    if not can_review(user):
        return []
    states = list(
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__base_content_type=page_type(),
            workflow_state__content_type=ContentType.objects.get_for_model(WorkshopPage),
        )
        .select_related("workflow_state__requested_by", "task")
        .order_by("started_at", "pk")[:200]
    )
    pages = WorkshopPage.objects.in_bulk([int(s.workflow_state.object_id) for s in states])
    for state in states:
        state.page = pages.get(int(state.workflow_state.object_id))
    return [s for s in states if s.page is not None]


def review_task_state(user, page: WorkshopPage) -> TaskState | None:
    """The in-progress task on `page` that `user` may approve or reject, or None."""
    for state in reviewable_task_states(user):
        if state.page.pk == page.pk:
            return state
    return None


@dataclass
class Proposal:
    page: WorkshopPage
    status: str  # "in_review", "published", "rejected", "withdrawn", "draft"
    comment: str = ""
    decided_at: datetime.datetime | None = None

    @property
    def label(self) -> str:
        return {
            "in_review": "In review",
            "published": "Approved and published",
            "rejected": "Rejected",
            "withdrawn": "Withdrawn",
            "draft": "Draft",
        }[self.status]


def proposals_for(user) -> list[Proposal]:
    """The member's proposals with where each stands, in three queries whatever their number."""
    pages = list(
        WorkshopPage.objects.filter(proposed_by=user).select_related("area").order_by("-pk")[:100]
    )
    latest: dict[str, WorkflowState] = {}
    states = (
        WorkflowState.objects.filter(
            base_content_type=page_type(), object_id__in=[str(p.pk) for p in pages]
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    for state in states:
        latest[state.object_id] = state  # the last one wins
    result = []
    for page in pages:
        state = latest.get(str(page.pk))
        task = state.current_task_state if state else None
        if page.live:
            result.append(Proposal(page, "published", task.comment if task else ""))
        elif state is None:
            result.append(Proposal(page, "draft"))
        elif state.status == WorkflowState.STATUS_IN_PROGRESS:
            result.append(Proposal(page, "in_review"))
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            result.append(Proposal(page, "rejected", task.comment, task.finished_at))
        else:
            result.append(Proposal(page, "withdrawn"))
    return result


def filter_workshops(queryset, *, area=None, theme=None, group=None, year=None):
    """Workshops in an area, on a theme, for a claimant group and in a year (each optional)."""
    if area is not None:
        queryset = queryset.filter(area=area)
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    if group is not None:
        queryset = queryset.filter(claimant_groups=group)
    if year:
        queryset = queryset.filter(date__year=year)
    return queryset


def workshops_discussing(case_studies, *, limit: int = 5) -> list[WorkshopPage]:
    """The latest published workshop notes that link to any of `case_studies` (a subquery of
    ids). The links live in a StreamField, so they are read from Wagtail's reference index:
    two queries, whatever the number of case studies or workshops."""
    from django.db.models import CharField, IntegerField
    from django.db.models.functions import Cast
    from wagtail.models import ReferenceIndex

    case_study_type = ContentType.objects.get_by_natural_key("cases", "casestudy")
    keys = case_studies.annotate(key=Cast("pk", CharField(max_length=255))).values("key")
    pages = (
        ReferenceIndex.objects.filter(to_content_type=case_study_type, to_object_id__in=keys)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    return list(published_workshops().filter(pk__in=pages).order_by("-date", "-pk")[:limit])
