"""A member's notifications, their choices about them, and the unsubscribe link in every email."""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hub.base import notifications
from hub.base.models import Notification
from hub.base.views.common import posted as _posted


def _trail(*, current: str = "") -> list:
    trail = [("Home", "/"), ("Notifications", reverse("notification_list") if current else "")]
    if current:
        trail.append((current, ""))
    return trail


class PreferencesForm(forms.Form):
    """A 'Show on the site' checkbox and an 'Email me' choice for each registered kind."""

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for kind, in_app, email in preferences:
            prefix = re.sub(r"[^a-z0-9]+", "-", kind.key)
            self.fields[f"{prefix}-in_app"] = forms.BooleanField(
                label="Show on the site", required=False, initial=in_app
            )
            self.fields[f"{prefix}-email"] = forms.ChoiceField(
                label="Email me",
                choices=notifications.Email.choices,
                initial=email,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
            )
            self.rows.append(
                {
                    "kind": kind,
                    "id": prefix,
                    "in_app": self[f"{prefix}-in_app"],
                    "email": self[f"{prefix}-email"],
                }
            )

    def values(self) -> dict[str, tuple[bool, str]]:
        """The choices as preferences_set takes them: {kind: (in_app, email)}."""
        return {
            row["kind"].key: (
                self.cleaned_data[row["in_app"].name],
                self.cleaned_data[row["email"].name],
            )
            for row in self.rows
        }


def _back(request) -> str:
    """Where to go after marking read: the list page the button was on, never another site."""
    target = request.POST.get("next", "")
    return target if notifications.is_local_path(target) else reverse("notification_list")


@login_required
def notification_list(request):
    queryset = (
        Notification.objects.on_site()
        .filter(recipient=request.user)
        .only("pk", "kind", "message", "created_at", "read_at")
    )
    page = Paginator(queryset, settings.HUB_PAGE_SIZE).get_page(request.GET.get("page"))
    days = notifications.group_by_day(page.object_list, today=timezone.localdate())
    return render(
        request,
        "hub/notifications/notification_list.html",
        {"page": page, "days": days, "query": "", "breadcrumbs": _trail()},
    )


@login_required
def notification_open(request, pk):
    """Follow a notification's link and count it as read; only its recipient can."""
    notification = get_object_or_404(Notification.objects.on_site(), pk=pk, recipient=request.user)
    notifications.mark_read(user=request.user, ids=[notification.pk])
    if notifications.is_local_path(notification.url):
        return HttpResponseRedirect(notification.url)
    return redirect("notification_list")


@login_required
@require_POST
def notification_mark_read(request, pk=None):
    """Mark one notification (by pk) or all of them read, without JavaScript."""
    if pk is None and request.POST.getlist("id"):
        ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()][:1000]
        count = notifications.mark_read(user=request.user, ids=ids)
        messages.success(
            request, f"{count} notification{'s' if count != 1 else ''} marked as read."
        )
    elif pk is None:
        notifications.mark_read(user=request.user)
        messages.success(request, "All your notifications are marked as read.")
    else:
        notification = get_object_or_404(
            Notification.objects.on_site(), pk=pk, recipient=request.user
        )
        notifications.mark_read(user=request.user, ids=[notification.pk])
        messages.success(request, "The notification is marked as read.")
    return HttpResponseRedirect(_back(request))


@login_required
def notification_preferences(request):
    form = PreferencesForm(
        _posted(request), preferences=notifications.preferences_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        notifications.preferences_set(user=request.user, values=form.values())
        messages.success(request, "Your notification settings have been saved.")
        return redirect("notification_preferences")
    return render(
        request,
        "hub/notifications/notification_preferences.html",
        {
            "form": form,
            "all_email_stopped": notifications.all_email_stopped(request.user),
            "breadcrumbs": _trail(current="Notification settings"),
        },
    )


# Mail clients make the RFC 8058 one-click POST with no CSRF token or session; the signed token
# is the authority, and all it can do is turn email off.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def notification_unsubscribe(request, token):
    """GET asks 'Stop these emails?'; POST (the button, or a mail client) stops them.

    The token names one kind, every kind, or the daily digest (``digest`` in the context).
    """
    try:
        if request.method == "POST":
            _, kind = notifications.unsubscribe_from_token(token)
            template = "hub/notifications/unsubscribe_done.html"
        else:
            _, kind = notifications.unsubscribe_target(token)
            template = "hub/notifications/unsubscribe.html"
    except notifications.BadUnsubscribeToken:
        return render(request, "hub/notifications/unsubscribe_invalid.html", status=404)
    digest = kind is notifications.DAILY_DIGEST
    return render(request, template, {"kind": None if digest else kind, "digest": digest})
