"""One search across the hub, mounted at /search/."""

from django.urls import path

from hub.views import search

urlpatterns = [path("", search.search, name="search")]
