"""Workshop notes: the index and page (served by the pages' routes), calendar files, members'
proposals and the moderators' review, which goes through Wagtail's workflow."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from hub.base import content_cache, ratelimit, roles
from hub.base.idempotency import create_once
from hub.base.pagination import keyset_page
from hub.base.views.common import apply_errors, posted
from hub.site.workshops import calendar as ical
from hub.site.workshops import selectors, services
from hub.site.workshops.forms import (
    ReviewForm,
    WorkshopFilterForm,
    WorkshopProposalForm,
    workshop_years,
)
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage

PAST_PAGE_SIZE = 10


def trail(*extra) -> list:
    index = selectors.workshop_index()
    crumbs = [("Home", "/"), ("Workshops", index.url if index else "/workshops/")]
    crumbs.extend(extra)
    return crumbs


# Pages (called by WorkshopIndexPage and WorkshopPage routes) -------------------------------


def workshop_index(request, index: WorkshopIndexPage):
    base = selectors.published_workshops().child_of(index)
    form = WorkshopFilterForm(request.GET or None, years=workshop_years(base))
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filtered = selectors.filter_workshops(
        base,
        area=chosen.get("area"),
        theme=chosen.get("theme"),
        group=chosen.get("group"),
        year=chosen.get("year"),
    )
    today = timezone.localdate()
    upcoming = list(
        filtered.filter(date__gte=today)
        .select_related("area", "facilitator")
        .prefetch_related("themes")
        .order_by("date", "start_time", "pk")[: selectors.MAX_UPCOMING]
    )
    past = keyset_page(
        filtered.filter(date__lt=today)
        .select_related("area", "facilitator")
        .prefetch_related("themes"),
        order=["-date", "-id"],
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        size=PAST_PAGE_SIZE,
    )
    query = request.GET.copy()
    for key in ("after", "before"):
        query.pop(key, None)
    return index.render(
        request,
        context_overrides={
            "filter_form": form,
            "filtered": bool(chosen and any(chosen.values())),
            "upcoming": upcoming,
            "past": past,
            "query": query.urlencode(),
            "can_propose": roles.is_member(request.user),
            "can_review": selectors.can_review(request.user),
        },
    )


def workshop_detail(request, page: WorkshopPage):
    # Below the layout a workshop note is the same for every visitor and for every member (the
    # forum's threads differ only between the two): rendered once and cached until any page is
    # published or unpublished, or a case study or the forum changes (the content version).
    # Never in a preview, which shows a draft.
    key = None
    if not getattr(request, "is_preview", False):
        key = content_cache.key(
            "workshop_page",
            [page.pk, page.last_published_at, request.user.is_authenticated,
             timezone.localdate()],
        )  # fmt: skip
    parts = cache.get(key) if key else None
    if parts is None:
        parts = _workshop_parts(request, page)
        if key:
            cache.set(key, parts, content_cache.TIMEOUT)
    return page.render(
        request,
        context_overrides={
            "body": mark_safe(parts["body"]),  # noqa: S308 - our own templates' output
            "crumbs": mark_safe(parts["crumbs"]),  # noqa: S308 - our own templates' output
        },
    )


def _workshop_parts(request, page: WorkshopPage) -> dict:
    from cases.casestudies import selectors as cases

    ids = [block["value"] for block in page.case_studies.raw_data if block.get("value")]
    context = {
        "page": page,
        "self": page,
        "attendees": list(page.attendees.order_by("name")),
        "claimant_groups": list(page.claimant_groups.all()),
        "themes": list(page.themes.all()),
        "linked_case_studies": cases.published_in(ids) if ids else [],
        "is_upcoming": page.date >= timezone.localdate(),
    }
    return {
        "body": str(render_to_string("hub/workshops/page_body.html", context, request)),
        "crumbs": str(render_to_string("includes/page_breadcrumbs.html", context, request)),
    }


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def upcoming_calendar(request, index: WorkshopIndexPage):
    workshops = ical.upcoming_for_calendar(index)
    content = ical.calendar(
        workshops, base_url=request.build_absolute_uri("/"), name="Upcoming What Works workshops"
    )
    return _ics(content, "upcoming-workshops.ics")


def workshop_calendar(request, page: WorkshopPage):
    content = ical.calendar([page], base_url=request.build_absolute_uri("/"), name=page.title)
    return _ics(content, f"{page.slug}.ics")


# Proposals ----------------------------------------------------------------------------------


@login_required
def workshop_propose(request):
    if not roles.is_member(request.user):
        return render(
            request, "hub/workshops/need_membership.html", {"breadcrumbs": trail()}, status=403
        )
    form = WorkshopProposalForm(posted(request))
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data.get("submission_key")
        if (
            ratelimit.over_limit(request, group="workshop_propose", rate=services.proposal_rate())
            and not WorkshopPage.objects.filter(submission_key=key).exists()
        ):
            form.add_error(None, "You have proposed a lot of workshop notes today. Try tomorrow.")
        else:
            try:
                page, created = create_once(
                    WorkshopPage,
                    key=key,
                    owner={"proposed_by": request.user},
                    create=lambda: services.workshop_propose(
                        actor=request.user, data=form.cleaned_data, submission_key=key
                    ),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if created:
                    messages.success(
                        request,
                        f"Your workshop notes “{page.title}” are sent to the moderators. "
                        "You will be told when they decide.",
                    )
                return redirect("workshop_proposals")
    return render(
        request,
        "hub/workshops/propose.html",
        {"form": form, "breadcrumbs": trail(("Propose workshop notes", ""))},
    )


@login_required
def workshop_proposals(request):
    return render(
        request,
        "hub/workshops/proposals.html",
        {
            "proposals": selectors.proposals_for(request.user),
            "can_propose": roles.is_member(request.user),
            "breadcrumbs": trail(("Your proposals", "")),
        },
    )


def _initial_from(page: WorkshopPage) -> dict:
    """The form's fields from a proposal's latest revision (its notes as plain text)."""
    from django.utils.html import strip_tags

    draft = page.get_latest_revision_as_object()
    sections = {"shared": [], "examples": [], "actions": [], "follow_ups": []}
    for block in draft.notes:
        if block.block_type == "what_was_shared":
            sections["shared"].append(strip_tags(block.value.source))
        elif block.block_type == "practice_example":
            text = strip_tags(block.value["text"].source)
            sections["examples"].append(f"# {block.value['title']}\n{text}")
        elif block.block_type == "action":
            sections["actions"].append(block.value["action"])
        elif block.block_type == "follow_up":
            sections["follow_ups"].append(strip_tags(block.value.source))
    return {
        "title": draft.title,
        "date": draft.date,
        "start_time": draft.start_time,
        "end_time": draft.end_time,
        "venue": draft.venue,
        "area": draft.area_id,
        "facilitator": draft.facilitator_id,
        "attendees": [o.pk for o in draft.attendees.all()],
        "claimant_groups": [g.pk for g in draft.claimant_groups.all()],
        "themes": [t.pk for t in draft.themes.all()],
        "summary": draft.summary,
        "case_studies": [b.value.pk for b in draft.case_studies if b.value is not None],
        **{k: "\n\n".join(v) for k, v in sections.items()},
    }


@login_required
def workshop_resubmit(request, page_id: int):
    page = get_object_or_404(WorkshopPage, pk=page_id, proposed_by=request.user, live=False)
    state = services.proposal_state(request.user, page)
    if state is None:
        raise Http404("No rejected proposal of yours has this number.")
    form = WorkshopProposalForm(posted(request), initial=_initial_from(page))
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_resubmit(actor=request.user, page=page, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your changed notes are sent to the moderators again.")
            return redirect("workshop_proposals")
    return render(
        request,
        "hub/workshops/propose.html",
        {
            "form": form,
            "resubmit": page,
            "comment": state.current_task_state.comment if state.current_task_state else "",
            "breadcrumbs": trail(("Your proposals", "/workshops/proposals/"), ("Change", "")),
        },
    )


# Review -------------------------------------------------------------------------------------


def _reviewer(request):
    if not request.user.is_authenticated:
        return None
    if not selectors.can_review(request.user):
        raise PermissionDenied("Only moderators review workshop notes.")
    return request.user


@login_required
def review_list(request):
    _reviewer(request)
    return render(
        request,
        "hub/workshops/review_list.html",
        {
            "task_states": selectors.reviewable_task_states(request.user),
            "breadcrumbs": trail(("Review proposals", "")),
        },
    )


@login_required
def review_detail(request, page_id: int):
    _reviewer(request)
    page = get_object_or_404(WorkshopPage, pk=page_id)
    task_state = selectors.review_task_state(request.user, page)
    if task_state is None:
        raise Http404("This proposal is not waiting for review.")
    form = ReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.workshop_review(
                actor=request.user, page=page, approve=approve,
                comment=form.cleaned_data["comment"],
            )  # fmt: skip
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"“{page.title}” is approved and published."
                if approve
                else f"“{page.title}” is sent back to the member with your comment.",
            )
            return redirect("workshop_review_list")
    draft = page.get_latest_revision_as_object()
    return render(
        request,
        "hub/workshops/review_detail.html",
        {
            "form": form,
            "draft": draft,
            "task_state": task_state,
            "proposer": task_state.workflow_state.requested_by,
            "attendees": list(draft.attendees.all()),
            "claimant_groups": list(draft.claimant_groups.all()),
            "themes": list(draft.themes.all()),
            "breadcrumbs": trail(("Review proposals", "/workshops/review/"), (draft.title, "")),
        },
    )
