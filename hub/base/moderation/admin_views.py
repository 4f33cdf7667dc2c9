"""The moderators' review queue in the Wagtail admin: every reported item, whatever its kind,
the longest-waiting first; each hidden with a reason, restored, or its reports dismissed."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from hub.base.admin_readonly import site_url
from hub.base.moderation import get, is_auto_hidden, is_moderator, selectors, services

TITLE = "Reports to review"


class HideForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The author sees this, so say which rule it breaks and what they could change.",
        error_messages={"required": "Enter the reason the author will see."},
    )


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the audit log: why the reports did not hold.",
    )


def _breadcrumbs(*extra):
    return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, *extra]


def _target(request, kind_key: str, pk: int):
    kind = get(kind_key)
    if kind is None:
        raise Http404
    if not is_moderator(request.user, kind):
        raise PermissionDenied
    target = selectors.target(kind_key, pk)
    if target is None:
        raise Http404
    return kind, target


def _next_url(request, fallback: str = "moderation:index") -> str:
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse(fallback)


def report_queue(request):
    """Open reports grouped by the item they are about, the longest-waiting first."""
    if not is_moderator(request.user):
        raise PermissionDenied
    page = selectors.queue_page(request.GET.get("p"), moderator=request.user)
    for item in page.object_list:
        prefix = f"id_{item.kind.key}_{item.target.pk}"
        item.form = HideForm(auto_id=f"{prefix}_%s")
        item.restore_form = RestoreForm(auto_id=f"{prefix}_restore_%s")
        item.site_url = site_url(item.target)
        item.hide_url = reverse("moderation:hide", args=(item.kind.key, item.target.pk))
        item.dismiss_url = reverse("moderation:dismiss", args=(item.kind.key, item.target.pk))
    return TemplateResponse(
        request,
        "hub/moderation/report_queue.html",
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


@require_POST
def hide(request, kind: str, pk: int):
    """Hide a reported item with a reason its author sees; its open reports close as actioned."""
    kind, target = _target(request, kind, pk)
    form = HideForm(request.POST)
    if form.is_valid():
        if kind.is_gone(target):
            messages.warning(
                request,
                f"That {kind.label} was deleted by its author; dismiss its reports instead.",
            )
            return redirect(_next_url(request))
        try:
            services.hide(moderator=request.user, target=target, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error.message_dict.get("reason", error.messages))
        else:
            messages.success(request, f"You hid {kind.describe(target)}.")
            return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "hub/moderation/hide.html",
        {
            "page_title": "Hide with a reason",
            "header_title": "Hide with a reason",
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs(
                {"url": reverse("moderation:index"), "label": TITLE},
                {"url": "", "label": "Hide with a reason"},
            ),
            "form": form,
            "excerpt": kind.excerpt(target),
            "description": kind.describe(target),
            "site_url": site_url(target),
            "action_url": reverse("moderation:hide", args=(kind.key, pk)),
            "next_url": _next_url(request),
        },
        status=400,
    )


@require_POST
def dismiss(request, kind: str, pk: int):
    """Close an item's open reports: an automatically hidden item is shown again (with the
    moderator's reason, if given); an item a moderator hid stays hidden."""
    kind, target = _target(request, kind, pk)
    described = kind.describe(target)
    if is_auto_hidden(target):
        form = RestoreForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.restore(moderator=request.user, target=target, reason=reason)
        messages.success(request, f"You restored {described} and dismissed its reports.")
        return redirect(_next_url(request))
    count = services.dismiss(moderator=request.user, target=target)
    if count:
        reports = "report" if count == 1 else f"{count} reports"
        messages.success(request, f"You dismissed the {reports} on {described}.")
    else:
        messages.warning(request, f"There were no open reports on {described}.")
    return redirect(_next_url(request))


HELD_TITLE = "Held for review"


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason it is not published",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept with the item and in the audit log.",
        error_messages={"required": "Enter the reason it is not published."},
    )


def _held_target(request, kind_key: str, pk: int):
    from hub.base.moderation import held

    kind = held.get(kind_key)
    if kind is None:
        raise Http404
    target = selectors.held_target(kind_key, pk)
    if target is None:
        raise Http404
    if not kind.is_moderator(request.user):
        raise PermissionDenied
    return kind, target


def held_queue(request):
    """Every held kind the moderator reviews, each with its longest-waiting items first."""
    from hub.base.moderation import held

    if not held.is_reviewer(request.user):
        raise PermissionDenied
    kind_key = request.GET.get("kind") or None
    sections = selectors.held_queue(
        request.user, kind_key=kind_key, page_number=request.GET.get("p")
    )
    for section in sections:
        for item in section.page.object_list:
            prefix = f"id_{section.kind.key}_{item.pk}"
            item.held_description = section.kind.describe(item)
            item.held_where = section.kind.where(item)
            item.held_excerpt = section.kind.excerpt(item)
            item.reject_form = RejectForm(auto_id=f"{prefix}_%s")
            item.publish_url = reverse("moderation:held_publish", args=(section.kind.key, item.pk))
            item.reject_url = reverse("moderation:held_reject", args=(section.kind.key, item.pk))
    return TemplateResponse(
        request,
        "hub/moderation/held_queue.html",
        {
            "page_title": HELD_TITLE,
            "header_title": HELD_TITLE,
            "header_icon": "clipboard-list",
            "breadcrumbs_items": _breadcrumbs({"url": "", "label": HELD_TITLE}),
            "sections": sections,
            "kind_key": kind_key,
            "queue_url": reverse("moderation:held"),
            "next_url": request.get_full_path(),
        },
    )


@require_POST
def held_publish(request, kind: str, pk: int):
    kind, target = _held_target(request, kind, pk)
    services.held_publish(reviewer=request.user, target=target)
    messages.success(request, f"You published {kind.describe(target)}.")
    return redirect(_next_url(request, fallback="moderation:held"))


@require_POST
def held_reject(request, kind: str, pk: int):
    kind, target = _held_target(request, kind, pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        services.held_reject(
            reviewer=request.user, target=target, reason=form.cleaned_data["reason"]
        )
        messages.success(request, f"You rejected {kind.describe(target)}.")
    else:
        messages.error(request, "Enter the reason it is not published, then reject it again.")
    return redirect(_next_url(request, fallback="moderation:held"))
