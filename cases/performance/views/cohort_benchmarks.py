"""Cohort benchmarks: each organisation's N-month rates over the same year of mature cohort
months, beside its peers' (cases.performance.cohorts computes; this module fetches and arranges).

Reached from the benchmark page with ``?figures=cohort``; everyone compares only the cohorts
they may see, like period records.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from django.shortcuts import render
from django.utils import timezone

from cases import caching
from cases.performance import benchmarks, cohorts
from cases.performance.forms import CohortBenchmarkForm
from cases.performance.models import Programme
from cases.performance.selectors import cohort_peers, visible_cohorts
from cases.performance.views.benchmarks import benchmark_trail, min_peers
from hub.base.models import ClaimantGroup

COHORT_NOTE = (
    "Cohort figures follow the people attached in each month: of everyone attached in the "
    "months shown, how many had reached a job start, a job outcome or a sustainment outcome "
    "within the chosen number of months. Only cohorts old enough for that many months are "
    "counted, and everyone is compared over the same cohort months."
)


def _choices(visible) -> dict:
    """Programmes, groups and cohort months with a cohort the user may see (cached until a
    record or cohort changes)."""
    return {
        "programmes": list(Programme.objects.filter(pk__in=visible.values("programme"))),
        "groups": list(ClaimantGroup.objects.filter(pk__in=visible.values("claimant_group"))),
        "months": list(
            visible.order_by("-cohort_month").values_list("cohort_month", flat=True).distinct()
        ),
    }


def _default_pair(visible) -> dict:
    row = (
        visible.values("programme__slug", "claimant_group__slug")
        .order_by("-cohort_month", "programme__slug", "claimant_group__slug")
        .first()
    )
    return {"programme": row["programme__slug"], "group": row["claimant_group__slug"]}


def _parse_month(value: str) -> date | None:
    try:
        year, month = value.split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        return None


def rate_cells(rates: dict) -> list[dict]:
    """Each measure's rate with its numerator and denominator, for a table row."""
    return [
        {
            "measure": measure,
            "text": benchmarks.with_denominator(rate.rate, rate.numerator, rate.denominator),
            "rate": rate.rate,
        }
        for measure, rate in rates.items()
    ]


def cohort_comparison(user, *, programme, group, months: int, end: date, on: date) -> dict:
    """Everything the cohort benchmark shows for one programme, group, milestone and window."""
    window = cohorts.window_ending(end)
    series: dict[tuple, list] = {}
    names: dict[tuple, tuple] = {}
    for cohort in cohort_peers(user, programme=programme, claimant_group=group, months=window):
        key = (cohort.organisation_id, cohort.area_id)
        series.setdefault(key, []).append(cohort)
        names[key] = (cohort.organisation, cohort.area)
    combined = {key: cohorts.combine(found, SimpleNamespace) for key, found in series.items()}
    comparison = cohorts.compare(combined, months=months, on=on, window=window)
    rows = []
    for key, rates in comparison.rates.items():
        organisation, area = names[key]
        attached = rates["job_outcomes"].denominator
        rows.append(
            {"organisation": organisation, "area": area, "attached": attached,
             "cells": rate_cells(rates), "rates": rates}
        )  # fmt: skip
    rows.sort(key=lambda row: (row["organisation"].name, row["area"].name))
    summary_rows = []
    for measure, label in cohorts.MEASURES.items():
        values = [row["rates"][measure].rate for row in rows]
        summary = benchmarks.summarise(values)
        summary_rows.append(
            {
                "label": f"{label} within {months} months",
                "count": summary.count,
                "enough": benchmarks.enough(summary.count, min_peers()),
                "not_enough": benchmarks.not_enough_words(summary.count, min_peers()),
                "cells": [
                    benchmarks.percent(v)
                    for v in (
                        summary.minimum,
                        summary.q1,
                        summary.median,
                        summary.q3,
                        summary.maximum,
                    )
                ],  # fmt: skip
            }
        )
    missing = [
        {"organisation": names[key][0], "area": names[key][1],
         "months": ", ".join(cohorts.month_label(m) for m in lacking)}
        for key, lacking in sorted(
            comparison.missing.items(), key=lambda item: (names[item[0]][0].name, item[0])
        )
    ]  # fmt: skip
    return {
        "window": window,
        "window_label": cohorts.window_label(window),
        "rows": rows,
        "summary_rows": summary_rows,
        "missing": missing,
        "immature": comparison.immature,
        "mature_from": cohorts.mature_from(window[-1], months),
    }


def cohort_benchmark(request):
    """The benchmark page showing cohort figures; its body cached like the period figures'
    (cases.caching.rendered_body), per day since cohorts mature with the date."""
    found = caching.rendered_body(
        request, "cohort_benchmark_body", "cases/benchmarks/includes/cohorts_body.html",
        lambda: _cohort_context(request), parts=[timezone.localdate().isoformat()],
        keep=("peer_group",),
    )  # fmt: skip
    return render(
        request, "cases/benchmarks/cohorts.html", {**found, "breadcrumbs": benchmark_trail()}
    )


def _cohort_context(request) -> dict:
    visible = visible_cohorts(request.user)
    audience = "members" if request.user.is_authenticated else "public"
    choices = caching.cached("cohort_benchmark_choices", [audience], lambda: _choices(visible))
    context = {
        "breadcrumbs": benchmark_trail(),
        "note": COHORT_NOTE,
        "figures": "cohort",
        "min_peers": min_peers(),
    }
    if not choices["months"]:
        return context
    today = timezone.localdate()
    data = request.GET.copy()
    data["figures"] = "cohort"
    if not (data.get("programme") and data.get("group")):
        for name, value in _default_pair(visible).items():
            if not data.get(name):
                data[name] = value
    if not data.get("months"):
        data["months"] = "12"
    months = int(data["months"]) if data["months"] in {str(n) for n in cohorts.MILESTONES} else 12
    latest = cohorts.latest_mature_month(months, today)
    ends = [month for month in choices["months"] if month <= latest]
    form = CohortBenchmarkForm(
        data, programmes=choices["programmes"], groups=choices["groups"], ends=ends
    )
    context["form"] = form
    if form.is_valid():
        cleaned = form.cleaned_data
        programme = next(p for p in choices["programmes"] if p.slug == cleaned["programme"])
        group = next(g for g in choices["groups"] if g.slug == cleaned["group"])
        end = _parse_month(cleaned["end"]) if cleaned["end"] else (ends[0] if ends else latest)
        context.update(
            {
                "peer_group": f"{programme}, {group}",
                "months": cleaned["months"],
                "latest": latest,
                "none_mature": not ends,
                "youngest": choices["months"][0],
                **cohort_comparison(
                    request.user,
                    programme=programme,
                    group=group,
                    months=cleaned["months"],
                    end=end,
                    on=today,
                ),  # fmt: skip
            }
        )
    return context
