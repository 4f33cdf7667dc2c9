"""An organisation's own benchmark over time (its periods, yearly Star Ratings) and the
Star Rating's methodology page."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.shortcuts import get_object_or_404, render

from cases.performance import benchmarks, charts, stars
from cases.performance.selectors import organisation_peer_records
from cases.performance.stars import areas
from cases.performance.stars.example import four_areas_example
from cases.performance.views.benchmarks import JOB_STARTS_NOTE, benchmark_trail, min_peers
from hub.base.models import Organisation


def _period_rows(organisation, records) -> list[dict]:
    """The organisation's results per period on one programme and group, beside its peers'
    (organisations, each with its areas added together)."""
    by_period = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_period[(record.period_start, record.period_end)][record.organisation_id].append(record)
    rows = []
    for (start, end), by_org in sorted(by_period.items()):
        if organisation.pk not in by_org:
            continue
        combined = {org_id: benchmarks.combine(recs) for org_id, recs in by_org.items()}
        mine = combined[organisation.pk]
        outcome_rates = [c.rates.job_outcome_rate for c in combined.values()]
        start_rates = [c.rates.job_start_rate for c in combined.values()]
        standing = benchmarks.standing(
            mine.rates.job_outcome_rate, outcome_rates, minimum=min_peers()
        )
        rows.append(
            {
                "label": benchmarks.period_label(start, end),
                "axis_label": _axis_label(start, end),
                "figures": mine,
                "peers": len(combined) - 1,
                # Medians of fewer than the minimum of organisations are not shown.
                "enough": benchmarks.enough(len(combined), min_peers()),
                "outcome_median": benchmarks.quartiles(outcome_rates)[1],
                "start_median": benchmarks.quartiles(start_rates)[1],
                "standing": standing,
            }
        )
    for row in rows:
        rates, p = row["figures"].rates, benchmarks.percent
        row["cells"] = {
            "job_starts": _count(row["figures"].job_starts),
            "job_start_rate": p(rates.job_start_rate),
            "start_median": p(row["start_median"]),
            "job_outcomes": _count(row["figures"].job_outcomes),
            "job_outcome_rate": benchmarks.with_denominator(
                rates.job_outcome_rate, row["figures"].job_outcomes, row["figures"].attachments
            ),
            "outcome_median": p(row["outcome_median"]),
            "profile": p(rates.performance_against_profile),
        }
    return rows


def _count(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _axis_label(start: date, end: date) -> str:
    """A period in two short lines for a chart's axis."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    return f"{start:%b %Y}\nto {end:%b %Y}"


def _year_ratings(organisation, records) -> list[dict]:
    """The organisation's Star Rating for each financial year it has records in."""
    by_year = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_year[stars.financial_year(record.period_start)][record.organisation_id].append(record)
    ratings = []
    for year, by_org in sorted(by_year.items()):
        if organisation.pk not in by_org:
            continue
        group = {org_id: benchmarks.combine(recs) for org_id, recs in by_org.items()}
        rating = stars.star_rating(organisation.pk, group)
        ratings.append(
            {
                "year": stars.financial_year_label(year),
                "rating": rating,
                "rate": benchmarks.percent(rating.job_outcome_rate),
                "rank": benchmarks.ordinal(rating.rank),
                "profile": benchmarks.percent(rating.performance_against_profile),
            }
        )
    return ratings


def benchmark_organisation(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    by_pair = defaultdict(list)
    for record in organisation_peer_records(request.user, organisation):
        by_pair[(record.programme, record.claimant_group)].append(record)
    sections = []
    order = sorted(
        by_pair,
        key=lambda pair: (pair[0].sort_order, pair[0].name, pair[1].sort_order, pair[1].name),
    )
    for number, (programme, group) in enumerate(order, start=1):
        records = by_pair[(programme, group)]
        rows = _period_rows(organisation, records)
        chart = charts.line_chart(
            chart_id=f"series-{number}",
            title=f"{organisation}: {programme}, {group}, by period",
            desc=_series_desc(organisation, rows),
            categories=[row["axis_label"] for row in rows],
            series=[
                charts.Series(
                    f"{organisation}: job outcome rate",
                    [row["figures"].rates.job_outcome_rate for row in rows],
                    colour=charts.ACCENT,
                ),
                charts.Series(
                    "Peer group's median job outcome rate",
                    [row["outcome_median"] if row["enough"] else None for row in rows],
                    colour=charts.GREY,
                    marker="triangle",
                    dash="3 4",
                ),
                charts.Series(
                    f"{organisation}: job start rate (early indicator)",
                    [row["figures"].rates.job_start_rate for row in rows],
                    colour=charts.BLUE,
                    marker="square",
                    dash="9 5",
                ),
            ],
        )
        sections.append(
            {
                "id": f"{programme.slug}-{group.slug}",
                "programme": programme,
                "group": group,
                "rows": rows,
                "chart": chart,
                "ratings": _year_ratings(organisation, records),
            }
        )
    return render(
        request,
        "cases/benchmarks/organisation.html",
        {
            "organisation": organisation,
            "sections": sections,
            "note": JOB_STARTS_NOTE,
            "min_peers": stars.MIN_PEERS,
            "breadcrumbs": benchmark_trail(str(organisation)),
        },
    )


def _series_desc(organisation, rows) -> str:
    parts = []
    for row in rows:
        rates, p = row["figures"].rates, benchmarks.percent
        parts.append(
            f"{row['label']}: job outcome rate {p(rates.job_outcome_rate)} (peer group median "
            f"{p(row['outcome_median']) if row['enough'] else 'not enough data'}), job start rate "
            f"{p(rates.job_start_rate)}"
        )
    return f"{organisation}'s rates by period. " + "; ".join(parts) + "."


def star_rating_methodology(request):
    example, walkthrough = stars.worked_example()
    four = four_areas_example()
    return render(
        request,
        "cases/benchmarks/star_rating.html",
        {
            "example": example,
            "walkthrough": walkthrough,
            "four": four,
            "area_weights": [(areas.AREAS[k], w) for k, w in areas.AREA_WEIGHTS.items()],
            "quality_weights": areas.QUALITY_WEIGHTS,
            "min_areas": areas.MIN_AREAS_FOR_OVERALL,
            "min_coverage": int(areas.MIN_COVERAGE * 100),
            "min_vfm_outcomes": areas.MIN_VFM_OUTCOMES,
            "min_peers": stars.MIN_PEERS,
            "min_attachments": stars.MIN_ATTACHMENTS,
            "breadcrumbs": benchmark_trail("How the Star Rating works"),
        },
    )
