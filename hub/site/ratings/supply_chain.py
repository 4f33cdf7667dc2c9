"""A prime's whole confirmed supply chain side by side (Recommendation 20): each organisation's
rates on one programme and financial year, performance against profile and Star Rating in four
areas, with the chain's own median beside the programme's; downloadable as CSV or XLSX.

Only members of the prime or of one of its confirmed subcontractors may see it; anyone else
gets a 404, so the page does not say which chains exist."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify

from cases.performance import selectors as performance
from hub.base import content_cache, exports
from hub.base import selectors as base
from hub.base.models import Organisation
from hub.site.ratings.inputs import other_areas, percent

RATES = {
    "job_start_rate": "Job start rate",
    "job_outcome_rate": "Job outcome rate",
    "performance_against_profile": "Against profile",
}


def _choose(request, pairs: dict[int, list]):
    """The programme and year asked for, else the one with most of the chain in it (the newest
    of those), so a year that has only begun is not the first thing shown."""
    counts: dict[tuple, int] = {}
    programmes = {}
    for org_pairs in pairs.values():
        for programme, year in org_pairs:
            programmes[programme.slug] = programme
            counts[(programme.slug, year)] = counts.get((programme.slug, year), 0) + 1
    if not counts:
        return None, None, []
    options = sorted(counts, key=lambda key: (-key[1], key[0]))
    default = min(options, key=lambda key: (-counts[key], -key[1], key[0]))
    wanted = request.GET.get("period", "")
    chosen = next((o for o in options if f"{o[0]}:{o[1]}" == wanted), default)
    choices = [
        {"value": f"{slug}:{year}", "label": f"{programmes[slug].name}, April {year} to March "
         f"{year + 1}", "selected": (slug, year) == chosen}
        for slug, year in options
    ]  # fmt: skip
    return programmes[chosen[0]], chosen[1], choices


def _comparison(request, prime: Organisation):
    chain = base.confirmed_chain(prime)
    ids = [organisation.pk for organisation in chain]
    programme, year, choices = _choose(
        request, performance.rated_programme_years(request.user, ids)
    )
    if programme is None:
        return chain, None, None, [], [], {}
    cohort = performance.cohort_year_rates(request.user, programme=programme, year=year)
    ratings, medians = performance.four_area_ratings(
        request.user, programme=programme, year=year, organisation_ids=ids, medians=True,
        **other_areas(ids, today=date.today()),
    )  # fmt: skip
    rows = []
    for organisation in chain:
        rating = ratings[organisation.pk]
        figures = rating.figures
        rows.append(
            {
                "organisation": organisation,
                "role": "Prime" if organisation.pk == prime.pk else "Subcontractor",
                "attachments": figures.attachments if figures else None,
                "job_outcomes": figures.job_outcomes if figures else None,
                "rates": {k: getattr(figures.rates, k) if figures else None for k in RATES},
                "cohort": cohort.get(organisation.pk),
                "overall": rating.overall,
                "areas": rating.overall.areas,
            }
        )
    medians["cohort"] = {
        "chain": performance.median_of_pairs([cohort[i] for i in ids if i in cohort]),
        "programme": performance.median_of_pairs(list(cohort.values())),
    }
    return chain, programme, year, choices, rows, medians


@login_required
def supply_chain_view(request, slug: str):
    prime = get_object_or_404(Organisation, slug=slug)
    if not base.in_chain_of(request.user, prime):
        raise Http404("Not a member of this supply chain")
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        chain, programme, year, choices, rows, medians = _comparison(request, prime)
        if programme is not None:
            return _download(export, prime, programme, year, rows, medians)
    # Past the access check, the comparison is the same for every member of the chain: it is
    # rendered once per prime, choice and day and cached until a rating input (records,
    # links, feedback, accreditations, standards: content_cache.RATINGS) or a name changes.
    # Only those who pass the check above ever reach it.
    body = content_cache.rendered(
        "supply_chain_body",
        [prime.pk, request.GET.get("period", ""), date.today().isoformat()],
        "hub/ratings/_supply_chain_body.html",
        lambda: _context(request, prime),
        request=request,
        namespaces=(content_cache.RATINGS, content_cache.NAMES),
    )["body"]
    return render(
        request,
        "hub/ratings/supply_chain.html",
        {
            "prime": prime,
            "body": body,
            "breadcrumbs": [
                ("Home", "/"),
                ("Organisations", reverse("organisation_list")),
                (prime.name, prime.get_absolute_url()),
                ("Supply chain", ""),
            ],
        },
    )


def _context(request, prime) -> dict:
    chain, programme, year, choices, rows, medians = _comparison(request, prime)
    for row in rows:
        row["cells"] = [percent(row["rates"][k]) for k in RATES]
        pair = row["cohort"]
        row["cohort_cell"] = (
            f"{percent(performance.pair_rate(pair))} ({pair[0]} of {pair[1]})"
            if pair
            else "No mature cohorts"
        )
    return {
        "prime": prime,
        "chain": chain,
        "programme": programme,
        "year": year,
        "year_label": f"April {year} to March {year + 1}" if year else "",
        "choices": choices,
        "rows": rows,
        "rate_labels": list(RATES.values()),
        "cohort_label": COHORT_LABEL,
        "medians": [
            (
                f"{prime.name}'s supply chain ({medians['counts'][0]} with records)",
                [percent(medians["chain"][k]) for k in RATES]
                + [percent(medians["cohort"]["chain"])],
            ),
            (
                f"Everyone on the programme ({medians['counts'][1]} organisations)",
                [percent(medians["programme"][k]) for k in RATES]
                + [percent(medians["cohort"]["programme"])],
            ),
        ]
        if medians
        else [],  # fmt: skip
    }


AREA_KEYS = ("outcomes", "value_for_money", "quality", "experience")
COHORT_LABEL = "12-month cohort job outcome rate"


def _download(kind, prime, programme, year, rows, medians):
    """The comparison as a spreadsheet: figures as numbers, ratings and reasons as text."""
    header = [
        "Organisation", "Role", "Programme", "Financial year", "Attachments", "Job outcomes",
        *RATES.values(), COHORT_LABEL, "Cohort job outcomes", "Cohort people attached",
        "Overall stars", "Overall note",
        *[f"{name} stars" for name in ("Outcomes", "Value for money", "Quality",
                                       "Customer experience")],
        *[f"{name} reason" for name in ("Outcomes", "Value for money", "Quality",
                                        "Customer experience")],
    ]  # fmt: skip
    year_label = f"April {year} to March {year + 1}"

    def rate(value):
        return None if value is None else float(value)

    body = []
    for row in rows:
        by_area = {a.area: a for a in row["areas"]}
        overall = row["overall"]
        body.append([
            row["organisation"].name, row["role"], programme.name, year_label,
            row["attachments"], row["job_outcomes"], *[rate(v) for v in row["rates"].values()],
            rate(performance.pair_rate(row["cohort"])), *(row["cohort"] or (None, None)),
            overall.stars, overall.scope or overall.reason,
            *[by_area[k].stars for k in AREA_KEYS],
            *[by_area[k].reason or by_area[k].detail for k in AREA_KEYS],
        ])  # fmt: skip
    for label, key in (("Supply chain median", "chain"), ("Programme median", "programme")):
        body.append([label, "", programme.name, year_label, None, None,
                     *[rate(medians[key][k]) for k in RATES],
                     rate(medians["cohort"][key])])  # fmt: skip
    filename = f"supply-chain-{slugify(prime.name)}-{programme.slug}-{year}.{kind}"
    if kind == "csv":
        return exports.csv_response(filename, header, body, bom=True)
    return exports.xlsx_response(filename, header, body, sheet_title="Supply chain")
