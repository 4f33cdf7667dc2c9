"""The open data's CSV download and its page (what it holds, its licence, how to fetch it).
The records and their filters are the API's (cases.performance.api), so all three agree."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from pydantic import ValidationError as SchemaError

from cases.performance import rates as performance
from cases.performance.api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    ORDER,
    RecordFilters,
    RecordQuery,
    published_records,
)
from cases.performance.api_docs import trail as _trail
from cases.performance.models import PerformanceRecord
from hub.base.exports import csv_response
from hub.base.models import Organisation

CSV_HEADER = [
    "id", "organisation", "organisation_slug", "organisation_kind", "role", "prime",
    "prime_slug", "programme", "programme_slug", "area", "area_code", "claimant_group",
    "claimant_group_slug", "period_start", "period_end", "referrals", "attachments",
    "job_starts", "job_outcomes", "sustainment_outcomes", "profile_job_outcomes",
    "attachment_rate", "job_start_rate", "job_outcome_rate", "performance_against_profile",
    "status", "updated_at",
]  # fmt: skip


def _csv_row(record: PerformanceRecord) -> list:
    rates = performance.rates_of(record)
    prime = record.prime
    return [
        record.pk,
        record.organisation.name,
        record.organisation.slug,
        record.organisation.kind,
        record.role,
        prime.name if prime else "",
        prime.slug if prime else "",
        record.programme.name,
        record.programme.slug,
        record.area.name,
        record.area.code,
        record.claimant_group.name,
        record.claimant_group.slug,
        f"{record.period_start:%Y-%m}",
        f"{record.period_end:%Y-%m}",
        record.referrals,
        record.attachments,
        record.job_starts,
        record.job_outcomes,
        record.sustainment_outcomes,
        record.profile_job_outcomes,
        *vars(rates).values(),
        record.status,
        record.updated_at.isoformat(),
    ]


def open_data_csv(request):
    """Every published record matching the API's filters, as one CSV file (streamed, with every
    text cell neutralised against spreadsheet formulas by hub.base.exports)."""
    try:
        filters = RecordFilters.model_validate(request.GET.dict())
    except SchemaError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        return HttpResponse(
            f"Check the filters: {problems}", status=400, content_type="text/plain; charset=utf-8"
        )
    rows = (
        _csv_row(record) for record in published_records(filters).order_by(*ORDER).iterator(2000)
    )
    return csv_response("performance-records.csv", CSV_HEADER, rows)


def open_data(request):
    """What the open data holds, its licence, and how to fetch it."""
    api_list = request.build_absolute_uri(reverse("open_data_api:record_list"))
    csv = request.build_absolute_uri(reverse("open_data_csv"))
    examples = [
        ("The newest published records, 100 at a time", api_list),
        (
            "Restart Scheme records for JSA 18-24 in the North East (CPA5), 500 a page",
            f"{api_list}?programme=restart-scheme&claimant_group=jsa-18-24&area=CPA5&limit=500",
        ),
        (
            "Records a moderator verified, for periods in 2025",
            f"{api_list}?status=verified&period_from=2025-01&period_to=2025-12",
        ),
        ("Records from specialist providers", f"{api_list}?organisation_kind=specialist"),
        ("Every published record as CSV", csv),
        (
            "Published monthly cohorts (cohort figures: of the people attached in a month, how "
            "many reached work within 3, 6, 12 and 24 months)",
            request.build_absolute_uri(reverse("open_data_api:cohort_list")),
        ),
        (
            "The 12-month cohort benchmark for the Work and Health Programme, JSA 25+ (mature "
            "cohorts only; quartiles only with enough peers)",
            request.build_absolute_uri(reverse("open_data_api:cohort_benchmark"))
            + "?programme=work-and-health-programme&claimant_group=jsa-25&months=12",
        ),
        ("JSA 18-24 records as CSV", f"{csv}?claimant_group=jsa-18-24"),
    ]
    return render(
        request,
        "cases/open_data/open_data.html",
        {
            "examples": examples,
            "api_list": api_list,
            "api_detail": api_list + "/{id}",
            "csv_url": csv,
            "docs_url": reverse("open_data_api:openapi-view"),
            "schema_url": reverse("open_data_api:openapi-json"),
            "filters": _filter_help(),
            "max_limit": MAX_LIMIT,
            "default_limit": DEFAULT_LIMIT,
            "statuses": PerformanceRecord.Status.choices,
            "kinds": Organisation.Kind.choices,
            "breadcrumbs": _trail(("Open data", "")),
        },
    )


def _filter_help() -> list[tuple[str, str]]:
    return [(name, field.description or "") for name, field in RecordQuery.model_fields.items()]
