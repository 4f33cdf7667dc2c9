"""An Atom feed of opportunities, filtered by the list's own GET filters."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from hub.base.text import one_line
from toolkits.supplychains import selectors
from toolkits.supplychains.filters import OpportunityFilter
from toolkits.supplychains.models import Opportunity

FEED_SIZE = 50


class OpportunityFeed(Feed):
    feed_type = Atom1Feed
    title = "Subcontract opportunities"
    subtitle = "New subcontract opportunities published by prime contractors on the hub."

    def get_object(self, request, *args, **kwargs):
        self.query = request.GET.urlencode()
        filterset = OpportunityFilter(request.GET or None, queryset=Opportunity.objects.all())
        if filterset.is_bound and filterset.is_valid():
            return filterset.qs
        return Opportunity.objects.open()

    def link(self, obj):
        base = reverse("opportunity_list")
        return f"{base}?{self.query}" if self.query else base

    def items(self, obj):
        return list(selectors.with_related(obj).order_by(*selectors.ORDER)[:FEED_SIZE])

    def item_title(self, item):
        return one_line(f"{item.title} ({item.prime.name})")

    def item_description(self, item):
        areas = ", ".join(a.name for a in item.areas.all())
        return one_line(
            f"{item.programme.name} · {areas} · {item.get_services_display()} · "
            f"{item.referrals_per_month} referrals a month for {item.contract_months} months · "
            f"outcome payment £{item.outcome_payment:,.2f} · deadline {item.deadline:%-d %B %Y}"
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.prime.name
