"""The Atom feed of new case studies."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from cases.casestudies.models import CaseStudy


class CaseStudyFeed(Feed):
    """An Atom feed of the newest published case studies."""

    feed_type = Atom1Feed
    title = f"New case studies — {settings.SITE_NAME}"
    subtitle = "What front-line teams in employment support found works."
    description_template = None

    def link(self):
        return reverse("case_study_list")

    def items(self):
        return (
            CaseStudy.objects.published()
            .select_related("organisation", "author")
            .prefetch_related("claimant_groups")
            .order_by("-published_at", "-id")[:30]
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
