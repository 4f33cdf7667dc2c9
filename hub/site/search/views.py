"""The search page: one box across the hub, a filter by type and each type's facets."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse

from hub.base import search as hub_search
from hub.base.ratelimit import search_refusal

# Every search box shares one allowance: per address for visitors, per member for members.


def _url(**params) -> str:
    return reverse("search") + "?" + urlencode([(k, v) for k, v in params.items() if v], doseq=True)


def search(request):
    query = " ".join(request.GET.get("q", "").split())[: hub_search.MAX_QUERY_LENGTH]
    kind = request.GET.get("type", "all")
    kind = kind if kind in hub_search.type_keys() else "all"
    chosen = {name: request.GET.getlist(name)[:50] for name in hub_search.facet_names()}
    refusal = search_refusal(request, query)
    if refusal:
        return refusal
    results = hub_search.search(
        query, user=request.user, kind=kind, chosen=chosen, page=request.GET.get("page")
    )
    type_links = [
        {"key": "all", "label": "All results", "count": results.total, "url": _url(q=query)}
    ] + [
        {"key": g.key, "label": g.label, "count": g.count, "capped": g.capped,
         "url": _url(q=query, type=g.key)}
        for g in results.groups
        if g.count or g.key == kind  # only types with hits, and the one chosen
    ]  # fmt: skip
    picked = {name: values for name, values in chosen.items() if values}
    return render(
        request,
        "hub/search/results.html",
        {
            "results": results,
            "query": query,
            "kind": kind,
            "type_links": type_links,
            "current_type": next((t for t in type_links if t["key"] == kind), type_links[0]),
            "has_facets": kind != "all" and bool(picked),
            "clear_url": _url(q=query, type=kind if kind != "all" else ""),
            "page_query": urlencode(
                [("q", query), ("type", kind), *[(n, v) for n, vs in picked.items() for v in vs]]
            ),
            "min_length": hub_search.MIN_QUERY_LENGTH,
            "max_hits": hub_search.MAX_HITS,
        },
    )
