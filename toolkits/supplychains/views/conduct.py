"""Conduct feedback on primes: chain members answer; everyone sees aggregates over the minimum."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from hub.base import ratelimit
from hub.base.models import Organisation
from hub.base.services import is_organisation_admin
from hub.base.views.common import apply_errors, posted
from toolkits.supplychains import selectors
from toolkits.supplychains import services as supply
from toolkits.supplychains.forms import ConductForm, ReplyForm
from toolkits.supplychains.models import STATEMENTS
from toolkits.supplychains.views.opportunities import action_rate


def _prime(slug) -> Organisation:
    return get_object_or_404(Organisation, slug=slug, kind=Organisation.Kind.PRIME)


def _trail(prime, *extra):
    return [("Home", "/"), (prime.name, prime.get_absolute_url()), *extra]


def conduct_context(prime: Organisation, user) -> dict:
    """What the conduct panel shows on the prime's own conduct page."""
    year = timezone.localdate().year
    replies = selectors.conduct_replies(prime)
    results = selectors.conduct_results(prime)
    comments = selectors.published_comments(prime, results)
    return {
        "prime": prime,
        "rows": selectors.conduct_rows(results, replies, comments),
        "trend": [r for r in results if r.shown],
        "replies": replies,
        "minimum": settings.HUB_CONDUCT_MIN_ORGANISATIONS,
        "mediation_url": settings.HUB_CONDUCT_MEDIATION_URL,
        "year": year,
        "can_answer": bool(supply.feedback_organisations(user, prime)),
        "is_prime_admin": is_organisation_admin(user=user, organisation=prime),
        "statements": STATEMENTS,
    }


def conduct_page(request, slug):
    prime = _prime(slug)
    conduct = conduct_context(prime, request.user)
    return render(
        request,
        "toolkits/supplychains/conduct_page.html",
        {"conduct": conduct, "prime": prime, "breadcrumbs": _trail(prime)},
    )


@login_required
def conduct_answer(request, slug):
    prime = _prime(slug)
    organisations = supply.feedback_organisations(request.user, prime)
    if not organisations:
        raise PermissionDenied(
            "Only members of organisations in this prime's supply chain can give feedback on it."
        )
    year = timezone.localdate().year
    by_slug = {o.slug: o for o in organisations}
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = by_slug.get(chosen) or organisations[0]
    existing = selectors.conduct_answer(prime, organisation, year)
    comment = getattr(existing, "comment", None) if existing else None
    initial = {name: getattr(existing, name) for name, _ in STATEMENTS} if existing else {}
    initial["comment"] = comment.text if comment else ""
    initial["organisation"] = organisation.slug
    form = ConductForm(posted(request), organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        if ratelimit.over_limit(request, group="supply_chains", rate=action_rate()):
            form.add_error(None, "You have done that many times this hour. Try again later.")
        else:
            try:
                supply.conduct_feedback_set(
                    actor=request.user,
                    prime=prime,
                    organisation=organisation,
                    scores=form.scores(),
                    year=year,
                    comment=form.cleaned_data.get("comment", ""),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    "Thank you. Your answer counts towards this year's results once enough "
                    "organisations have answered. You can change it until the end of the year.",
                )
                return redirect("conduct_page", slug=prime.slug)
    return render(
        request,
        "toolkits/supplychains/conduct_form.html",
        {
            "form": form,
            "prime": prime,
            "organisation": organisation,
            "existing": existing,
            "comment": comment,
            "year": year,
            "minimum": settings.HUB_CONDUCT_MIN_ORGANISATIONS,
            "mediation_url": settings.HUB_CONDUCT_MEDIATION_URL,
            "breadcrumbs": _trail(prime, ("Conduct", reverse("conduct_page", args=[prime.slug]))),
        },
    )


@login_required
def conduct_reply(request, slug):
    prime = get_object_or_404(
        Organisation.objects.administered_by(request.user),
        slug=slug,
        kind=Organisation.Kind.PRIME,
    )
    year = timezone.localdate().year
    existing = selectors.conduct_replies(prime).get(year)
    form = ReplyForm(posted(request), initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        try:
            supply.conduct_reply_set(
                actor=request.user, prime=prime, year=year, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Your reply is published beside this year's results.")
            return redirect("conduct_page", slug=prime.slug)
    return render(
        request,
        "toolkits/supplychains/conduct_reply.html",
        {
            "form": form,
            "prime": prime,
            "year": year,
            "breadcrumbs": _trail(prime, ("Conduct", reverse("conduct_page", args=[prime.slug]))),
        },
    )
