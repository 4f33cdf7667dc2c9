"""Open data: the published performance records as a read-only JSON API, a CSV and a page.

Only records an organisation chose to publish openly (`visibility="public"`) are ever served
here, whoever asks: the open data is the same for a signed-in member as for anyone else, so it
can be cached, mirrored and cited.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import Field, NinjaAPI, P, PathEx, Query, Schema

from cases import caching
from cases.performance import rates as performance
from cases.performance.api_docs import ReferenceDocs
from cases.performance.models import PerformanceRecord
from hub.base import content_cache
from hub.base.models import Organisation
from hub.base.pagination import keyset_page

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
ORDER = ["-period_start", "-id"]
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
RELATED = ("organisation", "prime", "programme", "area", "claimant_group")

Kind = Literal[tuple(Organisation.Kind.values)]  # type: ignore[valid-type]
Status = Literal[tuple(PerformanceRecord.Status.values)]  # type: ignore[valid-type]
Role = Literal[tuple(PerformanceRecord.Role.values)]  # type: ignore[valid-type]


class RecordFilters(Schema):
    """The filters the API and the CSV share; every one is optional and they combine with AND."""

    programme: str | None = Field(None, description="Programme slug, for example restart-scheme.")
    claimant_group: str | None = Field(
        None, description="Claimant group slug, for example jsa-18-24 or new-esa-claimants."
    )
    area: str | None = Field(None, description="Area code, for example CPA5.")
    period_from: str | None = Field(
        None,
        pattern=MONTH,
        description="YYYY-MM: records whose period starts in this month or later.",
    )
    period_to: str | None = Field(
        None,
        pattern=MONTH,
        description="YYYY-MM: records whose period ends in this month or earlier.",
    )
    organisation: str | None = Field(None, description="Organisation slug.")
    organisation_kind: Kind | None = Field(None, description="The organisation's kind.")
    status: Status | None = Field(None, description="How far the figures have been checked.")
    supply_chain: str | None = Field(
        None,
        description="A prime's slug: only the records of that prime and of the subcontractors "
        "in its confirmed supply chain.",
    )


class RecordQuery(RecordFilters):
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Records per page, 1 to {MAX_LIMIT}."
    )
    after: str | None = Field(
        None,
        description="A cursor from the next link of a previous page; do not build it yourself.",
    )
    before: str | None = Field(None, description="A cursor from the previous link of a later page.")


class NamedOut(Schema):
    name: str
    slug: str = Field(description="Use it in filters and links; it does not change.")


class OrganisationOut(NamedOut):
    kind: Kind
    kind_label: str


class AreaOut(NamedOut):
    code: str = Field(description="The area's code, such as CPA5 for a Contract Package Area.")


class Problem(Schema):
    detail: Any = Field(description="What was wrong: a message, or a list of invalid fields.")


class RatesOut(Schema):
    attachment_rate: float | None = Field(description=performance.DEFINITIONS["attachment_rate"])
    job_start_rate: float | None = Field(description=performance.DEFINITIONS["job_start_rate"])
    job_outcome_rate: float | None = Field(description=performance.DEFINITIONS["job_outcome_rate"])
    performance_against_profile: float | None = Field(
        description=performance.DEFINITIONS["performance_against_profile"]
    )


class RecordOut(Schema):
    id: int = Field(description="The record's number; it does not change.")
    url: str = Field(description="This record in the API.")
    web_url: str = Field(description="This record's page on the hub.")
    organisation: OrganisationOut = Field(description="The organisation that reported it.")
    role: Role = Field(description="The organisation's role in the contract.")
    prime: NamedOut | None = Field(
        description="The prime contractor a subcontractor delivers for; null for a prime."
    )
    programme: NamedOut = Field(description="The employment programme.")
    area: AreaOut = Field(description="Where the service was delivered.")
    claimant_group: NamedOut = Field(description="The payment group the figures are for.")
    period_start: str = Field(description="YYYY-MM: the first month of the period.")
    period_end: str = Field(description="YYYY-MM: the last month of the period.")
    referrals: int | None = Field(description=performance.DEFINITIONS["referrals"])
    attachments: int | None = Field(description=performance.DEFINITIONS["attachments"])
    job_starts: int | None = Field(description=performance.DEFINITIONS["job_starts"])
    job_outcomes: int | None = Field(description=performance.DEFINITIONS["job_outcomes"])
    sustainment_outcomes: int | None = Field(
        description=performance.DEFINITIONS["sustainment_outcomes"]
    )
    profile_job_outcomes: int | None = Field(
        description=performance.DEFINITIONS["profile_job_outcomes"]
    )
    rates: RatesOut = Field(
        description="Fractions (0.25 is 25%), null when the figure they divide by is missing "
        "or zero."
    )
    status: Status = Field(description="How far the figures have been checked.")
    status_label: str = Field(description="The status in words.")
    updated_at: str = Field(description="When the record last changed (ISO 8601).")


class RecordPage(Schema):
    count: int = Field(description="Records matching the filters, on every page together.")
    limit: int = Field(description="The page size asked for.")
    next: str | None = Field(description="The next page, or null on the last page.")
    previous: str | None = Field(description="The previous page, or null on the first page.")
    results: list[RecordOut]


api = NinjaAPI(
    title="Good Practice Hub open performance data",
    version="1",
    description="Read-only access to the performance records organisations published openly. "
    "Members-only records never appear here. In this deployment every record is fictional "
    "demo data.",
    urls_namespace="open_data_api",
    docs=ReferenceDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=None,
)


def published_records(filters: RecordFilters):
    """Published records matching `filters`, with everything a row shows joined in."""
    queryset = PerformanceRecord.objects.published().select_related(*RELATED)
    if filters.programme:
        queryset = queryset.filter(programme__slug=filters.programme)
    if filters.claimant_group:
        queryset = queryset.filter(claimant_group__slug=filters.claimant_group)
    if filters.area:
        queryset = queryset.filter(area__code__iexact=filters.area)
    if filters.period_from:
        queryset = queryset.filter(period_start__gte=_month(filters.period_from))
    if filters.period_to:
        queryset = queryset.filter(period_end__lte=_month(filters.period_to))
    if filters.organisation:
        queryset = queryset.filter(organisation__slug=filters.organisation)
    if filters.organisation_kind:
        queryset = queryset.filter(organisation__kind=filters.organisation_kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.supply_chain:
        prime = Organisation.objects.filter(slug=filters.supply_chain, kind="prime").first()
        queryset = queryset.in_supply_chain_of(prime) if prime else queryset.none()
    return queryset


def _count(filters: RecordFilters) -> int:
    """How many published records match: a count over up to a million rows, so cached until
    a record changes (cases.caching)."""
    if filters.supply_chain:  # links change without touching records: never cached
        return published_records(filters).count()
    parts = filters.model_dump(include=set(RecordFilters.model_fields))
    return caching.cached("open_data_count", parts, published_records(filters).count)


def cached_json(request, name: str, parts, build, schema) -> HttpResponse:
    """`build()`'s answer as `schema` validates and the API renders it, cached until a record
    or an organisation's name changes (cases.caching): the open data is the same for everyone,
    so only the query (`parts`) and the address it is served at (links are absolute) key it.
    A 404 raised by `build` is not cached."""

    def render() -> bytes:
        data = schema.model_validate(build()).model_dump(by_alias=True)
        return api.renderer.render(request, data, response_status=200)

    origin = request.build_absolute_uri("/")
    content = content_cache.cached(
        name, [origin, *parts], render, namespaces=(caching.RECORDS, caching.NAMES),
        timeout=caching.TIMEOUT,
    )  # fmt: skip
    return HttpResponse(content, content_type=api.renderer.media_type)


def _month(value: str) -> date:
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def _record_out(request, record: PerformanceRecord) -> dict[str, Any]:
    rates = performance.rates_of(record)
    organisation, prime = record.organisation, record.prime
    return {
        "id": record.pk,
        "url": request.build_absolute_uri(
            reverse("open_data_api:record_detail", kwargs={"record_id": record.pk})
        ),
        "web_url": request.build_absolute_uri(record.get_absolute_url()),
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "kind": organisation.kind,
            "kind_label": organisation.get_kind_display(),
        },
        "role": record.role,
        "prime": {"name": prime.name, "slug": prime.slug} if prime else None,
        "programme": {"name": record.programme.name, "slug": record.programme.slug},
        "area": {"name": record.area.name, "slug": record.area.slug, "code": record.area.code},
        "claimant_group": {
            "name": record.claimant_group.name,
            "slug": record.claimant_group.slug,
        },
        "period_start": f"{record.period_start:%Y-%m}",
        "period_end": f"{record.period_end:%Y-%m}",
        "referrals": record.referrals,
        "attachments": record.attachments,
        "job_starts": record.job_starts,
        "job_outcomes": record.job_outcomes,
        "sustainment_outcomes": record.sustainment_outcomes,
        "profile_job_outcomes": record.profile_job_outcomes,
        "rates": {
            name: (None if value is None else float(value)) for name, value in vars(rates).items()
        },
        "status": record.status,
        "status_label": record.get_status_display(),
        "updated_at": record.updated_at.isoformat(),
    }


def _page_url(request, **changes) -> str:
    query = request.GET.copy()
    for key in ("after", "before"):
        query.pop(key, None)
    for key, value in changes.items():
        query[key] = value
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api.get(
    "/records",
    response={200: RecordPage, 422: Problem},
    url_name="record_list",
    summary="List published records",
    description="Published performance records, newest period first, filtered and paged. "
    "Follow the next link for more; a page holds at most 500.",
    openapi_extra={
        "responses": {
            200: {"description": "A page of records."},
            422: {"description": "A filter or the page size is not valid; detail says which."},
        }
    },
)
def record_list(request, query: Query[RecordQuery]):
    if query.supply_chain:  # links change apart from records: as the count, never cached
        return _record_page(request, query)
    parts = [query.model_dump(include=set(RecordQuery.model_fields))]
    return cached_json(request, "open_data_records", parts,
                       lambda: _record_page(request, query), RecordPage)  # fmt: skip


def _record_page(request, query: RecordQuery) -> dict:
    page = keyset_page(
        published_records(query),
        order=ORDER,
        after=query.after,
        before=query.before,
        size=query.limit,
    )
    return {
        "count": _count(query),
        "limit": query.limit,
        "next": _page_url(request, after=page.next_cursor) if page.next_cursor else None,
        "previous": (
            _page_url(request, before=page.previous_cursor) if page.previous_cursor else None
        ),
        "results": [_record_out(request, record) for record in page.items],
    }


@api.get(
    "/records/{record_id}",
    response={200: RecordOut, 404: Problem},
    url_name="record_detail",
    summary="One published record",
    description="A single published record. Records shared with members only answer 404.",
    openapi_extra={
        "responses": {
            200: {"description": "The record."},
            404: {"description": "No published record has that id."},
        }
    },
)
def record_detail(request, record_id: PathEx[int, P(description="The record's id.")]):
    record = PerformanceRecord.objects.published().select_related(*RELATED).filter(pk=record_id)
    found = record.first()
    if found is None:
        raise Http404("No published record has that id.")
    return _record_out(request, found)
