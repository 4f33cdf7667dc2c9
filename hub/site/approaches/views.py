"""The What works toolkit: every approach with its cost, evidence strength and impact, built
from case studies, and a page per approach with its case studies best evidenced first, its
numbers as a chart and a table, and the forum threads and workshop notes about its case studies.

Both pages work without JavaScript: the filters are a GET form and the table sorts by links.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cases.casestudies import selectors as cases
from forum import selectors as forum
from hub.base import content_cache
from hub.base.charts import diverging_bars
from hub.site.approaches.forms import ToolkitFilterForm
from hub.site.workshops import selectors as workshops

# Column -> (its label, the direction it sorts first: False ascending)
SORTS = {
    "title": ("Approach", False),
    "cost": ("Cost", False),
    "evidence": ("Evidence", True),
    "impact": ("Impact", True),
}
LOW = Decimal(-1000)


def _sort_key(column: str):
    def key(row):
        summary = row["summary"]
        if column == "cost":
            return summary.cost.median if summary.cost else Decimal(10**9)
        if column == "evidence":
            return summary.typical_padlocks or 0
        if column == "impact":
            return summary.impact.points if summary.impact else LOW
        return row["approach"].title.lower()

    return key


def _matches(row, data: dict) -> bool:
    approach, summary = row["approach"], row["summary"]
    for name, relation in (("group", "claimant_groups"), ("barrier", "barriers"),
                           ("stage", "journey_stages")):  # fmt: skip
        if data.get(name) and data[name] not in {t.slug for t in getattr(approach, relation).all()}:
            return False
    if data.get("cost") and (summary.cost is None or summary.cost.band.number > int(data["cost"])):
        return False
    if data.get("evidence") and (summary.typical_padlocks or 0) < int(data["evidence"]):
        return False
    if data.get("impact"):
        least = Decimal(data["impact"])
        if summary.impact is None or summary.impact.points < least:
            return False
        if least == 0 and summary.impact.points == 0:
            return False  # "any improvement" means more than nothing
    return True


def toolkit(request):
    # The toolkit is the same for every viewer with the same filters (published case studies
    # only, a GET form with no token): its content is rendered once and cached until a case
    # study, a link, an approach, a term or a record changes. Only queries made of the form's
    # own fields are cached, so made-up parameters cannot fill the cache.
    known = set(ToolkitFilterForm.base_fields) | {"sort"}
    key = None
    query = content_cache.query_parts(request, known)
    if query is not None:
        key = cases.approach_fragment_key("toolkit_page", query)
        main = cache.get(key)
        if main is not None:
            return _toolkit_page(request, main)
    main = str(render_to_string("hub/approaches/toolkit_main.html", _toolkit_context(request)))
    if key:
        cache.set(key, main, content_cache.TIMEOUT)
    return _toolkit_page(request, main)


def _toolkit_page(request, main: str):
    return render(
        request,
        "hub/approaches/toolkit.html",
        {
            "main": mark_safe(main),  # noqa: S308 - rendered by our own template
            "breadcrumbs": [("Home", "/")],
        },
    )


def _toolkit_context(request) -> dict:
    rules = cases.evidence_rules()
    form = ToolkitFilterForm(request.GET or None, cost_bands=rules["cost_bands"])
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    summaries = cases.approach_summaries()
    empty = cases.empty_summary()
    rows = [{"approach": a, "summary": summaries.get(a.pk, empty)} for a in cases.live_approaches()]
    shown = [row for row in rows if _matches(row, data)]
    sort = request.GET.get("sort", "evidence")
    column, reversed_ = sort.lstrip("-"), sort.startswith("-")
    if column not in SORTS:
        column, reversed_ = "evidence", False
    descending = SORTS[column][1] != reversed_
    shown.sort(key=lambda r: r["approach"].title.lower())
    shown.sort(key=_sort_key(column), reverse=descending)
    query = request.GET.copy()
    query.pop("sort", None)
    headers = []
    for key, (label, _first) in SORTS.items():
        q = query.copy()
        current = key == column
        # Selecting the current column turns its order round; another starts in its own.
        q["sort"] = ("-" + key if not reversed_ else key) if current else key
        headers.append({
            "key": key, "label": label, "query": q.urlencode(), "current": current,
            "aria_sort": ("descending" if descending else "ascending") if current else "none",
        })  # fmt: skip
    return {
        "form": form,
        "rows": shown,
        "total": len(rows),
        "headers": headers,
        "filtered": bool(data and any(data.values())),
        "rules": rules,
    }


def _chart(approach, listed) -> str | None:
    rows = [(item["case_study"].title, float(item["impact"])) for item in listed
            if item["impact"] is not None][:12]  # fmt: skip
    if not rows:
        return None
    return mark_safe(  # noqa: S308 - every text in it is escaped by diverging_bars
        diverging_bars(
            chart_id=f"impact-{approach.pk}",
            title=f"Impact of each case study of {approach.title}",
            desc="Each bar is one case study's job outcome rate minus its comparison's, in "
            "percentage points; the table below gives the same numbers.",
            rows=rows,
            unit=" pts",
        )
    )


def approach_detail(request, slug):
    # Everything but the sidebar is the same for every viewer: rendered once, cached until a
    # case study, a link, an approach or a performance record changes.
    key = cases.approach_fragment_key("approach_page", slug)
    page = cache.get(key)
    if page is None:
        approach = cases.live_approach(slug)
        if approach is None:
            raise Http404("No such approach.")
        summary, listed = cases.approach_case_studies(approach)
        main = render_to_string(
            "hub/approaches/approach_main.html",
            {
                "approach": approach,
                "summary": summary,
                "listed": listed,
                "chart": _chart(approach, listed),
                "rules": cases.evidence_rules(),
            },
        )
        page = {"pk": approach.pk, "title": approach.title, "summary": approach.summary}
        page["main"] = str(main)
        cache.set(key, page, content_cache.TIMEOUT)
    ids = cases.case_study_ids_of(page["pk"])
    return render(
        request,
        "hub/approaches/approach_detail.html",
        {
            "approach": page,
            "main": mark_safe(page["main"]),  # noqa: S308 - rendered by our own template
            # Forum threads depend on who is reading (readable categories): never cached here.
            "threads": forum.threads_about_case_studies(user=request.user, case_studies=ids),
            # Published workshop notes about published case studies: the same for everyone,
            # cached until a page is published or unpublished, or a case study or link changes.
            "workshops": content_cache.cached(
                "approach_workshops",
                [key],  # carries the case studies' version
                lambda: workshops.workshops_discussing(ids),
            ),
            "breadcrumbs": [("Home", "/"), ("What works", "/what-works/")],
        },
    )
