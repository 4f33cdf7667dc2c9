"""Subcontract opportunities, mounted at /toolkits/opportunities/, and conduct feedback on
primes, at /toolkits/conduct/."""

from django.urls import path

from toolkits.supplychains.feeds import OpportunityFeed
from toolkits.supplychains.views import conduct, interest, opportunities

opportunity_patterns = [
    path("", opportunities.opportunity_list, name="opportunity_list"),
    path("feed/", OpportunityFeed(), name="opportunity_feed"),
    path("compare/", opportunities.opportunity_compare, name="opportunity_compare"),
    path("new/", opportunities.opportunity_create, name="opportunity_create"),
    path("watching/", opportunities.watches, name="opportunity_watches"),
    path("<int:pk>/", opportunities.opportunity_detail, name="opportunity_detail"),
    path("<int:pk>/edit/", opportunities.opportunity_edit, name="opportunity_edit"),
    path("<int:pk>/close/", opportunities.opportunity_close, name="opportunity_close"),
    path("<int:pk>/interest/", interest.eoi_send, name="eoi_send"),
    path("<int:pk>/interest/<int:eoi>/withdraw/", interest.eoi_withdraw, name="eoi_withdraw"),
    path("<int:pk>/expressions/", interest.eoi_list, name="opportunity_expressions"),
    path("<int:pk>/expressions/<int:eoi>/", interest.eoi_answer, name="eoi_answer"),
]

conduct_patterns = [
    path("<slug:slug>/", conduct.conduct_page, name="conduct_page"),
    path("<slug:slug>/answer/", conduct.conduct_answer, name="conduct_answer"),
    path("<slug:slug>/reply/", conduct.conduct_reply, name="conduct_reply"),
]
