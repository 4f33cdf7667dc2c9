"""Cohort records on the site: the list, a cohort's page with its history, and form entry
(period records' views, cases.performance.views.records, for the second kind of record)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from cases.performance import benchmarks, cohort_services, cohorts
from cases.performance.forms import CohortForm
from cases.performance.models import CohortRecord
from cases.performance.views.records import _entry_organisations, _trail
from hub.base import roles
from hub.base.pagination import keyset_page
from hub.base.views.common import apply_errors, posted

ORDER = ["-cohort_month", "-id"]
RELATED = ("organisation", "prime", "programme", "area", "claimant_group")


def milestone_cells(cohort, today) -> list[dict]:
    """For each milestone: whether the cohort is old enough, and each measure's figure with
    its share of the people attached ("32.0% (48 of 150 attached)")."""
    cells = []
    for months in cohorts.MILESTONES:
        mature = cohorts.is_mature(cohort.cohort_month, months, today)
        figures = []
        for measure, label in cohorts.MEASURES.items():
            value = getattr(cohort, cohorts.figure_name(measure, months))
            rate = cohorts.ratio(value, cohort.attached)
            figures.append(
                {"label": label, "text": benchmarks.with_denominator(rate, value, cohort.attached)}
            )
        cells.append(
            {"months": months, "mature": mature, "figures": figures,
             "mature_from": cohorts.mature_from(cohort.cohort_month, months)}
        )  # fmt: skip
    return cells


def cohort_list(request):
    """Every cohort the user may see, newest month first, a keyset page at a time."""
    page = keyset_page(
        CohortRecord.objects.visible_to(request.user).select_related(*RELATED),
        order=ORDER,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        size=settings.HUB_PAGE_SIZE * 2,
    )
    today = timezone.localdate()
    rows = []
    for cohort in page.items:
        outcome = cohort.job_outcomes_by_12
        rows.append(
            {
                "cohort": cohort,
                "mature_12": cohorts.is_mature(cohort.cohort_month, 12, today),
                "outcome_12": benchmarks.with_denominator(
                    cohorts.ratio(outcome, cohort.attached), outcome, cohort.attached
                ),
            }
        )
    return render(
        request,
        "cases/records/cohort_list.html",
        {
            "page": page,
            "rows": rows,
            "query": "",
            "can_enter": bool(roles.admin_organisation_ids(request.user)),
            "breadcrumbs": _trail(),
        },
    )


def cohort_detail(request, pk: int):
    try:
        cohort = CohortRecord.objects.visible_to(request.user).select_related(*RELATED).get(pk=pk)
    except CohortRecord.DoesNotExist as exc:
        raise Http404("No such cohort, or it is shared with signed-in members only.") from exc
    return render(
        request,
        "cases/records/cohort_detail.html",
        {
            "cohort": cohort,
            "cells": milestone_cells(cohort, timezone.localdate()),
            "events": cohort.events.select_related("actor", "actor_organisation", "upload"),
            "can_edit": cohort_services.can_enter(request.user, cohort.organisation),
            "breadcrumbs": _trail(("Cohorts", reverse("cohort_list"))),
        },
    )


@login_required
def cohort_create(request):
    """Enter a cohort, or give later figures for one already saved (the same cohort is
    updated, with its history kept)."""
    organisations = _entry_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied("Only organisation admins enter cohort records.")
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=chosen).first() or organisations.first()
    form = CohortForm(posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = cohort_services.cohort_record_create(
                actor=request.user, organisation=organisation, data=form.service_data()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "The cohort is saved.")
            return redirect("cohort_detail", pk=cohort.pk)
    return render(
        request,
        "cases/records/cohort_form.html",
        {
            "form": form,
            "organisation": organisation,
            "organisations": organisations,
            "breadcrumbs": _trail(("Cohorts", reverse("cohort_list"))),
        },
    )
