"""The Atom feed of new case studies, narrowed by the same GET filters as the list."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from cases.casestudies.filters import CaseStudyFilter
from cases.casestudies.models import CaseStudy
from hub.base import ratelimit
from hub.base.keys import among

FEED_ITEMS = 30
FILTER_NAMES = ("q", "group", "barrier", "stage", "area", "kind", "tag", "evidenced")


def filter_query(query) -> str:
    """The list's filters as a query string for its feed (no sort, no page)."""
    kept = query.copy()
    for key in list(kept):
        if key not in FILTER_NAMES:
            kept.pop(key)
    return kept.urlencode()


class CaseStudyFeed(Feed):
    """An Atom feed of the newest published case studies (never drafts or hidden ones: a feed
    is read signed out), filtered like the list it links to."""

    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request):
        filterset = CaseStudyFilter(request.GET or None, queryset=CaseStudy.objects.published())
        if filterset.is_bound and not filterset.is_valid():
            raise Http404("Those filters do not match the case-study list's.")
        text = filterset.search_text
        if text and ratelimit.search_refusal(request, text) is not None:
            raise Http404("Too many searches: try again in a minute.")
        return {
            "filterset": filterset,
            "query": filter_query(request.GET),
            "text": text,
        }

    def title(self, obj):
        suffix = " (filtered)" if obj["query"] else ""
        return f"New case studies{suffix} — {settings.SITE_NAME}"

    def subtitle(self, obj):
        return "What front-line teams in employment support found works."

    def link(self, obj):
        url = reverse("case_study_list")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def feed_url(self, obj):
        url = reverse("case_study_feed")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def items(self, obj):
        filterset = obj["filterset"]
        queryset = filterset.qs if filterset.is_bound else CaseStudy.objects.published()
        queryset = queryset.published()
        if obj["text"]:
            from hub.base.search import ranked_ids

            ranked = ranked_ids(obj["text"], CaseStudy.objects.published(), depth=200)
            queryset = among(queryset, ranked)
        return (
            queryset.select_related("organisation", "author")
            .prefetch_related("claimant_groups")
            .order_by("-published_at", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_author_name(self, item):
        return f"{item.author.public_name}, {item.organisation.name}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [g.name for g in item.claimant_groups.all()]


case_study_feed = CaseStudyFeed()
