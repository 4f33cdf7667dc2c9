"""Benchmarks: how a record or an organisation compares with its peers, and the Star Rating.

Peers share a programme, claimant group and period. Everyone sees, and is compared against,
only the records they may see (`PerformanceRecord.objects.visible_to`): a visitor who is not
signed in, only openly published records. The statistics live in `cases.benchmarks` and
`cases.stars`, the rates in `cases.performance`; this module fetches and arranges.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from cases import caching
from cases.performance import benchmarks, charts
from cases.performance.forms import BenchmarkFilterForm, parse_period, period_value
from cases.performance.models import Programme
from cases.performance.selectors import peer_records, visible_records
from hub.base.models import Area, ClaimantGroup

JOB_STARTS_NOTE = (
    "Job starts are an early indicator. A job outcome is claimed only after someone has been "
    "in work for the programme's qualifying time, and official outcome statistics follow "
    "months later, so job starts show how a service is doing long before its outcomes can."
)


def _default_peer_group(visible, data) -> dict:
    """The programme, group and period to show when the visitor has not chosen all three: the
    latest period with records, the largest peer group in it, narrowed by what they chose."""
    records = visible
    if data.get("programme"):
        records = records.filter(programme__slug=data["programme"])
    if data.get("group"):
        records = records.filter(claimant_group__slug=data["group"])
    if period := parse_period(data.get("period", "")):
        records = records.filter(period_start=period[0], period_end=period[1])
    row = (
        records.values("programme__slug", "claimant_group__slug", "period_start", "period_end")
        .annotate(n=Count("id"))
        .order_by("-period_start", "-period_end", "-n", "programme__slug", "claimant_group__slug")
        .first()
    )
    if row is None:
        return {}
    return {
        "programme": row["programme__slug"],
        "group": row["claimant_group__slug"],
        "period": period_value(row["period_start"], row["period_end"]),
    }


# Arranging numbers for the templates.


def min_peers() -> int:
    """The fewest peers a benchmark shows quartiles for (HUB_BENCHMARK_MIN_PEERS, at least 4)."""
    return max(benchmarks.QUARTER_MINIMUM, settings.HUB_BENCHMARK_MIN_PEERS)


def _summary_rows(comparison: list[dict]) -> list[dict]:
    """One table row per metric, every number formatted the same way the chart labels it;
    below the minimum of peers, no quartiles, only why not."""
    rows = []
    for item in comparison:
        summary, standing = item["summary"], item["standing"]
        rows.append(
            {
                "metric": item["metric"],
                "label": item["label"],
                "count": summary.count,
                "enough": item.get("enough", True),
                "not_enough": benchmarks.not_enough_words(summary.count, min_peers()),
                "cells": [
                    benchmarks.percent(value)
                    for value in (
                        summary.minimum,
                        summary.q1,
                        summary.median,
                        summary.q3,
                        summary.maximum,
                    )
                ],  # fmt: skip
                "value": benchmarks.percent(standing.value),
                "rank": benchmarks.ordinal(standing.rank),
                "words": standing.words,
            }
        )
    return rows


def _chart_desc(label: str, unit: str, summary: benchmarks.Summary, highlight=None) -> str:
    if not summary.count:
        return f"No {unit} give a {label.lower()}."
    p = benchmarks.percent
    text = (
        f"{label} of {summary.count} {unit}: lowest {p(summary.minimum)}, lower quartile "
        f"{p(summary.q1)}, median {p(summary.median)}, upper quartile {p(summary.q3)}, "
        f"highest {p(summary.maximum)}."
    )
    if highlight is not None:
        text += f" {highlight[0]}: {p(highlight[1].value)}, {highlight[1].words.lower()}."
    return text


def _charts(comparison, peer_metrics, *, unit, highlight_label=None, id_prefix="chart"):
    """A box plot per metric with enough peers to have quartiles; none for the others."""
    made = []
    for item in comparison:
        if not item.get("enough", True):
            continue
        metric, label, summary = item["metric"], item["label"], item["summary"]
        standing = item["standing"] if highlight_label else None
        highlight = (highlight_label, standing) if standing and standing.value is not None else None
        made.append(
            {
                "label": label,
                "svg": charts.strip_chart(
                    chart_id=f"{id_prefix}-{metric.replace('_', '-')}",
                    title=f"{label}: the spread of {unit}",
                    desc=_chart_desc(label, unit, summary, highlight),
                    values=[m[metric] for m in peer_metrics],
                    summary=summary,
                    highlight=standing.value if highlight else None,
                    highlight_label=highlight_label or "",
                ),
            }
        )
    return made


def _peer_rows(records, subject_pk=None) -> list[dict]:
    rows = []
    for record in records:
        metrics = benchmarks.metrics_of(record)
        rows.append(
            {
                "record": record,
                "is_subject": record.pk == subject_pk,
                "rates": [
                    benchmarks.with_denominator(
                        metrics["job_outcome_rate"], record.job_outcomes, record.attachments
                    ),
                    benchmarks.with_denominator(
                        metrics["job_start_rate"], record.job_starts, record.attachments
                    ),
                    benchmarks.with_denominator(
                        metrics["performance_against_profile"],
                        record.job_outcomes,
                        record.profile_job_outcomes,
                        "expected",
                    ),
                ],  # fmt: skip
                "metrics": metrics,
            }
        )
    return rows


def benchmark_trail(current: str = "") -> list:
    """Breadcrumbs: home, performance records, benchmarks, then the current page."""
    crumbs = [("Home", "/"), ("Performance", reverse("record_list"))]
    if not current:
        return [*crumbs, ("Benchmarks", "")]
    return [*crumbs, ("Benchmarks", reverse("benchmark_index")), (current, "")]


# Views.


def _filter_choices(visible) -> dict:
    """Every programme, group, area and period with a record the user may see (each reads
    every record, so the answer is cached until a record changes)."""
    return {
        "programmes": list(Programme.objects.filter(pk__in=visible.values("programme"))),
        "groups": list(ClaimantGroup.objects.filter(pk__in=visible.values("claimant_group"))),
        "areas": list(Area.objects.filter(pk__in=visible.values("area"))),
        "periods": list(
            visible.order_by("-period_start", "-period_end")
            .values_list("period_start", "period_end")
            .distinct()
        ),
    }


def benchmark_index(request):
    """Period figures by default; cohort figures with ?figures=cohort (a plain GET form). The
    page's body is the same for everyone signed in (or everyone not) with the same choices, so
    it is rendered once and cached until a record changes (caching.rendered_body)."""
    if request.GET.get("figures") == "cohort":
        from cases.performance.views.cohort_benchmarks import cohort_benchmark

        return cohort_benchmark(request)
    found = caching.rendered_body(
        request, "benchmark_index_body", "cases/benchmarks/includes/index_body.html",
        lambda: _index_context(request), keep=("peer_group",),
    )  # fmt: skip
    return render(
        request, "cases/benchmarks/index.html", {**found, "breadcrumbs": benchmark_trail()}
    )


def _index_context(request) -> dict:
    visible = visible_records(request.user)
    # What a user may see depends only on whether they are signed in (visible_to).
    audience = "members" if request.user.is_authenticated else "public"
    choices = caching.cached("benchmark_choices", [audience], lambda: _filter_choices(visible))
    context = {
        "breadcrumbs": benchmark_trail(),
        "note": JOB_STARTS_NOTE,
        "figures": "period",
        "min_peers": min_peers(),
    }
    if not choices["periods"]:
        return context
    data = request.GET.copy()
    data["figures"] = "period"
    if not all(data.get(name) for name in ("programme", "group", "period")):
        chosen = {name: data.get(name, "") for name in ("programme", "group", "period")}
        default = caching.cached(
            "benchmark_default", [audience, chosen], lambda: _default_peer_group(visible, data)
        )
        for name, value in default.items():
            if not data.get(name):
                data[name] = value
    form = BenchmarkFilterForm(data, **choices)
    context["form"] = form
    if form.is_valid():
        cleaned = form.cleaned_data
        programme = next(p for p in choices["programmes"] if p.slug == cleaned["programme"])
        group = next(g for g in choices["groups"] if g.slug == cleaned["group"])
        start, end = parse_period(cleaned["period"])
        records = peer_records(
            request.user,
            programme=programme,
            claimant_group=group,
            period_start=start,
            period_end=end,
            areas=cleaned["area"],
            kinds=cleaned["kind"],
            chain=cleaned["chain"],
        )
        rows = _peer_rows(records)
        peer_metrics = [row["metrics"] for row in rows]
        comparison = benchmarks.compare({}, peer_metrics, minimum=min_peers())
        context.update(
            {
                "peer_group": f"{programme}, {group}, {benchmarks.period_label(start, end)}",
                "narrowed": bool(cleaned["area"] or cleaned["kind"] or cleaned["chain"]),
                "rows": rows,
                "summary_rows": _summary_rows(comparison),
                "charts": _charts(comparison, peer_metrics, unit="records") if rows else [],
            }
        )
    return context


def benchmark_record(request, pk: int):
    """A record among its peers; the body cached like the index's (a record the viewer may
    not see raises 404 before anything is cached)."""
    found = caching.rendered_body(
        request, "benchmark_record_body", "cases/benchmarks/includes/record_body.html",
        lambda: _record_context(request, pk), parts=[pk], keep=("title", "breadcrumbs"),
    )  # fmt: skip
    return render(request, "cases/benchmarks/record.html", found)


def _record_context(request, pk: int) -> dict:
    record = get_object_or_404(
        visible_records(request.user).select_related(
            "organisation", "programme", "claimant_group", "area", "prime"
        ),
        pk=pk,
    )
    rows = _peer_rows(
        peer_records(
            request.user,
            programme=record.programme_id,
            claimant_group=record.claimant_group_id,
            period_start=record.period_start,
            period_end=record.period_end,
        ),
        subject_pk=record.pk,
    )
    peer_metrics = [row["metrics"] for row in rows]
    comparison = benchmarks.compare(
        benchmarks.metrics_of(record), peer_metrics, minimum=min_peers()
    )
    period = benchmarks.period_label(record.period_start, record.period_end)
    return {
        "title": f"How {record.organisation.name} compares: {record.programme.name}, "
        f"{record.claimant_group.name}, {period}",
        "record": record,
        "period": period,
        "rows": rows,
        "peer_count": len(rows) - 1,
        "summary_rows": _summary_rows(comparison),
        "charts": _charts(comparison, peer_metrics, unit="records", highlight_label="This record"),
        "note": JOB_STARTS_NOTE,
        "breadcrumbs": benchmark_trail(f"{record.organisation}, {record.claimant_group}"),
    }
