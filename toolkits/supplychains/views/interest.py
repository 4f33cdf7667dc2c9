"""Expressions of interest: an organisation sends one; the prime answers them in one list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hub.base import ratelimit, roles
from hub.base.models import Organisation
from hub.base.views.common import apply_errors, posted
from toolkits.supplychains import selectors
from toolkits.supplychains import services as supply
from toolkits.supplychains.forms import AnswerForm, EOIForm
from toolkits.supplychains.models import ExpressionOfInterest, Opportunity
from toolkits.supplychains.views.opportunities import _administered, action_rate, trail


def _sending_organisations(user, opportunity):
    ids = roles.admin_organisation_ids(user) - {opportunity.prime_id}
    return Organisation.objects.filter(pk__in=ids).order_by("name")


@login_required
def eoi_send(request, pk):
    opportunity = get_object_or_404(Opportunity.objects.select_related("prime"), pk=pk)
    organisations = _sending_organisations(request.user, opportunity)
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=chosen).first() if chosen else organisations.first()
    if organisation is None:
        raise PermissionDenied("Only an organisation's admins send expressions of interest.")
    form = EOIForm(posted(request), initial={"contact_email": request.user.email})
    if request.method == "POST" and form.is_valid():
        if ratelimit.over_limit(request, group="supply_chains", rate=action_rate()):
            form.add_error(None, "You have done that many times this hour. Try again later.")
        else:
            try:
                supply.eoi_send(
                    actor=request.user,
                    organisation=organisation,
                    opportunity=opportunity,
                    data=form.cleaned_data,
                    submission_key=form.cleaned_data.get("submission_key"),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, f"Your expression of interest is sent to {opportunity.prime}."
                )
                return redirect(opportunity)
    return render(
        request,
        "toolkits/supplychains/eoi_form.html",
        {
            "form": form,
            "opportunity": opportunity,
            "organisation": organisation,
            "organisations": organisations,
            "breadcrumbs": trail((opportunity.title, opportunity.get_absolute_url())),
        },
    )


@login_required
@require_POST
def eoi_withdraw(request, pk, eoi):
    eoi = get_object_or_404(
        ExpressionOfInterest.objects.select_related("opportunity"),
        pk=eoi,
        opportunity_id=pk,
        organisation__in=Organisation.objects.administered_by(request.user),
    )
    supply.eoi_withdraw(actor=request.user, eoi=eoi)
    messages.success(request, "Your expression of interest is withdrawn.")
    return redirect(eoi.opportunity)


@login_required
def eoi_list(request, pk):
    """Every expression of interest the opportunity received, for its prime's admins only."""
    opportunity = _administered(request, pk)
    return render(
        request,
        "toolkits/supplychains/eoi_list.html",
        {
            "opportunity": opportunity,
            "expressions": selectors.expressions_for(opportunity),
            "answer_form": AnswerForm(),
            "breadcrumbs": trail((opportunity.title, opportunity.get_absolute_url())),
        },
    )


@login_required
def eoi_answer(request, pk, eoi):
    opportunity = _administered(request, pk)
    eoi = get_object_or_404(
        ExpressionOfInterest.objects.select_related("organisation"),
        pk=eoi,
        opportunity=opportunity,
    )
    form = AnswerForm(posted(request), initial={"reply": eoi.reply})
    if request.method == "POST" and form.is_valid():
        try:
            supply.eoi_answer(
                actor=request.user,
                eoi=eoi,
                status=form.cleaned_data["status"],
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Your answer is sent to {eoi.organisation}.")
            return redirect("opportunity_expressions", pk=opportunity.pk)
    return render(
        request,
        "toolkits/supplychains/eoi_answer.html",
        {
            "form": form,
            "opportunity": opportunity,
            "eoi": eoi,
            "breadcrumbs": trail(
                (opportunity.title, opportunity.get_absolute_url()),
                ("Expressions of interest", f"{opportunity.get_absolute_url()}expressions/"),
            ),
        },
    )
