"""Reads for case studies: lists, facets, detail, related items and the showcase."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from taggit.models import Tag

from cases import caching
from cases.casestudies import approach_evidence, evidence, permissions
from cases.casestudies.filters import SORTS, TERM_FACETS
from cases.casestudies.models import (
    Approach,
    CaseStudy,
    CaseStudyApproach,
    CaseStudyRevision,
    Comment,
    Rating,
)
from hub.base.keys import among
from hub.base.models import Organisation
from hub.base.pagination import KeysetPage, keyset_page

# Search results are ranked, then paged by offset within this bound. A common word matches
# every case study; on PostgreSQL the backend ranks this many of its matches (settings BOUNDED).
MAX_SEARCH_RESULTS = 200
FACET_TAG_LIMIT = 15


def list_queryset(queryset: QuerySet | None = None) -> QuerySet:
    """What a row of the list needs, in a fixed number of queries."""
    queryset = CaseStudy.objects.published() if queryset is None else queryset
    return (
        queryset.with_evidence()
        .select_related("organisation", "author")
        .prefetch_related("claimant_groups")
    )


def case_study_page(
    queryset: QuerySet, *, sort: str, after: str | None, before: str | None
) -> KeysetPage:
    """One page of the list, by keyset on the chosen sort."""
    order = SORTS.get(sort, SORTS["newest"])[1]
    return keyset_page(
        list_queryset(queryset),
        order=order,
        after=after,
        before=before,
        size=settings.HUB_PAGE_SIZE,
    )


def case_study_search_page(queryset: QuerySet, *, text: str, page: str | None):
    """Search results ranked by relevance (Wagtail search), within the filtered set."""
    from hub.base.search import filters_any_field, ranked_ids

    if filters_any_field(CaseStudy):
        # The backend applies the list's filters (published ones only) in its ranked query.
        ranked = ranked_ids(text, queryset, depth=MAX_SEARCH_RESULTS)
    else:  # FilterFields only: rank the published ones, then narrow to the filters
        ranked = ranked_ids(text, CaseStudy.objects.published(), depth=MAX_SEARCH_RESULTS)
        allowed = set(among(queryset, ranked).values_list("pk", flat=True))
        ranked = [pk for pk in ranked if pk in allowed]
    paginator = Paginator(ranked, settings.HUB_PAGE_SIZE)
    current = paginator.get_page(page)
    rows = {c.pk: c for c in list_queryset(CaseStudy.objects.filter(pk__in=list(current)))}
    current.object_list = [rows[pk] for pk in current.object_list if pk in rows]
    return current


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(queryset: QuerySet, selected: dict[str, list[str]]) -> dict[str, list]:
    """How many of the matching case studies carry each term: one query per facet."""
    ids = queryset.values("pk")
    facets = {}
    for name, (model, _relation) in TERM_FACETS.items():
        rows = model.objects.annotate(
            n=Count("case_studies", filter=Q(case_studies__in=ids))
        ).order_by("sort_order", "name")
        chosen = set(selected.get(name, []))
        facets[name] = [
            FacetOption(t.slug, t.name, t.n, t.slug in chosen)
            for t in rows
            if t.n or t.slug in chosen
        ]
    kinds = dict(queryset.order_by().values_list("organisation__kind").annotate(n=Count("id")))
    chosen = set(selected.get("kind", []))
    facets["kind"] = [
        FacetOption(value, label, kinds.get(value, 0), value in chosen)
        for value, label in Organisation.Kind.choices
        if kinds.get(value) or value in chosen
    ]
    tags = (
        Tag.objects.filter(cases_taggedcasestudy_items__content_object__in=ids)
        .annotate(n=Count("cases_taggedcasestudy_items"))
        .order_by("-n", "name")[:FACET_TAG_LIMIT]
    )
    chosen = set(selected.get("tag", []))
    facets["tag"] = [FacetOption(t.slug, t.name, t.n, t.slug in chosen) for t in tags]
    return facets


def case_study_detail(pk: int, user) -> CaseStudy:
    """One case study with what its page shows, if `user` may see it."""
    from cases.performance.models import PerformanceRecord

    cited = PerformanceRecord.objects.visible_to(user).select_related(
        "organisation", "programme", "claimant_group", "area"
    )
    return (
        CaseStudy.objects.visible_to(user)
        .with_evidence()
        .prefetch_related(Prefetch("cited_records", queryset=cited))
        .select_related("organisation", "author", "hidden_by")
        .prefetch_related("claimant_groups", "barriers", "journey_stages", "areas", "tags")
        .get(pk=pk)
    )


def case_study_for_page(pk: int, user) -> CaseStudy:
    """One case study for its own page, if `user` may see it: the row, its organisation,
    author and hider, and the cited records `user` may see. Its terms and tags come from
    `case_study_terms` (which the page caches), not from five more queries a request."""
    from cases.performance.models import PerformanceRecord

    cited = PerformanceRecord.objects.visible_to(user).select_related(
        "organisation", "programme", "claimant_group", "area"
    )
    return (
        CaseStudy.objects.visible_to(user)
        .with_evidence()
        .select_related("organisation", "author", "hidden_by")
        .prefetch_related(Prefetch("cited_records", queryset=cited))
        .get(pk=pk)
    )


def case_study_terms(case_study: CaseStudy) -> dict[str, list[tuple[str, str]]]:
    """(slug, name) of the case study's claimant groups, barriers, journey stages, areas and
    tags, in their order: five queries (cached by the page: caching.case_study_page_keys)."""
    terms = {}
    for name, relation in (("groups", "claimant_groups"), ("barriers", "barriers"),
                           ("stages", "journey_stages"), ("areas", "areas"),
                           ("tags", "tags")):  # fmt: skip
        terms[name] = [(t.slug, t.name) for t in getattr(case_study, relation).all()]
    return terms


def rating_of(user, case_study: CaseStudy) -> Rating | None:
    if not user.is_authenticated:
        return None
    return Rating.objects.filter(user=user, case_study=case_study).first()


def rating_distribution(case_study: CaseStudy) -> list[tuple[int, int, int]]:
    """(score, count, percent) for 5 down to 1: the bars beside the mean."""
    counts = dict(
        Rating.objects.filter(case_study=case_study)
        .values_list("score")
        .annotate(n=Count("id"))
        .order_by()
    )
    total = sum(counts.values()) or 1
    return [(s, counts.get(s, 0), round(100 * counts.get(s, 0) / total)) for s in (5, 4, 3, 2, 1)]


COMMENTS_PER_PAGE = 50


def comment_threads(case_study: CaseStudy, *, page: str | None):
    """Top-level comments a page at a time, each with its replies: two queries a page."""
    top = Comment.objects.filter(case_study=case_study, parent__isnull=True).select_related(
        "author"
    )
    current = Paginator(top.order_by("created_at", "id"), COMMENTS_PER_PAGE).get_page(page)
    replies = Comment.objects.select_related("author").order_by("created_at", "id")
    current.object_list = list(
        Comment.objects.filter(pk__in=[c.pk for c in current.object_list])
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )
    return current


def related_case_studies(case_study: CaseStudy, *, limit: int = 4) -> list[CaseStudy]:
    """Published case studies sharing the most claimant groups and barriers with this one."""
    groups = [g.pk for g in case_study.claimant_groups.all()]
    barriers = [b.pk for b in case_study.barriers.all()]
    overlap = Count("claimant_groups", filter=Q(claimant_groups__in=groups), distinct=True) + Count(
        "barriers", filter=Q(barriers__in=barriers), distinct=True
    )
    return list(
        CaseStudy.objects.published()
        .exclude(pk=case_study.pk)
        .filter(Q(claimant_groups__in=groups) | Q(barriers__in=barriers))
        .annotate(overlap=overlap)
        .order_by("-overlap", "-rating_score", "-id")
        .select_related("organisation")[:limit]
    )


def revisions(case_study: CaseStudy) -> QuerySet:
    return CaseStudyRevision.objects.filter(case_study=case_study).select_related("editor")


def managed_by(user) -> QuerySet:
    """The case studies a member wrote or may edit as an organisation admin, newest change first."""
    admin_orgs = Organisation.objects.administered_by(user).values("pk")
    return (
        CaseStudy.objects.filter(Q(author=user) | Q(organisation__in=admin_orgs))
        .select_related("organisation", "author")
        .order_by("-updated_at", "-id")
    )


def featured_case_studies(*, limit: int = 3) -> list[CaseStudy]:
    """The latest case studies featured on the showcase, for the home page."""
    return list(
        CaseStudy.objects.published()
        .filter(featured_at__isnull=False)
        .select_related("organisation")
        .order_by("-featured_at", "-id")[:limit]
    )


def member_organisations(user) -> QuerySet:
    """The organisations a member may post for."""
    return Organisation.objects.filter(pk__in=permissions.member_organisation_ids(user))


def flagged_by(user, *, case_study: CaseStudy) -> set[int]:
    """Ids of comments on this case study the user has an open report on (to show 'Reported')."""
    if not user.is_authenticated:
        return set()
    return set(
        Comment.objects.filter(
            case_study=case_study, reports__reporter=user, reports__status="open"
        ).values_list("pk", flat=True)
    )


def published_by(user, *, limit: int = 5) -> list[CaseStudy]:
    """A member's latest published case studies, for their public profile."""
    return list(
        CaseStudy.objects.published()
        .filter(author=user)
        .select_related("organisation")
        .order_by("-published_at", "-id")[:limit]
    )


