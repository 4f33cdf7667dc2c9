"""Open data for cohort records: published cohorts, and the cohort benchmark with the same
maturity, like-for-like and minimum-of-peers rules as the benchmark page.

Registered on the open data API (cases.performance.api) when the open data URLs load.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Schema

from cases.performance import benchmarks, cohorts
from cases.performance.api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MONTH,
    AreaOut,
    NamedOut,
    OrganisationOut,
    Problem,
    _page_url,
    api,
    cached_json,
)
from cases.performance.models import CohortRecord, Programme
from cases.performance.views.benchmarks import min_peers
from cases.performance.views.cohort_benchmarks import cohort_comparison
from hub.base.models import ClaimantGroup
from hub.base.pagination import keyset_page

ORDER = ["-cohort_month", "-id"]


class CohortQuery(Schema):
    programme: str | None = Field(None, description="Programme slug.")
    claimant_group: str | None = Field(None, description="Claimant group slug.")
    organisation: str | None = Field(None, description="Organisation slug.")
    month_from: str | None = Field(None, pattern=MONTH, description="YYYY-MM: cohorts from.")
    month_to: str | None = Field(None, pattern=MONTH, description="YYYY-MM: cohorts up to.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Cohorts per page.")
    after: str | None = Field(None, description="A cursor from a next link.")
    before: str | None = Field(None, description="A cursor from a previous link.")


class CohortOut(Schema):
    id: int
    organisation: OrganisationOut
    role: str
    prime: NamedOut | None
    programme: NamedOut
    area: AreaOut
    claimant_group: NamedOut
    cohort_month: str = Field(description="YYYY-MM: the month the people were attached.")
    attached: int = Field(description="People attached in the month.")
    figures: dict[str, int | None] = Field(
        description="Cumulative figures by milestone, such as job_outcomes_by_12: of the people "
        "attached, how many had reached it within that many months; null until known."
    )
    mature_for: list[int] = Field(
        description="The milestones (months) this cohort is old enough to be compared on today."
    )
    status: str
    updated_at: str


class CohortPage(Schema):
    limit: int
    next: str | None
    previous: str | None
    results: list[CohortOut]


class RateOut(Schema):
    rate: float | None = Field(description="numerator ÷ denominator, a fraction.")
    numerator: int | None
    denominator: int | None = Field(description="People attached in the cohorts counted.")


class SeriesOut(Schema):
    organisation: str
    area: str
    rates: dict[str, RateOut]


class SpreadOut(Schema):
    measure: str
    count: int
    enough: bool = Field(description="Whether there are enough peers to show quartiles.")
    quartiles: list[float] | None = Field(
        description="[lowest, lower quartile, median, upper quartile, highest], or null with "
        "fewer peers than the minimum."
    )


class CohortBenchmarkOut(Schema):
    kind: str = Field(description="Always cohort: cohort figures, not period figures.")
    programme: str
    claimant_group: str
    months: int
    window: list[str] = Field(description="The cohort months compared (YYYY-MM), all mature.")
    minimum_peers: int
    series: list[SeriesOut]
    spread: list[SpreadOut]
    not_compared: list[dict] = Field(description="Series lacking a month of the window.")
    not_yet_mature: list[str]


def _cohort_out(cohort: CohortRecord, today: date) -> dict:
    organisation, prime = cohort.organisation, cohort.prime
    return {
        "id": cohort.pk,
        "organisation": {"name": organisation.name, "slug": organisation.slug,
                         "kind": organisation.kind,
                         "kind_label": organisation.get_kind_display()},
        "role": cohort.role,
        "prime": {"name": prime.name, "slug": prime.slug} if prime else None,
        "programme": {"name": cohort.programme.name, "slug": cohort.programme.slug},
        "area": {"name": cohort.area.name, "slug": cohort.area.slug, "code": cohort.area.code},
        "claimant_group": {"name": cohort.claimant_group.name,
                           "slug": cohort.claimant_group.slug},
        "cohort_month": f"{cohort.cohort_month:%Y-%m}",
        "attached": cohort.attached,
        "figures": {name: getattr(cohort, name) for name in cohorts.FIGURE_NAMES},
        "mature_for": [n for n in cohorts.MILESTONES
                       if cohorts.is_mature(cohort.cohort_month, n, today)],
        "status": cohort.status,
        "updated_at": cohort.updated_at.isoformat(),
    }  # fmt: skip


def _month(value: str) -> date:
    year, month = value.split("-")
    return date(int(year), int(month), 1)


@api.get("/cohorts", response={200: CohortPage, 422: Problem}, url_name="cohort_list",
         summary="List published cohorts",
         description="Published monthly cohort records, newest month first.")  # fmt: skip
def cohort_list(request, query: Query[CohortQuery]):
    queryset = CohortRecord.objects.published().select_related(
        "organisation", "prime", "programme", "area", "claimant_group"
    )
    if query.programme:
        queryset = queryset.filter(programme__slug=query.programme)
    if query.claimant_group:
        queryset = queryset.filter(claimant_group__slug=query.claimant_group)
    if query.organisation:
        queryset = queryset.filter(organisation__slug=query.organisation)
    if query.month_from:
        queryset = queryset.filter(cohort_month__gte=_month(query.month_from))
    if query.month_to:
        queryset = queryset.filter(cohort_month__lte=_month(query.month_to))
    page = keyset_page(
        queryset, order=ORDER, after=query.after, before=query.before, size=query.limit
    )
    today = timezone.localdate()
    return {
        "limit": query.limit,
        "next": _page_url(request, after=page.next_cursor) if page.next_cursor else None,
        "previous": (
            _page_url(request, before=page.previous_cursor) if page.previous_cursor else None
        ),
        "results": [_cohort_out(cohort, today) for cohort in page.items],
    }


class BenchmarkQuery(Schema):
    programme: str = Field(description="Programme slug.")
    claimant_group: str = Field(description="Claimant group slug.")
    months: int = Field(12, description="The milestone: 3, 6, 12 or 24 months.")
    end: str | None = Field(
        None, pattern=MONTH, description="YYYY-MM: the last cohort month (default: the latest "
        "mature one); the comparison covers the 12 months up to it.",
    )  # fmt: skip


@api.get("/cohort-benchmark", response={200: CohortBenchmarkOut, 404: Problem, 422: Problem},
         url_name="cohort_benchmark", summary="Cohort benchmark",
         description="Published cohorts' rates over the same mature cohort months, with "
         "quartiles only when at least the minimum of peers give them.")  # fmt: skip
def cohort_benchmark(request, query: Query[BenchmarkQuery]):
    if query.months not in cohorts.MILESTONES:
        return 422, {"detail": "months must be 3, 6, 12 or 24"}
    today = timezone.localdate()  # cohorts mature with the date
    parts = [query.model_dump(), today.isoformat()]
    return cached_json(request, "open_data_cohort_benchmark", parts,
                       lambda: _cohort_benchmark(query, today), CohortBenchmarkOut)  # fmt: skip


def _cohort_benchmark(query: BenchmarkQuery, today: date) -> dict:
    programme = Programme.objects.filter(slug=query.programme).first()
    group = ClaimantGroup.objects.filter(slug=query.claimant_group).first()
    if programme is None or group is None:
        raise Http404("No such programme or claimant group.")
    end = _month(query.end) if query.end else cohorts.latest_mature_month(query.months, today)
    found = cohort_comparison(
        AnonymousUser(), programme=programme, group=group, months=query.months, end=end, on=today
    )
    spread = []
    for measure, row in zip(cohorts.MEASURES, found["summary_rows"], strict=True):
        values = [series["rates"][measure].rate for series in found["rows"]]
        gated = benchmarks.peer_gate(
            row["count"], min_peers(), lambda values=values: benchmarks.summarise(values)
        )
        quartiles = None
        if gated.shown:
            summary = gated.value
            quartiles = [float(v) for v in (summary.minimum, summary.q1, summary.median,
                                            summary.q3, summary.maximum)]  # fmt: skip
        spread.append(
            {"measure": measure, "count": row["count"], "enough": gated.shown,
             "quartiles": quartiles}
        )  # fmt: skip
    return {
        "kind": "cohort",
        "programme": programme.slug,
        "claimant_group": group.slug,
        "months": query.months,
        "window": [f"{m:%Y-%m}" for m in found["window"]],
        "minimum_peers": min_peers(),
        "series": [
            {
                "organisation": row["organisation"].name,
                "area": row["area"].name,
                "rates": {
                    measure: {
                        "rate": None if rate.rate is None else float(rate.rate),
                        "numerator": rate.numerator,
                        "denominator": rate.denominator,
                    }
                    for measure, rate in row["rates"].items()
                },
            }
            for row in found["rows"]
        ],
        "spread": spread,
        "not_compared": [
            {
                "organisation": item["organisation"].name,
                "area": item["area"].name,
                "missing_months": item["months"],
            }
            for item in found["missing"]
        ],  # fmt: skip
        "not_yet_mature": [f"{m:%Y-%m}" for m in found["immature"]],
    }
