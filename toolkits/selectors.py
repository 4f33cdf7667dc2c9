"""Reads for the toolkit pages: the filtered list with facet counts, and related toolkits."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from toolkits.models.pages import Audience, ToolkitPage, Topic
from toolkits.models.standards import StandardResult
from toolkits.services.standards_results import previous_quarters


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def _chosen(values: list[str], choices) -> list[str]:
    """Keep only known values, so a stale or hand-made query string cannot break the page."""
    known = {value for value, _ in choices}
    return [value for value in dict.fromkeys(values) if value in known]


def live_toolkits(index=None) -> QuerySet[ToolkitPage]:
    """Toolkits anyone may read: live, not behind a view restriction, under the index if given."""
    pages = ToolkitPage.objects.live().public()
    if index is not None:
        pages = pages.child_of(index)
    return pages


def toolkit_list(*, index, topics: list[str], audiences: list[str]) -> dict:
    """The index's toolkits grouped by topic, with counts for each filter option.

    Each facet's counts apply the other facet's filter, so a count says how many toolkits
    ticking that box would add.
    """
    topics = _chosen(topics, Topic.choices)
    audiences = _chosen(audiences, Audience.choices)
    base = live_toolkits(index)
    by_audience = base.filter(audience__in=audiences) if audiences else base
    by_topic = base.filter(topic__in=topics) if topics else base
    topic_counts = dict(by_audience.values_list("topic").annotate(n=Count("pk")).order_by())
    audience_counts = dict(by_topic.values_list("audience").annotate(n=Count("pk")).order_by())
    pages = list(
        (by_audience.filter(topic__in=topics) if topics else by_audience)
        .only("title", "url_path", "summary", "topic", "audience", "depth", "path")
        .order_by("title")
    )
    groups = []
    for value, label in Topic.choices:
        members = [page for page in pages if page.topic == value]
        if members:
            groups.append({"value": value, "label": label, "toolkits": members})
    return {
        "groups": groups,
        "total": len(pages),
        "has_filters": bool(topics or audiences),
        "facets": {
            "topic": [
                FacetOption(value, label, topic_counts.get(value, 0), value in topics)
                for value, label in Topic.choices
            ],
            "audience": [
                FacetOption(value, label, audience_counts.get(value, 0), value in audiences)
                for value, label in Audience.choices
            ],
        },
    }


def related_toolkits(page: ToolkitPage, *, limit: int = 5) -> list[ToolkitPage]:
    """Other live toolkits on the same topic, for the foot of a toolkit page."""
    return list(
        live_toolkits()
        .filter(topic=page.topic)
        .exclude(pk=page.pk)
        .only("title", "url_path", "summary", "topic", "audience", "depth", "path")
        .order_by("title")[:limit]
    )


@dataclass(frozen=True)
class StandardsMet:
    """How many Standard Measure results an organisation recorded and met."""

    with_results: int
    met: int


def standards_met(organisation_ids, *, today) -> dict[int, StandardsMet]:
    """For the Star Rating's quality area: each organisation's results in the last four
    quarters (every quarter's result counts once). One query."""
    since = previous_quarters(today, 4)[-1]
    rows = (
        StandardResult.objects.filter(
            organisation_id__in=list(organisation_ids), quarter_start__gte=since
        )
        .values_list("organisation_id")
        .annotate(n=Count("pk"), met=Count("pk", filter=Q(met=True)))
        .order_by()
    )
    return {org: StandardsMet(n, met) for org, n, met in rows}


def prime_supply_chain_summary(organisation) -> dict | None:
    """For a prime's profile: its open opportunities and its conduct feedback aggregates (only
    years over HUB_CONDUCT_MIN_ORGANISATIONS show figures). None for an organisation that is not
    a prime. A fixed number of queries."""
    from django.conf import settings

    from hub.base.models import Organisation
    from toolkits.supplychains import selectors as supply

    if organisation.kind != Organisation.Kind.PRIME:
        return None
    results = supply.conduct_results(organisation, years=2)[:1]
    replies = supply.conduct_replies(organisation)
    comments = supply.published_comments(organisation, results)
    return {
        "prime": organisation,
        "rows": supply.conduct_rows(results, replies, comments),
        "minimum": settings.HUB_CONDUCT_MIN_ORGANISATIONS,
        "mediation_url": settings.HUB_CONDUCT_MEDIATION_URL,
        "opportunities": list(
            organisation.opportunities.open()
            .only("pk", "prime_id", "title", "deadline")
            .order_by("deadline", "pk")[:10]
        ),
    }
