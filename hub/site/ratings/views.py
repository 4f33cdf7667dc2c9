"""An organisation's Star Rating in four areas: for each programme it reports on, its latest
financial year, every area beside the overall rating with its reason."""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from cases.performance import selectors as performance
from hub.base import content_cache
from hub.base.models import ClaimantGroup, Organisation
from hub.site.ratings.inputs import one_place, other_areas, percent, pounds

SECTIONS_AT_MOST = 4
YEARS_EACH = 2
"""Each programme's latest two financial years (the newest may have only begun), four at most."""
WORDS = {"figures": "Figures confirmed or verified", "standards": "Customer Service Standards "
         "measures met", "accreditations": "Verified accreditations"}  # fmt: skip


def _group_rows(standings, names, *, cost: bool) -> list[dict]:
    return [
        {
            "group": names.get(s.group, "Unknown group"),
            "value": pounds(s.value) if cost else percent(s.value),
            "median": pounds(s.median) if cost else percent(s.median),
            "peers": s.peers,
            "rank": one_place(s.rank),
            "weight": percent(s.weight, 0),
            "reason": s.reason,
        }
        for s in standings
    ]


def present(rating: performance.FourAreas, names: dict) -> dict:
    """A FourAreas as the template shows it: every number already in words."""
    outcomes = rating.area("outcomes")
    vfm = rating.area("value_for_money")
    quality = rating.area("quality")
    figures = rating.figures
    return {
        "overall": rating.overall,
        "areas": rating.overall.areas,
        "basis": rating.basis,
        "figures": figures,
        "outcome_rate": percent(figures.rates.job_outcome_rate) if figures else "–",
        "outcome_groups": _group_rows(outcomes.groups, names, cost=False),
        "vfm_groups": _group_rows(vfm.groups, names, cost=True),
        "quality_parts": [
            {"label": WORDS[name], "share": percent(share, 0), "weight": weight}
            for name, share, weight in quality.parts
        ],
    }


def group_names(ratings) -> dict:
    ids = {g.group for r in ratings for a in r.overall.areas for g in a.groups}
    return dict(ClaimantGroup.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def organisation_star_rating(request, slug: str):
    """Every section is the same for everyone on the same side of signing in (what records
    they may see), so they are rendered once and cached until any of the rating's inputs
    (content_cache.RATINGS: records, cohorts, feedback, accreditations, standards results) or
    a name (NAMES) changes, and each day (inputs age by the date)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    today = date.today()
    audience = "members" if request.user.is_authenticated else "public"
    body = content_cache.rendered(
        "star_rating_sections",
        [audience, organisation.pk, today.isoformat()],
        "hub/ratings/_organisation_sections.html",
        lambda: {"organisation": organisation, "sections": _sections(request, organisation, today)},
        request=request,
        namespaces=(content_cache.RATINGS, content_cache.NAMES),
    )["body"]
    return render(
        request,
        "hub/ratings/organisation.html",
        {
            "organisation": organisation,
            "sections_html": body,
            "breadcrumbs": [
                ("Home", "/"),
                ("Organisations", reverse("organisation_list")),
                (organisation.name, organisation.get_absolute_url()),
                ("Star Rating", ""),
            ],
        },
    )


def _sections(request, organisation, today) -> list[dict]:
    pairs = performance.rated_programme_years(request.user, [organisation.pk]).get(
        organisation.pk, []
    )
    latest: dict = {}
    for programme, year in pairs:  # newest first: each programme's two latest years
        if len(latest.setdefault(programme, [])) < YEARS_EACH:
            latest[programme].append(year)
    chosen = [(p, year) for p, years in latest.items() for year in years][:SECTIONS_AT_MOST]
    inputs = other_areas([organisation.pk], today=today)
    found = []
    for programme, year in chosen:
        rating = performance.four_area_ratings(
            request.user, programme=programme, year=year, organisation_ids=[organisation.pk],
            today=today, **inputs,
        )[organisation.pk]  # fmt: skip
        found.append((programme, year, rating))
    names = group_names([rating for _, _, rating in found])
    sections = [
        {
            "id": f"{programme.slug}-{year}",
            "programme": programme,
            "year": f"April {year} to March {year + 1}",
            **present(rating, names),
        }
        for programme, year, rating in found
    ]
    return sections