def newest_case_studies(*, limit: int = 4) -> list[CaseStudy]:
    """The latest published case studies, for the home page."""
    return list(
        CaseStudy.objects.published()
        .select_related("organisation")
        .order_by("-published_at", "-id")[:limit]
    )


def top_rated_case_studies(*, limit: int = 4) -> list[CaseStudy]:
    """The best-rated published case studies that someone has rated, for the home page."""
    return list(
        CaseStudy.objects.published()
        .filter(rating_count__gt=0)
        .select_related("organisation")
        .order_by("-rating_score", "-id")[:limit]
    )


def is_moderator(user) -> bool:
    """Whether `user` moderates case studies and comments."""
    return permissions.is_moderator(user)


def can_feature(user, case_study: CaseStudy) -> bool:
    return permissions.can_feature(user, case_study)


def case_study_or_none(pk: int, user) -> CaseStudy | None:
    """The case study if `user` may see it, else None."""
    try:
        return case_study_detail(pk, user)
    except CaseStudy.DoesNotExist:
        return None


def published_case_study(pk: int) -> CaseStudy | None:
    return CaseStudy.objects.published().filter(pk=pk).first()


def recent_published(limit: int) -> QuerySet:
    """The newest `limit` published case studies, as a queryset (for a form's choices)."""
    recent = list(
        CaseStudy.objects.published()
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    return CaseStudy.objects.filter(pk__in=recent).order_by("-published_at", "-pk")


def published_in(ids) -> list[CaseStudy]:
    """The published case studies among `ids`, with their organisations: one query."""
    return list(CaseStudy.objects.published().filter(pk__in=ids).select_related("organisation"))


# Approaches and evidence ------------------------------------------------------------------


def live_approaches() -> list[Approach]:
    """Every approach on the toolkit, with the terms it suits: four queries."""
    return list(
        Approach.objects.live()
        .prefetch_related("claimant_groups", "barriers", "journey_stages")
        .order_by("title")
    )


def live_approach(slug: str) -> Approach | None:
    return (
        Approach.objects.live()
        .filter(slug=slug)
        .prefetch_related("claimant_groups", "barriers", "journey_stages")
        .first()
    )


def approach_summaries() -> dict:
    """Each live approach's evidence summary, by approach id (cases.casestudies.evidence)."""
    return approach_evidence.summaries()


def empty_summary():
    """The summary of an approach with no published case study yet."""
    return evidence.Summary()


def approach_case_studies(approach: Approach):
    """(summary, the best-evidenced published case studies with their strength and impact)."""
    return approach_evidence.ranked_case_studies(approach)


def case_study_ids_of(approach: Approach) -> QuerySet:
    """The ids of the approach's published case studies, as a subquery."""
    return CaseStudy.objects.published().filter(approach_links__approach=approach).values("pk")


def approach_fragment_key(name: str, parts) -> str:
    """A cache key for something rendered from approaches, their published case studies and the
    records those cite (the same for every viewer): it changes when any of them changes."""
    return caching.key(
        name, [parts, caching.version(caching.RECORDS)], namespace=caching.CASE_STUDIES
    )


def case_study_evidence(case_study: CaseStudy) -> dict:
    """A case study's evidence strength with reasons, impact and cost band."""
    return approach_evidence.case_study_evidence(case_study)


def approach_links(case_study: CaseStudy) -> list[CaseStudyApproach]:
    """The live approaches a case study is an example of, with who confirmed each link."""
    return list(
        CaseStudyApproach.objects.filter(case_study=case_study, approach__live=True)
        .select_related("approach")
        .order_by("approach__title")
    )


def evidence_rules() -> dict:
    """The thresholds the evidence rules use, for the pages that explain them."""
    return {
        "min_participants": evidence.MIN_PARTICIPANTS,
        "min_follow_up_months": evidence.MIN_FOLLOW_UP_MONTHS,
        "min_studies": evidence.MIN_STUDIES,
        "max_padlocks": evidence.MAX_PADLOCKS,
        "cost_bands": evidence.cost_bands(),
    }
