"""Reads for supply chains: the filtered list with counts, comparison, EOIs and conduct results."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from cases.performance import selectors as performance
from hub.base.models import Area, ClaimantGroup, Organisation
from hub.base.pagination import KeysetPage, keyset_page
from toolkits.supplychains.conduct import YearResult, year_result
from toolkits.supplychains.models import (
    STATEMENTS,
    ConductComment,
    ConductFeedback,
    ConductReply,
    ExpressionOfInterest,
    Opportunity,
)

ORDER = ["-published_at", "-id"]
OPPORTUNITIES = "opportunities"
"""The content_cache namespace of cached answers over opportunities, bumped by their writes."""
COMPARE_MAX = 3


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def with_related(queryset: QuerySet) -> QuerySet:
    """What a list row or a comparison column shows, in a fixed number of queries."""
    return queryset.select_related("prime", "programme").prefetch_related(
        Prefetch("areas", queryset=Area.objects.only("pk", "name", "slug", "code")),
        Prefetch("claimant_groups", queryset=ClaimantGroup.objects.only("pk", "name", "slug")),
    )


def opportunity_page(queryset: QuerySet, *, after=None, before=None, size=None) -> KeysetPage:
    return keyset_page(
        with_related(queryset),
        order=ORDER,
        after=after,
        before=before,
        size=size or settings.HUB_PAGE_SIZE,
    )


def facet_counts(queryset: QuerySet, selected: dict[str, list[str]]) -> dict[str, list]:
    """How many of the matching opportunities carry each term: one query per facet."""
    ids = queryset.values("pk")
    facets = {}
    for name, rows in (
        ("programme", performance.programmes()),
        ("area", Area.objects.all()),
        ("group", ClaimantGroup.objects.all()),
    ):
        chosen = set(selected.get(name, []))
        counted = rows.annotate(n=Count("opportunities", filter=Q(opportunities__in=ids))).order_by(
            "sort_order", "name"
        )
        facets[name] = [
            FacetOption(t.slug, t.name, t.n, t.slug in chosen)
            for t in counted
            if t.n or t.slug in chosen
        ]
    counts = dict(queryset.order_by().values_list("services").annotate(n=Count("id")))
    chosen = set(selected.get("services", []))
    facets["services"] = [
        FacetOption(value, label, counts.get(value, 0), value in chosen)
        for value, label in Opportunity.Services.choices
    ]
    return facets


def opportunities_to_compare(ids: list) -> list[Opportunity]:
    """Two or three opportunities side by side, open or closed, in the order asked."""
    keys = []
    for value in ids:
        if str(value).isdigit() and int(value) not in keys:
            keys.append(int(value))
    keys = keys[:COMPARE_MAX]
    rows = {o.pk: o for o in with_related(Opportunity.objects.filter(pk__in=keys))}
    return [rows[k] for k in keys if k in rows]


def opportunity_detail(pk: int) -> Opportunity:
    return with_related(Opportunity.objects.all()).get(pk=pk)


def expressions_for(opportunity: Opportunity) -> list[ExpressionOfInterest]:
    """Every EOI an opportunity received, newest first: only its prime's admins see these."""
    return list(
        opportunity.expressions.select_related("organisation", "sent_by").order_by(
            "-created_at", "-id"
        )
    )


def expressions_of(organisation_ids) -> QuerySet[ExpressionOfInterest]:
    return ExpressionOfInterest.objects.filter(organisation_id__in=organisation_ids)


def conduct_results(prime: Organisation, *, years: int = 5) -> list[YearResult]:
    """The prime's conduct aggregates for recent years, newest first.

    The database sums the scores per year; no single organisation's answer leaves it. A year
    with fewer than HUB_CONDUCT_MIN_ORGANISATIONS organisations comes back hidden.
    """
    this_year = timezone.localdate().year
    aggregates = {}
    for name, _label in STATEMENTS:
        aggregates[f"sum_{name}"] = Sum(name)
        aggregates[f"agree_{name}"] = Count("pk", filter=Q(**{f"{name}__gte": 4}))
    rows = (
        ConductFeedback.objects.filter(prime=prime, year__gt=this_year - years)
        .values("year")
        .annotate(organisations=Count("organisation", distinct=True), **aggregates)
        .order_by("-year")
    )
    return [
        year_result(
            year=row["year"],
            organisations=row["organisations"],
            sums={name: row[f"sum_{name}"] for name, _ in STATEMENTS},
            agrees={name: row[f"agree_{name}"] for name, _ in STATEMENTS},
            statements=STATEMENTS,
            minimum=settings.HUB_CONDUCT_MIN_ORGANISATIONS,
        )
        for row in rows
    ]


def conduct_replies(prime: Organisation) -> dict[int, ConductReply]:
    return {r.year: r for r in ConductReply.objects.filter(prime=prime).order_by("-year")[:5]}


def conduct_answer(prime: Organisation, organisation: Organisation, year: int):
    """The organisation's own answer for the year, for its own members to change."""
    return ConductFeedback.objects.filter(prime=prime, organisation=organisation, year=year).first()


def published_comments(prime: Organisation, results: list[YearResult]) -> dict[int, list[str]]:
    """Published comments, only for years whose aggregates are shown, as bare text: no author,
    no organisation, no date finer than the year. Held and rejected ones never leave here."""
    years = [r.year for r in results if r.shown]
    if not years:
        return {}
    out: dict[int, list[str]] = {}
    rows = (
        ConductComment.objects.published()
        .filter(prime=prime, year__in=years)
        .order_by("-year", "?")  # no order that could hint at who wrote which
        .values_list("year", "text")[:50]
    )
    for year, text in rows:
        out.setdefault(year, []).append(text)
    return out


def conduct_rows(results, replies, comments) -> list[tuple]:
    """(year result, the prime's reply, published comments) for each year; a year below the
    minimum carries neither reply nor comments."""
    return [
        (r, replies.get(r.year), comments.get(r.year, [])) if r.shown else (r, None, [])
        for r in results
    ]
