"""The site's side: one report form for every kind of content, rate limited for everyone, and
the moderators' hide and restore.

An app's view finds the item the way its own visibility rules say, then hands it here with the
template that frames the form on its pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render

from hub.base import ratelimit
from hub.base.forms import ReasonForm
from hub.base.moderation import is_moderator, kind_of, services
from hub.base.views.common import apply_errors, posted

HELP = (
    "For example, it names a participant, it is abusive, or it is advertising. "
    "A moderator reads every report; the author is not told who sent it."
)


def _render(request, template, context, *, form, kind, target):
    defaults = {"button": "Send report", "cancel_url": target.get_absolute_url()}
    return render(request, template, {**defaults, **context, "form": form, "kind": kind})


def report(request, target, *, template: str, context: dict):
    """Show the report form for `target` and take the report (signed-in members only)."""
    kind = kind_of(target)
    form = ReasonForm(
        posted(request), label=f"What is wrong with this {kind.label}?", help_text=HELP
    )
    if request.method == "POST" and form.is_valid():
        limit = settings.HUB_FLAGS_PER_HOUR
        if ratelimit.over_limit(request, group="moderation_report", rate=f"{limit}/h"):
            form.add_error(
                None,
                f"You have sent {limit} reports in the last hour, which is as many as anyone "
                "can. Try again in an hour; your text is still here.",
            )
        else:
            try:
                services.report_create(
                    reporter=request.user, target=target, reason=form.cleaned_data["reason"]
                )
            except services.AlreadyReported as exc:
                messages.info(request, exc.messages[0])
                return redirect(target.get_absolute_url())
            except ValidationError as exc:
                apply_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Thank you. A moderator will look at it.")
                return redirect(target.get_absolute_url())
    return _render(request, template, context, form=form, kind=kind, target=target)


def hide(request, target, *, template: str, context: dict):
    """A moderator hides `target` from the site with a reason (form on GET, hide on POST)."""
    kind = kind_of(target)
    if not is_moderator(request.user, kind):
        raise PermissionDenied("Only moderators can do that.")
    form = ReasonForm(
        posted(request),
        label=f"Why are you hiding this {kind.label}?",
        help_text="Its author is told this reason, and readers see it in its place.",
    )
    if request.method == "POST" and form.is_valid():
        services.hide(moderator=request.user, target=target, reason=form.cleaned_data["reason"])
        messages.success(request, f"The {kind.label} is hidden. Its author has been told why.")
        return redirect(target.get_absolute_url())
    context = {"heading": f"Hide this {kind.label}", "button": f"Hide {kind.label}", **context}
    return _render(request, template, context, form=form, kind=kind, target=target)


def restore(request, target):
    """A moderator shows `target` again (POST only; a reason, if sent, goes in the audit log)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    kind = kind_of(target)
    if not is_moderator(request.user, kind):
        raise PermissionDenied("Only moderators can do that.")
    services.restore(moderator=request.user, target=target, reason=request.POST.get("reason", ""))
    messages.success(request, f"The {kind.label} is shown again.")
    return redirect(target.get_absolute_url())
