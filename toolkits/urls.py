"""The toolkits' own views (the pages themselves are Wagtail pages served by the page tree)."""

from django.urls import include, path

from toolkits.urls_supplychains import conduct_patterns, opportunity_patterns

urlpatterns = [
    path("financial-model/", include("toolkits.urls_model")),
    path("opportunities/", include(opportunity_patterns)),
    path("conduct/", include(conduct_patterns)),
]
